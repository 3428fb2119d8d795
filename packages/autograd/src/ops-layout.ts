import * as tc from '@lightattn/tensor-core';
import { formatShape, IndexError, normalizeAxis, ShapeError, type Shape, type Tensor } from '@lightattn/tensor-core';
import { applyOp1, recordOp } from './apply-op.js';
import { AutogradError } from './errors.js';
import { isGradEnabled } from './grad-mode.js';
import { isStorageSaved } from './ledger.js';
import { recordNode } from './record.js';

// Differentiable layout ops: same names and signatures as tensor-core's. Views stay views.

/** Records `out`, a view of x with another shape, as the differentiable view y = x: dx = g viewed with x's shape. Saves nothing. */
function recordView(x: Tensor, out: Tensor): Tensor {
  recordNode({
    name: 'view',
    inputs: [x],
    outputs: [out],
    save: {},
    backward: ({ inputs }, [g]) => [g!.view(inputs[0]!.shape)],
  });
  return out;
}

/** A view with a new shape (one dimension may be −1). */
export const reshape = (x: Tensor, shape: readonly number[]): Tensor => recordView(x, tc.reshape(x, shape));
/** Merges axes start…end (inclusive) into one: a view. */
export const flatten = (x: Tensor, startAxis = 0, endAxis = -1): Tensor => recordView(x, tc.flatten(x, startAxis, endAxis));
/** Inserts a size-1 axis at `axis` (a view). */
export const unsqueeze = (x: Tensor, axis: number): Tensor => recordView(x, tc.unsqueeze(x, axis));
/** Removes size-1 axes (all, or the ones given): a view. */
export const squeeze = (x: Tensor, axes?: number | readonly number[]): Tensor => recordView(x, tc.squeeze(x, axes));

/** Differentiable axis reorder (a copy): out.shape[i] = x.shape[perm[i]]. */
export function permute(x: Tensor, perm: readonly number[]): Tensor {
  return applyOp1('permute', [x], { perm: perm.map((a) => (a < 0 ? a + x.rank : a)) });
}

/** Swaps two axes (a copy). Defaults swap the last two. */
export function transpose(x: Tensor, axis0 = -2, axis1 = -1): Tensor {
  return applyOp1('permute', [x], { perm: tc.transposePerm(x.rank, axis0, axis1) });
}

/** Differentiable concatenation along `axis`. */
export function concat(xs: readonly Tensor[], axis = 0): Tensor {
  if (xs.length === 0) throw new ShapeError('concat: needs at least one tensor');
  return applyOp1('concat', xs, { axis: normalizeAxis(axis, xs[0]!.rank, 'concat') });
}

/**
 * x[begin[0]:end[0], …] with Python semantics; a view when the result is contiguous in x, else a
 * copy. Either way the gradient pads g back with zeros.
 */
export function slice(x: Tensor, begin: readonly (number | undefined)[], end: readonly (number | undefined)[] = []): Tensor {
  const out = tc.runTaped(() => tc.slice(x, begin, end));
  recordOp('slice', [x], [out], tc.resolveSliceRanges(x.shape, begin, end));
  return out;
}

/** `length` elements of one axis from `start`. */
export function narrow(x: Tensor, axis: number, start: number, length: number): Tensor {
  const a = normalizeAxis(axis, x.rank, 'narrow');
  if (start < 0 || length < 0 || start + length > x.shape[a]!)
    throw new IndexError(`narrow: [${start}, ${start + length}) is out of range for axis ${a} of ${formatShape(x.shape)}`);
  return slice(
    x,
    x.shape.map((_, i) => (i === a ? start : 0)),
    x.shape.map((d, i) => (i === a ? start + length : d)),
  );
}

/** Splits along `axis` into pieces of the given sizes (or equal pieces of `size`). */
export function split(x: Tensor, sizes: number | readonly number[], axis = 0): Tensor[] {
  const a = normalizeAxis(axis, x.rank, 'split');
  const d = x.shape[a]!;
  const list = typeof sizes === 'number' ? Array.from({ length: Math.ceil(d / sizes) }, (_, i) => Math.min(sizes, d - i * sizes)) : sizes;
  if (list.reduce((s, v) => s + v, 0) !== d)
    throw new ShapeError(`split: sizes ${JSON.stringify(list)} do not add up to ${d} (axis ${a} of ${formatShape(x.shape)})`);
  let at = 0;
  return list.map((len) => {
    const piece = narrow(x, a, at, len);
    at += len;
    return piece;
  });
}

/** Differentiable constant padding: `before[i]` and `after[i]` elements of `value` on each axis. */
export function pad(x: Tensor, before: readonly number[], after: readonly number[], value = 0): Tensor {
  return applyOp1('pad', [x], { before, after, value });
}

/** A broadcast copy of x to `shape`. */
export function expand(x: Tensor, shape: Shape): Tensor {
  return applyOp1('expand', [x], { shape });
}

/**
 * Writes `src` into `dst` at `starts`, in place (KV caches). Not differentiable: refuses tensors that
 * require grad while recording, and storages a pending backward still reads.
 */
export function setSlice(dst: Tensor, src: Tensor, starts: readonly number[]): void {
  if (isGradEnabled() && (dst.requiresGrad || src.requiresGrad)) {
    throw new AutogradError(
      `setSlice: writes ${dst.describe()} in place, which is not differentiable; run it inside noGrad() on tensors that do not require grad (detach() them)`,
    );
  }
  if (isStorageSaved(dst.storage)) {
    throw new AutogradError(
      `setSlice: ${dst.describe()} is saved for a backward that has not run; writing into it would corrupt the gradients. Run backward first, or write into a clone()`,
    );
  }
  tc.setSlice(dst, src, starts);
}
