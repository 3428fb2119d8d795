import { createCpuDevice, fromArray, full, matmul, scope, zeros, type Device } from '@lightattn/tensor-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createWasmDevice } from './wasm-device.js';

const one = await createWasmDevice({ threads: 1 });
const two = await createWasmDevice({ threads: 2 });
const cpu = createCpuDevice();
afterAll(() => {
  one.destroy();
  two.destroy();
});

/** Deterministic values in [−1, 1). */
function values(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

interface Case {
  a: number[];
  b: number[];
  transA: boolean;
  transB: boolean;
}

async function run(device: Device, c: Case): Promise<Float32Array> {
  const size = (s: number[]) => s.reduce((x, y) => x * y, 1);
  return scope(async () => {
    const a = fromArray(values(size(c.a), 1), { shape: c.a, device });
    const b = fromArray(values(size(c.b), 2), { shape: c.b, device });
    return (await matmul(a, b, { transA: c.transA, transB: c.transB }).toArray()) as Float32Array;
  });
}

// Sizes around the register block (4 rows × 8 columns), the row block (64) and the thread split.
const EDGES: [number, number, number][] = [
  [1, 1, 1],
  [3, 7, 9],
  [4, 8, 8],
  [5, 9, 17],
  [63, 65, 31],
  [64, 64, 64],
  [65, 63, 129],
  [130, 17, 8],
  [7, 300, 3],
];

describe('matmul on the WebAssembly device', () => {
  it('matches the float64 CPU device at tile, block and thread edges, in every layout, on 1 and 2 threads', async () => {
    for (const [m, k, n] of EDGES) {
      for (const transA of [false, true]) {
        for (const transB of [false, true]) {
          const c: Case = { a: transA ? [k, m] : [m, k], b: transB ? [n, k] : [k, n], transA, transB };
          const want = await run(cpu, c);
          for (const device of [one, two]) {
            const got = await run(device, c);
            for (let i = 0; i < want.length; i++)
              expect(Math.abs(got[i]! - want[i]!), `${device.name} ${JSON.stringify(c)} [${i}]`).toBeLessThan(1e-5 * Math.sqrt(k) + 1e-6);
          }
        }
      }
    }
  });

  it('broadcasts batch dimensions on either side', async () => {
    const cases: Case[] = [
      { a: [2, 1, 6, 5], b: [3, 5, 7], transA: false, transB: false },
      { a: [9, 4], b: [4, 3, 9, 11], transA: true, transB: false },
      { a: [5, 65, 33], b: [70, 33], transA: false, transB: true },
      { a: [2, 3, 16, 8], b: [2, 3, 16, 8], transA: false, transB: true },
    ];
    for (const c of cases) {
      const want = await run(cpu, c);
      for (const device of [one, two]) {
        const got = await run(device, c);
        for (let i = 0; i < want.length; i++) expect(Math.abs(got[i]! - want[i]!)).toBeLessThan(1e-5);
      }
    }
  });

  it('packs a b larger than the pack budget a range of panels at a time', async () => {
    const c: Case = { a: [3, 1024], b: [1024, 8200], transA: false, transB: false };
    const want = await run(cpu, c);
    const got = await run(two, c);
    let worst = 0;
    for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i]! - want[i]!));
    expect(worst).toBeLessThan(1e-4);
  });

  it('gives the same bits on 1 and 2 threads (each output is one thread’s sum over k in order)', async () => {
    for (const c of [
      { a: [200, 96], b: [96, 333], transA: false, transB: false },
      { a: [8, 64, 40], b: [8, 33, 64], transA: true, transB: true },
    ]) {
      expect(await run(two, c)).toEqual(await run(one, c));
    }
  });

  it('packs b only into its own scratch: a live tensor beside a reused block is untouched', async () => {
    // A freed 160-byte block is kept for reuse; the packed b of four distinct 5×3 matrices (four
    // panels of 5·8 floats) must not be packed into it, or it spills into the tensor after it.
    const hole = zeros([40], { device: one });
    const beside = full([64], 7, { device: one });
    hole.dispose();
    const c: Case = { a: [2, 5], b: [4, 5, 3], transA: false, transB: false };
    const want = await run(cpu, c);
    const got = await run(one, c);
    for (let i = 0; i < want.length; i++) expect(Math.abs(got[i]! - want[i]!)).toBeLessThan(1e-5);
    expect(Array.from(await beside.toArray())).toEqual(new Array(64).fill(7));
    beside.dispose();
  });
});
