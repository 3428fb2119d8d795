import { ceilDiv, DispatchBuilder, elementwiseMain, WGSL_FLOAT_BITS, type WgslKernel } from '../../kernel-api.js';
import { layoutKey, lseRowWgsl, ROW_CACHE, rowKernelWgsl, rowLayout, useSubgroups, WG, WGSL_EXP_NAN, WGSL_LSE } from '../wgsl/row-kernel.js';

const targetMessage = (V: number, ignoreIndex: number) =>
  `a target is out of range for ${V} classes; targets must be in [0, ${V}) or equal ignoreIndex (${ignoreIndex})`;

/** WGSL: whether target `t` picks no class (neither a class in [0, V) nor ignoreIndex). */
const BAD_TARGET = 'fn bad_target(t: i32) -> bool { return t != u.ignore_index && (t < 0 || u32(t) >= u.v); }';

/**
 * Per row of logits [N, V]: lse = m + log Σ exp(x − m) by online (max, Σexp) over the lanes of one
 * workgroup (a GPT-2 vocabulary row of 50257 is ~200 elements per lane), loss = lse − x[target].
 * Ignored rows get loss 0 and still their lse; an out-of-range target is reported through the
 * device's error buffer (raised at the next read) and its loss is NaN.
 */
export const crossEntropyKernel: WgslKernel<'crossEntropy'> = (call) => {
  const [logits, targets] = call.inputs;
  const [N, V] = logits!.shape as [number, number];
  if (N === 0) return [];
  const { ignoreIndex } = call.params;
  const layout = rowLayout(V, 1, ROW_CACHE);
  const subgroups = useSubgroups(call, layout);
  const b = new DispatchBuilder(call, 'crossEntropy', [layoutKey(layout), subgroups ? 'sg' : 'wg']);
  b.input('x', logits!);
  b.input('targets', targets!);
  b.output('loss', call.outputs[0]!);
  b.output('lse', call.outputs[1]!);
  b.errors(targetMessage(V, ignoreIndex));
  b.u32('rows', N).u32('v', V).i32('ignore_index', ignoreIndex);
  const helpers = `${WGSL_LSE}\n${BAD_TARGET}\n${lseRowWgsl(layout, subgroups)}`;
  return b.build(Math.ceil(N / layout.cols), (decls) =>
    rowKernelWgsl(
      layout,
      subgroups,
      decls,
      helpers,
      `let in_range = row < u.rows;
  let base = select(0u, row * u.v, in_range);
  var st = vec2<f32>(-f32_inf(), 0.0);
  if (in_range) { for (var k = lane; k < u.v; k += LANES) { st = lse_push(st, x_get(base + k)); } }
  let lse = lse_finish(lse_row(st, lid, sg_size, sg_id));
  if (in_range && lane == 0u) {
    lse_set(row, lse);
    let t = targets_get(row);
    if (t == u.ignore_index) {
      loss_set(row, 0.0);
    } else if (bad_target(t)) {
      report_error(bitcast<u32>(t));
      loss_set(row, f32_nan());
    } else {
      loss_set(row, lse - x_get(base + u32(t)));
    }
  }`,
    ),
  );
};

/**
 * dlogits = g · (exp(logits − lse) − onehot(target)): elementwise given the saved lse, so one
 * invocation per logit (no reduction). Ignored rows are 0; an out-of-range target is reported once
 * per row and its row is NaN.
 */
export const crossEntropyBackwardKernel: WgslKernel<'crossEntropyBackward'> = (call) => {
  const [logits, targets, lse, g] = call.inputs;
  const [N, V] = logits!.shape as [number, number];
  const n = N * V;
  if (n === 0) return [];
  const { ignoreIndex } = call.params;
  const b = new DispatchBuilder(call, 'crossEntropyBackward');
  b.input('x', logits!);
  b.input('targets', targets!);
  b.input('lse', lse!);
  b.input('g', g!);
  b.output('dx', call.outputs[0]!);
  b.errors(targetMessage(V, ignoreIndex));
  b.u32('n', n).u32('v', V).i32('ignore_index', ignoreIndex);
  return b.build(
    ceilDiv(n, WG),
    (decls) => `${decls}
${WGSL_FLOAT_BITS}
${WGSL_EXP_NAN}
${BAD_TARGET}
${elementwiseMain(
  WG,
  `let r = i / u.v;
  let j = i % u.v;
  let t = targets_get(r);
  if (t == u.ignore_index) {
    dx_set(i, 0.0);
  } else if (bad_target(t)) {
    if (j == 0u) { report_error(bitcast<u32>(t)); }
    dx_set(i, f32_nan());
  } else {
    let p = exp_nan(x_get(i) - lse_get(r));
    dx_set(i, g_get(r) * select(p, p - 1.0, j == u32(t)));
  }`,
)}`,
  );
};
