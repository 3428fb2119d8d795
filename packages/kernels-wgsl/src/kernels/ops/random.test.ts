import { createCpuDevice, dropoutMask, rand, randn, type Tensor } from '@lightattn/tensor-core';
import { afterAll, describe, expect, it } from 'vitest';
import { webgpuTestDevice } from '../../test/webgpu-test-device.js';

const device = await webgpuTestDevice();
const cpu = createCpuDevice();

async function bits(t: Tensor): Promise<Uint32Array> {
  const v = await t.toArray();
  t.dispose();
  return new Uint32Array(v.buffer.slice(0));
}

// Seeds and offsets beyond 2^32 exercise the high key and counter words.
const STATES = [
  { seed: 0, offset: 0 },
  { seed: 42, offset: 1 },
  { seed: 0xffffffff, offset: 0xffffffff },
  { seed: 2 ** 40 + 12345, offset: 2 ** 33 + 7 },
  { seed: Number.MAX_SAFE_INTEGER, offset: Number.MAX_SAFE_INTEGER },
];

describe.skipIf(!device)('Philox on WebGPU', () => {
  const d = device!;
  afterAll(() => d.destroy());

  it('draws uniforms bit-identical to the CPU reference', async () => {
    for (const state of STATES) {
      for (const n of [1, 5, 4099]) {
        const gpu = await bits(rand([n], { device: d, ...state }));
        const ref = await bits(rand([n], { device: cpu, ...state }));
        expect(gpu, `seed ${state.seed} offset ${state.offset} n ${n}`).toEqual(ref);
      }
    }
  });

  it('draws dropout masks bit-identical to the CPU, thresholds included', async () => {
    // p exactly on a 2^-24 step (u ≥ p must keep u = p) and just above and below it.
    const edge = 5_000_000 / 2 ** 24;
    for (const p of [0, 1, 0.1, 0.5, edge, edge + 2 ** -30, edge - 2 ** -30]) {
      for (const state of STATES.slice(0, 3)) {
        const gpu = Array.from(await dropoutMask([4099], p, { device: d, ...state }).toArray());
        const ref = Array.from(await dropoutMask([4099], p, { device: cpu, ...state }).toArray());
        expect(gpu, `p ${p}`).toEqual(ref);
      }
    }
    const all = await dropoutMask([1000], 0, { device: d, seed: 1 }).toArray();
    expect(all.every((v) => v === 1)).toBe(true);
    const none = await dropoutMask([1000], 1, { device: d, seed: 1 }).toArray();
    expect(none.every((v) => v === 0)).toBe(true);
  });

  it('draws normals within 1e-6 of the CPU reference (same Box–Muller lanes)', async () => {
    for (const state of STATES) {
      const n = 20001;
      const gpu = await randn([n], { device: d, ...state }).toArray();
      const ref = await randn([n], { device: cpu, ...state }).toArray();
      let worst = 0;
      for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(gpu[i]! - ref[i]!));
      expect(worst, `seed ${state.seed}`).toBeLessThan(1e-6);
    }
  });

  it('applies the affine maps of rand(low, high) and randn(mean, std)', async () => {
    const state = { seed: 9, offset: 3 };
    const u = await rand([777], { device: d, low: -2, high: 3, ...state }).toArray();
    const uRef = await rand([777], { device: cpu, low: -2, high: 3, ...state }).toArray();
    // f32 low + scale·u against the CPU's one rounding of the float64 value: within an ulp.
    u.forEach((v, i) => expect(Math.abs(v - uRef[i]!)).toBeLessThanOrEqual(Math.abs(uRef[i]!) * 2 ** -23 + 2 ** -22));
    const z = await randn([777], { device: d, mean: 5, std: 0.5, ...state }).toArray();
    const zRef = await randn([777], { device: cpu, mean: 5, std: 0.5, ...state }).toArray();
    z.forEach((v, i) => expect(Math.abs(v - zRef[i]!)).toBeLessThan(2e-6));
  });
});
