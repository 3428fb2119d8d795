import { fromArray, scope, type Device } from '@lightattn/tensor-core';
import { expect } from 'vitest';
import type { LeapVariant, LeapWindow } from '../config.js';
import { leapAttention, maskBias } from '../leap-core.js';
import { maxRelativeError } from '@lightattn/tensor-core/testing';
import { uniformData } from './random.js';
import { leapReference } from './reference.js';

/** Inputs for [B, T, d] with batch row 1 padded at both ends (its first 3 and last 20 positions). */
export function inputs(B: number, T: number, d: number, seed: number) {
  const n = B * T * d;
  const mask = Array.from({ length: B * T }, (_, i) => {
    const [b, t] = [Math.floor(i / T), i % T];
    return b === 1 && (t < 3 || t >= T - 20) ? 0 : 1;
  });
  return { q: uniformData(n, seed), a: uniformData(n, seed + 1, -2, 2), b: uniformData(n, seed + 2, -2, 2), v: uniformData(n, seed + 3), mask };
}

async function runLayer(device: Device, variant: LeapVariant, window: LeapWindow, B: number, T: number, d: number, H: number) {
  const x = inputs(B, T, d, 11);
  const expected = leapReference({ ...x, bias: x.mask.map((m) => (m ? 0 : -10000)), B, T, d, nHeads: H, window, variant });
  const actual = await scope(async () => {
    const t = (data: number[]) => fromArray(data, { shape: [B, T, d], device });
    const bias = maskBias(fromArray(x.mask, { shape: [B, T], device }));
    const { output, focus } = leapAttention(t(x.q), t(x.a), t(x.b), t(x.v), { variant, nHeads: H, window, bias, focus: true });
    return { out: await output.toArray(), logWeights: await focus!.logWeights.toArray(), logNormalizer: await focus!.logNormalizer.toArray() };
  });
  return { actual, expected, mask: x.mask };
}

/**
 * One LEAP layer on `device` (B 2, d 8, 2 heads) against leapReference: outputs and focus. Positions
 * whose whole window is padding compare loosely: their logits carry −10000 in f32 (ulp 2⁻¹⁰), so
 * their weights are only good to ~5e-4; they are padding outputs, and no unpadded output reads them.
 */
export async function checkAgainstReference(device: Device, variant: LeapVariant, window: LeapWindow, T: number): Promise<void> {
  const [B, d, H] = [2, 8, 2];
  const { actual, expected, mask } = await runLayer(device, variant, window, B, T, d, H);
  const dh = d / H;
  const pick = (values: ArrayLike<number>, keep: (bt: number) => boolean, width: number) =>
    Array.from(values).filter((_, i) => keep(Math.floor(i / (width * H))));
  const padded = (bt: number) => mask[bt] === 0;
  expect(
    maxRelativeError(
      pick(actual.out, (bt) => !padded(bt), dh),
      pick(expected.out, (bt) => !padded(bt), dh),
      dh,
    ),
  ).toBeLessThan(2e-5);
  expect(maxRelativeError(pick(actual.out, padded, dh), pick(expected.out, padded, dh), dh)).toBeLessThan(2e-3);
  // Logits and log-normalisers: absolute error against 1 + |value| (f32 rounding of ℓ − 10000 is 5e-4).
  for (const key of ['logWeights', 'logNormalizer'] as const) {
    Array.from(actual[key]).forEach((a, i) => expect(Math.abs(a - expected[key][i]!)).toBeLessThan(2e-5 * (1 + Math.abs(expected[key][i]!))));
  }
}
