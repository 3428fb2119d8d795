import type { TensorRef } from '@lightattn/tensor-core';
import { ceilDiv, DispatchBuilder, elementwiseMain, WGSL_FLOAT_BITS, type KernelCall, type KernelStep, type WgslKernel } from '../../kernel-api.js';
import { LEAP_AGGREGATES_WGSL, leapIndexWgsl, LEAP_READ_X_WGSL, LEAP_STATE_WGSL } from '../wgsl/leap-state.js';

/** Positions one invocation folds in sequence: short enough for many invocations, long enough to amortise the carries. */
const CHUNK = 64;
const WG_SCAN = 64;
const WG_COMBINE = 256;

type Pass = 'aggregate' | 'carry' | 'scan' | 'combine';
/** Where the scan pass writes: the outputs (unbounded windows), or the block prefixes/suffixes that `combine` joins. */
type Target = 'global' | 'prefix' | 'suffix';

interface Geometry {
  outer: number;
  T: number;
  inner: number;
  C: number;
  /** Columns: lines × max(C, 1) (one invocation per channel; with C = 0 one per line, for lse). */
  cols: number;
  block: number;
  blocks: number;
  /** Chunks per block. */
  cps: number;
}

/**
 * leapScan (see op-params.ts): a scan that crosses workgroups in three passes per direction, then a
 * combine for windowed scans.
 *
 * Unbounded windows: the axis is one block. `aggregate` folds each chunk of 64 positions into a
 * state (one invocation per chunk and channel), `carry` turns those into exclusive prefixes of the
 * chunks (sequential over the chunks of a block: T/64 of them), and `scan` folds each chunk again from
 * its carry, writing every position.
 *
 * Windows of w < T: blocks of w positions. The same three passes run forwards within each block
 * (prefixes, into the outputs) and backwards (suffixes, into scratch); `combine` then gives position
 * k·w + q the prefix [0, q] of block k merged with the suffix [q + 1, w) of block k − 1. No window is a
 * difference of sums, every partial sum covers at most w positive weights ≤ 1, so the error is that
 * of a sum of w terms in f32, whatever the sequence length (the argument of the CPU kernel).
 */
export const leapScanKernel: WgslKernel<'leapScan'> = (call) => {
  const [logits, x] = call.inputs;
  const { axis, window } = call.params;
  const shape = logits!.shape;
  const T = shape[axis]!;
  const outer = shape.slice(0, axis).reduce((a, b) => a * b, 1);
  const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const C = x!.shape[x!.shape.length - 1]!;
  if (T === 0 || outer * inner === 0) return [];
  const block = window === 0 || window >= T ? T : window;
  const g: Geometry = { outer, T, inner, C, cols: outer * inner * Math.max(C, 1), block, blocks: ceilDiv(T, block), cps: ceilDiv(block, CHUNK) };
  const steps: KernelStep[] = [];
  const direction = (target: Target) => {
    if (g.cps > 1) steps.push(dispatch(call, g, 'aggregate', target), dispatch(call, g, 'carry', target));
    steps.push(dispatch(call, g, 'scan', target));
  };
  if (block === T) direction('global');
  else {
    direction('prefix');
    direction('suffix');
    steps.push(dispatch(call, g, 'combine', 'prefix'));
  }
  return steps;
};

function dispatch(call: KernelCall<'leapScan'>, g: Geometry, pass: Pass, target: Target): KernelStep {
  const [logits, x] = call.inputs;
  const [mean, lse] = call.outputs;
  const b = new DispatchBuilder(call, `leap-scan-${pass}`, [target]);
  const lines = g.outer * g.T * g.inner;
  const tensorOrStub = (name: string, t: TensorRef, output: boolean) => {
    // With C = 0 there is no element to bind: a one-word scratch stands in (never read or written).
    if (g.C === 0) b.scratch(name, 'f32', 1);
    else if (output) b.output(name, t);
    else b.input(name, t);
  };
  const aggregates = () => ['agg_m', 'agg_z', 'agg_s'].forEach((name) => b.scratch(name, 'f32', g.cps > 1 ? g.cols * g.blocks * g.cps : 1));
  if (pass === 'aggregate' || pass === 'scan') {
    b.input('l', logits!);
    tensorOrStub('x', x!, false);
    aggregates();
  }
  if (pass === 'carry') aggregates();
  if ((pass === 'scan' && target !== 'suffix') || pass === 'combine') {
    tensorOrStub('mean', mean!, true);
    if (target === 'global' || pass === 'combine') b.output('lse', lse!);
    if (target === 'prefix') b.scratch('pre_lse', 'f32', lines);
  }
  if ((pass === 'scan' && target === 'suffix') || pass === 'combine') {
    b.scratch('suf_lse', 'f32', lines);
    b.scratch('suf_mean', 'f32', lines * Math.max(g.C, 1));
  }
  const n = pass === 'combine' ? g.cols * g.T : pass === 'carry' ? g.cols * g.blocks : g.cols * g.blocks * g.cps;
  b.u32('n', n)
    .u32('t_len', g.T)
    .u32('inner', g.inner)
    .u32('c_len', g.C)
    .u32('cc', Math.max(g.C, 1))
    .u32('cols', g.cols)
    .u32('block', g.block)
    .u32('cps', g.cps)
    .u32('chunk', CHUNK)
    .u32('rev', call.params.reverse ? 1 : 0);
  const wg = pass === 'combine' ? WG_COMBINE : WG_SCAN;
  const body = pass === 'combine' ? COMBINE_BODY : pass === 'carry' ? CARRY_BODY : pass === 'aggregate' ? AGGREGATE_BODY : scanBody(target);
  return b.build(
    ceilDiv(n, wg),
    (decls) => `${decls}
${WGSL_FLOAT_BITS}
${LEAP_STATE_WGSL}
${leapIndexWgsl(target === 'suffix')}
${pass === 'aggregate' || pass === 'scan' ? LEAP_READ_X_WGSL : ''}
${pass === 'combine' ? '' : LEAP_AGGREGATES_WGSL}
${elementwiseMain(wg, body)}`,
  );
}

/** Invocation i → (column, block g, chunk j), column fastest. */
const CHUNK_COORDS = `let col = i % u.cols;
  let gj = i / u.cols;
  let j = gj % u.cps;
  let g = gj / u.cps;
  let len = block_len(g);
  let r0 = j * u.chunk;`;

/** The total of every chunk but a block's last (the carries need no more). */
const AGGREGATE_BODY = `${CHUNK_COORDS}
  if (r0 + u.chunk >= len) { return; }
  var st = st_empty();
  for (var r = r0; r < r0 + u.chunk; r++) {
    let li = logit_index(col, block_pos(g, r));
    st = st_push(st, l_get(li), read_x(li, col_c(col)));
  }
  agg_store(gj * u.cols + col, st);`;

/** In place: chunk totals → exclusive prefixes over the chunks of the block (sequential, T/64 steps at most). */
const CARRY_BODY = `let col = i % u.cols;
  let g = i / u.cols;
  let count = chunk_count(g);
  var carry = st_empty();
  for (var j = 0u; j < count; j++) {
    let a = (g * u.cps + j) * u.cols + col;
    var total = st_empty();
    if (j + 1u < count) { total = agg_load(a); }
    agg_store(a, carry);
    carry = st_merge(carry, total);
  }`;

function scanBody(target: Target): string {
  const emit = {
    global: `if (u.c_len > 0u) { mean_set(li * u.c_len + c, st_mean(st)); }
    if (c == 0u) { lse_set(li, st_lse(st)); }`,
    prefix: `if (u.c_len > 0u) { mean_set(li * u.c_len + c, st_mean(st)); }
    if (c == 0u) { pre_lse_set(li, st_lse(st)); }`,
    suffix: `suf_mean_set(li * u.cc + c, st_mean(st));
    if (c == 0u) { suf_lse_set(li, st_lse(st)); }`,
  }[target];
  return `${CHUNK_COORDS}
  if (r0 >= len) { return; }
  let c = col_c(col);
  var st = st_empty();
  if (u.cps > 1u) { st = agg_load(gj * u.cols + col); }
  for (var r = r0; r < min(r0 + u.chunk, len); r++) {
    let li = logit_index(col, block_pos(g, r));
    st = st_push(st, l_get(li), read_x(li, c));
    ${emit}
  }`;
}

/** Position k·w + q: the prefix [0, q] of block k ⊕ the suffix [q + 1, w) of block k − 1. */
const COMBINE_BODY = `let col = i % u.cols;
  let p = i / u.cols;
  let q = p % u.block;
  let c = col_c(col);
  let li = logit_index(col, p);
  var prefix_mean = 0.0;
  if (u.c_len > 0u) { prefix_mean = mean_get(li * u.c_len + c); }
  var st = st_from(pre_lse_get(li), prefix_mean);
  if (p >= u.block && q + 1u < u.block) {
    let ls = logit_index(col, p - u.block + 1u);
    st = st_merge(st, st_from(suf_lse_get(ls), suf_mean_get(ls * u.cc + c)));
  }
  if (u.c_len > 0u) { mean_set(li * u.c_len + c, st_mean(st)); }
  if (c == 0u) { lse_set(li, st_lse(st)); }`;
