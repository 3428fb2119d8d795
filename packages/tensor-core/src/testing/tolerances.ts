import type { OpName, UnaryFn } from '../ops/op-params.js';
import type { Tolerance } from './assert.js';

/**
 * What a tolerance may depend on: the function of a family op (unary `exp`, reduce `sum`) and `k`,
 * the number of terms accumulated into one output element (matmul K, the length of a reduced
 * axis, a scan, a layer-norm row, the repeats of one id in scatterAdd).
 */
export interface ToleranceContext {
  readonly fn?: string;
  readonly k?: number;
}

/** A fixed tolerance, or one computed from the op's function and accumulation length. */
export type ToleranceRule = Tolerance | ((context: ToleranceContext) => Tolerance);

/** Integer, boolean and data-movement results are compared exactly. */
export const EXACT: Tolerance = { rtol: 0, atol: 0 };
/** One correctly rounded f32 operation, or a couple (f32 ulp is 1.2e-7 relative). */
const ELEMENTWISE: Tolerance = { rtol: 1e-6, atol: 1e-6 };
/** GPU exp/log/tanh are a few ulp off, more for large arguments; abs error near zero crossings. */
const TRANSCENDENTAL: Tolerance = { rtol: 1e-5, atol: 1e-6 };

/**
 * A sum of k terms of magnitude ≤ 1 accumulated in f32. A running f32 sum of k random ±1 terms has
 * an error of about 2.4e-8·k (a random walk of eps·|partial sum|); 2e-7·k leaves a wide margin
 * while a wrong index or a dropped term still shows as an error of order 1.
 */
function accumulated(k: number, base = 1e-6): Tolerance {
  return { rtol: 1e-5, atol: base + 2e-7 * k };
}

const EXACT_UNARY: readonly UnaryFn[] = ['neg', 'abs', 'sign', 'square', 'relu', 'floor', 'ceil'];
const ROOTS: readonly UnaryFn[] = ['sqrt', 'rsqrt', 'reciprocal'];

function unaryTolerance(fn: string | undefined): Tolerance {
  if (EXACT_UNARY.includes(fn as UnaryFn)) return ELEMENTWISE;
  if (ROOTS.includes(fn as UnaryFn)) return { rtol: 2e-6, atol: 1e-6 };
  // WGSL sin/cos promise only an absolute error (2^-11 in [−π, π]); real GPUs do about 1e-6.
  if (fn === 'sin' || fn === 'cos') return { rtol: 1e-5, atol: 1e-5 };
  return TRANSCENDENTAL;
}

/**
 * Per-op tolerances for f32 devices against the float64 references (expected values are rounded to
 * f32 first). Integer and boolean outputs are always compared exactly, whatever the rule says.
 */
export const OP_TOLERANCES: { readonly [K in OpName]: ToleranceRule } = {
  fill: EXACT,
  arange: ELEMENTWISE,
  randomUniform: ELEMENTWISE,
  // Box–Muller through f32 log/cos/sqrt: √(−2·log u) is steep near u = 1, so a few ulp of log
  // become 1e-5; a wrong stream or lane mapping gives errors of order 1.
  randomNormal: { rtol: 1e-4, atol: 1e-4 },
  dropoutMask: EXACT,
  cast: EXACT,
  copy: EXACT,
  unary: ({ fn }) => unaryTolerance(fn),
  unaryBackward: ({ fn }) => (EXACT_UNARY.includes(fn as UnaryFn) ? ELEMENTWISE : { rtol: 1e-5, atol: 1e-5 }),
  // pow is exp2(y·log2 x) on GPUs: the relative error grows with |y·log2 x|.
  binary: ({ fn }) => (fn === 'pow' ? { rtol: 2e-5, atol: 1e-6 } : ELEMENTWISE),
  binaryScalar: ({ fn }) => (fn === 'pow' ? { rtol: 2e-5, atol: 1e-6 } : ELEMENTWISE),
  compare: EXACT,
  logical: EXACT,
  logicalNot: EXACT,
  where: EXACT,
  reduce: ({ fn, k = 1 }) => {
    switch (fn) {
      case 'max':
      case 'min':
        return EXACT;
      case 'mean':
        return { rtol: 1e-5, atol: 2e-6 };
      // log Σ exp: the relative error of a sum of positive terms, which grows like √k·eps.
      case 'logsumexp':
        return { rtol: 1e-5, atol: 1e-5 * (1 + k / 4096) };
      default:
        return accumulated(k);
    }
  },
  argReduce: EXACT,
  matmul: ({ k = 1 }) => accumulated(k),
  softmax: { rtol: 1e-5, atol: 1e-6 },
  logSoftmax: ({ k = 1 }) => ({ rtol: 1e-5, atol: 1e-5 * (1 + k / 4096) }),
  softmaxBackward: { rtol: 1e-5, atol: 2e-6 },
  // g − exp(y)·Σg: Σg is a sum of k terms.
  logSoftmaxBackward: ({ k = 1 }) => accumulated(k, 2e-6),
  layerNorm: ({ k = 1 }) => ({ rtol: 1e-5, atol: 1e-5 + 1e-7 * k }),
  layerNormBackward: ({ k = 1 }) => accumulated(k, 1e-5),
  gather: EXACT,
  scatterAdd: ({ k = 1 }) => accumulated(k),
  crossEntropy: ({ k = 1 }) => ({ rtol: 1e-5, atol: 1e-5 * (1 + k / 4096) }),
  crossEntropyBackward: { rtol: 1e-5, atol: 1e-6 },
  cumsum: ({ k = 1 }) => accumulated(k),
  permute: EXACT,
  concat: EXACT,
  slice: EXACT,
  pad: EXACT,
  setSlice: EXACT,
  expand: EXACT,
  // Three steps of m/(√v + eps) with f32 sqrt and division: a few ulp of the update.
  adamwUpdate: { rtol: 1e-5, atol: 1e-6 },
  // A softmax-weighted mean of k terms (k = the window, or the axis when unbounded): each weight is
  // an f32 exp of a few ulp, and a GPU scan accumulates k of them in f32.
  leapScan: ({ k = 1 }) => ({ rtol: 1e-5, atol: 2e-6 + 2e-7 * k }),
  // A matmul over k = N columns of s ⊙ z (z ≤ 1/(1 − p), p ≤ 0.3 in the suite).
  dropMatmul: ({ k = 1 }) => accumulated(k),
  dropMatmulBackward: ({ k = 1 }) => accumulated(k),
  // k = Tk + D: a D-term dot per score, then an exp-weighted mean of Tk values; lse to a few ulp.
  flashAttention: ({ k = 1 }) => ({ rtol: 2e-5, atol: 2e-6 + 2e-7 * k }),
  // k = Tq + Tk + D: recomputed scores, then sums over queries (dk, dv) or keys (dq).
  flashAttentionBackward: ({ k = 1 }) => accumulated(k, 1e-5),
};

/** Tolerance rules by op, replacing the suite's defaults. */
export type ToleranceOverrides = { readonly [K in OpName]?: ToleranceRule };

/** The tolerance for one comparison: an override for the op if given, else OP_TOLERANCES. */
export function toleranceFor(op: OpName, context: ToleranceContext = {}, overrides: ToleranceOverrides = {}): Tolerance {
  const rule = overrides[op] ?? OP_TOLERANCES[op];
  return typeof rule === 'function' ? rule(context) : rule;
}
