import type { LeapVariant, LeapWindow } from '../config.js';

/**
 * LEAP by its formulas in float64 JavaScript, one window at a time (O(T·w), nothing shared with the
 * scan kernels), for tests. No dropout. Arrays are row-major [B, T, d]; bias is [B, T] (0 or −10000).
 * The window sums subtract the window's largest logit first, which changes nothing mathematically
 * but keeps a window of only padded positions finite (a literal exp(−10000) would make it 0/0).
 */
export interface ReferenceInput {
  q: ArrayLike<number>;
  a: ArrayLike<number>;
  b: ArrayLike<number>;
  v: ArrayLike<number>;
  bias?: ArrayLike<number> | null;
  B: number;
  T: number;
  d: number;
  nHeads: number;
  window: LeapWindow;
  variant: LeapVariant;
  rescaleValue?: number;
}

export interface ReferenceOutput {
  out: Float64Array;
  /** log w_j per [B, H, T] (the scan's log-weights). */
  logWeights: Float64Array;
  /** log N_t per [B, H, T]. */
  logNormalizer: Float64Array;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function norm(u: number[]): number[] {
  const n = u.length;
  const mu = u.reduce((s, x) => s + x, 0) / n;
  const std = Math.sqrt(u.reduce((s, x) => s + (x - mu) ** 2, 0) / (n - 1));
  return u.map((x) => (x - mu) / (std + 1e-5));
}

const dotp = (x: number[], y: number[]) => x.reduce((s, xi, i) => s + xi * y[i]!, 0);

export function leapReference(input: ReferenceInput): ReferenceOutput {
  const { B, T, d, nHeads: H, window, variant } = input;
  const dh = d / H;
  const c = input.rescaleValue ?? 8;
  const out = new Float64Array(B * T * d);
  const logWeights = new Float64Array(B * H * T);
  const logNormalizer = new Float64Array(B * H * T);
  const head = (arr: ArrayLike<number>, bi: number, t: number, h: number) => Array.from({ length: dh }, (_, k) => arr[(bi * T + t) * d + h * dh + k]!);
  for (let bi = 0; bi < B; bi++) {
    for (let h = 0; h < H; h++) {
      // log-weights λ_t: ℓ_t (seed) or log(elu(ℓ_t) + 1) (v2), the mask included.
      const lam = Array.from({ length: T }, (_, t) => {
        const m = input.bias ? input.bias[bi * T + t]! : 0;
        if (variant === 'seed') return (c / dh) * dotp(norm(head(input.a, bi, t, h)), norm(head(input.b, bi, t, h))) + m;
        const l = dotp(head(input.a, bi, t, h), head(input.b, bi, t, h)) / Math.sqrt(dh) + m;
        return l > 0 ? Math.log(l + 1) : l; // log(elu(ℓ) + 1)
      });
      for (let t = 0; t < T; t++) {
        const lo = window === 'global' ? 0 : Math.max(0, t - window + 1);
        const js = Array.from({ length: t - lo + 1 }, (_, k) => lo + k);
        const M = Math.max(...js.map((j) => lam[j]!));
        const w = js.map((j) => Math.exp(lam[j]! - M));
        const z = w.reduce((s, x) => s + x, 0);
        const avg = (arr: ArrayLike<number>) => Array.from({ length: dh }, (_, k) => js.reduce((s, j, n) => s + w[n]! * head(arr, bi, j, h)[k]!, 0) / z);
        const row = (bi * H + h) * T + t;
        logWeights[row] = lam[t]!;
        const q = head(input.q, bi, t, h);
        let o: number[];
        if (variant === 'seed') {
          logNormalizer[row] = M + Math.log(z);
          const vBar = avg(input.v);
          o = vBar.map((x) => sigmoid(dotp(q, vBar) / Math.sqrt(dh)) * x);
        } else {
          // Σ w x / (Z + ε) with Z = e^M·z.
          const Z = Math.exp(M) * z;
          logNormalizer[row] = Math.log(Z + 1e-5);
          const shrink = Z / (Z + 1e-5);
          const kBar = avg(input.b).map((x) => x * shrink);
          const vBar = avg(input.v).map((x) => x * shrink);
          o = vBar.map((x) => sigmoid(dotp(q, kBar) / Math.sqrt(dh)) * x);
        }
        o.forEach((x, k) => (out[(bi * T + t) * d + h * dh + k] = x));
      }
    }
  }
  return { out, logWeights, logNormalizer };
}
