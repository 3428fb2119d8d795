import * as tc from '@lightattn/tensor-core';
import { shapesEqual, type DifferentiableOpName, type OpParams, type Shape, type Tensor } from '@lightattn/tensor-core';
import type { BackwardContext, SaveSpec } from './node.js';

/** The ops that OP_SET marks differentiable, derived from the table's rows (tensor-core). */
export type { DifferentiableOpName } from '@lightattn/tensor-core';

/** What an op's gradient rule receives: the backward context plus the op's parameters. */
export interface GradRuleContext<K extends DifferentiableOpName> extends BackwardContext {
  /** The op's parameters: plain values kept with the node, like input shapes. */
  readonly params: OpParams<K>;
}

/** One gradient rule: what the op's backward keeps, and the backward itself. */
export interface GradRule<K extends DifferentiableOpName> {
  /** Outputs that gradients flow into; default every f32 output (layerNorm's mean/rstd are not). */
  readonly differentiableOutputs?: readonly number[];
  /** What the backward keeps, given the params and which inputs need a gradient. */
  save(params: OpParams<K>, needsInputGrad: readonly boolean[]): SaveSpec;
  /** One gradient per input (null where not needed), from the output gradients. */
  backward(ctx: GradRuleContext<K>, grads: readonly Tensor[]): readonly (Tensor | null | undefined)[];
}

/** The gradient table: exhaustive over the differentiable ops, so a missing rule is a compile error. */
export type GradRuleTable = { readonly [K in DifferentiableOpName]: GradRule<K> };

/**
 * Undoes broadcasting: sums `g` over the axes where `shape` was stretched (leading axes it lacks,
 * and its size-1 axes), giving a tensor of `shape`. Returns g itself when nothing was broadcast.
 */
export function sumToShape(g: Tensor, shape: Shape): Tensor {
  if (shapesEqual(g.shape, shape)) return g;
  const lead = g.rank - shape.length;
  const axes: number[] = [];
  for (let i = 0; i < g.rank; i++) if (i < lead || (shape[i - lead] === 1 && g.shape[i] !== 1)) axes.push(i);
  const summed = axes.length ? tc.sum(g, { axes, keepDims: true }) : g;
  return summed.view(shape);
}

/** `shape` with `axes` set to 1: the keepDims shape of a reduction. */
export function keepDimsShape(shape: Shape, axes: readonly number[]): number[] {
  return shape.map((d, i) => (axes.includes(i) ? 1 : d));
}

/** A 0-d f32 constant on `like`'s device, for comparisons and where(). */
export function constant(value: number, like: Tensor): Tensor {
  return tc.full([], value, { device: like.device });
}

/** 1 where `mask` holds, else 0, as f32. */
export function maskToFloat(mask: Tensor): Tensor {
  return tc.cast(mask, 'f32');
}
