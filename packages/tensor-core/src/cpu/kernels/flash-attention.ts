import type { OpParams } from '../../ops/op-params.js';
import type { CpuKernel, CpuTensor } from '../cpu-tensor.js';
import { fillDropoutRow, maskRowStart } from './attention-dropout.js';
import type { Elements } from './strided-runs.js';

/**
 * The CPU reference of the log-sum-exp tiled ("flash") attention ops. It computes one query row at a
 * time with the three stages of the method written out (the WGSL kernels tile them):
 *   1. L_i = log Σ_j exp(s_ij) over the allowed keys, s_ij = scale · q_i·k_j;
 *   2. o_i = Σ_j exp(s_ij − L_i) · z_ij · v_j   (z: the attention dropout mask, 1/(1 − p) or 0);
 *   3. backward from L alone: D_i = dO_i·o_i, P_ij = exp(s_ij − L_i), dV_j += P_ij z_ij dO_i,
 *      dS_ij = P_ij (z_ij dO_i·v_j − D_i), dQ_i += scale·dS_ij k_j, dK_j += scale·dS_ij q_i.
 * Key j is allowed for query row i when mask[b, h, i, j] is true and, if causal,
 * j ≤ rowOffset + i + (Tk − rows) (the last query row sees every key). A row with no allowed key
 * gives o = 0 and L = −Inf, and no gradient, never NaN.
 */

interface Geometry {
  B: number;
  H: number;
  Tq: number;
  Tk: number;
  D: number;
  Dv: number;
  /** Strides of the mask in [B, H, Tq, Tk] terms, 0 on broadcast axes. */
  maskStrides: [number, number, number, number];
  /** Causal: key j is allowed for row i when j ≤ i + shift. */
  shift: number;
}

function geometry(q: CpuTensor, k: CpuTensor, v: CpuTensor, mask: CpuTensor, params: OpParams<'flashAttention'>): Geometry {
  const [B, H, Tq, D] = q.shape as [number, number, number, number];
  const Tk = k.shape[2]!;
  const Dv = v.shape[3]!;
  const ms = mask.shape;
  const strides = [0, 0, 0, 0];
  let s = 1;
  for (let a = 3; a >= 0; a--) {
    strides[a] = ms[a] === 1 ? 0 : s;
    s *= ms[a]!;
  }
  return { B, H, Tq, Tk, D, Dv, maskStrides: strides as Geometry['maskStrides'], shift: params.rowOffset + Tk - params.rows };
}

/** allowed[j] = 1 when key j takes part in row i of matrix (b, h). Returns how many do. */
function allowedKeys(allowed: Uint8Array, mask: Elements, g: Geometry, b: number, h: number, i: number, causal: boolean): number {
  const [sb, sh, si, sj] = g.maskStrides;
  const base = b * sb + h * sh + i * si;
  const limit = causal ? Math.min(g.Tk - 1, i + g.shift) : g.Tk - 1;
  let n = 0;
  for (let j = 0; j < g.Tk; j++) {
    const ok = j <= limit && mask[base + j * sj] !== 0;
    allowed[j] = ok ? 1 : 0;
    if (ok) n++;
  }
  return n;
}

/** s[j] = scale · q_i·k_j for the allowed keys; returns their maximum (−Inf when none). */
function scoreRow(s: Float64Array, allowed: Uint8Array, q: Elements, k: Elements, qRow: number, kBase: number, g: Geometry, scale: number): number {
  let m = -Infinity;
  for (let j = 0; j < g.Tk; j++) {
    if (!allowed[j]) continue;
    let dot = 0;
    const kRow = kBase + j * g.D;
    for (let d = 0; d < g.D; d++) dot += q[qRow + d]! * k[kRow + d]!;
    const v = scale * dot;
    s[j] = v;
    if (v > m || v !== v) m = v;
  }
  return m;
}

/** (q, k, v, mask) → (o, lse). */
export const flashAttentionKernel: CpuKernel<'flashAttention'> = ([qT, kT, vT, maskT], [oT, lseT], params) => {
  const g = geometry(qT!, kT!, vT!, maskT!, params);
  const [q, k, v, mask, o, lse] = [qT!.data, kT!.data, vT!.data, maskT!.data, oT!.data, lseT!.data] as Elements[];
  const { seed, offset, p, rowOffset, rows, causal, scale } = params;
  const s = new Float64Array(g.Tk);
  const z = new Float64Array(g.Tk);
  const u = new Float64Array(g.Tk);
  const allowed = new Uint8Array(g.Tk);
  const acc = new Float64Array(g.Dv);
  for (let b = 0; b < g.B; b++) {
    for (let h = 0; h < g.H; h++) {
      const bh = b * g.H + h;
      const kBase = bh * g.Tk * g.D;
      const vBase = bh * g.Tk * g.Dv;
      for (let i = 0; i < g.Tq; i++) {
        const row = bh * g.Tq + i;
        acc.fill(0);
        let L = -Infinity;
        if (allowedKeys(allowed, mask!, g, b, h, i, causal) > 0) {
          // Stage 1: L = m + log Σ exp(s − m), m the row max, so no term overflows.
          const m = scoreRow(s, allowed, q!, k!, row * g.D, kBase, g, scale);
          let sum = 0;
          for (let j = 0; j < g.Tk; j++) if (allowed[j]) sum += Math.exp(s[j]! - m);
          L = m + Math.log(sum);
          // Stage 2: o = Σ exp(s − L)·z·v.
          fillDropoutRow(z, u, g.Tk, maskRowStart(bh, i, rows, rowOffset, g.Tk), seed, offset, p);
          for (let j = 0; j < g.Tk; j++) {
            if (!allowed[j]) continue;
            const w = Math.exp(s[j]! - L) * z[j]!;
            const vRow = vBase + j * g.Dv;
            for (let d = 0; d < g.Dv; d++) acc[d] += w * v![vRow + d]!;
          }
        }
        lse![row] = L;
        for (let d = 0; d < g.Dv; d++) o![row * g.Dv + d] = acc[d]!;
      }
    }
  }
};

/** (q, k, v, mask, o, lse, g) → (dq, dk, dv), recomputing P = exp(S − L) from the saved L. */
export const flashAttentionBackwardKernel: CpuKernel<'flashAttentionBackward'> = ([qT, kT, vT, maskT, oT, lseT, gT], [dqT, dkT, dvT], params) => {
  const g = geometry(qT!, kT!, vT!, maskT!, params);
  const [q, k, v, mask, o, lse, dO, dq, dk, dv] = [qT, kT, vT, maskT, oT, lseT, gT, dqT, dkT, dvT].map((t) => t!.data as Elements);
  const { seed, offset, p, rowOffset, rows, causal, scale } = params;
  const s = new Float64Array(g.Tk);
  const z = new Float64Array(g.Tk);
  const u = new Float64Array(g.Tk);
  const allowed = new Uint8Array(g.Tk);
  const dqRow = new Float64Array(g.D);
  const dkAcc = new Float64Array(g.Tk * g.D);
  const dvAcc = new Float64Array(g.Tk * g.Dv);
  for (let b = 0; b < g.B; b++) {
    for (let h = 0; h < g.H; h++) {
      const bh = b * g.H + h;
      const kBase = bh * g.Tk * g.D;
      const vBase = bh * g.Tk * g.Dv;
      dkAcc.fill(0);
      dvAcc.fill(0);
      for (let i = 0; i < g.Tq; i++) {
        const row = bh * g.Tq + i;
        const qRow = row * g.D;
        const oRow = row * g.Dv;
        dqRow.fill(0);
        if (allowedKeys(allowed, mask!, g, b, h, i, causal) > 0) {
          scoreRow(s, allowed, q!, k!, qRow, kBase, g, scale);
          fillDropoutRow(z, u, g.Tk, maskRowStart(bh, i, rows, rowOffset, g.Tk), seed, offset, p);
          const L = lse![row]!;
          let Di = 0;
          for (let d = 0; d < g.Dv; d++) Di += dO![oRow + d]! * o![oRow + d]!;
          for (let j = 0; j < g.Tk; j++) {
            if (!allowed[j]) continue;
            const P = Math.exp(s[j]! - L);
            const vRow = vBase + j * g.Dv;
            const pz = P * z[j]!;
            let dpv = 0;
            for (let d = 0; d < g.Dv; d++) {
              const go = dO![oRow + d]!;
              dvAcc[j * g.Dv + d] += pz * go;
              dpv += go * v![vRow + d]!;
            }
            const dS = P * (z[j]! * dpv - Di) * scale;
            const kRow = kBase + j * g.D;
            for (let d = 0; d < g.D; d++) {
              dqRow[d] += dS * k![kRow + d]!;
              dkAcc[j * g.D + d] += dS * q![qRow + d]!;
            }
          }
        }
        for (let d = 0; d < g.D; d++) dq![qRow + d] = dqRow[d]!;
      }
      for (let e = 0; e < g.Tk * g.D; e++) dk![kBase + e] = dkAcc[e]!;
      for (let e = 0; e < g.Tk * g.Dv; e++) dv![vBase + e] = dvAcc[e]!;
    }
  }
};
