import type { DType } from '../dtype.js';

/**
 * A tensor held as plain JavaScript numbers: what the float64 references read and write, and what
 * the harness uploads to a device. Booleans are 0/1; integers are exact; floats are whatever the
 * reference computed (the harness rounds expected f32 values before comparing).
 */
export interface HostTensor {
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly data: readonly number[];
}

export function host(shape: readonly number[], data: readonly number[], dtype: DType = 'f32'): HostTensor {
  const n = sizeOf(shape);
  if (data.length !== n) throw new Error(`host tensor: ${data.length} values do not fill [${shape.join(', ')}] (${n} elements)`);
  return { shape: [...shape], dtype, data: [...data] };
}

export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major strides in elements. */
export function stridesOf(shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    out[i] = s;
    s *= shape[i]!;
  }
  return out;
}

/** The multi-index of flat position `flat` in `shape`. */
export function unravel(flat: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let i = shape.length - 1; i >= 0; i--) {
    const d = shape[i]!;
    idx[i] = flat % d;
    flat = Math.floor(flat / d);
  }
  return idx;
}

/** The flat position of multi-index `idx` in `shape`. */
export function ravel(idx: readonly number[], shape: readonly number[]): number {
  let flat = 0;
  for (let i = 0; i < shape.length; i++) flat = flat * shape[i]! + idx[i]!;
  return flat;
}

/**
 * NumPy broadcasting, written independently of the library's shape.ts so the two can be compared:
 * pad every shape with leading 1s to the largest rank, then each axis is the one size other than 1
 * (or 1). Returns null when two sizes other than 1 differ.
 */
export function referenceBroadcastShape(...shapes: (readonly number[])[]): number[] | null {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const padded = shapes.map((s) => [...new Array<number>(rank - s.length).fill(1), ...s]);
  const out: number[] = [];
  for (let axis = 0; axis < rank; axis++) {
    const sizes = new Set(padded.map((s) => s[axis]!).filter((d) => d !== 1));
    if (sizes.size > 1) return null;
    out.push(sizes.size === 1 ? [...sizes][0]! : 1);
  }
  return out;
}

/** The element of `t` that broadcasting reads for multi-index `outIdx` of a larger output. */
export function broadcastRead(t: HostTensor, outIdx: readonly number[]): number {
  const lead = outIdx.length - t.shape.length;
  const idx = t.shape.map((d, i) => (d === 1 ? 0 : outIdx[lead + i]!));
  return t.data[ravel(idx, t.shape)]!;
}

/**
 * Elementwise map over broadcast operands: out[idx] = fn(a[idx'], b[idx''], …).
 */
export function broadcastMap(inputs: readonly HostTensor[], dtype: DType, fn: (...values: number[]) => number): HostTensor {
  const shape = referenceBroadcastShape(...inputs.map((t) => t.shape));
  if (!shape) throw new Error(`reference: shapes ${inputs.map((t) => `[${t.shape.join(', ')}]`).join(', ')} do not broadcast`);
  const n = sizeOf(shape);
  const data = new Array<number>(n);
  for (let flat = 0; flat < n; flat++) {
    const idx = unravel(flat, shape);
    data[flat] = fn(...inputs.map((t) => broadcastRead(t, idx)));
  }
  return { shape, dtype, data };
}

/** Rounds a number to how `dtype` stores it: f32 rounding, i32/u32 wraparound, bool 0/1. */
export function storeAs(value: number, dtype: DType): number {
  switch (dtype) {
    case 'f32':
      return Math.fround(value);
    case 'i32':
      return value | 0;
    case 'u32':
      return value >>> 0;
    case 'bool':
      return value !== 0 ? 1 : 0;
  }
}
