import { createCpuDevice } from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import { BUILTIN_TEXT } from './corpus.js';
import { DeviceLock } from './device-lock.js';
import { checkSettings, DEFAULT_TRAIN_SETTINGS, TrainSession, type TrainProgress } from './train-session.js';

const settings = { ...DEFAULT_TRAIN_SETTINGS, steps: 25, lr: 5e-3 };
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('TrainSession', () => {
  it('lowers the loss of a tiny GPT-2 on the CPU device, reporting every step', async () => {
    const session = new TrainSession(createCpuDevice(), BUILTIN_TEXT, settings);
    const seen: TrainProgress[] = [];
    const final = await session.run((p) => seen.push(p));
    expect(seen.map((p) => p.step)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(final.status).toBe('finished');
    expect(seen.at(-1)!.status).toBe('finished');
    const losses = seen.map((p) => p.loss);
    expect(mean(losses.slice(-5))).toBeLessThan(mean(losses.slice(0, 5)) * 0.9);
    expect(losses[0]).toBeCloseTo(Math.log(session.tokenizer.vocabSize), 0); // a fresh model is near uniform
    expect(final.tokensPerSecond).toBeGreaterThan(0);
    expect(final.memory.peak).toBeGreaterThanOrEqual(final.memory.allocated);
    session.dispose();
  });

  it('trains LEAP (v2) too', async () => {
    const session = new TrainSession(createCpuDevice(), BUILTIN_TEXT, { ...settings, family: 'leap', leapVariant: 'v2', steps: 15 });
    const losses: number[] = [];
    await session.run((p) => losses.push(p.loss));
    expect(mean(losses.slice(-3))).toBeLessThan(mean(losses.slice(0, 3)));
    expect(session.model.config.vocab_size).toBe(session.tokenizer.vocabSize);
    session.dispose();
  });

  it('pauses between steps, resumes, and stops early', async () => {
    const session = new TrainSession(createCpuDevice(), BUILTIN_TEXT, { ...settings, steps: 1000 });
    const statuses: string[] = [];
    let resumed = false;
    const done = session.run((p) => {
      statuses.push(`${p.status}@${p.step}`);
      if (p.step === 2 && p.status === 'running') session.pause();
      if (p.status === 'paused') {
        expect(session.status).toBe('paused');
        setTimeout(() => {
          resumed = true;
          session.resume();
        }, 50);
      }
      if (p.step === 4) session.stop();
    });
    const final = await done;
    expect(resumed).toBe(true);
    // stop() during the report of step 4 ends the run there.
    expect(statuses).toEqual(['running@1', 'running@2', 'paused@2', 'running@3', 'running@4']);
    expect(final.status).toBe('stopped');
    expect(final.step).toBe(4);
    session.dispose();
  });

  it('runs other work queued on the lock between its steps', async () => {
    const lock = new DeviceLock();
    const session = new TrainSession(createCpuDevice(), BUILTIN_TEXT, { ...settings, steps: 6 });
    const order: string[] = [];
    const done = session.run((p) => {
      order.push(`step ${p.step}`);
      if (p.step === 2) void lock.run(() => order.push('other'));
    }, lock);
    await done;
    expect(order.indexOf('other')).toBe(order.indexOf('step 2') + 1);
    session.dispose();
  });

  it('refuses an empty text, a text shorter than a window and bad settings', () => {
    const cpu = createCpuDevice();
    expect(() => new TrainSession(cpu, '', settings)).toThrow(/the text is empty/);
    expect(() => new TrainSession(cpu, 'short', settings)).toThrow(/5 tokens, fewer than the sequence length 32/);
    expect(() => checkSettings({ ...settings, batch: 0, lr: 2 })).toThrow(/batch must be an integer in \[1, 256\], got 0; lr must be in \(0, 1\), got 2/);
    expect(() => checkSettings({ ...settings, seq: 1 })).toThrow(/seq must be an integer in \[2, 4096\]/);
  });
});
