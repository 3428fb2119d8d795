import { IndexError, ShapeError } from './errors.js';

/** Sizes of a tensor's axes, outermost first. */
export type Shape = readonly number[];

/** A shape as `[2, 3]`, for messages. */
export function formatShape(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}

/** Number of elements of a shape (1 for a scalar's `[]`). */
export function numel(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Checks that every dimension is a non-negative safe integer. */
export function assertValidShape(shape: unknown, what = 'shape'): asserts shape is Shape {
  if (!Array.isArray(shape)) throw new ShapeError(`${what} must be an array of non-negative integers, got ${String(shape)}`);
  for (const d of shape) {
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0) {
      throw new ShapeError(`${what} ${JSON.stringify(shape)} has an invalid dimension ${String(d)}: dimensions are non-negative integers`);
    }
  }
}

/** Row-major (C-contiguous) strides in elements. */
export function contiguousStrides(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i]!;
  }
  return strides;
}

/** Normalises a possibly negative axis against `rank`, with an error naming the op. */
export function normalizeAxis(axis: number, rank: number, op: string): number {
  if (!Number.isInteger(axis)) throw new IndexError(`${op}: axis ${axis} is not an integer`);
  const a = axis < 0 ? axis + rank : axis;
  if (a < 0 || a >= rank) throw new IndexError(`${op}: axis ${axis} is out of range for a tensor of rank ${rank}`);
  return a;
}

/** Normalises, sorts and de-duplicates a list of axes; `undefined` means every axis. */
export function normalizeAxes(axes: number | readonly number[] | undefined, rank: number, op: string): number[] {
  if (axes === undefined) return Array.from({ length: rank }, (_, i) => i);
  const list = typeof axes === 'number' ? [axes] : axes;
  const out = list.map((a) => normalizeAxis(a, rank, op));
  const uniq = [...new Set(out)].sort((a, b) => a - b);
  if (uniq.length !== out.length) throw new IndexError(`${op}: repeated axis in ${JSON.stringify(list)}`);
  return uniq;
}

/**
 * NumPy broadcasting: align trailing dimensions; each pair must be equal or one of them 1.
 * Throws a ShapeError that names the op and every shape.
 */
export function broadcastShapes(op: string, ...shapes: Shape[]): number[] {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(rank).fill(1);
  for (let i = 0; i < rank; i++) {
    let d = 1;
    for (const s of shapes) {
      const k = s.length - rank + i;
      if (k < 0) continue;
      const v = s[k]!;
      if (v === 1) continue;
      if (d === 1) d = v;
      else if (v !== d) {
        throw new ShapeError(
          `${op}: shapes ${shapes.map(formatShape).join(' and ')} cannot be broadcast together (dimension ${i - rank} is ${d} in one and ${v} in another)`,
        );
      }
    }
    out[i] = d;
  }
  return out;
}

/** Strides (in elements) for reading a contiguous tensor of `shape` as if broadcast to `target`: 0 on broadcast axes. */
export function broadcastStrides(shape: Shape, target: Shape): number[] {
  const strides = contiguousStrides(shape);
  const out = new Array<number>(target.length).fill(0);
  const offset = target.length - shape.length;
  for (let i = 0; i < shape.length; i++) out[i + offset] = shape[i] === 1 ? 0 : strides[i]!;
  return out;
}

/** What a batched matmul iterates over: out [...batch, M, N] = a [..., M, K] · b [..., K, N] (either transposed). */
export interface MatmulGeometry {
  M: number;
  N: number;
  K: number;
  /** The output's batch dims, and their product. */
  batch: number[];
  count: number;
  /** Matrix-number strides of a and b over the batch dims (0 where a dim is broadcast). */
  aStrides: number[];
  bStrides: number[];
}

/** The geometry of `matmul(a, b)` into `out` (shapes already checked by the op's shape rule). */
export function matmulGeometry(a: Shape, b: Shape, out: Shape, transA: boolean): MatmulGeometry {
  const rank = out.length;
  const batch = out.slice(0, -2);
  return {
    M: out[rank - 2]!,
    N: out[rank - 1]!,
    K: transA ? a[a.length - 2]! : a[a.length - 1]!,
    batch,
    count: numel(batch),
    aStrides: broadcastStrides(a.slice(0, -2), batch),
    bStrides: broadcastStrides(b.slice(0, -2), batch),
  };
}

/** Whether two shapes are equal. */
export function shapesEqual(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/**
 * Resolves a reshape target with at most one −1, checking the element count.
 */
export function resolveReshape(from: Shape, to: readonly number[]): number[] {
  const n = numel(from);
  let infer = -1;
  let known = 1;
  to.forEach((d, i) => {
    if (d === -1) {
      if (infer >= 0) throw new ShapeError(`reshape: more than one −1 in ${formatShape(to)}`);
      infer = i;
    } else {
      if (!Number.isSafeInteger(d) || d < 0) throw new ShapeError(`reshape: invalid dimension ${d} in ${formatShape(to)}`);
      known *= d;
    }
  });
  const out = [...to];
  if (infer >= 0) {
    if (known === 0 || n % known !== 0) {
      throw new ShapeError(`reshape: cannot reshape ${formatShape(from)} (${n} elements) to ${formatShape(to)}`);
    }
    out[infer] = n / known;
  }
  if (numel(out) !== n) throw new ShapeError(`reshape: cannot reshape ${formatShape(from)} (${n} elements) to ${formatShape(to)} (${numel(out)} elements)`);
  return out;
}

/**
 * Python-style slice ranges resolved against `shape`: negative indices count from the end, values
 * are clamped to the axis, a missing entry means the whole axis, and an end before its start gives
 * an empty range. The forward slice and its gradient rule both use this, so they always agree.
 */
export function resolveSliceRanges(
  shape: Shape,
  begin: readonly (number | undefined)[],
  end: readonly (number | undefined)[],
): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  shape.forEach((d, i) => {
    const norm = (v: number) => (v < 0 ? Math.max(0, v + d) : Math.min(v, d));
    const s = begin[i] === undefined ? 0 : norm(begin[i]!);
    const e = end[i] === undefined ? d : norm(end[i]!);
    starts.push(s);
    ends.push(Math.max(s, e));
  });
  return { starts, ends };
}

/** The permutation of `rank` axes that swaps `axis0` and `axis1` (negative axes count from the end). */
export function transposePerm(rank: number, axis0: number, axis1: number): number[] {
  const a = normalizeAxis(axis0, rank, 'transpose');
  const b = normalizeAxis(axis1, rank, 'transpose');
  const perm = Array.from({ length: rank }, (_, i) => i);
  perm[a] = b;
  perm[b] = a;
  return perm;
}
