/**
 * Float64 references for the fused attention ops (dropMatmul, flashAttention and their backwards),
 * written from ops/op-params.ts as plain whole-matrix attention: the full score matrix, a masked
 * softmax, the dropout mask drawn element by element from Philox, and the backward through the
 * softmax Jacobian (not the D = rowsum(dO ⊙ O) shortcut the kernels use).
 */
import type { OpParams } from '../ops/op-params.js';
import { philox4x32, wordToUniform } from '../rng/philox.js';
import { host, sizeOf, type HostTensor } from './host-tensor.js';

type DropoutRule = { p: number; seed: number; offset: number; rowOffset: number; rows: number };

/** z for element (batch, i, j) of a call holding rows rowOffset … of `rows`, N columns: 1/(1 − p) or 0. */
export function refDropoutScale(rule: DropoutRule, batch: number, i: number, j: number, N: number): number {
  if (rule.p === 0) return 1;
  const index = (batch * rule.rows + rule.rowOffset + i) * N + j;
  const u = wordToUniform(philox4x32(rule.seed, rule.offset, Math.floor(index / 4))[index % 4]!);
  return u >= rule.p ? (rule.p === 1 ? 0 : 1 / (1 - rule.p)) : 0;
}

const at = (t: HostTensor, ...idx: number[]) => {
  let flat = 0;
  idx.forEach((v, a) => (flat = flat * t.shape[a]! + v));
  return t.data[flat]!;
};

/** Matrices of a [..., R, C] tensor as nested arrays. */
function matrices(t: HostTensor): number[][][] {
  const r = t.shape[t.shape.length - 2]!;
  const c = t.shape[t.shape.length - 1]!;
  const count = sizeOf(t.shape.slice(0, -2));
  return Array.from({ length: count }, (_, b) => Array.from({ length: r }, (_, i) => t.data.slice((b * r + i) * c, (b * r + i + 1) * c)));
}

const matmul = (a: number[][], b: number[][]) => a.map((row) => (b[0] ?? []).map((_, k) => row.reduce((s, v, j) => s + v * b[j]![k]!, 0)));
const transpose = (a: number[][], cols: number) => Array.from({ length: cols }, (_, j) => a.map((row) => row[j]!));
const flat = (ms: number[][][]) => ms.flat(2);

export function refDropMatmul(s: HostTensor, v: HostTensor, p: OpParams<'dropMatmul'>): HostTensor {
  const N = s.shape[s.shape.length - 1]!;
  const K = v.shape[v.shape.length - 1]!;
  const vs = matrices(v);
  const out = matrices(s).map((m, b) => {
    const dropped = m.map((row, i) => row.map((x, j) => x * refDropoutScale(p, b, i, j, N)));
    return dropped.length ? matmul(dropped, vs[b]!) : [];
  });
  return host([...s.shape.slice(0, -1), K], flat(out).length ? flat(out) : new Array<number>(sizeOf([...s.shape.slice(0, -1), K])).fill(0));
}

export function refDropMatmulBackward(s: HostTensor, v: HostTensor, g: HostTensor, p: OpParams<'dropMatmulBackward'>): { ds: HostTensor; dv: HostTensor } {
  const N = s.shape[s.shape.length - 1]!;
  const K = v.shape[v.shape.length - 1]!;
  const ss = matrices(s);
  const vs = matrices(v);
  const gs = matrices(g);
  const ds: number[] = [];
  const dv: number[] = [];
  ss.forEach((m, b) => {
    const z = m.map((row, i) => row.map((_, j) => refDropoutScale(p, b, i, j, N)));
    // dS = (g·vᵀ) ⊙ z;  dV = (s ⊙ z)ᵀ·g
    const gv = gs[b]!.map((gr) => vs[b]!.map((vr) => gr.reduce((acc, x, k) => acc + x * vr[k]!, 0)));
    gv.forEach((row, i) => row.forEach((x, j) => ds.push(x * z[i]![j]!)));
    const dropped = m.map((row, i) => row.map((x, j) => x * z[i]![j]!));
    const dvm = m.length ? matmul(transpose(dropped, N), gs[b]!) : Array.from({ length: N }, () => new Array<number>(K).fill(0));
    dv.push(...dvm.flat());
  });
  return { ds: host(s.shape, ds), dv: host(v.shape, dv) };
}

interface AttentionProbabilities {
  /** Per (b, h): the softmax P over allowed keys (0 elsewhere), scores S, allowed flags and z. */
  P: number[][][];
  S: number[][][];
  allowed: boolean[][][];
  Z: number[][][];
  lse: number[];
}

function probabilities(q: HostTensor, k: HostTensor, mask: HostTensor, p: OpParams<'flashAttention'>): AttentionProbabilities {
  const [B, H, Tq, D] = q.shape as [number, number, number, number];
  const Tk = k.shape[2]!;
  const read = (b: number, h: number, i: number, j: number) =>
    at(mask, mask.shape[0] === 1 ? 0 : b, mask.shape[1] === 1 ? 0 : h, mask.shape[2] === 1 ? 0 : i, mask.shape[3] === 1 ? 0 : j) !== 0;
  const out: AttentionProbabilities = { P: [], S: [], allowed: [], Z: [], lse: [] };
  for (let b = 0; b < B; b++) {
    for (let h = 0; h < H; h++) {
      const bh = b * H + h;
      const S: number[][] = [];
      const P: number[][] = [];
      const A: boolean[][] = [];
      const Z: number[][] = [];
      for (let i = 0; i < Tq; i++) {
        const allowed = Array.from({ length: Tk }, (_, j) => read(b, h, i, j) && (!p.causal || j <= p.rowOffset + i + Tk - p.rows));
        const qRow = (bh * Tq + i) * D;
        const s = Array.from({ length: Tk }, (_, j) => {
          const kRow = (bh * Tk + j) * D;
          let dot = 0;
          for (let d = 0; d < D; d++) dot += q.data[qRow + d]! * k.data[kRow + d]!;
          return p.scale * dot;
        });
        const m = Math.max(...s.filter((_, j) => allowed[j]));
        const sum = s.reduce((acc, v, j) => acc + (allowed[j] ? Math.exp(v - m) : 0), 0);
        const any = allowed.some((x) => x);
        out.lse.push(any ? m + Math.log(sum) : -Infinity);
        P.push(s.map((v, j) => (allowed[j] ? Math.exp(v - m) / sum : 0)));
        S.push(s);
        A.push(allowed);
        Z.push(s.map((_, j) => refDropoutScale(p, bh, i, j, Tk)));
      }
      out.P.push(P);
      out.S.push(S);
      out.allowed.push(A);
      out.Z.push(Z);
    }
  }
  return out;
}

/** o = (P ⊙ Z)·V with P the masked softmax of scale·q·kᵀ; lse per row (−Inf for rows with no allowed key). */
export function refFlashAttention(
  q: HostTensor,
  k: HostTensor,
  v: HostTensor,
  mask: HostTensor,
  p: OpParams<'flashAttention'>,
): { o: HostTensor; lse: HostTensor } {
  const [B, H, Tq] = q.shape as [number, number, number, number];
  const Dv = v.shape[3]!;
  const probs = probabilities(q, k, mask, p);
  const vs = matrices(v);
  const o: number[] = [];
  probs.P.forEach((P, bh) => {
    for (let i = 0; i < Tq; i++) {
      for (let d = 0; d < Dv; d++) o.push(P[i]!.reduce((acc, x, j) => acc + x * probs.Z[bh]![i]![j]! * vs[bh]![j]![d]!, 0));
    }
  });
  return { o: host([B, H, Tq, Dv], o), lse: host([B, H, Tq], probs.lse) };
}

/**
 * Backward through the softmax Jacobian: dP = (g·vᵀ) ⊙ Z, dS = P ⊙ (dP − Σ_j P ⊙ dP),
 * dq = scale·dS·k, dk = scale·dSᵀ·q, dv = (P ⊙ Z)ᵀ·g.
 */
export function refFlashAttentionBackward(
  q: HostTensor,
  k: HostTensor,
  v: HostTensor,
  mask: HostTensor,
  g: HostTensor,
  p: OpParams<'flashAttentionBackward'>,
): { dq: HostTensor; dk: HostTensor; dv: HostTensor } {
  const [, , Tq, D] = q.shape as [number, number, number, number];
  const Tk = k.shape[2]!;
  const Dv = v.shape[3]!;
  const probs = probabilities(q, k, mask, p);
  const [qs, ks, vs, gs] = [q, k, v, g].map(matrices) as [number[][][], number[][][], number[][][], number[][][]];
  const dq: number[] = [];
  const dk: number[] = [];
  const dv: number[] = [];
  probs.P.forEach((P, bh) => {
    const Z = probs.Z[bh]!;
    const dP = P.map((row, i) => row.map((_, j) => Z[i]![j]! * gs[bh]![i]!.reduce((acc, x, d) => acc + x * vs[bh]![j]![d]!, 0)));
    const dS = P.map((row, i) => {
      const dot = row.reduce((acc, x, j) => acc + x * dP[i]![j]!, 0);
      return row.map((x, j) => x * (dP[i]![j]! - dot));
    });
    for (let i = 0; i < Tq; i++) for (let d = 0; d < D; d++) dq.push(p.scale * dS[i]!.reduce((acc, x, j) => acc + x * ks[bh]![j]![d]!, 0));
    for (let j = 0; j < Tk; j++) for (let d = 0; d < D; d++) dk.push(p.scale * dS.reduce((acc, row, i) => acc + row[j]! * qs[bh]![i]![d]!, 0));
    for (let j = 0; j < Tk; j++) for (let d = 0; d < Dv; d++) dv.push(P.reduce((acc, row, i) => acc + row[j]! * Z[i]![j]! * gs[bh]![i]![d]!, 0));
  });
  return { dq: host(q.shape, dq), dk: host(k.shape, dk), dv: host(v.shape, dv) };
}
