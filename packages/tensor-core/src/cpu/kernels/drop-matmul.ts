import { numel } from '../../shape.js';
import type { CpuKernel } from '../cpu-tensor.js';
import { fillDropoutRow, maskRowStart } from './attention-dropout.js';
import type { Elements } from './strided-runs.js';

/** Sizes of a drop-matmul call: `count` matrices of s [M, N] and v [N, K]. */
function dims(sShape: readonly number[], vShape: readonly number[]) {
  const r = sShape.length;
  return { count: numel(sShape.slice(0, -2)), M: sShape[r - 2]!, N: sShape[r - 1]!, K: vShape[vShape.length - 1]! };
}

/**
 * o = (s ⊙ z)·v, z the attention dropout mask scaled by 1/(1 − p) (attention-dropout.ts), generated
 * row by row: the dropped matrix s ⊙ z exists only one row at a time. Sums in float64; plain
 * arithmetic, as matmul of the materialised s ⊙ z would do (a dropped 0 times an Inf in v is NaN).
 */
export const dropMatmulKernel: CpuKernel<'dropMatmul'> = ([sT, vT], [oT], { p, seed, offset, rowOffset, rows }) => {
  const { count, M, N, K } = dims(sT!.shape, vT!.shape);
  const s = sT!.data as Elements;
  const v = vT!.data as Elements;
  const o = oT!.data as Elements;
  const z = new Float64Array(N);
  const u = new Float64Array(N);
  const acc = new Float64Array(K);
  for (let b = 0; b < count; b++) {
    for (let i = 0; i < M; i++) {
      fillDropoutRow(z, u, N, maskRowStart(b, i, rows, rowOffset, N), seed, offset, p);
      acc.fill(0);
      const sRow = (b * M + i) * N;
      for (let j = 0; j < N; j++) {
        const w = s[sRow + j]! * z[j]!;
        const vRow = (b * N + j) * K;
        for (let k = 0; k < K; k++) acc[k] += w * v[vRow + k]!;
      }
      const oRow = (b * M + i) * K;
      for (let k = 0; k < K; k++) o[oRow + k] = acc[k]!;
    }
  }
};

/**
 * dS = (g·vᵀ) ⊙ z and dV = (s ⊙ z)ᵀ·g, with z regenerated from (seed, offset) rather than stored.
 */
export const dropMatmulBackwardKernel: CpuKernel<'dropMatmulBackward'> = ([sT, vT, gT], [dsT, dvT], { p, seed, offset, rowOffset, rows }) => {
  const { count, M, N, K } = dims(sT!.shape, vT!.shape);
  const s = sT!.data as Elements;
  const v = vT!.data as Elements;
  const g = gT!.data as Elements;
  const ds = dsT!.data as Elements;
  const dv = dvT!.data as Elements;
  const z = new Float64Array(N);
  const u = new Float64Array(N);
  const dvAcc = new Float64Array(N * K);
  for (let b = 0; b < count; b++) {
    dvAcc.fill(0);
    for (let i = 0; i < M; i++) {
      fillDropoutRow(z, u, N, maskRowStart(b, i, rows, rowOffset, N), seed, offset, p);
      const gRow = (b * M + i) * K;
      const sRow = (b * M + i) * N;
      for (let j = 0; j < N; j++) {
        const zj = z[j]!;
        const vRow = (b * N + j) * K;
        let dot = 0;
        for (let k = 0; k < K; k++) dot += g[gRow + k]! * v[vRow + k]!;
        ds[sRow + j] = dot * zj;
        const w = s[sRow + j]! * zj;
        const at = j * K;
        for (let k = 0; k < K; k++) dvAcc[at + k] += w * g[gRow + k]!;
      }
    }
    const base = b * N * K;
    for (let e = 0; e < N * K; e++) dv[base + e] = dvAcc[e]!;
  }
};
