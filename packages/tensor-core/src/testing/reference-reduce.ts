/**
 * Float64 references for reductions, scans and matmul on plain numbers, written from the op
 * definitions in ops/op-params.ts and independent of the CPU kernels.
 */
import type { ArgReduceFn, OpParams, ReduceFn } from '../ops/op-params.js';
import { host, ravel, referenceBroadcastShape, sizeOf, storeAs, unravel, type HostTensor } from './host-tensor.js';

/**
 * The rows of `shape` along `axis`: each row lists the flat positions x[o, 0…n−1, i] for one
 * (outer o, inner i) pair; rows come in the order o·inner + i, which is also the flat order of the
 * shape with that axis removed.
 */
export function rowsAlong(shape: readonly number[], axis: number): number[][] {
  const outer = sizeOf(shape.slice(0, axis));
  const n = shape[axis]!;
  const inner = sizeOf(shape.slice(axis + 1));
  const rows: number[][] = [];
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) rows.push(Array.from({ length: n }, (_, j) => (o * n + j) * inner + i));
  }
  return rows;
}

/** The reduction of one list of values; the empty list gives the identity (mean gives NaN). */
export function reduceValues(fn: ReduceFn, values: readonly number[]): number {
  const hasNaN = values.some(Number.isNaN);
  switch (fn) {
    case 'sum':
      return values.reduce((s, v) => s + v, 0);
    case 'mean':
      return values.reduce((s, v) => s + v, 0) / values.length;
    case 'max':
      return hasNaN ? NaN : values.reduce((m, v) => Math.max(m, v), -Infinity);
    case 'min':
      return hasNaN ? NaN : values.reduce((m, v) => Math.min(m, v), Infinity);
    case 'logsumexp': {
      if (hasNaN) return NaN;
      const m = values.reduce((a, v) => Math.max(a, v), -Infinity);
      // logsumexp = m + log Σ exp(v − m); m = ±Inf is the answer itself (and avoids Inf − Inf).
      if (!Number.isFinite(m)) return m;
      return m + Math.log(values.reduce((s, v) => s + Math.exp(v - m), 0));
    }
  }
}

export function refReduce(x: HostTensor, p: OpParams<'reduce'>): HostTensor {
  const outShape: number[] = [];
  x.shape.forEach((d, i) => {
    if (!p.axes.includes(i)) outShape.push(d);
    else if (p.keepDims) outShape.push(1);
  });
  // Group every input element by the output position it reduces into.
  const groups: number[][] = Array.from({ length: sizeOf(outShape) }, () => []);
  for (let flat = 0; flat < x.data.length; flat++) {
    const idx = unravel(flat, x.shape);
    const outIdx = idx.flatMap((v, i) => (!p.axes.includes(i) ? [v] : p.keepDims ? [0] : []));
    groups[ravel(outIdx, outShape)]!.push(x.data[flat]!);
  }
  // Integer sums wrap like a running i32/u32 accumulator; the exact sum modulo 2^32 is the same.
  const data = groups.map((g) => (x.dtype === 'f32' ? reduceValues(p.fn, g) : storeAs(reduceValues(p.fn, g), x.dtype)));
  return host(outShape, data, x.dtype);
}

/** Index of the first max (min); a NaN counts as both the max and the min, so the first NaN wins. */
export function argReduceValues(fn: ArgReduceFn, values: readonly number[]): number {
  let best = 0;
  for (let j = 1; j < values.length; j++) {
    const v = values[j]!;
    const b = values[best]!;
    if (Number.isNaN(b)) break;
    if (Number.isNaN(v) || (fn === 'argmax' ? v > b : v < b)) best = j;
  }
  return best;
}

export function refArgReduce(x: HostTensor, p: OpParams<'argReduce'>): HostTensor {
  const outShape = p.keepDims ? x.shape.map((d, i) => (i === p.axis ? 1 : d)) : x.shape.filter((_, i) => i !== p.axis);
  const data = rowsAlong(x.shape, p.axis).map((row) =>
    argReduceValues(
      p.fn,
      row.map((f) => x.data[f]!),
    ),
  );
  return host(outShape, data, 'i32');
}

/** Running sums along `axis`: out[j] = Σ x[k] for k ≤ j (k < j exclusive), or k ≥ j (k > j) reversed. */
export function refCumsum(x: HostTensor, p: OpParams<'cumsum'>): HostTensor {
  const out = new Array<number>(x.data.length).fill(0);
  for (const row of rowsAlong(x.shape, p.axis)) {
    const n = row.length;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) {
        const included = p.reverse ? (p.exclusive ? k > j : k >= j) : p.exclusive ? k < j : k <= j;
        if (included) s += x.data[row[k]!]!;
      }
      out[row[j]!] = x.dtype === 'f32' ? s : storeAs(s, x.dtype);
    }
  }
  return host(x.shape, out, x.dtype);
}

/**
 * out[b, m, n] = Σ_k A[b, m, k]·B[b, k, n] with A = a or aᵀ and B = b or bᵀ (last two axes), batch
 * axes broadcast. K = 0 gives zeros.
 */
export function refMatmul(a: HostTensor, b: HostTensor, p: OpParams<'matmul'>): HostTensor {
  const [ar, ac] = a.shape.slice(-2) as [number, number];
  const [br, bc] = b.shape.slice(-2) as [number, number];
  const [M, K] = p.transA ? [ac, ar] : [ar, ac];
  const [K2, N] = p.transB ? [bc, br] : [br, bc];
  if (K !== K2) throw new Error(`reference matmul: K ${K} ≠ ${K2}`);
  const aBatch = a.shape.slice(0, -2);
  const bBatch = b.shape.slice(0, -2);
  const batch = referenceBroadcastShape(aBatch, bBatch);
  if (!batch) throw new Error('reference matmul: batch dimensions do not broadcast');
  // The matrix of a broadcast operand that batch index `idx` reads.
  const matrixStart = (opBatch: readonly number[], idx: readonly number[], size: number) => {
    const lead = idx.length - opBatch.length;
    return (
      ravel(
        opBatch.map((d, i) => (d === 1 ? 0 : idx[lead + i]!)),
        opBatch,
      ) * size
    );
  };
  const out: number[] = [];
  for (let bi = 0; bi < sizeOf(batch); bi++) {
    const idx = unravel(bi, batch);
    const a0 = matrixStart(aBatch, idx, ar * ac);
    const b0 = matrixStart(bBatch, idx, br * bc);
    const A = (m: number, k: number) => a.data[a0 + (p.transA ? k * ac + m : m * ac + k)]!;
    const B = (k: number, n: number) => b.data[b0 + (p.transB ? n * bc + k : k * bc + n)]!;
    for (let m = 0; m < M; m++) {
      for (let n = 0; n < N; n++) {
        let s = 0;
        for (let k = 0; k < K; k++) s += A(m, k) * B(k, n);
        out.push(s);
      }
    }
  }
  return host([...batch, M, N], out);
}
