import type { OpName } from '@lightattn/tensor-core';
import { DispatchBuilder, type KernelCall, type KernelStep, type WgslKernel } from '../../kernel-api.js';
import {
  axisRows,
  axisRowsWgsl,
  layoutKey,
  lseRowWgsl,
  ROW_CACHE,
  rowKernelWgsl,
  rowLayout,
  rowLoop,
  useSubgroups,
  WGSL_EXP_NAN,
  WGSL_LSE,
  workgroupReduceWgsl,
  type RowLayout,
} from '../wgsl/row-kernel.js';

type Each = ReturnType<typeof rowLoop>['each'];

/**
 * The softmax family along any axis: the tensor is [outer, size, inner] around the axis and each row
 * (o, i) is reduced by the lanes of one workgroup (several short rows share one; strided rows are
 * taken column-fastest so that reads stay coalesced). Lanes take about ROW_CACHE elements each, so
 * short rows share a workgroup; rows of up to ROW_CACHE·LANES elements are read from memory once and
 * kept in registers, longer ones are read again for the second pass.
 */
function rowOp(
  call: KernelCall<'softmax' | 'logSoftmax' | 'softmaxBackward' | 'logSoftmaxBackward'>,
  inputs: readonly string[],
  helpers: (layout: RowLayout, subgroups: boolean) => string,
  body: (each: Each) => string,
): KernelStep | readonly KernelStep[] {
  const x = call.inputs[0]!;
  const { axis } = call.params;
  const { rows, size, inner } = axisRows(x.shape, axis);
  if (rows === 0 || size === 0) return [];
  const layout = rowLayout(size, inner, ROW_CACHE);
  const subgroups = useSubgroups(call, layout);
  const cached = size <= ROW_CACHE * layout.lanes;
  const b = new DispatchBuilder(call as KernelCall<OpName>, call.op, [layoutKey(layout), subgroups ? 'sg' : 'wg', cached ? 'cached' : 'looped']);
  inputs.forEach((name, k) => b.input(name, call.inputs[k]!));
  b.output('out', call.outputs[0]!);
  const rowBase = axisRowsWgsl(b, x.shape, axis);
  const loop = rowLoop(cached, inputs, 'u.size', 'u.inner');
  return b.build(Math.ceil(rows / layout.cols), (decls) =>
    rowKernelWgsl(
      layout,
      subgroups,
      decls,
      `${rowBase}\n${helpers(layout, subgroups)}`,
      `let in_range = row < u.rows;
  let base = select(0u, row_base(row), in_range);
  ${loop.preload}
  ${body(loop.each)}`,
    ),
  );
}

/** Online (max, Σexp) per lane, combined across lanes; a non-finite max makes the row NaN. */
const lsePass = (each: Each) => `var st = vec2<f32>(-f32_inf(), 0.0);
  ${each((v) => `st = lse_push(st, ${v('x')});`)}
  let t = lse_row(st, lid, sg_size, sg_id);
  // A row of −Inf (0/0), a +Inf (∞/∞) or a NaN gives a NaN row, as on the CPU device.
  let bad = is_nan(t.x) || is_inf(t.x);`;

const lseHelpers = (layout: RowLayout, subgroups: boolean) => `${WGSL_LSE}\n${lseRowWgsl(layout, subgroups)}`;

const sumHelpers = (layout: RowLayout, subgroups: boolean) =>
  `${WGSL_EXP_NAN}\nfn add_f32(a: f32, b: f32) -> f32 { return a + b; }\n${workgroupReduceWgsl('sum_row', 'f32', '0.0', 'add_f32', layout, subgroups)}`;

/** y = exp(x − m) / Σ exp(x − m), m the row max. */
export const softmaxKernel: WgslKernel<'softmax'> = (call) =>
  rowOp(
    call,
    ['x'],
    lseHelpers,
    (each) => `${lsePass(each)}
  ${each((v) => `out_set(i, select(exp(${v('x')} - t.x) / t.y, f32_nan(), bad));`)}`,
  );

/** y = x − (m + log Σ exp(x − m)): no log of a softmax that rounded to zero. */
export const logSoftmaxKernel: WgslKernel<'logSoftmax'> = (call) =>
  rowOp(
    call,
    ['x'],
    lseHelpers,
    (each) => `${lsePass(each)}
  let shift = t.x + log(t.y);
  ${each((v) => `out_set(i, select(${v('x')} - shift, f32_nan(), bad));`)}`,
  );

/** The light softmax backward from the output alone: dx = y ⊙ (g − Σ g ⊙ y). */
export const softmaxBackwardKernel: WgslKernel<'softmaxBackward'> = (call) =>
  rowOp(
    call,
    ['y', 'g'],
    sumHelpers,
    (each) => `var acc = 0.0;
  ${each((v) => `acc += ${v('g')} * ${v('y')};`)}
  let dot = sum_row(acc, lid, sg_size, sg_id);
  ${each((v) => `out_set(i, ${v('y')} * (${v('g')} - dot));`)}`,
  );

/** dx = g − exp(y) · Σ g, softmax recovered from the log-softmax output y. */
export const logSoftmaxBackwardKernel: WgslKernel<'logSoftmaxBackward'> = (call) =>
  rowOp(
    call,
    ['y', 'g'],
    sumHelpers,
    (each) => `var acc = 0.0;
  ${each((v) => `acc += ${v('g')};`)}
  let total = sum_row(acc, lid, sg_size, sg_id);
  ${each((v) => `out_set(i, ${v('g')} - exp_nan(${v('y')}) * total);`)}`,
  );
