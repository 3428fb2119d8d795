import { numel, type DType, type TensorRef } from '@lightattn/tensor-core';
import { ceilDiv, DispatchBuilder, elementwiseMain, type KernelCall, type KernelStep, type WgslKernel } from '../../kernel-api.js';
import { layoutKey, rowLayout, WG, type RowLayout } from '../wgsl/row-kernel.js';

/** Elements each lane scans sequentially inside a block. */
const PER_LANE = 4;

/** What one level scans: the tensor (x → out) or, at higher levels, a scratch array of block totals in place. */
type Data =
  { readonly kind: 'tensor'; readonly x: TensorRef; readonly out: TensorRef } | { readonly kind: 'scratch'; readonly name: string; readonly elements: number };

/** Lines of `len` elements: line l starts at (l / inner)·len·inner + l % inner and steps by inner. */
interface Lines {
  readonly lines: number;
  readonly len: number;
  readonly inner: number;
  readonly reverse: boolean;
  readonly exclusive: boolean;
}

type ScanType = 'f32' | 'i32' | 'u32';

/** Binds `data` and defines load(i), store(i, v) over it; `inPlace` loads what was stored (the add-back step). */
function bindData(b: DispatchBuilder, data: Data, type: ScanType, inPlace = false): string {
  if (data.kind === 'tensor') {
    if (!inPlace) b.input('x', data.x);
    b.output('y', data.out);
    return `fn load(i: u32) -> ${type} { return ${inPlace ? 'y' : 'x'}_get(i); }\nfn store(i: u32, v: ${type}) { y_set(i, v); }`;
  }
  b.scratch(data.name, type, data.elements);
  return `fn load(i: u32) -> ${type} { return ${data.name}_get(i); }\nfn store(i: u32, v: ${type}) { ${data.name}_set(i, v); }`;
}

function lineUniforms(b: DispatchBuilder, g: Lines): string {
  b.u32('lines', g.lines)
    .u32('len', g.len)
    .u32('inner', g.inner)
    .u32('reverse', g.reverse ? 1 : 0);
  // Scan position k is axis index k, or len − 1 − k in reverse.
  return `fn addr(line: u32, k: u32) -> u32 {
  let p = select(k, u.len - 1u - k, u.reverse != 0u);
  return (line / u.inner) * u.len * u.inner + line % u.inner + p * u.inner;
}`;
}

/**
 * One block of PER_LANE·LANES positions of COLS lines per workgroup: each lane sums its four elements
 * in order, an exclusive Hillis–Steele scan over the lanes' sums (in workgroup memory) gives each
 * lane its offset, and the lanes write their running sums. The block's total goes to `totals`
 * (when the line has several blocks) for the next level.
 */
function blockScan(call: KernelCall<'cumsum'>, type: ScanType, data: Data, g: Lines, layout: RowLayout, nb: number, totals: string | null): KernelStep {
  const b = new DispatchBuilder(call, 'cumsum-block', [layoutKey(layout), totals ? 'totals' : 'last']);
  const io = bindData(b, data, type);
  if (totals) b.scratch(totals, type, g.lines * nb);
  const addr = lineUniforms(b, g);
  b.u32('nb', nb).u32('exclusive', g.exclusive ? 1 : 0);
  const step = layout.laneFastest ? '1u' : 'COLS';
  return b.build(
    Math.ceil(g.lines / layout.cols) * nb,
    (decls) => `${decls}
const COLS = ${layout.cols}u;
const LANES = ${layout.lanes}u;
${io}
${addr}
var<workgroup> lane_sums: array<${type}, ${WG}>;

@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let index = linear_workgroup(wid, nwg);
  let blk = index % u.nb;
  let c = ${layout.laneFastest ? 'lid / LANES' : 'lid % COLS'};
  let lane = ${layout.laneFastest ? 'lid % LANES' : 'lid / COLS'};
  let line = (index / u.nb) * COLS + c;
  let in_range = line < u.lines;
  let k0 = blk * ${layout.lanes * PER_LANE}u + lane * ${PER_LANE}u;
  var v = vec4<${type}>();
  for (var e = 0u; e < ${PER_LANE}u; e++) {
    if (in_range && k0 + e < u.len) { v[e] = load(addr(line, k0 + e)); }
  }
  var sum = ((v.x + v.y) + v.z) + v.w;
  lane_sums[lid] = sum;
  workgroupBarrier();
  for (var offset = 1u; offset < LANES; offset = offset * 2u) {
    if (lane >= offset) { sum = lane_sums[lid - offset * ${step}] + sum; }
    workgroupBarrier();
    lane_sums[lid] = sum;
    workgroupBarrier();
  }
  var running = ${type}(0);
  if (lane > 0u) { running = lane_sums[lid - ${step}]; }
  for (var e = 0u; e < ${PER_LANE}u; e++) {
    if (in_range && k0 + e < u.len) {
      let before = running;
      running = running + v[e];
      store(addr(line, k0 + e), select(running, before, u.exclusive != 0u));
    }
  }
  ${totals ? `if (in_range && lane == LANES - 1u) { ${totals}_set(line * u.nb + blk, sum); }` : ''}
}`,
  );
}

/** Adds each block's exclusive prefix (the scanned totals of the blocks before it) to its elements. */
function addBack(call: KernelCall<'cumsum'>, type: ScanType, data: Data, g: Lines, block: number, nb: number, totals: string): KernelStep {
  const b = new DispatchBuilder(call, 'cumsum-add');
  const io = bindData(b, data, type, true);
  b.scratch(totals, type, g.lines * nb);
  const addr = lineUniforms(b, g);
  const n = g.lines * g.len;
  b.u32('n', n).u32('nb', nb).u32('block', block);
  return b.build(
    ceilDiv(n, WG),
    (decls) => `${decls}
${io}
${addr}
${elementwiseMain(
  WG,
  `let line = i / u.len;
  let k = i % u.len;
  let blk = k / u.block;
  if (blk == 0u) { return; }
  let a = addr(line, k);
  store(a, ${totals}_get(line * u.nb + blk) + load(a));`,
)}`,
  );
}

/**
 * A scan of every line: blocks scanned in parallel; with several blocks per line, their totals are
 * scanned (exclusive, by the same procedure one level up, in a scratch buffer) and added back. Sums
 * are thus built block-wise (a tree of partial sums of ≤ 1024 terms), which keeps the f32 error near
 * that of pairwise summation; i32/u32 wrap modulo 2^32 at every add, exactly as a sequential scan.
 */
function scanSteps(call: KernelCall<'cumsum'>, type: ScanType, data: Data, g: Lines, level: number): KernelStep[] {
  const layout = rowLayout(g.len, g.inner, PER_LANE);
  const block = layout.lanes * PER_LANE;
  const nb = Math.ceil(g.len / block);
  const totals = nb > 1 ? `totals${level}` : null;
  const steps = [blockScan(call, type, data, g, layout, nb, totals)];
  if (totals) {
    const scratch: Data = { kind: 'scratch', name: totals, elements: g.lines * nb };
    steps.push(...scanSteps(call, type, scratch, { lines: g.lines, len: nb, inner: 1, reverse: false, exclusive: true }, level + 1));
    steps.push(addBack(call, type, data, g, block, nb, totals));
  }
  return steps;
}

/** Running sum along any axis; `exclusive` shifts by one (out[0] = 0), `reverse` sums from the end. */
export const cumsumKernel: WgslKernel<'cumsum'> = (call) => {
  const x = call.inputs[0]!;
  const { axis, reverse, exclusive } = call.params;
  if (numel(x.shape) === 0) return [];
  const len = x.shape[axis]!;
  const inner = numel(x.shape.slice(axis + 1));
  const lines = numel(x.shape.slice(0, axis)) * inner;
  const type = x.dtype as Exclude<DType, 'bool'>;
  return scanSteps(call, type, { kind: 'tensor', x, out: call.outputs[0]! }, { lines, len, inner, reverse, exclusive }, 0);
};
