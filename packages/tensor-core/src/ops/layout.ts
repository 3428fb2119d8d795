import { runOp, runOp1 } from '../dispatch.js';
import { IndexError, ShapeError } from '../errors.js';
import { contiguousStrides, formatShape, normalizeAxis, resolveReshape, resolveSliceRanges, transposePerm, type Shape } from '../shape.js';
import type { Tensor } from '../tensor.js';

/** A view with a new shape (one dimension may be −1); never copies, since tensors are contiguous. */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  return x.view(resolveReshape(x.shape, shape));
}

/** Merges axes start…end (inclusive) into one: a view. */
export function flatten(x: Tensor, startAxis = 0, endAxis = -1): Tensor {
  if (x.rank === 0) return x.view([1]);
  const s = normalizeAxis(startAxis, x.rank, 'flatten');
  const e = normalizeAxis(endAxis, x.rank, 'flatten');
  if (e < s) throw new IndexError(`flatten: end axis ${endAxis} comes before start axis ${startAxis}`);
  const merged = x.shape.slice(s, e + 1).reduce((a, b) => a * b, 1);
  return x.view([...x.shape.slice(0, s), merged, ...x.shape.slice(e + 1)]);
}

/** Inserts a size-1 axis at `axis` (a view). */
export function unsqueeze(x: Tensor, axis: number): Tensor {
  const a = normalizeAxis(axis, x.rank + 1, 'unsqueeze');
  const shape = [...x.shape];
  shape.splice(a, 0, 1);
  return x.view(shape);
}

/** Removes size-1 axes (all of them, or the ones given): a view. */
export function squeeze(x: Tensor, axes?: number | readonly number[]): Tensor {
  const list =
    axes === undefined
      ? x.shape.map((d, i) => (d === 1 ? i : -1)).filter((i) => i >= 0)
      : (typeof axes === 'number' ? [axes] : axes).map((a) => normalizeAxis(a, x.rank, 'squeeze'));
  for (const a of list) if (x.shape[a] !== 1) throw new ShapeError(`squeeze: axis ${a} of ${formatShape(x.shape)} has size ${x.shape[a]}, not 1`);
  return x.view(x.shape.filter((_, i) => !list.includes(i)));
}

/** Reorders axes (a copy): out.shape[i] = x.shape[perm[i]]; negative axes count from the end. */
export function permute(x: Tensor, perm: readonly number[]): Tensor {
  return runOp1('permute', [x], { perm: perm.map((a) => (a < 0 ? a + x.rank : a)) });
}

/** Swaps two axes (a copy). Defaults swap the last two. */
export function transpose(x: Tensor, axis0 = -2, axis1 = -1): Tensor {
  return runOp1('permute', [x], { perm: transposePerm(x.rank, axis0, axis1) });
}

/** Joins tensors of equal shape except along `axis`. */
export function concat(xs: readonly Tensor[], axis = 0): Tensor {
  if (xs.length === 0) throw new ShapeError('concat: needs at least one tensor');
  return runOp1('concat', xs, { axis: normalizeAxis(axis, xs[0]!.rank, 'concat') });
}

/**
 * x[begin[0]:end[0], begin[1]:end[1], …] with Python semantics (negative indices, clamping); axes not
 * listed are taken whole. A view when the result is contiguous in x (e.g. rows of a matrix), else a copy.
 */
export function slice(x: Tensor, begin: readonly (number | undefined)[], end: readonly (number | undefined)[] = []): Tensor {
  if (begin.length > x.rank || end.length > x.rank) throw new IndexError(`slice: ${Math.max(begin.length, end.length)} ranges for a tensor of rank ${x.rank}`);
  const { starts, ends } = resolveSliceRanges(x.shape, begin, end);
  const shape = starts.map((s, i) => ends[i]! - s);
  if (isContiguousSlice(x.shape, starts, ends)) {
    const strides = contiguousStrides(x.shape);
    const offset = starts.reduce((acc, s, i) => acc + s * strides[i]!, x.offset);
    return x.view(shape, offset);
  }
  return runOp1('slice', [x], { starts, ends });
}

/** x.narrow(axis, start, length): `length` elements of one axis from `start`. */
export function narrow(x: Tensor, axis: number, start: number, length: number): Tensor {
  const a = normalizeAxis(axis, x.rank, 'narrow');
  if (start < 0 || length < 0 || start + length > x.shape[a]!)
    throw new IndexError(`narrow: [${start}, ${start + length}) is out of range for axis ${a} of ${formatShape(x.shape)}`);
  const begin = x.shape.map((_, i) => (i === a ? start : 0));
  const stop = x.shape.map((d, i) => (i === a ? start + length : d));
  return slice(x, begin, stop);
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

/** A slice is contiguous when, for some axis k, every axis before k has one index and every axis after k is whole. */
function isContiguousSlice(shape: Shape, starts: readonly number[], ends: readonly number[]): boolean {
  let k = 0;
  while (k < shape.length && ends[k]! - starts[k]! === 1) k++;
  for (let i = k + 1; i < shape.length; i++) if (starts[i] !== 0 || ends[i] !== shape[i]) return false;
  return true;
}

/** Pads each axis with `before[i]` and `after[i]` elements of `value`. */
export function pad(x: Tensor, before: readonly number[], after: readonly number[], value = 0): Tensor {
  return runOp1('pad', [x], { before, after, value });
}

/** Writes `src` into `dst` at `starts`, in place (used by KV caches). */
export function setSlice(dst: Tensor, src: Tensor, starts: readonly number[]): void {
  runOp('setSlice', [dst, src], { starts });
}

/** A broadcast copy of x to `shape`. */
export function expand(x: Tensor, shape: Shape): Tensor {
  return runOp1('expand', [x], { shape });
}
