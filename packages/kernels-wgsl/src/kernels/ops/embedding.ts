import { formatShape, numel } from '@lightattn/tensor-core';
import { ceilDiv, DispatchBuilder, elementwiseMain, type KernelStep, type WgslKernel } from '../../kernel-api.js';

const WG = 256;

const idMessage = (rows: number, tableShape: readonly number[]) =>
  `an id is out of range for a table of ${rows} rows ${formatShape(tableShape)}; ids must be in [0, ${rows})`;

/**
 * out[i, …] = table[ids[i], …], one invocation per output element (any table dtype, bool included).
 * An out-of-range id is reported through the device's error buffer (raised at the next read); its
 * row is written as zeros.
 */
export const gatherKernel: WgslKernel<'gather'> = (call) => {
  const [table, ids] = call.inputs;
  const out = call.outputs[0]!;
  const n = numel(out.shape);
  if (n === 0) return [];
  const rows = table!.shape[0]!;
  const b = new DispatchBuilder(call, 'gather');
  const t = b.input('table', table!);
  b.input('ids', ids!);
  b.output('y', out);
  b.errors(idMessage(rows, table!.shape));
  b.u32('n', n)
    .u32('rows', rows)
    .u32('row_size', numel(table!.shape.slice(1)));
  return b.build(
    ceilDiv(n, WG),
    (decls) => `${decls}
${elementwiseMain(
  WG,
  `let c = i % u.row_size;
  let id = ids_get(i / u.row_size);
  if (id < 0 || u32(id) >= u.rows) {
    if (c == 0u) { report_error(bitcast<u32>(id)); }
    y_set(i, ${t.type}());
    return;
  }
  y_set(i, table_get(u32(id) * u.row_size + c));`,
)}`,
  );
};

/**
 * The embedding backward, out = zeros([numRows, D]); out[ids[j]] += src[j], deterministic and in id
 * order: the result has the same bits as the CPU device's f32 loop, on every run.
 *
 * How: after a zero fill, workgroup j handles id position j. If an earlier position holds the same
 * id, it exits: the first occurrence owns the row. The owner scans the later positions 256 at a
 * time, compacts the matches in order (a prefix sum over the chunk in workgroup memory), and adds
 * their src rows to its output row, D columns across the workgroup. No two workgroups write one row,
 * so no atomics are needed.
 *
 * Cost: every src element is read once and every output row written by one owner, plus O(n²) id
 * comparisons for n ids (n/256 coalesced id reads per workgroup and n workgroups): ~6.7·10⁷ for a
 * GPT-2 batch of 8192 tokens, negligible next to the fill of a 50257 × 768 table; it grows
 * quadratically, so ~10⁶ ids would need a sort-based variant instead.
 */
export const scatterAddKernel: WgslKernel<'scatterAdd'> = (call) => {
  const [ids, src] = call.inputs;
  const out = call.outputs[0]!;
  const { numRows } = call.params;
  const total = numel(out.shape);
  const n = numel(ids!.shape);
  const d = numel(src!.shape.slice(ids!.shape.length));
  const steps: KernelStep[] = [];
  if (total === 0 && n === 0) return steps;

  const fill = new DispatchBuilder(call, 'scatterAdd-zero');
  fill.output('y', out);
  fill.u32('n', total);
  steps.push(fill.build(ceilDiv(total, WG), (decls) => `${decls}\n${elementwiseMain(WG, 'y_set(i, 0.0);')}`));
  if (n === 0) return steps;

  const b = new DispatchBuilder(call, 'scatterAdd');
  b.input('ids', ids!);
  b.input('src', src!);
  b.output('y', out);
  b.errors(idMessage(numRows, out.shape));
  b.u32('n', n).u32('d', d).u32('num_rows', numRows);
  steps.push(
    b.build(
      n,
      (decls) => `${decls}
var<workgroup> duplicate: atomic<u32>;
var<workgroup> skip: u32;
var<workgroup> count: u32;
var<workgroup> scan: array<u32, ${WG}>;
var<workgroup> matches: array<u32, ${WG}>;

@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let j = linear_workgroup(wid, nwg);
  if (j >= u.n) { return; }
  let id = ids_get(j);
  let bad = id < 0 || u32(id) >= u.num_rows;
  // Workgroup memory starts zeroed; any earlier position with this id makes position j a non-owner.
  for (var p = lid; p < j; p += ${WG}u) {
    if (ids_get(p) == id) {
      atomicOr(&duplicate, 1u);
      break;
    }
  }
  workgroupBarrier();
  if (lid == 0u) {
    let dup = atomicLoad(&duplicate) != 0u;
    if (bad && !dup) { report_error(bitcast<u32>(id)); }
    skip = select(0u, 1u, bad || dup);
  }
  if (workgroupUniformLoad(&skip) != 0u) { return; }
  let row = u32(id) * u.d;
  for (var first = (j / ${WG}u) * ${WG}u; first < u.n; first += ${WG}u) {
    let p = first + lid;
    let hit = p >= j && p < u.n && ids_get(p) == id;
    // Inclusive prefix sum of the hits (Hillis–Steele): hit k goes to matches[k], in position order.
    var sum = select(0u, 1u, hit);
    scan[lid] = sum;
    workgroupBarrier();
    for (var offset = 1u; offset < ${WG}u; offset = offset * 2u) {
      if (lid >= offset) { sum += scan[lid - offset]; }
      workgroupBarrier();
      scan[lid] = sum;
      workgroupBarrier();
    }
    if (hit) { matches[sum - 1u] = p; }
    if (lid == ${WG - 1}u) { count = sum; }
    let found = workgroupUniformLoad(&count);
    for (var q = 0u; q < found; q++) {
      let src_row = matches[q] * u.d;
      for (var col = lid; col < u.d; col += ${WG}u) { y_set(row + col, y_get(row + col) + src_get(src_row + col)); }
    }
    workgroupBarrier();
  }
}`,
    ),
  );
  return steps;
};
