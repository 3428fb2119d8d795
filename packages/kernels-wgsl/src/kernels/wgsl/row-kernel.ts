import { numel, type Shape } from '@lightattn/tensor-core';
import { WGSL_FLOAT_BITS, type DispatchBuilder, type KernelDeviceInfo } from '../../kernel-api.js';

/**
 * The machinery shared by the row kernels (reduce, argReduce, the softmax family, layer norm,
 * cross-entropy, cumsum): how a workgroup's invocations cover rows, the entry point, deterministic
 * workgroup and subgroup reductions, register-cached row loops, and online log-sum-exp.
 */

/** Invocations of every row kernel's workgroup (every adapter allows 256). */
export const WG = 256;

const pow2ceil = (n: number) => 2 ** Math.ceil(Math.log2(Math.max(1, n)));

/**
 * How the 256 invocations of a workgroup cover rows: `cols` rows at once, `lanes` invocations per row
 * (both powers of two). Rows whose elements are contiguous are lane-fastest (lid = c·lanes + lane),
 * so neighbouring lanes read neighbouring elements; rows strided by `inner` are column-fastest
 * (lid = lane·cols + c), so neighbouring invocations read neighbouring rows, which are neighbours in
 * memory. Short rows share a workgroup instead of leaving most of it idle.
 */
export interface RowLayout {
  readonly cols: number;
  readonly lanes: number;
  readonly laneFastest: boolean;
}

/** The layout for rows of `length` elements (`perLane` per invocation and pass), `inner` apart. */
export function rowLayout(length: number, inner: number, perLane = 1): RowLayout {
  const lanesWanted = Math.min(WG, pow2ceil(Math.ceil(length / perLane)));
  const cols = Math.min(WG, Math.max(WG / lanesWanted, inner === 1 ? 1 : Math.min(64, pow2ceil(inner))));
  return { cols, lanes: WG / cols, laneFastest: inner === 1 };
}

export const layoutKey = (l: RowLayout) => `${l.cols}x${l.lanes}${l.laneFastest ? 'l' : 'c'}`;

/**
 * Subgroup reductions apply when each row's lanes are whole subgroups: one row per workgroup, or
 * lane-fastest rows of at least the adapter's largest subgroup size (when the adapter reports it).
 */
export function useSubgroups(call: { readonly device: KernelDeviceInfo }, layout: RowLayout): boolean {
  const { features, subgroupMaxSize } = call.device;
  return features.subgroups && layout.laneFastest && (layout.cols === 1 || (subgroupMaxSize > 0 && layout.lanes >= subgroupMaxSize));
}

/**
 * The module header and entry point of a row kernel. The body sees `lid`, `c` (row within the
 * workgroup), `lane`, `row` (global row index, possibly ≥ the row count: guard with it) and
 * `sg_size`/`sg_id` (0 without subgroups), and must reach every reduction from uniform control flow.
 */
export function rowKernelWgsl(layout: RowLayout, subgroups: boolean, decls: string, helpers: string, body: string): string {
  const { cols, lanes, laneFastest } = layout;
  const sg = subgroups ? ', @builtin(subgroup_size) sg_size: u32, @builtin(subgroup_invocation_id) sg_id: u32' : '';
  return `${subgroups ? 'enable subgroups;\n' : ''}${decls}
${WGSL_FLOAT_BITS}
const COLS = ${cols}u;
const LANES = ${lanes}u;
${helpers}
@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32${sg}) {
  ${subgroups ? '' : 'let sg_size = 0u;\n  let sg_id = 0u;'}
  let c = ${laneFastest ? 'lid / LANES' : 'lid % COLS'};
  let lane = ${laneFastest ? 'lid % LANES' : 'lid / COLS'};
  let row = linear_workgroup(wid, nwg) * COLS + c;
  ${body}
}`;
}

/**
 * WGSL `fn <name>(v: T, lid, sg_size, sg_id) -> T`: combines the `LANES` values of each row with
 * `combine` and returns the result to every lane of the row. Deterministic: the combination order
 * depends only on the layout (and the subgroup size). Without subgroups it is a tree in workgroup
 * memory; with them a butterfly of subgroupShuffleXor inside each subgroup, then the same over the
 * per-subgroup results (which assumes subgroups are consecutive runs of local_invocation_index, as on
 * every Vulkan, Metal and D3D12 driver for 1-D workgroups). Must be called from uniform control flow.
 */
export function workgroupReduceWgsl(name: string, type: string, identity: string, combine: string, layout: RowLayout, subgroups: boolean): string {
  const buf = `${name}_buf`;
  if (subgroups) {
    if (!layout.laneFastest) throw new RangeError('subgroup reductions need lane-fastest rows');
    // Row c's per-subgroup results sit at buf[c·n …], n = LANES / sg_size, and shrink by sg_size a round.
    return `var<workgroup> ${buf}: array<${type}, ${WG}>;
fn ${name}_subgroup(v: ${type}, sg_size: u32) -> ${type} {
  var x = v;
  for (var o = sg_size / 2u; o > 0u; o = o / 2u) { x = ${combine}(x, subgroupShuffleXor(x, o)); }
  return x;
}
fn ${name}(v: ${type}, lid: u32, sg_size: u32, sg_id: u32) -> ${type} {
  let x = ${name}_subgroup(v, sg_size);
  if (LANES == sg_size) { return x; }
  let c = lid / LANES;
  let lane = lid % LANES;
  if (sg_id == 0u) { ${buf}[lid / sg_size] = x; }
  workgroupBarrier();
  for (var n = LANES / sg_size; n > 1u; n = (n + sg_size - 1u) / sg_size) {
    var y = ${identity};
    if (lane < n) { y = ${buf}[c * n + lane]; }
    y = ${name}_subgroup(y, sg_size);
    workgroupBarrier();
    if (sg_id == 0u && lane < n) { ${buf}[c * ((n + sg_size - 1u) / sg_size) + lane / sg_size] = y; }
    workgroupBarrier();
  }
  let r = ${buf}[c];
  workgroupBarrier();
  return r;
}`;
  }
  const step = layout.laneFastest ? '1u' : 'COLS';
  const first = layout.laneFastest ? '(lid / LANES) * LANES' : 'lid % COLS';
  const lane = layout.laneFastest ? 'lid % LANES' : 'lid / COLS';
  return `var<workgroup> ${buf}: array<${type}, ${WG}>;
fn ${name}(v: ${type}, lid: u32, sg_size: u32, sg_id: u32) -> ${type} {
  ${buf}[lid] = v;
  workgroupBarrier();
  let lane = ${lane};
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { ${buf}[lid] = ${combine}(${buf}[lid], ${buf}[lid + s * ${step}]); }
    workgroupBarrier();
  }
  let r = ${buf}[${first}];
  workgroupBarrier();
  return r;
}`;
}

/** Elements per lane that a row kernel keeps in registers between its passes. */
export const ROW_CACHE = 8;

/**
 * The loops of a row kernel over its lane's elements k = lane, lane + LANES, … < size, at element
 * index i = base + k·stride (`size`, `stride` are WGSL expressions). `cached`: rows of at most
 * ROW_CACHE·LANES elements are loaded once into registers (`preload`, all loads issued together) and
 * every later pass reads them there; otherwise each pass reads memory (`<input>_get(i)`) again.
 * `each(body)` gets the value of an input as `value(input)`; it skips lanes of rows out of range.
 */
export function rowLoop(
  cached: boolean,
  inputs: readonly string[],
  size: string,
  stride: string,
): { preload: string; each: (body: (value: (input: string) => string) => string) => string } {
  if (!cached) {
    return {
      preload: '',
      each: (body) => `if (in_range) {
    for (var k = lane; k < ${size}; k += LANES) {
      let i = base + k * ${stride};
      ${body((input) => `${input}_get(i)`)}
    }
  }`,
    };
  }
  const slots = (code: (j: number) => string) =>
    Array.from(
      { length: ROW_CACHE },
      (_, j) => `{ let k = lane + ${j}u * LANES; if (in_range && k < ${size}) { let i = base + k * ${stride}; ${code(j)} } }`,
    ).join('\n  ');
  return {
    preload: `${inputs.map((x) => `var ${x}_c: array<f32, ${ROW_CACHE}>;`).join('\n  ')}
  ${slots((j) => inputs.map((x) => `${x}_c[${j}] = ${x}_get(i);`).join(' '))}`,
    each: (body) => slots((j) => body((input) => `${input}_c[${j}]`)),
  };
}

/**
 * exp that keeps NaN: WGSL lets implementations assume finite floats, and SwiftShader's exp(NaN)
 * is +Inf. For arguments that may be NaN (x − lse of a NaN or all −Inf row, exp of a NaN output).
 */
export const WGSL_EXP_NAN = /* wgsl */ `
fn exp_nan(x: f32) -> f32 { return select(exp(x), x, is_nan(x)); }`;

/**
 * Online log-sum-exp: the state (m, s) stands for m + log s, m the running max. Pushing x > m
 * rescales s by exp(m − x), so no term overflows and each element is read once. NaN is sticky;
 * ±Inf maxima are the answer themselves (all −Inf → −Inf, any +Inf → +Inf), as on the CPU device.
 */
export const WGSL_LSE = /* wgsl */ `
fn lse_push(st: vec2<f32>, x: f32) -> vec2<f32> {
  if (is_nan(x) || is_nan(st.x)) { return vec2<f32>(f32_nan(), 0.0); }
  if (x > st.x) {
    if (is_inf(x)) { return vec2<f32>(x, 0.0); }
    if (is_inf(st.x)) { return vec2<f32>(x, 1.0); }
    return vec2<f32>(x, st.y * exp(st.x - x) + 1.0);
  }
  if (is_inf(st.x)) { return st; }
  return vec2<f32>(st.x, st.y + exp(x - st.x));
}
fn lse_combine(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> {
  if (is_nan(a.x) || is_nan(b.x)) { return vec2<f32>(f32_nan(), 0.0); }
  let m = max(a.x, b.x);
  if (is_inf(m)) { return vec2<f32>(m, 0.0); }
  let sa = select(a.y * exp(a.x - m), 0.0, is_inf(a.x));
  let sb = select(b.y * exp(b.x - m), 0.0, is_inf(b.x));
  return vec2<f32>(m, sa + sb);
}
fn lse_finish(st: vec2<f32>) -> f32 {
  if (is_nan(st.x) || is_inf(st.x)) { return st.x; }
  return st.x + log(st.y);
}`;

/**
 * WGSL `fn lse_row(st, lid, sg_size, sg_id) -> vec2<f32>`: the row's (max, Σ exp(x − max)) from each
 * lane's online state. A max reduction, one exp per lane to rescale its sum to the row max, then a
 * sum reduction: no exp inside the reduction trees (combining (m, s) pairs directly would cost two
 * per step, which made softmax bound by the special-function units). Needs WGSL_LSE's helpers.
 */
export function lseRowWgsl(layout: RowLayout, subgroups: boolean): string {
  return `fn lse_max(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return max(a, b);
}
fn lse_add(a: f32, b: f32) -> f32 { return a + b; }
${workgroupReduceWgsl('lse_max_row', 'f32', '-f32_inf()', 'lse_max', layout, subgroups)}
${workgroupReduceWgsl('lse_sum_row', 'f32', '0.0', 'lse_add', layout, subgroups)}
fn lse_row(st: vec2<f32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<f32> {
  let m = lse_max_row(st.x, lid, sg_size, sg_id);
  let finite = !(is_nan(m) || is_inf(m));
  let own = select(0.0, st.y * exp(st.x - m), finite && !is_inf(st.x));
  return vec2<f32>(m, lse_sum_row(own, lid, sg_size, sg_id));
}`;
}

/** A tensor seen as [outer, size, inner] around `axis`: row (o, i) is base + k·inner, base = o·size·inner + i. */
export function axisRows(shape: Shape, axis: number): { rows: number; size: number; inner: number } {
  const size = shape[axis]!;
  const inner = numel(shape.slice(axis + 1));
  return { rows: numel(shape.slice(0, axis)) * inner, size, inner };
}

/** Uniforms `rows`, `size`, `inner` and WGSL `row_base(row)` for `axisRows`. */
export function axisRowsWgsl(b: DispatchBuilder, shape: Shape, axis: number): string {
  const { rows, size, inner } = axisRows(shape, axis);
  b.u32('rows', rows).u32('size', size).u32('inner', inner);
  return 'fn row_base(row: u32) -> u32 { return (row / u.inner) * u.size * u.inner + row % u.inner; }';
}
