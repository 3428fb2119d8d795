import type { OpParams } from '@lightattn/tensor-core';
import { TestData } from '@lightattn/tensor-core/testing';

/** A flash-attention test case of the WebGPU kernel tests: q [B, H, Tq, D], k [B, H, Tk, D], v [B, H, Tk, Dv]. */
export interface AttentionCase {
  B: number;
  H: number;
  Tq: number;
  Tk: number;
  D: number;
  Dv?: number;
  params?: Partial<OpParams<'flashAttention'>>;
  /** A [B, 1, 1, Tk] key-padding mask: keys j with j % 5 === 2 are padded. */
  padded?: boolean;
  /** q's range is ±2·scaleUp (large values test the f16 range checks). */
  scaleUp?: number;
  /** Key row j is multiplied by 1 + keyRamp·j/Tk: row maxima that keep growing along the keys. */
  keyRamp?: number;
}

/**
 * The inputs of a case (q, k in ±2, v and the output gradient g in ±1, from `seed`), its mask (the
 * padding mask, or the one true element calls without a mask pass) and its parameters.
 */
export function attentionCaseData(c: AttentionCase, seed: number) {
  const Dv = c.Dv ?? c.D;
  const data = new TestData(seed);
  const s = c.scaleUp ?? 1;
  return {
    Dv,
    q: data.f32([c.B, c.H, c.Tq, c.D], -2 * s, 2 * s),
    k: ramp(data.f32([c.B, c.H, c.Tk, c.D], -2, 2), c),
    v: data.f32([c.B, c.H, c.Tk, Dv], -1, 1),
    g: data.f32([c.B, c.H, c.Tq, Dv], -1, 1),
    mask: {
      shape: c.padded ? [c.B, 1, 1, c.Tk] : [1, 1, 1, 1],
      data: c.padded ? Array.from({ length: c.B * c.Tk }, (_, j) => (j % 5 === 2 ? 0 : 1)) : [1],
    },
    params: { causal: false, scale: 1 / Math.sqrt(c.D), p: 0, seed: 0, offset: 0, rowOffset: 0, rows: c.Tq, ...c.params } as OpParams<'flashAttention'>,
  };
}

function ramp<T extends { data: readonly number[] }>(k: T, c: AttentionCase): T {
  if (!c.keyRamp) return k;
  const r = c.keyRamp;
  return { ...k, data: k.data.map((x, i) => Math.fround(x * (1 + (r * (Math.floor(i / c.D) % c.Tk)) / c.Tk))) };
}
