import { IndexError } from '../../errors.js';
import type { CpuKernel } from '../cpu-tensor.js';
import type { Elements } from './strided-runs.js';

/** Targets must be a class in [0, V) or exactly ignoreIndex; checked before any output is written. */
function checkTargets(op: string, targets: Elements, V: number, ignoreIndex: number): void {
  for (let r = 0; r < targets.length; r++) {
    const t = targets[r]!;
    if (t !== ignoreIndex && (t < 0 || t >= V)) {
      throw new IndexError(
        `${op}: target ${t} in row ${r} is out of range for ${V} classes; targets must be in [0, ${V}) or equal ignoreIndex (${ignoreIndex})`,
      );
    }
  }
}

/**
 * Per row: lse = m + log Σ exp(x − m) (m the row max), loss = lse − x[target]. A max of ±Inf or
 * NaN is the lse itself (all −Inf → −Inf, any +Inf → +Inf, NaN → NaN) instead of Inf − Inf = NaN.
 * Ignored rows still get their lse, and loss 0.
 */
export const crossEntropyKernel: CpuKernel<'crossEntropy'> = ([logitsT, targetsT], [lossT, lseT], { ignoreIndex }) => {
  const x = logitsT!.data as Elements;
  const targets = targetsT!.data as Elements;
  const loss = lossT!.data as Elements;
  const lseOut = lseT!.data as Elements;
  const N = logitsT!.shape[0]!;
  const V = logitsT!.shape[1]!;
  checkTargets('crossEntropy', targets, V, ignoreIndex);
  for (let r = 0; r < N; r++) {
    const base = r * V;
    let m = -Infinity;
    for (let j = 0; j < V; j++) {
      const v = x[base + j]!;
      if (v > m || v !== v) m = v;
    }
    let lse = m;
    if (Number.isFinite(m)) {
      let s = 0;
      for (let j = 0; j < V; j++) s += Math.exp(x[base + j]! - m);
      lse = m + Math.log(s);
    }
    lseOut[r] = lse;
    const t = targets[r]!;
    loss[r] = t === ignoreIndex ? 0 : lse - x[base + t]!;
  }
};

/** dlogits = g · (softmax(logits) − onehot(target)), softmax recovered as exp(logits − lse); ignored rows are 0. */
export const crossEntropyBackwardKernel: CpuKernel<'crossEntropyBackward'> = ([logitsT, targetsT, lseT, gT], [dT], { ignoreIndex }) => {
  const x = logitsT!.data as Elements;
  const targets = targetsT!.data as Elements;
  const lse = lseT!.data as Elements;
  const g = gT!.data as Elements;
  const d = dT!.data as Elements;
  const N = logitsT!.shape[0]!;
  const V = logitsT!.shape[1]!;
  checkTargets('crossEntropyBackward', targets, V, ignoreIndex);
  for (let r = 0; r < N; r++) {
    const base = r * V;
    const t = targets[r]!;
    if (t === ignoreIndex) {
      for (let j = 0; j < V; j++) d[base + j] = 0;
      continue;
    }
    const gr = g[r]!;
    const l = lse[r]!;
    for (let j = 0; j < V; j++) d[base + j] = gr * Math.exp(x[base + j]! - l);
    d[base + t] = gr * (Math.exp(x[base + t]! - l) - 1);
  }
};
