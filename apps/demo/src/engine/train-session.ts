import * as ag from '@lightattn/autograd';
import { CharTokenizer, type AttnImpl } from '@lightattn/gpt2-model';
import type { LeapVariant } from '@lightattn/leap-attention';
import * as tc from '@lightattn/tensor-core';
import { LightattnError, type Device, type Tensor } from '@lightattn/tensor-core';
import { checkTrainingText, TokenBatcher } from './corpus.js';
import { DeviceLock, nextTask } from './device-lock.js';
import { buildModel, type DemoModel, type ModelFamily, type ModelSize, type ModelSpec } from './model-spec.js';

export interface TrainSettings {
  family: ModelFamily;
  size: ModelSize;
  attnImpl: AttnImpl;
  leapVariant: LeapVariant;
  batch: number;
  seq: number;
  /** AdamW's learning rate. */
  lr: number;
  /** Stop after this many steps. */
  steps: number;
  seed: number;
}

export type TrainStatus = 'running' | 'paused' | 'finished' | 'stopped';

export interface TrainProgress {
  step: number;
  steps: number;
  loss: number;
  /** Training tokens (batch × seq) per second of the latest step, its loss readback included. */
  tokensPerSecond: number;
  elapsedMs: number;
  /** The device's accountant: bytes held by tensors, their peak, and what the device holds (its pool included). */
  memory: { allocated: number; peak: number; reserved: number };
  status: TrainStatus;
}

export const DEFAULT_TRAIN_SETTINGS: TrainSettings = {
  family: 'gpt2',
  size: 'gpt2-tiny',
  attnImpl: 'flash',
  leapVariant: 'seed',
  batch: 4,
  seq: 32,
  lr: 3e-3,
  steps: 200,
  seed: 0,
};

/**
 * A character-level model trained on a text with AdamW, one step at a time under the device lock,
 * with pause, resume and stop. The model stays usable (generate, download) after it stops.
 */
export class TrainSession {
  readonly tokenizer: CharTokenizer;
  readonly spec: ModelSpec;
  readonly model: DemoModel;
  private readonly optimizer: ag.AdamW;
  private readonly batcher: TokenBatcher;
  private step = 0;
  private lastLoss = NaN;
  private paused = false;
  private stopped = false;
  private wake: (() => void) | null = null;
  private activeMs = 0;
  private lastTokensPerSecond = 0;

  constructor(
    readonly device: Device,
    text: string,
    readonly settings: TrainSettings,
  ) {
    checkSettings(settings);
    checkTrainingText(text);
    this.tokenizer = CharTokenizer.fromText(text);
    const ids = this.tokenizer.encode(text);
    this.batcher = new TokenBatcher(ids, settings.batch, settings.seq, settings.seed);
    this.spec = {
      family: settings.family,
      size: settings.size,
      vocabSize: this.tokenizer.vocabSize,
      nPositions: Math.max(256, settings.seq),
      dropout: 0,
      attnImpl: settings.attnImpl,
      leapVariant: settings.leapVariant,
    };
    this.model = buildModel(this.spec, device, settings.seed);
    this.optimizer = new ag.AdamW(this.model.parameters(), { lr: settings.lr, weightDecay: 0.01 });
  }

  get status(): TrainStatus {
    if (this.stopped) return this.step >= this.settings.steps ? 'finished' : 'stopped';
    return this.paused ? 'paused' : 'running';
  }

  /** One AdamW step on a fresh batch; returns the loss. */
  async trainStep(): Promise<number> {
    const { batch, seq } = this.settings;
    this.model.train();
    this.optimizer.zeroGrad();
    const loss = tc.scope(() => {
      const ids = tc.fromArray(this.batcher.next(), { shape: [batch, seq], dtype: 'i32', device: this.device });
      return this.model.forward(ids, { labels: ids, logits: 'none', lossChunkTokens: 1024 }).loss as Tensor;
    });
    try {
      loss.backward();
      this.optimizer.step();
      const [value] = await loss.toArray();
      if (!Number.isFinite(value))
        throw new LightattnError(`train: the loss became ${value} at step ${this.step + 1}; lower the learning rate (now ${this.settings.lr})`);
      this.step++;
      this.lastLoss = value!;
      return value!;
    } finally {
      loss.dispose();
    }
  }

  /**
   * Trains until `steps` or stop(), reporting after every step. Each step takes `lock`, so work
   * queued by other pages runs between steps.
   */
  async run(onProgress: (p: TrainProgress) => void, lock: DeviceLock = new DeviceLock()): Promise<TrainProgress> {
    const tokensPerStep = this.settings.batch * this.settings.seq;
    this.device.memory.resetPeak();
    while (!this.stopped && this.step < this.settings.steps) {
      if (this.paused) {
        onProgress(this.progress());
        await new Promise<void>((resolve) => (this.wake = resolve));
        continue;
      }
      const start = performance.now();
      await lock.run(() => this.trainStep());
      const ms = performance.now() - start;
      this.activeMs += ms;
      this.lastTokensPerSecond = (tokensPerStep * 1000) / ms;
      if (this.step >= this.settings.steps) this.stopped = true;
      onProgress(this.progress());
      await nextTask();
    }
    this.stopped = true;
    return this.progress();
  }

  pause(): void {
    if (!this.stopped) this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.wake?.();
    this.wake = null;
  }

  stop(): void {
    this.stopped = true;
    this.resume();
  }

  private progress(): TrainProgress {
    const m = this.device.memory;
    return {
      step: this.step,
      steps: this.settings.steps,
      loss: this.lastLoss,
      tokensPerSecond: this.lastTokensPerSecond,
      elapsedMs: this.activeMs,
      memory: { allocated: m.allocated, peak: m.peak, reserved: m.reserved },
      status: this.status,
    };
  }

  dispose(): void {
    this.stop();
    this.optimizer.zeroGrad();
    this.optimizer.dispose();
    this.model.dispose();
  }
}

export function checkSettings(s: TrainSettings): void {
  const problems: string[] = [];
  const int = (name: keyof TrainSettings, min: number, max: number) => {
    const v = s[name] as number;
    if (!(Number.isSafeInteger(v) && v >= min && v <= max)) problems.push(`${name} must be an integer in [${min}, ${max}], got ${v}`);
  };
  int('batch', 1, 256);
  int('seq', 2, 4096);
  int('steps', 1, 1_000_000);
  int('seed', 0, 2 ** 31 - 1);
  if (!(s.lr > 0 && s.lr < 1)) problems.push(`lr must be in (0, 1), got ${s.lr}`);
  if (problems.length) throw new LightattnError(`train settings: ${problems.join('; ')}`);
}
