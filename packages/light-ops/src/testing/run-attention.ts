/**
 * Test support (not exported from the package): runs one attention implementation forward and
 * backward on a device from host data, and compares results with separate forward/backward
 * tolerances (tinygrad's helper_test_op habit).
 */
import { gradients, Generator } from '@lightattn/autograd';
import * as tc from '@lightattn/tensor-core';
import type { Device, Tensor } from '@lightattn/tensor-core';
import { assertAllClose } from '@lightattn/tensor-core/testing';
import { attention } from '../attention.js';
import type { AttentionOptions } from '../attention-options.js';

export interface HostAttentionInputs {
  B: number;
  H: number;
  Tq: number;
  Tk: number;
  D: number;
  q: Float32Array;
  k: Float32Array;
  v: Float32Array;
  /** Upstream gradient of the output. */
  g: Float32Array;
  /** Bool mask values and shape, or none. */
  mask?: { data: Uint8Array; shape: number[] };
}

export interface AttentionResult {
  out: Float32Array;
  dq: Float32Array;
  dk: Float32Array;
  dv: Float32Array;
}

/** mulberry32 values in [low, high): test inputs independent of the library's Philox. */
export function randomValues(n: number, seed: number, low = -1, high = 1): Float32Array {
  let a = seed >>> 0;
  return Float32Array.from({ length: n }, () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return low + (high - low) * (((t ^ (t >>> 14)) >>> 0) / 4294967296);
  });
}

export function makeInputs(B: number, H: number, Tq: number, Tk: number, D: number, seed = 1): HostAttentionInputs {
  return {
    B,
    H,
    Tq,
    Tk,
    D,
    q: randomValues(B * H * Tq * D, seed),
    k: randomValues(B * H * Tk * D, seed + 1),
    v: randomValues(B * H * Tk * D, seed + 2),
    g: randomValues(B * H * Tq * D, seed + 3),
  };
}

/**
 * attention(q, k, v, options) on `device`, then the gradients of ⟨out, g⟩. `dropoutSeed` makes a
 * fresh Generator so every implementation draws the same (seed, offset).
 */
export async function runAttention(device: Device, inputs: HostAttentionInputs, options: AttentionOptions, dropoutSeed = 1234): Promise<AttentionResult> {
  const { B, H, Tq, Tk, D } = inputs;
  const leaves: Tensor[] = [];
  const tensors = tc.scope(() => {
    const make = (data: Float32Array, shape: number[]) => {
      const t = tc.fromArray(data, { shape, device });
      t.requiresGrad = true;
      leaves.push(t);
      return t;
    };
    const q = make(inputs.q, [B, H, Tq, D]);
    const k = make(inputs.k, [B, H, Tk, D]);
    const v = make(inputs.v, [B, H, Tk, D]);
    const mask = inputs.mask ? tc.fromArray(inputs.mask.data, { shape: inputs.mask.shape, dtype: 'bool', device }) : null;
    const out = attention(q, k, v, { ...options, mask, generator: new Generator(dropoutSeed) });
    const g = tc.fromArray(inputs.g, { shape: [B, H, Tq, D], device });
    const [dq, dk, dv] = gradients(out, [q, k, v], { gradOutputs: [g] });
    return tc.keep([out, dq!, dk!, dv!]);
  });
  const [out, dq, dk, dv] = await Promise.all(tensors.map(async (t) => (await t.toArray()) as Float32Array));
  for (const t of [...tensors, ...leaves]) t.dispose();
  return { out: out!, dq: dq!, dk: dk!, dv: dv! };
}

export interface Tolerances {
  forward: { rtol: number; atol: number };
  backward: { rtol: number; atol: number };
}

/** fp32 tolerances for sums of a few hundred terms of magnitude ≤ 1. */
export const FP32: Tolerances = { forward: { rtol: 1e-5, atol: 1e-5 }, backward: { rtol: 1e-4, atol: 5e-5 } };

/** Throws, naming the field, the first mismatches and the largest errors, unless every field is close. */
export function expectClose(actual: AttentionResult, expected: AttentionResult, tol: Tolerances, label: string): void {
  for (const field of ['out', 'dq', 'dk', 'dv'] as const)
    assertAllClose(actual[field], expected[field], field === 'out' ? tol.forward : tol.backward, `${label}: ${field}`);
}
