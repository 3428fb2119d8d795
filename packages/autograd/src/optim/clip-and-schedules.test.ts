import { describe, expect, it } from 'vitest';
import { fromArray } from '@lightattn/tensor-core';
import { param } from '../functional.js';
import { AdamW } from './adamw.js';
import { clipGradNorm } from './clip.js';
import { constantSchedule, cosineDecay, linearDecay, linearWarmup, LRScheduler, sequentialSchedule } from './schedules.js';

describe('clipGradNorm', () => {
  it('returns the global L2 norm and scales every gradient by maxNorm/(norm + 1e-6) when above', () => {
    const a = param(fromArray([0, 0]));
    const b = param(fromArray([0]));
    const c = param(fromArray([0])); // no gradient: ignored
    a.grad = fromArray([3, 4]);
    b.grad = fromArray([12]);
    const norm = clipGradNorm([a, b, c], 6.5); // √(9 + 16 + 144) = 13
    expect(norm.toArraySync()[0]).toBe(13);
    const coef = 6.5 / (13 + 1e-6);
    expect(a.grad.toArraySync()[0]).toBeCloseTo(3 * coef, 6);
    expect(b.grad.toArraySync()[0]).toBeCloseTo(12 * coef, 6);
    expect(c.grad).toBeNull();
    expect(a.grad.memoryTag).toBe('gradient');
  });

  it('leaves gradients below the threshold unchanged, and gives 0 without gradients', () => {
    const a = param(fromArray([0, 0]));
    a.grad = fromArray([0.3, 0.4]);
    expect(clipGradNorm([a], 1).toArraySync()[0]).toBeCloseTo(0.5, 7);
    expect(Array.from(a.grad.toArraySync())).toEqual([Math.fround(0.3), Math.fround(0.4)]);
    expect(clipGradNorm([param(fromArray([1]))], 1).toArraySync()[0]).toBe(0);
  });
});

describe('LR schedules', () => {
  it('linear warmup then cosine decay to a floor', () => {
    const s = linearWarmup(4, cosineDecay(10, { minFactor: 0.1 }));
    expect([0, 1, 2, 3].map(s)).toEqual([0.25, 0.5, 0.75, 1]);
    expect(s(4)).toBe(1);
    expect(s(9)).toBeCloseTo(0.1 + 0.9 * 0.5, 12); // halfway through the decay
    expect(s(14)).toBe(0.1);
    expect(s(1000)).toBe(0.1);
  });

  it('linear decay and sequential composition', () => {
    const d = linearDecay(4);
    expect([0, 1, 2, 3, 4, 5].map(d)).toEqual([1, 0.75, 0.5, 0.25, 0, 0]);
    const s = sequentialSchedule(
      { schedule: constantSchedule(0.5), steps: 2 },
      { schedule: linearDecay(2), steps: 2 },
      { schedule: constantSchedule(0.01), steps: 1 },
    );
    expect([0, 1, 2, 3, 4, 99].map(s)).toEqual([0.5, 0.5, 1, 0.5, 0.01, 0.01]);
  });

  it('LRScheduler sets each group lr from its initial lr', () => {
    const opt = new AdamW([{ params: [param(fromArray([1]))], lr: 0.1 }, { params: [param(fromArray([1]))] }], { lr: 0.01 });
    const sched = new LRScheduler(opt, linearWarmup(2, linearDecay(2)));
    expect(sched.lrs).toEqual([0.05, 0.005]);
    sched.step();
    expect(sched.lrs).toEqual([0.1, 0.01]);
    sched.step();
    sched.step();
    expect(sched.lrs[0]).toBeCloseTo(0.05, 12);
    expect(sched.stepCount).toBe(3);
  });
});
