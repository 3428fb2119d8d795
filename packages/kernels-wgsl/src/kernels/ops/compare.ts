import { numel, type CompareFn, type LogicalFn } from '@lightattn/tensor-core';
import { ceilDiv, DispatchBuilder, elementwiseMain, WGSL_FLOAT_BITS, type WgslKernel } from '../../kernel-api.js';
import { broadcastIndexing } from '../wgsl/strided.js';

const WG = 256;

const OPERATOR: { readonly [F in CompareFn]: string } = { eq: '==', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=' };

/**
 * IEEE comparison: anything with NaN is false except `ne`, tested on the bits since WGSL may assume
 * NaN absent. Bool operands compare as 0/1.
 */
function compareExpr(fn: CompareFn, dtype: string): string {
  const cmp = `a ${OPERATOR[fn]} b`;
  if (dtype !== 'f32') return cmp;
  return fn === 'ne' ? `is_nan(a) || is_nan(b) || (${cmp})` : `!is_nan(a) && !is_nan(b) && (${cmp})`;
}

/** out = a fn b (bool), broadcasting. */
export const compareKernel: WgslKernel<'compare'> = (call) => {
  const { fn } = call.params;
  const [a, bT] = call.inputs;
  const out = call.outputs[0]!;
  const b = new DispatchBuilder(call, 'compare', [fn]);
  const A = b.input('lhs', a!);
  b.input('rhs', bT!);
  b.output('y', out);
  const n = numel(out.shape);
  b.u32('n', n);
  const index = broadcastIndexing(b, out.shape, [
    { name: 'lhs', shape: a!.shape },
    { name: 'rhs', shape: bT!.shape },
  ]);
  const read = (name: string) => (A.dtype === 'bool' ? `select(0u, 1u, ${name}_get(${name}_index(i)))` : `${name}_get(${name}_index(i))`);
  return b.build(
    ceilDiv(n, WG),
    (decls) => `${decls}
${WGSL_FLOAT_BITS}
${index}
${elementwiseMain(
  WG,
  `let a = ${read('lhs')};
  let b = ${read('rhs')};
  y_set(i, ${compareExpr(fn, A.dtype)});`,
)}`,
  );
};

const LOGICAL: { readonly [F in LogicalFn]: string } = { and: 'a && b', or: 'a || b', xor: 'a != b' };

/** out = a and/or/xor b on bools, broadcasting. */
export const logicalKernel: WgslKernel<'logical'> = (call) => {
  const { fn } = call.params;
  const [a, bT] = call.inputs;
  const out = call.outputs[0]!;
  const b = new DispatchBuilder(call, 'logical', [fn]);
  b.input('lhs', a!);
  b.input('rhs', bT!);
  b.output('y', out);
  const n = numel(out.shape);
  b.u32('n', n);
  const index = broadcastIndexing(b, out.shape, [
    { name: 'lhs', shape: a!.shape },
    { name: 'rhs', shape: bT!.shape },
  ]);
  return b.build(
    ceilDiv(n, WG),
    (decls) => `${decls}
${index}
${elementwiseMain(
  WG,
  `let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, ${LOGICAL[fn]});`,
)}`,
  );
};

export const logicalNotKernel: WgslKernel<'logicalNot'> = (call) => {
  const b = new DispatchBuilder(call, 'logicalNot');
  b.input('x', call.inputs[0]!);
  b.output('y', call.outputs[0]!);
  const n = numel(call.outputs[0]!.shape);
  b.u32('n', n);
  return b.build(ceilDiv(n, WG), (decls) => `${decls}\n${elementwiseMain(WG, 'y_set(i, !x_get(i));')}`);
};

/** out = cond ? a : b, all three broadcast together. */
export const whereKernel: WgslKernel<'where'> = (call) => {
  const [cond, a, bT] = call.inputs;
  const out = call.outputs[0]!;
  const b = new DispatchBuilder(call, 'where');
  b.input('cond', cond!);
  b.input('lhs', a!);
  b.input('rhs', bT!);
  b.output('y', out);
  const n = numel(out.shape);
  b.u32('n', n);
  const index = broadcastIndexing(b, out.shape, [
    { name: 'cond', shape: cond!.shape },
    { name: 'lhs', shape: a!.shape },
    { name: 'rhs', shape: bT!.shape },
  ]);
  return b.build(
    ceilDiv(n, WG),
    (decls) => `${decls}
${index}
${elementwiseMain(WG, 'y_set(i, select(rhs_get(rhs_index(i)), lhs_get(lhs_index(i)), cond_get(cond_index(i))));')}`,
  );
};
