import type { CpuKernel } from '../cpu-tensor.js';
import type { Elements } from './strided-runs.js';

/**
 * Layer norm over the last axis: y = (x − mean)·rstd·w + b, rstd = 1/√(var + eps) with the biased
 * variance. Two passes over each row (mean, then Σ(x − mean)²) in float64: the one-pass
 * E[x²] − E[x]² cancels badly when |mean| ≫ std. mean and rstd are written for the backward.
 */
export const layerNormKernel: CpuKernel<'layerNorm'> = ([xT, wT, bT], [yT, meanT, rstdT], { eps }) => {
  const x = xT!.data as Elements;
  const w = wT!.data as Elements;
  const b = bT!.data as Elements;
  const y = yT!.data as Elements;
  const meanOut = meanT!.data as Elements;
  const rstdOut = rstdT!.data as Elements;
  const C = xT!.shape[xT!.shape.length - 1]!;
  const rows = meanOut.length;
  for (let r = 0; r < rows; r++) {
    const base = r * C;
    let sum = 0;
    for (let c = 0; c < C; c++) sum += x[base + c]!;
    const mean = sum / C;
    let sq = 0;
    for (let c = 0; c < C; c++) {
      const d = x[base + c]! - mean;
      sq += d * d;
    }
    const rstd = 1 / Math.sqrt(sq / C + eps);
    for (let c = 0; c < C; c++) y[base + c] = (x[base + c]! - mean) * rstd * w[c]! + b[c]!;
    meanOut[r] = mean;
    rstdOut[r] = rstd;
  }
};

/**
 * With x̂ = (x − mean)·rstd and ĝ = g·w, the per-row gradient is
 * dx = rstd·(ĝ − mean_C(ĝ) − x̂·mean_C(ĝ·x̂)); dw = Σ_rows g·x̂; db = Σ_rows g.
 * x̂ is recomputed from the saved mean and rstd rather than stored. dw and db accumulate in float64.
 */
export const layerNormBackwardKernel: CpuKernel<'layerNormBackward'> = ([gT, xT, wT, meanT, rstdT], [dxT, dwT, dbT]) => {
  const g = gT!.data as Elements;
  const x = xT!.data as Elements;
  const w = wT!.data as Elements;
  const meanIn = meanT!.data as Elements;
  const rstdIn = rstdT!.data as Elements;
  const dx = dxT!.data as Elements;
  const C = xT!.shape[xT!.shape.length - 1]!;
  const rows = meanIn.length;
  const dw = new Float64Array(C);
  const db = new Float64Array(C);
  for (let r = 0; r < rows; r++) {
    const base = r * C;
    const mean = meanIn[r]!;
    const rstd = rstdIn[r]!;
    let sumG = 0;
    let sumGX = 0;
    for (let c = 0; c < C; c++) {
      const gc = g[base + c]!;
      const xhat = (x[base + c]! - mean) * rstd;
      const gw = gc * w[c]!;
      sumG += gw;
      sumGX += gw * xhat;
      dw[c] += gc * xhat;
      db[c] += gc;
    }
    const meanG = sumG / C;
    const meanGX = sumGX / C;
    for (let c = 0; c < C; c++) {
      const xhat = (x[base + c]! - mean) * rstd;
      dx[base + c] = rstd * (g[base + c]! * w[c]! - meanG - xhat * meanGX);
    }
  }
  const dwOut = dwT!.data as Elements;
  const dbOut = dbT!.data as Elements;
  for (let c = 0; c < C; c++) {
    dwOut[c] = dw[c]!;
    dbOut[c] = db[c]!;
  }
};
