import * as ag from '@lightattn/autograd';
import * as tc from '@lightattn/tensor-core';
import { CpuDevice, createMetaDevice, type Device, type Tensor } from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import { lmHeadLoss } from './lm-loss.js';

// On a device that holds no data the chunked LM loss runs three chunks whatever their number
// (chunkStarts): the bytes must be those of running every chunk, which the CPU device does, and
// the work must not grow with the number of chunks.

interface Trace {
  forward: { allocated: number; peak: number };
  saved: number;
  backward: { allocated: number; peak: number };
}

function run(device: Device, [n, c, v]: [number, number, number], chunkTokens: number, needs: [boolean, boolean]): Trace {
  const hidden = tc.randn([n, c], { device, seed: 1 });
  const weight = tc.randn([v, c], { device, seed: 2 });
  [hidden.requiresGrad, weight.requiresGrad] = needs;
  const targets = tc.scope(() => tc.cast(tc.mul(tc.rand([n], { device, seed: 3 }), tc.full([], v - 0.01, { device })), 'i32'));
  device.memory.resetPeak();
  const { result: loss, ledger } = ag.withLedger(() => lmHeadLoss(hidden, weight, targets, { chunkTokens }));
  const forward = { allocated: device.memory.allocated, peak: device.memory.peak };
  const saved = ledger.total;
  device.memory.resetPeak();
  loss.backward();
  const backward = { allocated: device.memory.allocated, peak: device.memory.peak };
  ledger.close();
  for (const t of [hidden, weight]) t.grad?.dispose();
  for (const t of [hidden, weight, targets, loss]) t.dispose();
  expect(device.memory.allocated).toBe(0);
  return { forward, saved, backward };
}

describe('the chunked LM loss on the meta device', () => {
  const cases: [string, [number, number, number], number, [boolean, boolean]][] = [
    ['23 rows in chunks of 4 (five full chunks and one of 3)', [23, 6, 11], 4, [true, true]],
    ['24 rows in chunks of 4 (six full chunks)', [24, 6, 11], 4, [true, true]],
    ['9 rows in chunks of 4 (two full chunks and one of 1)', [9, 6, 11], 4, [true, true]],
    ['5 rows in chunks of 4 (one of each)', [5, 6, 11], 4, [true, true]],
    ['one row per chunk, only the head weight needs a gradient', [13, 6, 11], 1, [false, true]],
    ['chunks of 3, only the hidden states need a gradient', [17, 6, 11], 3, [true, false]],
  ];
  for (const [name, sizes, chunk, needs] of cases) {
    it(`accounts the bytes of running every chunk (CPU device): ${name}`, () => {
      const cpu = run(new CpuDevice(), sizes, chunk, needs);
      expect(run(createMetaDevice(), sizes, chunk, needs)).toEqual(cpu);
      expect(cpu.backward.peak).toBeGreaterThan(cpu.forward.allocated);
    });
  }

  it('does the same work for 10 chunks as for 100,000: the op count does not grow with the chunks', () => {
    const opsFor = (chunks: number) => {
      const device = createMetaDevice();
      const [n, c, v] = [100_000, 64, 50257];
      const hidden = tc.zeros([n, c], { device });
      const weight = tc.zeros([v, c], { device });
      hidden.requiresGrad = weight.requiresGrad = true;
      const targets = tc.zeros([n], { dtype: 'i32', device });
      const before = device.opsRun;
      const loss: Tensor = lmHeadLoss(hidden, weight, targets, { chunkTokens: n / chunks });
      loss.backward();
      const ops = device.opsRun - before;
      for (const t of [hidden, weight]) t.grad?.dispose();
      for (const t of [hidden, weight, targets, loss]) t.dispose();
      return ops;
    };
    const few = opsFor(10);
    expect(few).toBeGreaterThan(0);
    expect(opsFor(100_000)).toBe(few);
  });
});
