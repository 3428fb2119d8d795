import { contiguousStrides, DeviceError, formatShape, numel, type Shape } from '@lightattn/tensor-core';
import { DispatchBuilder, MAX_RANK, stridedOffsetFn, WGSL_FLOAT_BITS, type KernelCall, type KernelDeviceInfo, type KernelStep, type WgslKernel } from '../kernel-api.js';
import { mergeDims } from './strided.js';

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

/** Subgroup reductions apply when one row fills the workgroup (its lanes are then whole subgroups). */
export function useSubgroups(call: { readonly device: KernelDeviceInfo }, layout: RowLayout): boolean {
  return call.device.features.subgroups && layout.cols === 1;
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
    if (layout.cols !== 1) throw new RangeError('subgroup reductions need one row per workgroup');
    return `var<workgroup> ${buf}: array<${type}, ${WG}>;
fn ${name}_subgroup(v: ${type}, sg_size: u32) -> ${type} {
  var x = v;
  for (var o = sg_size / 2u; o > 0u; o = o / 2u) { x = ${combine}(x, subgroupShuffleXor(x, o)); }
  return x;
}
fn ${name}(v: ${type}, lid: u32, sg_size: u32, sg_id: u32) -> ${type} {
  let x = ${name}_subgroup(v, sg_size);
  if (sg_id == 0u) { ${buf}[lid / sg_size] = x; }
  workgroupBarrier();
  for (var n = ${WG}u / sg_size; n > 1u; n = (n + sg_size - 1u) / sg_size) {
    var y = ${identity};
    if (lid < n) { y = ${buf}[lid]; }
    y = ${name}_subgroup(y, sg_size);
    workgroupBarrier();
    if (sg_id == 0u && lid < n) { ${buf}[lid / sg_size] = y; }
    workgroupBarrier();
  }
  let r = ${buf}[0];
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
export function rowLoop(cached: boolean, inputs: readonly string[], size: string, stride: string): { preload: string; each: (body: (value: (input: string) => string) => string) => string } {
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
    Array.from({ length: ROW_CACHE }, (_, j) => `{ let k = lane + ${j}u * LANES; if (in_range && k < ${size}) { let i = base + k * ${stride}; ${code(j)} } }`).join('\n  ');
  return {
    preload: `${inputs.map((x) => `var ${x}_c: array<f32, ${ROW_CACHE}>;`).join('\n  ')}
  ${slots((j) => inputs.map((x) => `${x}_c[${j}] = ${x}_get(i);`).join(' '))}`,
    each: (body) => slots((j) => body((input) => `${input}_c[${j}]`)),
  };
}

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

const nanAwareMax = (fn: 'max' | 'min') => /* wgsl */ `
fn red_combine(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return ${fn}(a, b);
}`;

const INT_IDENTITY: Record<'max' | 'min', Record<'i32' | 'u32', string>> = {
  max: { i32: 'bitcast<i32>(0x80000000u)', u32: '0u' },
  min: { i32: '2147483647i', u32: '0xffffffffu' },
};

/** State type, identity, per-element push, combine and final value of each reduction. */
function reduceFnWgsl(fn: string, type: string): { state: string; identity: string; push: string; helpers: string; finish: string } {
  if (fn === 'logsumexp') return { state: 'vec2<f32>', identity: 'vec2<f32>(-f32_inf(), 0.0)', push: 'lse_push(acc, v)', helpers: `${WGSL_LSE}\nfn red_combine(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> { return lse_combine(a, b); }`, finish: 'lse_finish(t)' };
  if (fn === 'max' || fn === 'min') {
    if (type === 'f32') return { state: 'f32', identity: fn === 'max' ? '-f32_inf()' : 'f32_inf()', push: 'red_combine(acc, v)', helpers: nanAwareMax(fn), finish: 't' };
    const helpers = `fn red_combine(a: ${type}, b: ${type}) -> ${type} { return ${fn}(a, b); }`;
    return { state: type, identity: INT_IDENTITY[fn][type as 'i32' | 'u32'], push: `${fn}(acc, v)`, helpers, finish: 't' };
  }
  // sum and mean; i32/u32 adds wrap modulo 2^32 as on the CPU device. Mean of nothing is 0/0 = NaN.
  const finish = fn === 'mean' ? 'select(t / f32(u.count), f32_nan(), u.count == 0u)' : 't';
  return { state: type, identity: `${type}(0)`, push: 'acc + v', helpers: `fn red_combine(a: ${type}, b: ${type}) -> ${type} { return a + b; }`, finish };
}

function checkRank(op: string, rank: number, shape: Shape): void {
  if (rank > MAX_RANK) throw new DeviceError(`${op}: ${formatShape(shape)} needs ${rank} strided dimensions after merging; the WebGPU kernels handle at most ${MAX_RANK}`);
}

/**
 * Outputs whose reductions are split over several workgroups: enough workgroups to fill a large GPU
 * (~512), each chunk at least 256 elements. Column sums such as a bias gradient over [B·T, C] would
 * otherwise run on C/64 workgroups.
 */
function splitCount(workgroups: number, count: number): number {
  return Math.max(1, Math.min(Math.ceil(512 / workgroups), Math.floor(count / 256), 1024));
}

interface ReduceGeometry {
  readonly rows: number;
  readonly count: number;
  readonly kept: { dims: number[]; strides: number[] };
  readonly reduced: { dims: number[]; strides: number[] };
  readonly adjacent: number;
}

/**
 * sum / mean / max / min / logsumexp over any sorted axes, without permute copies. The kept and the
 * reduced axes are each merged where contiguous; output o reads kept_offset(o) + red_offset(r) for
 * r < count (one multiply when the reduced axes merge into one dimension, a strided walk otherwise).
 * When the innermost axis is reduced, a row's elements are contiguous and its lanes read neighbours;
 * otherwise neighbouring invocations take neighbouring outputs (column-fastest), which is coalesced.
 * With few outputs and long reductions, a first pass reduces `split` chunks of each output into
 * per-chunk states in a scratch buffer and a second pass combines them in chunk order (deterministic).
 */
export const reduceKernel: WgslKernel<'reduce'> = (call) => {
  const x = call.inputs[0]!;
  const { fn, axes } = call.params;
  const rows = numel(call.outputs[0]!.shape);
  if (rows === 0) return [];
  const shape = x.shape;
  const strides = contiguousStrides(shape);
  const keptAxes = shape.map((_, d) => d).filter((d) => !axes.includes(d));
  const kept = mergeDims(keptAxes.map((d) => shape[d]!), [keptAxes.map((d) => strides[d]!)]);
  const reduced = mergeDims(axes.map((d) => shape[d]!), [axes.map((d) => strides[d]!)]);
  checkRank(`reduce ${fn}`, Math.max(kept.dims.length, reduced.dims.length), shape);
  let innermost = shape.length - 1;
  while (innermost >= 0 && shape[innermost] === 1) innermost--;
  // Column-fastest when the innermost axis is kept: neighbouring outputs are neighbours in the input.
  const adjacent = innermost < 0 || axes.includes(innermost) ? 1 : kept.dims[kept.dims.length - 1]!;
  const g: ReduceGeometry = {
    rows,
    count: numel(axes.map((d) => shape[d]!)),
    kept: { dims: kept.dims, strides: kept.strides[0]! },
    reduced: { dims: reduced.dims, strides: reduced.strides[0]! },
    adjacent,
  };
  const split = splitCount(Math.ceil(rows / rowLayout(g.count, adjacent).cols), g.count);
  if (split === 1) return reducePass(call, g, 1);
  return [reducePass(call, g, split), combinePass(call, g, split)];
};

const stateWords = (fn: string) => (fn === 'logsumexp' ? 2 : 1);

/** WGSL storing/loading a reduction state in the `partials` scratch buffer. */
function stateIo(fn: string, state: string): string {
  if (stateWords(fn) === 2) {
    return `fn store_state(i: u32, s: vec2<f32>) { partials_set(2u * i, s.x); partials_set(2u * i + 1u, s.y); }
fn load_state(i: u32) -> vec2<f32> { return vec2<f32>(partials_get(2u * i), partials_get(2u * i + 1u)); }`;
  }
  return `fn store_state(i: u32, s: ${state}) { partials_set(i, s); }\nfn load_state(i: u32) -> ${state} { return partials_get(i); }`;
}

/**
 * Reduces chunk r ∈ [chunk·span, (chunk + 1)·span) of output o for every virtual row v = chunk·rows + o
 * (consecutive v are consecutive outputs, so column-fastest reads stay coalesced). With split = 1 this
 * is the whole reduction and writes the result; otherwise it writes the chunk's state.
 */
function reducePass(call: KernelCall<'reduce'>, g: ReduceGeometry, split: number): KernelStep {
  const { fn } = call.params;
  const x = call.inputs[0]!;
  const layout = rowLayout(Math.ceil(g.count / split), g.adjacent);
  const subgroups = useSubgroups(call, layout);
  const redMode = g.reduced.dims.length <= 1 ? '1d' : 'nd';
  const b = new DispatchBuilder(call, 'reduce', [fn, layoutKey(layout), redMode, subgroups ? 'sg' : 'wg', split > 1 ? 'partial' : 'whole']);
  const xs = b.input('x', x);
  const f = reduceFnWgsl(fn, xs.type);
  if (split > 1) b.scratch('partials', xs.type === 'f32' || fn === 'logsumexp' ? 'f32' : (xs.type as 'i32' | 'u32'), stateWords(fn) * split * g.rows);
  else b.output('y', call.outputs[0]!);
  const span = Math.ceil(g.count / split);
  b.u32('vrows', g.rows * split).u32('out_rows', g.rows).u32('count', g.count).u32('span', span).u32('kept_rank', g.kept.dims.length);
  b.uniforms.u32Array('kept_shape', g.kept.dims).u32Array('kept_strides', g.kept.strides);
  let redOffset: string;
  if (redMode === '1d') {
    b.u32('red_stride', g.reduced.strides[0] ?? 0);
    redOffset = 'fn red_offset(r: u32) -> u32 { return r * u.red_stride; }';
  } else {
    b.u32('red_rank', g.reduced.dims.length);
    b.uniforms.u32Array('red_shape', g.reduced.dims).u32Array('red_strides', g.reduced.strides);
    redOffset = stridedOffsetFn('red_offset', 'red_rank', 'red_shape', 'red_strides');
  }
  const helpers = [
    f.helpers,
    split > 1 ? stateIo(fn, f.state) : '',
    stridedOffsetFn('kept_offset', 'kept_rank', 'kept_shape', 'kept_strides'),
    redOffset,
    workgroupReduceWgsl('reduce_row', f.state, f.identity, 'red_combine', layout, subgroups),
  ].join('\n');
  return b.build(Math.ceil((g.rows * split) / layout.cols), (decls) =>
    rowKernelWgsl(layout, subgroups, decls, helpers, `let in_range = row < u.vrows;
  var acc = ${f.identity};
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = ${f.push};
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { ${split > 1 ? 'store_state(row, t);' : `y_set(row, ${f.finish});`} }`),
  );
}

/** Combines the `split` chunk states of each output in chunk order and writes the result. */
function combinePass(call: KernelCall<'reduce'>, g: ReduceGeometry, split: number): KernelStep {
  const { fn } = call.params;
  const type = call.inputs[0]!.dtype;
  const f = reduceFnWgsl(fn, type);
  // States of one chunk are contiguous over the outputs, so outputs are the adjacent rows.
  const layout = rowLayout(split, g.rows);
  const subgroups = useSubgroups(call, layout);
  const b = new DispatchBuilder(call, 'reduce-combine', [fn, layoutKey(layout), subgroups ? 'sg' : 'wg']);
  b.scratch('partials', type === 'f32' || fn === 'logsumexp' ? 'f32' : (type as 'i32' | 'u32'), stateWords(fn) * split * g.rows);
  b.output('y', call.outputs[0]!);
  b.u32('out_rows', g.rows).u32('count', g.count).u32('split', split);
  const helpers = [f.helpers, stateIo(fn, f.state), workgroupReduceWgsl('reduce_row', f.state, f.identity, 'red_combine', layout, subgroups)].join('\n');
  return b.build(Math.ceil(g.rows / layout.cols), (decls) =>
    rowKernelWgsl(layout, subgroups, decls, helpers, `let in_range = row < u.out_rows;
  var acc = ${f.identity};
  if (in_range) {
    for (var s = lane; s < u.split; s += LANES) { acc = red_combine(acc, load_state(s * u.out_rows + row)); }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, ${f.finish}); }`),
  );
}

/**
 * Index of the first max (argmax) or min (argmin) along one axis; the first NaN wins, as on the CPU.
 * The state is (value bits, index) so subgroup shuffles can move it; ties go to the lower index, so
 * the interleaved lanes agree with a sequential scan. Index 0xffffffff marks an empty state.
 */
export const argReduceKernel: WgslKernel<'argReduce'> = (call) => {
  const x = call.inputs[0]!;
  const { fn, axis } = call.params;
  const { rows, size, inner } = axisRows(x.shape, axis);
  if (rows === 0 || size === 0) return [];
  const layout = rowLayout(size, inner);
  const subgroups = useSubgroups(call, layout);
  const b = new DispatchBuilder(call, 'argReduce', [fn, layoutKey(layout), subgroups ? 'sg' : 'wg']);
  const xs = b.input('x', x);
  b.output('y', call.outputs[0]!);
  const rowBase = axisRowsWgsl(b, x.shape, axis);
  const t = xs.type;
  const better = fn === 'argmax' ? '>' : '<';
  const nanCheck = t === 'f32' ? 'let na = is_nan(va);\n  let nb = is_nan(vb);\n  if (na && nb) { return select(b, a, a.y < b.y); }\n  if (na) { return a; }\n  if (nb) { return b; }' : '';
  const helpers = `${rowBase}
fn arg_combine(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  if (a.y == 0xffffffffu) { return b; }
  if (b.y == 0xffffffffu) { return a; }
  let va = bitcast<${t}>(a.x);
  let vb = bitcast<${t}>(b.x);
  ${nanCheck}
  if (va ${better} vb) { return a; }
  if (vb ${better} va) { return b; }
  return select(b, a, a.y < b.y);
}
${workgroupReduceWgsl('arg_row', 'vec2<u32>', 'vec2<u32>(0u, 0xffffffffu)', 'arg_combine', layout, subgroups)}`;
  return b.build(Math.ceil(rows / layout.cols), (decls) =>
    rowKernelWgsl(layout, subgroups, decls, helpers, `let in_range = row < u.rows;
  var acc = vec2<u32>(0u, 0xffffffffu);
  if (in_range) {
    let base = row_base(row);
    for (var k = lane; k < u.size; k += LANES) {
      acc = arg_combine(acc, vec2<u32>(bitcast<u32>(x_get(base + k * u.inner)), k));
    }
  }
  let best = arg_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, i32(best.y)); }`),
  );
};
