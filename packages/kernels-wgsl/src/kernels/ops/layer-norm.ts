import { numel } from '@lightattn/tensor-core';
import { ceilDiv, DispatchBuilder, elementwiseMain, type KernelStep, type WgslKernel } from '../../kernel-api.js';
import { layoutKey, ROW_CACHE, rowKernelWgsl, rowLayout, rowLoop, useSubgroups, WG, workgroupReduceWgsl, type RowLayout } from '../wgsl/row-kernel.js';

const sumHelpers = (name: string, type: string, layout: RowLayout, subgroups: boolean) =>
  `fn ${name}_add(a: ${type}, b: ${type}) -> ${type} { return a + b; }\n${workgroupReduceWgsl(name, type, `${type}(0.0)`, `${name}_add`, layout, subgroups)}`;

/**
 * y = (x − mean)·rstd·w + b over the last axis, rstd = 1/√(var + eps), biased variance. Two
 * reductions per row (mean, then Σ(x − mean)²) rather than E[x²] − E[x]², which cancels when
 * |mean| ≫ std; rows of up to ROW_CACHE·LANES elements stay in registers between the passes. An
 * empty row gives NaN mean and rstd.
 */
export const layerNormKernel: WgslKernel<'layerNorm'> = (call) => {
  const [x, w, bias] = call.inputs;
  const C = x!.shape[x!.shape.length - 1]!;
  const rows = numel(x!.shape.slice(0, -1));
  if (rows === 0) return [];
  const layout = rowLayout(C, 1, ROW_CACHE);
  const subgroups = useSubgroups(call, layout);
  const cached = C <= ROW_CACHE * layout.lanes;
  const b = new DispatchBuilder(call, 'layerNorm', [layoutKey(layout), subgroups ? 'sg' : 'wg', cached ? 'cached' : 'looped']);
  b.input('x', x!);
  b.input('w', w!);
  b.input('bias', bias!);
  b.output('y', call.outputs[0]!);
  b.output('mean', call.outputs[1]!);
  b.output('rstd', call.outputs[2]!);
  b.u32('rows', rows).u32('c', C).f32('eps', call.params.eps);
  const { preload, each } = rowLoop(cached, ['x'], 'u.c', '1u');
  return b.build(Math.ceil(rows / layout.cols), (decls) =>
    rowKernelWgsl(
      layout,
      subgroups,
      decls,
      sumHelpers('row_sum', 'f32', layout, subgroups),
      `let in_range = row < u.rows;
  let base = select(0u, row * u.c, in_range);
  let empty = u.c == 0u;
  ${preload}
  // Shifted by the row's first element: x − shift is exact for nearby values, so a mean far from
  // zero (|mean| ≫ std) costs no precision in the centred values.
  let shift = select(0.0, x_get(base), in_range && !empty);
  var acc = 0.0;
  ${each((v) => `acc += ${v('x')} - shift;`)}
  let mu = select(row_sum(acc, lid, sg_size, sg_id) / f32(u.c), f32_nan(), empty);
  acc = 0.0;
  ${each((v) => `let d = (${v('x')} - shift) - mu;\n      acc += d * d;`)}
  let rs = select(1.0 / sqrt(row_sum(acc, lid, sg_size, sg_id) / f32(u.c) + u.eps), f32_nan(), empty);
  ${each((v) => `y_set(i, ((${v('x')} - shift) - mu) * rs * w_get(k) + bias_get(k));`)}
  if (in_range && lane == 0u) {
    mean_set(row, shift + mu);
    rstd_set(row, rs);
  }`,
    ),
  );
};

/** Rows summed by one workgroup of the dweight/dbias partial step (one column per invocation). */
function rowsPerBlock(rows: number): number {
  return Math.max(32, Math.ceil(rows / 256));
}

/**
 * With x̂ = (x − mean)·rstd and ĝ = g·w: dx = rstd·(ĝ − mean_C(ĝ) − x̂·mean_C(ĝ·x̂)), one workgroup
 * per row (x̂ recomputed from the saved mean and rstd). dweight = Σ_rows g·x̂ and dbias = Σ_rows g are
 * column sums over every row: step 2 sums blocks of rows per column into a scratch buffer of
 * per-block partials, step 3 adds the partials of each column in block order. No atomics, so the
 * result is the same bits on every run.
 */
export const layerNormBackwardKernel: WgslKernel<'layerNormBackward'> = (call) => {
  const [g, x, w, mean, rstd] = call.inputs;
  const [dx, dw, db] = call.outputs;
  const C = x!.shape[x!.shape.length - 1]!;
  const rows = numel(x!.shape.slice(0, -1));
  if (C === 0) return [];
  const steps: KernelStep[] = [];
  const rpb = rowsPerBlock(rows);
  const blocks = Math.ceil(rows / rpb);

  if (rows > 0) {
    const layout = rowLayout(C, 1, ROW_CACHE);
    const subgroups = useSubgroups(call, layout);
    const cached = C <= ROW_CACHE * layout.lanes;
    const b = new DispatchBuilder(call, 'layerNormBackward-dx', [layoutKey(layout), subgroups ? 'sg' : 'wg', cached ? 'cached' : 'looped']);
    b.input('g', g!);
    b.input('x', x!);
    b.input('w', w!);
    b.input('mean', mean!);
    b.input('rstd', rstd!);
    b.output('dx', dx!);
    b.u32('rows', rows).u32('c', C);
    const { preload, each } = rowLoop(cached, ['g', 'x'], 'u.c', '1u');
    steps.push(
      b.build(Math.ceil(rows / layout.cols), (decls) =>
        rowKernelWgsl(
          layout,
          subgroups,
          decls,
          sumHelpers('row_sums', 'vec2<f32>', layout, subgroups),
          `let in_range = row < u.rows;
  let r = select(0u, row, in_range);
  let base = r * u.c;
  let mu = mean_get(r);
  let rs = rstd_get(r);
  ${preload}
  var acc = vec2<f32>(0.0);
  ${each(
    (v) => `let gw = ${v('g')} * w_get(k);
      acc += vec2<f32>(gw, gw * (${v('x')} - mu) * rs);`,
  )}
  // (mean_C(ĝ), mean_C(ĝ·x̂))
  let m = row_sums(acc, lid, sg_size, sg_id) / f32(u.c);
  ${each(
    (v) => `let xhat = (${v('x')} - mu) * rs;
      dx_set(i, rs * (${v('g')} * w_get(k) - m.x - xhat * m.y));`,
  )}`,
        ),
      ),
    );

    const p = new DispatchBuilder(call, 'layerNormBackward-partials');
    p.input('g', g!);
    p.input('x', x!);
    p.input('mean', mean!);
    p.input('rstd', rstd!);
    p.scratch('partials', 'f32', 2 * blocks * C);
    p.u32('rows', rows).u32('c', C).u32('rows_per_block', rpb).u32('col_chunks', ceilDiv(C, WG));
    steps.push(
      p.build(
        blocks * ceilDiv(C, WG),
        (decls) => `${decls}
@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let index = linear_workgroup(wid, nwg);
  let block = index / u.col_chunks;
  let col = (index % u.col_chunks) * ${WG}u + lid;
  if (block * u.rows_per_block >= u.rows || col >= u.c) { return; }
  let end = min(u.rows, (block + 1u) * u.rows_per_block);
  var acc = vec2<f32>(0.0);
  for (var r = block * u.rows_per_block; r < end; r++) {
    let gv = g_get(r * u.c + col);
    acc += vec2<f32>(gv * (x_get(r * u.c + col) - mean_get(r)) * rstd_get(r), gv);
  }
  partials_set((block * u.c + col) * 2u, acc.x);
  partials_set((block * u.c + col) * 2u + 1u, acc.y);
}`,
      ),
    );
  }

  const f = new DispatchBuilder(call, 'layerNormBackward-columns');
  f.scratch('partials', 'f32', 2 * blocks * C);
  f.output('dw', dw!);
  f.output('db', db!);
  f.u32('n', C).u32('c', C).u32('blocks', blocks);
  steps.push(
    f.build(
      ceilDiv(C, WG),
      (decls) =>
        `${decls}\n${elementwiseMain(
          WG,
          `var acc = vec2<f32>(0.0);
  for (var blk = 0u; blk < u.blocks; blk++) {
    acc += vec2<f32>(partials_get((blk * u.c + i) * 2u), partials_get((blk * u.c + i) * 2u + 1u));
  }
  dw_set(i, acc.x);
  db_set(i, acc.y);`,
        )}`,
    ),
  );
  return steps;
};
