import * as tc from '@lightattn/tensor-core';
import { DTypeError, formatShape, ShapeError, type Tensor } from '@lightattn/tensor-core';

/** Sizes of one attention call: q [B, H, Tq, D], k [B, H, Tk, D], v [B, H, Tk, Dv]. */
export interface AttentionShape {
  B: number;
  H: number;
  Tq: number;
  Tk: number;
  D: number;
  Dv: number;
}

/** Checks q, k, v (and a mask) and returns the sizes; errors name the op and every shape. */
export function attentionShape(op: string, q: Tensor, k: Tensor, v: Tensor, mask?: Tensor | null): AttentionShape {
  const shapes = `q ${formatShape(q.shape)}, k ${formatShape(k.shape)}, v ${formatShape(v.shape)}`;
  for (const [t, name] of [
    [q, 'q'],
    [k, 'k'],
    [v, 'v'],
  ] as const) {
    if (t.dtype !== 'f32') throw new DTypeError(`${op}: ${name} is ${t.dtype}; attention needs f32 q, k and v (use cast())`);
  }
  if (q.rank !== 4 || k.rank !== 4 || v.rank !== 4) throw new ShapeError(`${op}: expected q, k, v shaped [B, H, T, D], got ${shapes}`);
  const [B, H, Tq, D] = q.shape as [number, number, number, number];
  const Tk = k.shape[2]!;
  if (k.shape[0] !== B || k.shape[1] !== H || k.shape[3] !== D || v.shape[0] !== B || v.shape[1] !== H || v.shape[2] !== Tk) {
    throw new ShapeError(`${op}: q [B, H, Tq, D], k [B, H, Tk, D] and v [B, H, Tk, Dv] do not agree: ${shapes}`);
  }
  if (mask) {
    if (mask.dtype !== 'bool') throw new DTypeError(`${op}: mask is ${mask.dtype}; pass a bool mask (true = attend), e.g. ne(mask, 0)`);
    const target = [B, H, Tq, Tk];
    const lead = 4 - mask.rank;
    if (lead < 0 || mask.shape.some((d, i) => d !== 1 && d !== target[lead + i])) {
      throw new ShapeError(`${op}: mask ${formatShape(mask.shape)} does not broadcast to the scores [B, H, Tq, Tk] = ${formatShape(target)}`);
    }
  }
  return { B, H, Tq, Tk, D, Dv: v.shape[3]! };
}

/** The mask as a rank-4 view ([1, …] in front), or null. */
export function mask4(mask: Tensor | null | undefined): Tensor | null {
  if (!mask) return null;
  return mask.rank === 4 ? mask : tc.reshape(mask, [...new Array<number>(4 - mask.rank).fill(1), ...mask.shape]);
}

export interface KeepOptions {
  causal: boolean;
  /** The user's bool mask, rank 4, already restricted to this call's query rows. */
  mask: Tensor | null;
  /** This call's query rows are rows rowOffset … of `rows` (a chunk); defaults 0 and Tq. */
  rowOffset?: number;
  rows?: number;
}

/**
 * Which scores take part, broadcastable to [B, H, Tq, Tk], or null when all do. Causal attention
 * lets query row i see key j ≤ rowOffset + i + (Tk − rows): the last query row sees every key, as
 * in GPT-2 with a key/value cache (bottom-right alignment). Costs Tq·Tk bytes, never saved.
 */
export function keepMask(Tq: number, Tk: number, device: tc.Device, options: KeepOptions): Tensor | null {
  if (!options.causal) return options.mask;
  return tc.scope(() => {
    const shift = (options.rowOffset ?? 0) + Tk - (options.rows ?? Tq);
    const rowLimit = tc.reshape(tc.arange(shift, shift + Tq, 1, { device }), [Tq, 1]);
    const key = tc.reshape(tc.arange(0, Tk, 1, { device }), [1, Tk]);
    const causal = tc.le(key, rowLimit);
    return options.mask ? tc.logicalAnd(options.mask, causal) : causal;
  });
}

/** The user's mask restricted to query rows [start, start + length): a slice when it varies over queries. */
export function maskRows(mask: Tensor | null, start: number, length: number): Tensor | null {
  if (!mask || mask.shape[2] === 1) return mask;
  return tc.narrow(mask, 2, start, length);
}
