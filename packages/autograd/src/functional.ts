import { DTypeError, Tensor, withMemoryTag, zerosLike } from '@lightattn/tensor-core';
import { gradients } from './engine.js';
import { AutogradError } from './errors.js';
import { enableGrad } from './grad-mode.js';

/** Marks `t` as a leaf whose gradient is wanted (`t.grad` after backward); returns it. */
export function param(t: Tensor): Tensor {
  return requiresGrad(t, true);
}

/** Sets whether gradients flow to the leaf `t`; returns it. Only f32 tensors can require grad. */
export function requiresGrad(t: Tensor, on = true): Tensor {
  if (on && t.dtype !== 'f32') throw new DTypeError(`requiresGrad: ${t.describe()} is not f32; only float tensors have gradients`);
  if (!on && t.gradFn) throw new AutogradError(`requiresGrad: ${t.describe()} was computed by '${t.gradFn.name}'; use detach(t) to cut it from the graph`);
  t.requiresGrad = on;
  return t;
}

/** A new tensor over the same storage, cut from the graph: no gradFn, does not require grad. */
export function detach(t: Tensor): Tensor {
  return t.view(t.shape);
}

type GradOf<N> = N extends readonly number[] ? Tensor[] : Tensor;

/** Options of {@link grad} and {@link valueAndGrad}: which arguments to differentiate. */
export interface GradOptions<N extends number | readonly number[]> {
  /** Which arguments to differentiate with respect to (default 0). */
  argnums?: N;
}

function valueAndGradImpl<A extends readonly unknown[]>(
  fn: (...args: A) => Tensor,
  argnums: number | readonly number[],
  args: A,
): { value: Tensor; grads: Tensor[] } {
  const nums = typeof argnums === 'number' ? [argnums] : [...argnums];
  const inputs = [...args] as unknown[];
  const leaves = nums.map((i) => {
    const a = args[i];
    if (!(a instanceof Tensor)) throw new AutogradError(`grad(): argument ${i} is not a tensor`);
    const leaf = requiresGrad(detach(a));
    inputs[i] = leaf;
    return leaf;
  });
  const value = enableGrad(() => fn(...(inputs as unknown as A)));
  if (value.numel !== 1) {
    for (const l of leaves) l.dispose();
    throw new AutogradError(`grad(): the function returned ${value.describe()}; it must return a one-element tensor (a loss)`);
  }
  // A value that does not depend on any input has zero gradients.
  const grads = value.gradFn || value.requiresGrad ? gradients(value, leaves) : leaves.map((l) => withMemoryTag('gradient', () => zerosLike(l)));
  const result = leaves.includes(value) ? value.view(value.shape) : value;
  for (const l of leaves) l.dispose();
  result.gradFn = null;
  result.requiresGrad = false;
  return { value: result, grads };
}

/**
 * The gradient function of `fn` (JAX's grad): `grad(f)(x)` is df/dx for a `fn` returning a
 * one-element tensor. Differentiates argument 0 unless `argnums` says otherwise (a list gives a list).
 * Like torch.autograd.grad it leaves every `.grad` untouched, parameters captured by `fn` included.
 */
export function grad<A extends readonly unknown[], N extends number | readonly number[] = 0>(
  fn: (...args: A) => Tensor,
  options: GradOptions<N> = {},
): (...args: A) => GradOf<N> {
  return (...args: A) => {
    const argnums = options.argnums ?? 0;
    const { value, grads } = valueAndGradImpl(fn, argnums, args);
    value.dispose();
    return (typeof argnums === 'number' ? grads[0] : grads) as GradOf<N>;
  };
}

/** Like `grad`, returning the function's value too (cut from the graph). */
export function valueAndGrad<A extends readonly unknown[], N extends number | readonly number[] = 0>(
  fn: (...args: A) => Tensor,
  options: GradOptions<N> = {},
): (...args: A) => { value: Tensor; grad: GradOf<N> } {
  return (...args: A) => {
    const argnums = options.argnums ?? 0;
    const { value, grads } = valueAndGradImpl(fn, argnums, args);
    return { value, grad: (typeof argnums === 'number' ? grads[0] : grads) as GradOf<N> };
  };
}
