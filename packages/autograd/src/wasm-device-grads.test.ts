import { createWasmDevice } from '@lightattn/kernels-wasm';
import { createCpuDevice, fromArray, scope, type Device, type Tensor } from '@lightattn/tensor-core';
import { afterAll, describe, expect, it } from 'vitest';
import * as ag from './index.js';

// The WebAssembly device's f32 kernels (matmul, softmax, layer norm, gelu, the binary ops) under
// the differentiable functions: every gradient matches the float64 CPU device's, whose rules pass
// gradcheck, on one thread and on two.

const f64 = createCpuDevice({ precision: 'f64' });
const devices = [await createWasmDevice({ threads: 1 }), await createWasmDevice({ threads: 2 })];
afterAll(() => devices.forEach((d) => d.destroy()));

const values = (n: number, seed: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(i * 1.3 + seed) * 0.8);

interface Case {
  name: string;
  shapes: number[][];
  fn: (...xs: Tensor[]) => Tensor;
}

const CASES: Case[] = [
  {
    name: 'matmul chain with transposes and a broadcast batch',
    shapes: [
      [2, 7, 5],
      [9, 5],
      [2, 9, 6],
    ],
    fn: (a, w, c) => ag.matmul(ag.matmul(a, w, { transB: true }), c),
  },
  {
    name: 'attention-like softmax(q·kᵀ)·v',
    shapes: [
      [2, 6, 4],
      [2, 6, 4],
      [2, 6, 4],
    ],
    fn: (q, k, v) => ag.matmul(ag.softmax(ag.mul(ag.matmul(q, k, { transB: true }), 0.5), -1), v),
  },
  {
    name: 'layer norm, bias, gelu (an MLP block)',
    shapes: [[5, 12], [12], [12], [12, 20], [20]],
    fn: (x, w, b, m, c) => ag.gelu(ag.add(ag.matmul(ag.layerNorm(x, w, b), m), c)),
  },
  {
    name: 'sub, div and maximum with a broadcast row',
    shapes: [[4, 9], [9]],
    fn: (x, r) => ag.maximum(ag.div(ag.sub(r, x), ag.add(ag.mul(r, r), 1)), ag.mul(x, 0.1)),
  },
];

async function grads(device: Device, c: Case): Promise<Float64Array[]> {
  return scope(async () => {
    const xs = c.shapes.map((s, i) =>
      ag.param(
        fromArray(
          values(
            s.reduce((a, b) => a * b, 1),
            i,
          ),
          { shape: s, device },
        ),
      ),
    );
    // A weighted sum, so every output element's gradient differs.
    const y = c.fn(...xs);
    const weights = fromArray(
      values(
        y.shape.reduce((a, b) => a * b, 1),
        7,
      ),
      { shape: y.shape, device },
    );
    const gs = ag.gradients(ag.sum(ag.mul(y, weights)), xs);
    return Promise.all(gs.map(async (g) => Float64Array.from(await g.toArray())));
  });
}

describe('gradients on the WebAssembly device against the float64 CPU device', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const want = await grads(f64, c);
      for (const d of devices) {
        const got = await grads(d, c);
        got.forEach((g, i) => {
          let num = 0;
          let den = 0;
          for (let j = 0; j < g.length; j++) {
            num = Math.max(num, Math.abs(g[j]! - want[i]![j]!));
            den = Math.max(den, Math.abs(want[i]![j]!));
          }
          expect(num / Math.max(den, 1e-6), `${c.name}: input ${i} on ${d.threads} thread(s)`).toBeLessThan(1e-5);
        });
      }
    });
  }
});
