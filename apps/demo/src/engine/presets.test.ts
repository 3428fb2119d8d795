import { describe, expect, it } from 'vitest';
import { trainDefaults } from './presets.js';
import { checkSettings } from './train-session.js';

describe('training defaults per device', () => {
  it('gives a real GPU a larger model than the CPU device or a software adapter, all valid settings', () => {
    const gpu = trainDefaults({ type: 'webgpu', softwareAdapter: null });
    const cpu = trainDefaults({ type: 'cpu', softwareAdapter: 'google / swiftshader' });
    const forced = trainDefaults({ type: 'webgpu', softwareAdapter: 'google / swiftshader' });
    expect(gpu).toMatchObject({ size: 'gpt2-nano', batch: 16, seq: 128 });
    expect(cpu).toMatchObject({ size: 'gpt2-tiny', batch: 8, seq: 48 });
    expect(forced.size).toBe('gpt2-tiny');
    expect(trainDefaults({ type: 'cpu', softwareAdapter: null }, 'leap', true)).toMatchObject({ family: 'leap', steps: 300 });
    for (const s of [gpu, cpu, forced]) expect(() => checkSettings(s)).not.toThrow();
  });
});
