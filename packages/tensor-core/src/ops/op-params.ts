import type { DType } from '../dtype.js';
import type { Shape } from '../shape.js';

/**
 * The primitive op set: every device implements each of these, and autograd has one gradient rule
 * per differentiable entry. Everything else (attention, GPT-2, LEAP) is composed from them, except
 * the fused ops that earn their place by saving memory or time.
 *
 * Conventions shared by every kernel:
 * - Tensors are row-major and contiguous, starting at an element offset into their storage.
 * - Broadcasting is NumPy's (trailing dimensions aligned, 1 stretches).
 * - Reductions over zero elements: sum 0, mean NaN, logsumexp −Inf; max, min, argmax and argmin of
 *   nothing are refused (they have no identity), as in PyTorch.
 * - NaN propagates through arithmetic, max/min and reductions (max/min of anything with NaN is NaN).
 */

/** Elementwise functions of one f32 argument (neg, abs, sign, square also accept i32). */
export type UnaryFn = (typeof UNARY_FNS)[number];
/** Every {@link UnaryFn}, in a stable order. */
export const UNARY_FNS = [
  'neg',
  'abs',
  'sign',
  'square',
  'sqrt',
  'rsqrt',
  'reciprocal',
  'exp',
  'log',
  'log1p',
  'sin',
  'cos',
  'tanh',
  'sigmoid',
  'relu',
  // GPT-2's tanh form: 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))
  'gelu',
  // the exact GELU, x·Φ(x) = 0.5·x·(1 + erf(x/√2)) (PyTorch's default, Hugging Face's "gelu")
  'gelu_erf',
  // elu with α = 1: x for x > 0, exp(x) − 1 otherwise
  'elu',
  'silu',
  'floor',
  'ceil',
] as const;

/** Unary functions also defined on i32 (and u32 for abs/square). */
export const INTEGER_UNARY_FNS: readonly UnaryFn[] = ['neg', 'abs', 'sign', 'square'];

/**
 * Elementwise functions of two arguments. On i32/u32, `div` truncates toward zero (as WGSL and C do)
 * and `pow` is not defined.
 */
export type BinaryFn = (typeof BINARY_FNS)[number];
/** Every {@link BinaryFn}, in a stable order. */
export const BINARY_FNS = ['add', 'sub', 'mul', 'div', 'pow', 'maximum', 'minimum'] as const;

/** Elementwise comparisons; each gives a bool tensor. */
export type CompareFn = (typeof COMPARE_FNS)[number];
/** Every {@link CompareFn}, in a stable order. */
export const COMPARE_FNS = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'] as const;

/** Elementwise functions of two bool tensors. */
export type LogicalFn = (typeof LOGICAL_FNS)[number];
/** Every {@link LogicalFn}, in a stable order. */
export const LOGICAL_FNS = ['and', 'or', 'xor'] as const;

/** Reductions over axes; over zero elements sum gives 0, mean NaN, logsumexp −Inf, and max/min are refused. */
export type ReduceFn = (typeof REDUCE_FNS)[number];
/** Every {@link ReduceFn}, in a stable order. */
export const REDUCE_FNS = ['sum', 'mean', 'max', 'min', 'logsumexp'] as const;

/** Index of the largest or smallest element along one axis. */
export type ArgReduceFn = 'argmax' | 'argmin';

/** A Philox4x32-10 stream: `seed` is the key, `offset` selects an independent stream (see rng/philox.ts). */
export interface RngState {
  seed: number;
  offset: number;
}

/**
 * Parameters of every op, by name. Inputs and outputs are listed in each comment as
 * `(inputs) → (outputs)`; "in place" ops write into some of their inputs and have no outputs.
 */
export interface OpParamsMap {
  /** () → (out: shape, dtype), every element `value` (bool: value ≠ 0). */
  fill: { shape: Shape; dtype: DType; value: number };
  /** () → (out: [n], dtype): out[i] = start + i·step (computed in float64, then stored). */
  arange: { n: number; start: number; step: number; dtype: DType };
  /** () → (out: shape, f32): low + (high − low)·u, u = philoxUniform(seed, offset, i) ∈ [0, 1). */
  randomUniform: { shape: Shape } & RngState & { low: number; high: number };
  /** () → (out: shape, f32): mean + std·n, n = philoxNormal(seed, offset, i). */
  randomNormal: { shape: Shape } & RngState & { mean: number; std: number };
  /** () → (keep: shape, bool): keep[i] = philoxUniform(seed, offset, i) ≥ p. */
  dropoutMask: { shape: Shape; p: number } & RngState;
  /** (x) → (out: dtype). Float → int truncates toward zero (NaN → 0); → bool is x ≠ 0; bool → number is 0/1. */
  cast: { dtype: DType };
  /** (x) → (out): a contiguous copy. */
  copy: Record<string, never>;
  /** (x) → (out): fn(x). */
  unary: { fn: UnaryFn };
  /** (x, g) → (dx): g · fn′(x), fused so the backward allocates only dx. */
  unaryBackward: { fn: UnaryFn };
  /** (a, b) → (out: broadcast shape): fn(a, b). Same dtype required. */
  binary: { fn: BinaryFn };
  /** (a) → (out): reverse ? fn(scalar, a) : fn(a, scalar). */
  binaryScalar: { fn: BinaryFn; scalar: number; reverse: boolean };
  /** (a, b) → (out: broadcast shape, bool). NaN compares false except `ne`. */
  compare: { fn: CompareFn };
  /** (a: bool, b: bool) → (out: broadcast shape, bool). */
  logical: { fn: LogicalFn };
  /** (a: bool) → (out: bool). */
  logicalNot: Record<string, never>;
  /** (cond: bool, a, b) → (out: broadcast shape of all three, dtype of a): cond ? a : b. */
  where: Record<string, never>;
  /** (x) → (out): fn over `axes` (sorted, unique, non-negative); keepDims leaves them as size 1. */
  reduce: { fn: ReduceFn; axes: readonly number[]; keepDims: boolean };
  /** (x) → (out: i32): index of the first max/min along `axis`; NaN counts as the max (and the min). */
  argReduce: { fn: ArgReduceFn; axis: number; keepDims: boolean };
  /**
   * (a, b) → (out). a is [..., M, K] (or [..., K, M] with transA), b is [..., K, N] (or [..., N, K]
   * with transB); batch dimensions broadcast; out is [...batch, M, N]. f32 only, rank ≥ 2 both.
   */
  matmul: { transA: boolean; transB: boolean };
  /** (x) → (y): softmax along `axis`; rows of all −Inf give NaN (as PyTorch); callers mask first. */
  softmax: { axis: number };
  /** (x) → (y): log-softmax along `axis`. */
  logSoftmax: { axis: number };
  /** (y, g) → (dx): the light softmax backward, dx = y ⊙ (g − Σ_axis g ⊙ y); needs only the output y. */
  softmaxBackward: { axis: number };
  /** (y, g) → (dx): dx = g − exp(y) · Σ_axis g, from the log-softmax output y alone. */
  logSoftmaxBackward: { axis: number };
  /**
   * (x [..., C], weight [C], bias [C]) → (y [..., C], mean [...], rstd [...]): layer norm over the last
   * axis, biased variance, y = (x − mean)·rstd·w + b with rstd = 1/√(var + eps). mean and rstd are
   * what the backward needs (two floats per row).
   */
  layerNorm: { eps: number };
  /**
   * (g [..., C], x [..., C], weight [C], mean [...], rstd [...]) → (dx [..., C], dweight [C], dbias [C]).
   * x̂ = (x − mean)·rstd; dx = rstd·(g·w − mean_C(g·w) − x̂·mean_C(g·w·x̂)); dw = Σ g·x̂; db = Σ g.
   */
  layerNormBackward: Record<string, never>;
  /** (table [R, ...rest], ids i32 [...idx]) → (out [...idx, ...rest]): out[i] = table[ids[i]]. */
  gather: Record<string, never>;
  /** (ids i32 [...idx], src [...idx, ...rest]) → (out [numRows, ...rest]): zeros, then out[ids[i]] += src[i]. */
  scatterAdd: { numRows: number };
  /**
   * (logits [N, V], targets i32 [N]) → (loss [N], lse [N]): lse = logsumexp(logits row),
   * loss = lse − logits[target]; rows whose target is `ignoreIndex` give loss 0 (lse still written).
   */
  crossEntropy: { ignoreIndex: number };
  /**
   * (logits [N, V], targets i32 [N], lse [N], g [N]) → (dlogits [N, V]):
   * dlogits = g · (exp(logits − lse) − onehot(target)); zero rows where target is `ignoreIndex`.
   */
  crossEntropyBackward: { ignoreIndex: number };
  /** (x) → (out): running sum along `axis`; `exclusive` shifts by one (out[0] = 0); `reverse` runs from the end. */
  cumsum: { axis: number; reverse: boolean; exclusive: boolean };
  /** (x) → (out): out.shape[i] = x.shape[perm[i]]. */
  permute: { perm: readonly number[] };
  /** (...xs) → (out): concatenation along `axis`; other dimensions equal. */
  concat: { axis: number };
  /** (x) → (out): x[starts[i] : ends[i]] on every axis (step 1); starts/ends already clamped, one per axis. */
  slice: { starts: readonly number[]; ends: readonly number[] };
  /** (x) → (out): x with before[i]/after[i] elements of `value` added on axis i. */
  pad: { before: readonly number[]; after: readonly number[]; value: number };
  /** (dst, src) → () in place: dst[starts + j] = src[j] for every index j of src. */
  setSlice: { starts: readonly number[] };
  /** (x) → (out: shape): broadcast copy of x to `shape`. */
  expand: { shape: Shape };
  /**
   * (param, grad, m, v) → () in place, PyTorch's AdamW order:
   *   param ← param·(1 − lr·weightDecay)
   *   m ← lerp(m, g, 1 − β1)  (= β1·m + (1 − β1)·g, rounded as torch.lerp does);  v ← β2·v + (1 − β2)·g²
   *   param ← param − (lr / (1 − β1^step)) · m / (√v / √(1 − β2^step) + eps)
   */
  adamwUpdate: { lr: number; beta1: number; beta2: number; eps: number; weightDecay: number; step: number };
  /**
   * (logits [...pre, T, ...post], x [...pre, T, ...post, C]) → (mean [...pre, T, ...post, C], lse [...pre, T, ...post]):
   * LEAP's focus scan, a causal softmax-weighted mean along `axis` over a sliding window. Position t
   * sees W(t) = [t − window + 1, t] (with `reverse`, [t, t + window − 1]), clipped to the axis;
   * window 0 means unbounded (every earlier, or later, position):
   *   lse[t] = log Σ_{j∈W(t)} exp(logits[j]);   mean[t] = Σ_{j∈W(t)} exp(logits[j] − lse[t]) · x[j]
   * Stable for any logits: kernels keep running maxima and build a window from a block suffix and a
   * block prefix, never by subtracting prefix sums. −Inf logits weigh nothing; a window with no weight
   * gives mean 0 and lse −Inf; NaN (and +Inf) logits make the windows that contain them NaN. Not
   * differentiable as an op: @lightattn/leap-attention's backward is one more scan, over reversed windows.
   */
  leapScan: { axis: number; window: number; reverse: boolean };
  /**
   * (s [..., M, N], v [..., N, K]) → (o [..., M, K]), same batch dimensions: DropMatmul,
   * o = (s ⊙ z)·v with z the attention dropout mask scaled by 1/(1 − p), regenerated from (seed,
   * offset) inside the kernel and never stored. The attention dropout rule: with b the flattened batch
   * index, keep(b, i, j) = philoxUniform(seed, offset, (b·rows + rowOffset + i)·N + j) ≥ p, i.e. element
   * (b, rowOffset + i, j) of dropoutMask([..., rows, N]) — a call may hold a chunk of the query rows.
   * p = 1 gives z = 0. Not differentiable as an op: @lightattn/light-ops' backward uses dropMatmulBackward.
   */
  dropMatmul: { p: number; rowOffset: number; rows: number } & RngState;
  /** (s, v, g [..., M, K]) → (ds [..., M, N], dv [..., N, K]): ds = (g·vᵀ) ⊙ z, dv = (s ⊙ z)ᵀ·g, z as in dropMatmul. */
  dropMatmulBackward: { p: number; rowOffset: number; rows: number } & RngState;
  /**
   * (q [B, H, Tq, D], k [B, H, Tk, D], v [B, H, Tk, Dv], mask bool broadcastable to [B, H, Tq, Tk])
   * → (o [B, H, Tq, Dv], lse [B, H, Tq]): log-sum-exp tiled ("flash") attention. Key j is allowed for
   * query row i when mask[b, h, i, j] and, if causal, j ≤ rowOffset + i + Tk − rows (the last of `rows`
   * query rows sees every key). s = scale·q·kᵀ; lse_i = log Σ_allowed exp(s_ij);
   * o_i = Σ_allowed exp(s_ij − lse_i)·z_ij·v_j, z the dropMatmul dropout mask with batch index b·H + h.
   * Rows with no allowed key give o = 0 and lse = −Inf (never NaN). Pass a [1, 1, 1, 1] true mask for none.
   */
  flashAttention: { causal: boolean; scale: number; p: number; rowOffset: number; rows: number } & RngState;
  /**
   * (q, k, v, mask, o, lse, g [B, H, Tq, Dv]) → (dq, dk, dv), from the saved lse alone:
   * D = rowsum(g ⊙ o), P = exp(s − lse), dv = (P ⊙ z)ᵀ·g, dS = P ⊙ (z ⊙ (g·vᵀ) − D),
   * dq = scale·dS·k, dk = scale·dSᵀ·q; rows with no allowed key contribute nothing.
   */
  flashAttentionBackward: { causal: boolean; scale: number; p: number; rowOffset: number; rows: number } & RngState;
}

/** The name of an op of the op set. */
export type OpName = keyof OpParamsMap;
/** The parameters of op `K`. */
export type OpParams<K extends OpName> = OpParamsMap[K];

/** Every op name, in a stable order (the op-coverage table follows it). */
export const OP_NAMES = [
  'fill',
  'arange',
  'randomUniform',
  'randomNormal',
  'dropoutMask',
  'cast',
  'copy',
  'unary',
  'unaryBackward',
  'binary',
  'binaryScalar',
  'compare',
  'logical',
  'logicalNot',
  'where',
  'reduce',
  'argReduce',
  'matmul',
  'softmax',
  'logSoftmax',
  'softmaxBackward',
  'logSoftmaxBackward',
  'layerNorm',
  'layerNormBackward',
  'gather',
  'scatterAdd',
  'crossEntropy',
  'crossEntropyBackward',
  'cumsum',
  'permute',
  'concat',
  'slice',
  'pad',
  'setSlice',
  'expand',
  'adamwUpdate',
  'leapScan',
  'dropMatmul',
  'dropMatmulBackward',
  'flashAttention',
  'flashAttentionBackward',
] as const satisfies readonly OpName[];

// Compile-time check that OP_NAMES lists every op exactly: a missing name is a type error here.
type MissingOpNames = Exclude<OpName, (typeof OP_NAMES)[number]>;
const _everyOpListed: MissingOpNames extends never ? true : never = true;
void _everyOpListed;
