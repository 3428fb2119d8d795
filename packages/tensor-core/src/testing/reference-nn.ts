/**
 * Float64 references for the neural-network ops (softmax family, layer norm, embedding gather and
 * scatter, cross-entropy, AdamW) on plain numbers, written from ops/op-params.ts.
 */
import type { OpParams } from '../ops/op-params.js';
import { host, sizeOf, type HostTensor } from './host-tensor.js';
import { reduceValues, rowsAlong } from './reference-reduce.js';

/** Applies `fn` to each row along `axis` (values in, values out) and scatters the results back. */
function mapRows(shape: readonly number[], axis: number, inputs: readonly HostTensor[], fn: (...rows: number[][]) => number[]): HostTensor {
  const out = new Array<number>(sizeOf(shape)).fill(0);
  for (const row of rowsAlong(shape, axis)) {
    const result = fn(...inputs.map((t) => row.map((f) => t.data[f]!)));
    row.forEach((f, j) => (out[f] = result[j]!));
  }
  return host(shape, out);
}

/** y = exp(x − max) / Σ exp(x − max); a row of all −Inf gives NaN (−Inf − (−Inf)). */
export function softmaxRow(x: readonly number[]): number[] {
  const m = reduceValues('max', x);
  const e = x.map((v) => Math.exp(v - m));
  const s = e.reduce((a, v) => a + v, 0);
  return e.map((v) => v / s);
}

/** y = x − max − log Σ exp(x − max). */
export function logSoftmaxRow(x: readonly number[]): number[] {
  const m = reduceValues('max', x);
  const lse = Math.log(x.reduce((a, v) => a + Math.exp(v - m), 0));
  return x.map((v) => v - m - lse);
}

export const refSoftmax = (x: HostTensor, p: OpParams<'softmax'>) => mapRows(x.shape, p.axis, [x], softmaxRow);
export const refLogSoftmax = (x: HostTensor, p: OpParams<'logSoftmax'>) => mapRows(x.shape, p.axis, [x], logSoftmaxRow);

/** dx = y ⊙ (g − Σ g ⊙ y) */
export const refSoftmaxBackward = (y: HostTensor, g: HostTensor, p: OpParams<'softmaxBackward'>) =>
  mapRows(y.shape, p.axis, [y, g], (yr, gr) => {
    const dot = yr.reduce((s, v, j) => s + v * gr[j]!, 0);
    return yr.map((v, j) => v * (gr[j]! - dot));
  });

/** dx = g − exp(y) · Σ g */
export const refLogSoftmaxBackward = (y: HostTensor, g: HostTensor, p: OpParams<'logSoftmaxBackward'>) =>
  mapRows(y.shape, p.axis, [y, g], (yr, gr) => {
    const gs = gr.reduce((s, v) => s + v, 0);
    return yr.map((v, j) => gr[j]! - Math.exp(v) * gs);
  });

export interface LayerNormReference {
  y: HostTensor;
  mean: HostTensor;
  rstd: HostTensor;
}

/** Layer norm over the last axis with biased variance: y = (x − mean)·rstd·w + b, rstd = 1/√(var + eps). */
export function refLayerNorm(x: HostTensor, w: HostTensor, b: HostTensor, p: OpParams<'layerNorm'>): LayerNormReference {
  const c = x.shape[x.shape.length - 1]!;
  const rows = x.shape.slice(0, -1);
  const y: number[] = [];
  const means: number[] = [];
  const rstds: number[] = [];
  for (let r = 0; r < sizeOf(rows); r++) {
    const row = x.data.slice(r * c, (r + 1) * c);
    const mean = row.reduce((s, v) => s + v, 0) / c;
    const variance = row.reduce((s, v) => s + (v - mean) ** 2, 0) / c;
    const rstd = 1 / Math.sqrt(variance + p.eps);
    row.forEach((v, j) => y.push((v - mean) * rstd * w.data[j]! + b.data[j]!));
    means.push(mean);
    rstds.push(rstd);
  }
  return { y: host(x.shape, y), mean: host(rows, means), rstd: host(rows, rstds) };
}

/**
 * x̂ = (x − mean)·rstd; dx = rstd·(g·w − mean_C(g·w) − x̂·mean_C(g·w·x̂)); dw = Σ_rows g·x̂; db = Σ_rows g.
 */
export function refLayerNormBackward(
  g: HostTensor,
  x: HostTensor,
  w: HostTensor,
  mean: HostTensor,
  rstd: HostTensor,
): { dx: HostTensor; dweight: HostTensor; dbias: HostTensor } {
  const c = x.shape[x.shape.length - 1]!;
  const nRows = sizeOf(x.shape.slice(0, -1));
  const dx: number[] = [];
  const dw = new Array<number>(c).fill(0);
  const db = new Array<number>(c).fill(0);
  for (let r = 0; r < nRows; r++) {
    const xhat = Array.from({ length: c }, (_, j) => (x.data[r * c + j]! - mean.data[r]!) * rstd.data[r]!);
    const gw = Array.from({ length: c }, (_, j) => g.data[r * c + j]! * w.data[j]!);
    const meanGw = gw.reduce((s, v) => s + v, 0) / c;
    const meanGwXhat = gw.reduce((s, v, j) => s + v * xhat[j]!, 0) / c;
    for (let j = 0; j < c; j++) {
      dx.push(rstd.data[r]! * (gw[j]! - meanGw - xhat[j]! * meanGwXhat));
      dw[j]! += g.data[r * c + j]! * xhat[j]!;
      db[j]! += g.data[r * c + j]!;
    }
  }
  return { dx: host(x.shape, dx), dweight: host([c], dw), dbias: host([c], db) };
}

/** out[i, …] = table[ids[i], …] */
export function refGather(table: HostTensor, ids: HostTensor): HostTensor {
  const rowSize = sizeOf(table.shape.slice(1));
  const out = ids.data.flatMap((id) => table.data.slice(id * rowSize, (id + 1) * rowSize));
  return host([...ids.shape, ...table.shape.slice(1)], out, table.dtype);
}

/** out = zeros [numRows, …]; out[ids[i], …] += src[i, …] */
export function refScatterAdd(ids: HostTensor, src: HostTensor, p: OpParams<'scatterAdd'>): HostTensor {
  const rest = src.shape.slice(ids.shape.length);
  const rowSize = sizeOf(rest);
  const out = new Array<number>(p.numRows * rowSize).fill(0);
  ids.data.forEach((id, i) => {
    for (let j = 0; j < rowSize; j++) out[id * rowSize + j]! += src.data[i * rowSize + j]!;
  });
  return host([p.numRows, ...rest], out);
}

/** lse = logsumexp(row); loss = lse − logits[target], 0 for ignored rows (whose lse is still written). */
export function refCrossEntropy(logits: HostTensor, targets: HostTensor, p: OpParams<'crossEntropy'>): { loss: HostTensor; lse: HostTensor } {
  const [n, v] = logits.shape as [number, number];
  const loss: number[] = [];
  const lse: number[] = [];
  for (let r = 0; r < n; r++) {
    const row = logits.data.slice(r * v, (r + 1) * v);
    const l = reduceValues('logsumexp', row);
    const t = targets.data[r]!;
    lse.push(l);
    loss.push(t === p.ignoreIndex ? 0 : l - row[t]!);
  }
  return { loss: host([n], loss), lse: host([n], lse) };
}

/** dlogits = g · (exp(logits − lse) − onehot(target)); zero rows where the target is ignored. */
export function refCrossEntropyBackward(
  logits: HostTensor,
  targets: HostTensor,
  lse: HostTensor,
  g: HostTensor,
  p: OpParams<'crossEntropyBackward'>,
): HostTensor {
  const [n, v] = logits.shape as [number, number];
  const out: number[] = [];
  for (let r = 0; r < n; r++) {
    const t = targets.data[r]!;
    for (let j = 0; j < v; j++) {
      out.push(t === p.ignoreIndex ? 0 : g.data[r]! * (Math.exp(logits.data[r * v + j]! - lse.data[r]!) - (j === t ? 1 : 0)));
    }
  }
  return host(logits.shape, out);
}

export interface AdamState {
  param: HostTensor;
  m: HostTensor;
  v: HostTensor;
}

/** One AdamW step in PyTorch's order (decoupled weight decay first, bias corrections on m and √v). */
export function refAdamwStep(state: AdamState, grad: HostTensor, p: OpParams<'adamwUpdate'>): AdamState {
  const bc1 = 1 - p.beta1 ** p.step;
  const bc2 = 1 - p.beta2 ** p.step;
  const param: number[] = [];
  const m: number[] = [];
  const v: number[] = [];
  state.param.data.forEach((p0, i) => {
    const g = grad.data[i]!;
    const decayed = p0 * (1 - p.lr * p.weightDecay);
    const mi = p.beta1 * state.m.data[i]! + (1 - p.beta1) * g;
    const vi = p.beta2 * state.v.data[i]! + (1 - p.beta2) * g * g;
    param.push(decayed - (p.lr / bc1) * (mi / (Math.sqrt(vi) / Math.sqrt(bc2) + p.eps)));
    m.push(mi);
    v.push(vi);
  });
  const shape = state.param.shape;
  return { param: host(shape, param), m: host(shape, m), v: host(shape, v) };
}
