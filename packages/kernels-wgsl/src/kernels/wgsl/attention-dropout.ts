import type { DispatchBuilder } from '../../kernel-api.js';
import { WGSL_PHILOX } from './philox.js';

/**
 * The attention dropout rule in WGSL (tensor-core's cpu/kernels/attention-dropout.ts): for flat
 * matrix index b and row i of a call holding rows rowOffset … of `rows`, with N mask columns,
 *   index = (b·rows + rowOffset + i)·N + j,  keep = (philox(seed, offset, ⌊index/4⌋)[index mod 4] >> 8) ≥ ⌈p·2^24⌉.
 * The index is 64-bit (B·H·T² passes 2^32 at T 16384), so rows·N is formed with mulhi32 and the
 * Philox counter takes both block words. Kept elements scale by 1/(1 − p); p = 1 drops everything.
 *
 * Uniforms: seed_lo/hi, offset_lo/hi, threshold (u32), keep_scale (f32), drop_cols (N).
 */
export function dropoutUniforms(b: DispatchBuilder, p: { p: number; seed: number; offset: number }, columns: number): void {
  b.u32('seed_lo', p.seed >>> 0).u32('seed_hi', Math.floor(p.seed / 2 ** 32) >>> 0);
  b.u32('offset_lo', p.offset >>> 0).u32('offset_hi', Math.floor(p.offset / 2 ** 32) >>> 0);
  // u ≥ p ⇔ (w >> 8) ≥ ⌈p·2^24⌉ exactly (p·2^24 is exact in float64), as the dropoutMask kernel compares.
  b.u32('threshold', Math.ceil(p.p * 16777216));
  b.f32('keep_scale', p.p >= 1 ? 0 : 1 / (1 - p.p));
  b.u32('drop_cols', columns);
}

export const WGSL_ATTENTION_DROPOUT = /* wgsl */ `
${WGSL_PHILOX}

/** Philox4x32-10 of a 64-bit block number (block_lo, block_hi) in this call's stream. */
fn philox_block(block_lo: u32, block_hi: u32) -> vec4<u32> {
  return philox4x32_10(vec2<u32>(u.seed_lo, u.seed_hi), vec4<u32>(block_lo, block_hi, u.offset_lo, u.offset_hi));
}

fn keep_of(word: u32) -> f32 { return select(0.0, u.keep_scale, (word >> 8u) >= u.threshold); }

/** A walk along one mask row: the words of the last Philox block are reused for the next three columns. */
struct DropRow {
  start_lo: u32,
  start_hi: u32,
  block_lo: u32,
  block_hi: u32,
  words: vec4<u32>,
  valid: bool,
}

/** The walk of global mask row g (= b·rows + rowOffset + i): index g·N + j. */
fn drop_row(g: u32) -> DropRow {
  return DropRow(g * u.drop_cols, mulhi32(g, u.drop_cols), 0u, 0u, vec4<u32>(), false);
}

/** z = 1/(1 − p) or 0 for column j of the row. */
fn drop_scale(row: ptr<function, DropRow>, j: u32) -> f32 {
  let lo = (*row).start_lo + j;
  let hi = (*row).start_hi + select(0u, 1u, lo < (*row).start_lo);
  let block_lo = (lo >> 2u) | (hi << 30u);
  let block_hi = hi >> 2u;
  if (!(*row).valid || block_lo != (*row).block_lo || block_hi != (*row).block_hi) {
    (*row).words = philox_block(block_lo, block_hi);
    (*row).block_lo = block_lo;
    (*row).block_hi = block_hi;
    (*row).valid = true;
  }
  return keep_of((*row).words[lo & 3u]);
}

/** z for columns j … j + 3 of global mask row g, from at most two Philox blocks. */
fn drop_scale4(g: u32, j: u32) -> vec4<f32> {
  let start_lo = g * u.drop_cols;
  let start_hi = mulhi32(g, u.drop_cols);
  let lo = start_lo + j;
  let hi = start_hi + select(0u, 1u, lo < start_lo);
  let block_lo = (lo >> 2u) | (hi << 30u);
  let block_hi = hi >> 2u;
  let first = lo & 3u;
  let w0 = philox_block(block_lo, block_hi);
  var w1 = w0;
  if (first != 0u) {
    let next_lo = block_lo + 1u;
    w1 = philox_block(next_lo, block_hi + select(0u, 1u, next_lo == 0u));
  }
  var z = vec4<f32>();
  for (var q = 0u; q < 4u; q++) {
    let e = first + q;
    var w = 0u;
    if (e < 4u) { w = w0[e]; } else { w = w1[e - 4u]; }
    z[q] = keep_of(w);
  }
  return z;
}`;
