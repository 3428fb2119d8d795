import type { DeviceSummary } from '../worker/protocol.js';
import type { ModelFamily, ModelSize } from './model-spec.js';
import type { TrainSettings } from './train-session.js';
import { DEFAULT_TRAIN_SETTINGS } from './train-session.js';

/**
 * Training settings that fit the device: a real GPU trains a larger model on longer windows; the
 * CPU device (and a software adapter) gets GPT-2 tiny on short windows, which still learns words in
 * a few hundred steps. `minute` sizes the run to about a minute.
 */
export function trainDefaults(device: Pick<DeviceSummary, 'type' | 'softwareAdapter'>, family: ModelFamily = 'gpt2', minute = false): TrainSettings {
  const gpu = device.type === 'webgpu' && !device.softwareAdapter;
  const size: ModelSize = gpu ? 'gpt2-nano' : 'gpt2-tiny';
  return {
    ...DEFAULT_TRAIN_SETTINGS,
    family,
    size,
    batch: gpu ? 16 : 8,
    seq: gpu ? 128 : 48,
    lr: 3e-3,
    steps: minute ? (gpu ? 600 : 300) : gpu ? 400 : 200,
  };
}
