import { contiguousStrides, DeviceError, formatShape, numel, type Shape } from '@lightattn/tensor-core';
import { DispatchBuilder, MAX_RANK, stridedOffsetFn, type KernelCall, type KernelStep, type WgslKernel } from '../../kernel-api.js';
import {
  axisRows,
  axisRowsWgsl,
  layoutKey,
  lseRowWgsl,
  ROW_CACHE,
  rowKernelWgsl,
  rowLayout,
  useSubgroups,
  WGSL_LSE,
  workgroupReduceWgsl,
  type RowLayout,
} from '../wgsl/row-kernel.js';
import { mergeDims } from '../wgsl/strided.js';

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
  if (fn === 'logsumexp')
    return {
      state: 'vec2<f32>',
      identity: 'vec2<f32>(-f32_inf(), 0.0)',
      push: 'lse_push(acc, v)',
      helpers: `${WGSL_LSE}\nfn red_combine(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> { return lse_combine(a, b); }`,
      finish: 'lse_finish(t)',
    };
  if (fn === 'max' || fn === 'min') {
    if (type === 'f32')
      return { state: 'f32', identity: fn === 'max' ? '-f32_inf()' : 'f32_inf()', push: 'red_combine(acc, v)', helpers: nanAwareMax(fn), finish: 't' };
    const helpers = `fn red_combine(a: ${type}, b: ${type}) -> ${type} { return ${fn}(a, b); }`;
    return { state: type, identity: INT_IDENTITY[fn][type as 'i32' | 'u32'], push: `${fn}(acc, v)`, helpers, finish: 't' };
  }
  // sum and mean; i32/u32 adds wrap modulo 2^32 as on the CPU device. Mean of nothing is 0/0 = NaN.
  const finish = fn === 'mean' ? 'select(t / f32(u.count), f32_nan(), u.count == 0u)' : 't';
  return { state: type, identity: `${type}(0)`, push: 'acc + v', helpers: `fn red_combine(a: ${type}, b: ${type}) -> ${type} { return a + b; }`, finish };
}

/** `reduce_row` combining the lanes' states (logsumexp through lse_row, which keeps exp out of the tree). */
function rowReducerWgsl(fn: string, f: { state: string; identity: string }, layout: RowLayout, subgroups: boolean): string {
  if (fn !== 'logsumexp') return workgroupReduceWgsl('reduce_row', f.state, f.identity, 'red_combine', layout, subgroups);
  return `${lseRowWgsl(layout, subgroups)}
fn reduce_row(v: vec2<f32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<f32> { return lse_row(v, lid, sg_size, sg_id); }`;
}

function checkRank(op: string, rank: number, shape: Shape): void {
  if (rank > MAX_RANK)
    throw new DeviceError(`${op}: ${formatShape(shape)} needs ${rank} strided dimensions after merging; the WebGPU kernels handle at most ${MAX_RANK}`);
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
  const kept = mergeDims(
    keptAxes.map((d) => shape[d]!),
    [keptAxes.map((d) => strides[d]!)],
  );
  const reduced = mergeDims(
    axes.map((d) => shape[d]!),
    [axes.map((d) => strides[d]!)],
  );
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
  const split = splitCount(Math.ceil(rows / rowLayout(g.count, adjacent, ROW_CACHE).cols), g.count);
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
  const layout = rowLayout(Math.ceil(g.count / split), g.adjacent, ROW_CACHE);
  const subgroups = useSubgroups(call, layout);
  const redMode = g.reduced.dims.length <= 1 ? '1d' : 'nd';
  const b = new DispatchBuilder(call, 'reduce', [fn, layoutKey(layout), redMode, subgroups ? 'sg' : 'wg', split > 1 ? 'partial' : 'whole']);
  const xs = b.input('x', x);
  const f = reduceFnWgsl(fn, xs.type);
  if (split > 1) b.scratch('partials', xs.type === 'f32' || fn === 'logsumexp' ? 'f32' : (xs.type as 'i32' | 'u32'), stateWords(fn) * split * g.rows);
  else b.output('y', call.outputs[0]!);
  const span = Math.ceil(g.count / split);
  b.u32('vrows', g.rows * split)
    .u32('out_rows', g.rows)
    .u32('count', g.count)
    .u32('span', span)
    .u32('kept_rank', g.kept.dims.length);
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
    rowReducerWgsl(fn, f, layout, subgroups),
  ].join('\n');
  return b.build(Math.ceil((g.rows * split) / layout.cols), (decls) =>
    rowKernelWgsl(
      layout,
      subgroups,
      decls,
      helpers,
      `let in_range = row < u.vrows;
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
  if (in_range && lane == 0u) { ${split > 1 ? 'store_state(row, t);' : `y_set(row, ${f.finish});`} }`,
    ),
  );
}

/** Combines the `split` chunk states of each output in chunk order and writes the result. */
function combinePass(call: KernelCall<'reduce'>, g: ReduceGeometry, split: number): KernelStep {
  const { fn } = call.params;
  const type = call.inputs[0]!.dtype;
  const f = reduceFnWgsl(fn, type);
  // States of one chunk are contiguous over the outputs, so outputs are the adjacent rows.
  const layout = rowLayout(split, g.rows, ROW_CACHE);
  const subgroups = useSubgroups(call, layout);
  const b = new DispatchBuilder(call, 'reduce-combine', [fn, layoutKey(layout), subgroups ? 'sg' : 'wg']);
  b.scratch('partials', type === 'f32' || fn === 'logsumexp' ? 'f32' : (type as 'i32' | 'u32'), stateWords(fn) * split * g.rows);
  b.output('y', call.outputs[0]!);
  b.u32('out_rows', g.rows).u32('count', g.count).u32('split', split);
  const helpers = [f.helpers, stateIo(fn, f.state), rowReducerWgsl(fn, f, layout, subgroups)].join('\n');
  return b.build(Math.ceil(g.rows / layout.cols), (decls) =>
    rowKernelWgsl(
      layout,
      subgroups,
      decls,
      helpers,
      `let in_range = row < u.out_rows;
  var acc = ${f.identity};
  if (in_range) {
    for (var s = lane; s < u.split; s += LANES) { acc = red_combine(acc, load_state(s * u.out_rows + row)); }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, ${f.finish}); }`,
    ),
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
  const layout = rowLayout(size, inner, ROW_CACHE);
  const subgroups = useSubgroups(call, layout);
  const b = new DispatchBuilder(call, 'argReduce', [fn, layoutKey(layout), subgroups ? 'sg' : 'wg']);
  const xs = b.input('x', x);
  b.output('y', call.outputs[0]!);
  const rowBase = axisRowsWgsl(b, x.shape, axis);
  const t = xs.type;
  const better = fn === 'argmax' ? '>' : '<';
  const nanCheck =
    t === 'f32'
      ? 'let na = is_nan(va);\n  let nb = is_nan(vb);\n  if (na && nb) { return select(b, a, a.y < b.y); }\n  if (na) { return a; }\n  if (nb) { return b; }'
      : '';
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
    rowKernelWgsl(
      layout,
      subgroups,
      decls,
      helpers,
      `let in_range = row < u.rows;
  var acc = vec2<u32>(0u, 0xffffffffu);
  if (in_range) {
    let base = row_base(row);
    for (var k = lane; k < u.size; k += LANES) {
      acc = arg_combine(acc, vec2<u32>(bitcast<u32>(x_get(base + k * u.inner)), k));
    }
  }
  let best = arg_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, i32(best.y)); }`,
    ),
  );
};
