import { DTypeError, IndexError, ShapeError } from '../errors.js';
import type { DType } from '../dtype.js';
import { broadcastShapes, formatShape, numel, shapesEqual, type Shape } from '../shape.js';
import { INTEGER_UNARY_FNS, type OpName, type OpParams } from './op-params.js';

/** What shape rules see of a tensor: no data, so the meta device can run them too. */
export interface TensorMeta {
  readonly shape: Shape;
  readonly dtype: DType;
}

/** One entry of {@link OP_SET}: arity, in-place inputs, whether it is differentiable, and its shape and dtype rule. */
export interface OpDef<K extends OpName> {
  /** Number of tensor inputs; `'variadic'` for concat (at least one). */
  readonly arity: number | 'variadic';
  /** Inputs the op writes into (in-place ops); such ops return no outputs. */
  readonly mutates?: readonly number[];
  /** Whether autograd may differentiate through this op (a rule exists in its gradient table). */
  readonly differentiable: boolean;
  /** Shape and dtype of each output. Throws ShapeError / DTypeError naming the op and the shapes. */
  infer(inputs: readonly TensorMeta[], params: OpParams<K>): TensorMeta[];
}

const fmt = (inputs: readonly TensorMeta[]) => inputs.map((t) => `${formatShape(t.shape)} ${t.dtype}`).join(', ');

function requireDtype(op: string, t: TensorMeta, allowed: readonly DType[], role = 'input'): void {
  if (!allowed.includes(t.dtype)) {
    throw new DTypeError(
      `${op}: ${role} has dtype ${t.dtype}, expected ${allowed.join(' or ')}${allowed.length === 1 && allowed[0] === 'f32' ? ' (use cast() to convert)' : ''}`,
    );
  }
}

function sameDtype(op: string, a: TensorMeta, b: TensorMeta): void {
  if (a.dtype !== b.dtype) {
    throw new DTypeError(
      `${op}: operands have different dtypes (${a.dtype} ${formatShape(a.shape)} and ${b.dtype} ${formatShape(b.shape)}); cast one with cast()`,
    );
  }
}

function checkAxis(op: string, axis: number, rank: number): void {
  if (!Number.isInteger(axis) || axis < 0 || axis >= rank) throw new IndexError(`${op}: axis ${axis} is out of range for rank ${rank}`);
}

function checkRng(op: string, p: { seed: number; offset: number }): void {
  if (!Number.isSafeInteger(p.seed) || p.seed < 0) throw new IndexError(`${op}: seed must be a non-negative safe integer, got ${p.seed}`);
  if (!Number.isSafeInteger(p.offset) || p.offset < 0) throw new IndexError(`${op}: offset must be a non-negative safe integer, got ${p.offset}`);
}

/**
 * max, min, argmax and argmin have no identity, so over zero elements they are undefined: refused, as
 * PyTorch does (sum gives 0, mean NaN, logsumexp −Inf). Reducing a non-empty axis of an empty tensor is fine.
 */
function refuseEmptyAxis(op: string, shape: Shape, axes: readonly number[]): void {
  const empty = axes.find((a) => shape[a] === 0);
  if (empty === undefined) return;
  throw new ShapeError(
    `${op}: axis ${empty} of ${formatShape(shape)} is empty, and the ${op.replace(/^reduce /, '')} of no elements is undefined; reduce over non-empty axes (check the tensor is not empty), or use sum (0) or mean (NaN) if that is what an empty input should give`,
  );
}

const NUMERIC: readonly DType[] = ['f32', 'i32', 'u32'];
const F32: readonly DType[] = ['f32'];

function reducedShape(shape: Shape, axes: readonly number[], keepDims: boolean): number[] {
  const out: number[] = [];
  shape.forEach((d, i) => {
    if (axes.includes(i)) {
      if (keepDims) out.push(1);
    } else out.push(d);
  });
  return out;
}

/**
 * The rows of the op set (see OP_SET). `satisfies` keeps each row's literal `differentiable`, from
 * which DifferentiableOpName is derived.
 */
const OP_ROWS = {
  fill: { arity: 0, differentiable: false, infer: (_i, p) => [{ shape: [...p.shape], dtype: p.dtype }] },
  arange: {
    arity: 0,
    differentiable: false,
    infer: (_i, p) => {
      if (!Number.isSafeInteger(p.n) || p.n < 0) throw new ShapeError(`arange: length ${p.n} is not a non-negative integer`);
      if (p.dtype === 'bool') throw new DTypeError('arange: bool is not a numeric dtype');
      return [{ shape: [p.n], dtype: p.dtype }];
    },
  },
  randomUniform: { arity: 0, differentiable: false, infer: (_i, p) => (checkRng('randomUniform', p), [{ shape: [...p.shape], dtype: 'f32' }]) },
  randomNormal: { arity: 0, differentiable: false, infer: (_i, p) => (checkRng('randomNormal', p), [{ shape: [...p.shape], dtype: 'f32' }]) },
  dropoutMask: {
    arity: 0,
    differentiable: false,
    infer: (_i, p) => {
      checkRng('dropoutMask', p);
      if (!(p.p >= 0 && p.p <= 1)) throw new IndexError(`dropoutMask: probability ${p.p} is outside [0, 1]`);
      return [{ shape: [...p.shape], dtype: 'bool' }];
    },
  },
  cast: { arity: 1, differentiable: true, infer: ([x], p) => [{ shape: x!.shape, dtype: p.dtype }] },
  copy: { arity: 1, differentiable: true, infer: ([x]) => [{ shape: x!.shape, dtype: x!.dtype }] },
  unary: {
    arity: 1,
    differentiable: true,
    infer: ([x], p) => {
      requireDtype(`unary ${p.fn}`, x!, INTEGER_UNARY_FNS.includes(p.fn) ? NUMERIC : F32);
      return [{ shape: x!.shape, dtype: x!.dtype }];
    },
  },
  unaryBackward: {
    arity: 2,
    differentiable: false,
    infer: ([x, g], p) => {
      requireDtype(`unaryBackward ${p.fn}`, x!, F32);
      requireDtype(`unaryBackward ${p.fn}`, g!, F32, 'gradient');
      if (!shapesEqual(x!.shape, g!.shape))
        throw new ShapeError(`unaryBackward ${p.fn}: x ${formatShape(x!.shape)} and gradient ${formatShape(g!.shape)} differ`);
      return [{ shape: x!.shape, dtype: 'f32' }];
    },
  },
  binary: {
    arity: 2,
    differentiable: true,
    infer: ([a, b], p) => {
      const op = `binary ${p.fn}`;
      sameDtype(op, a!, b!);
      requireDtype(op, a!, p.fn === 'pow' ? F32 : NUMERIC);
      return [{ shape: broadcastShapes(op, a!.shape, b!.shape), dtype: a!.dtype }];
    },
  },
  binaryScalar: {
    arity: 1,
    differentiable: true,
    infer: ([a], p) => {
      requireDtype(`binaryScalar ${p.fn}`, a!, p.fn === 'pow' ? F32 : NUMERIC);
      if (a!.dtype !== 'f32' && !Number.isInteger(p.scalar)) {
        throw new DTypeError(`binaryScalar ${p.fn}: scalar ${p.scalar} is not an integer, but the tensor is ${a!.dtype}; cast the tensor to f32 first`);
      }
      return [{ shape: a!.shape, dtype: a!.dtype }];
    },
  },
  compare: {
    arity: 2,
    differentiable: false,
    infer: ([a, b], p) => {
      sameDtype(`compare ${p.fn}`, a!, b!);
      return [{ shape: broadcastShapes(`compare ${p.fn}`, a!.shape, b!.shape), dtype: 'bool' }];
    },
  },
  logical: {
    arity: 2,
    differentiable: false,
    infer: ([a, b], p) => {
      requireDtype(`logical ${p.fn}`, a!, ['bool']);
      requireDtype(`logical ${p.fn}`, b!, ['bool']);
      return [{ shape: broadcastShapes(`logical ${p.fn}`, a!.shape, b!.shape), dtype: 'bool' }];
    },
  },
  logicalNot: { arity: 1, differentiable: false, infer: ([a]) => (requireDtype('logicalNot', a!, ['bool']), [{ shape: a!.shape, dtype: 'bool' }]) },
  where: {
    arity: 3,
    differentiable: true,
    infer: ([c, a, b]) => {
      requireDtype('where', c!, ['bool'], 'condition');
      sameDtype('where', a!, b!);
      return [{ shape: broadcastShapes('where', c!.shape, a!.shape, b!.shape), dtype: a!.dtype }];
    },
  },
  reduce: {
    arity: 1,
    differentiable: true,
    infer: ([x], p) => {
      const op = `reduce ${p.fn}`;
      requireDtype(op, x!, p.fn === 'mean' || p.fn === 'logsumexp' ? F32 : NUMERIC);
      for (const a of p.axes) checkAxis(op, a, x!.shape.length);
      if (p.fn === 'max' || p.fn === 'min') refuseEmptyAxis(op, x!.shape, p.axes);
      return [{ shape: reducedShape(x!.shape, p.axes, p.keepDims), dtype: x!.dtype }];
    },
  },
  argReduce: {
    arity: 1,
    differentiable: false,
    infer: ([x], p) => {
      requireDtype(p.fn, x!, NUMERIC);
      checkAxis(p.fn, p.axis, x!.shape.length);
      refuseEmptyAxis(p.fn, x!.shape, [p.axis]);
      return [{ shape: reducedShape(x!.shape, [p.axis], p.keepDims), dtype: 'i32' }];
    },
  },
  matmul: {
    arity: 2,
    differentiable: true,
    infer: ([a, b], p) => {
      requireDtype('matmul', a!, F32, 'a');
      requireDtype('matmul', b!, F32, 'b');
      const as = a!.shape;
      const bs = b!.shape;
      if (as.length < 2 || bs.length < 2) throw new ShapeError(`matmul: both operands need rank ≥ 2, got ${formatShape(as)} and ${formatShape(bs)}`);
      const m = p.transA ? as[as.length - 1]! : as[as.length - 2]!;
      const ka = p.transA ? as[as.length - 2]! : as[as.length - 1]!;
      const kb = p.transB ? bs[bs.length - 1]! : bs[bs.length - 2]!;
      const n = p.transB ? bs[bs.length - 2]! : bs[bs.length - 1]!;
      if (ka !== kb) {
        throw new ShapeError(
          `matmul: inner dimensions differ: a ${formatShape(as)}${p.transA ? 'ᵀ' : ''} has K=${ka}, b ${formatShape(bs)}${p.transB ? 'ᵀ' : ''} has K=${kb}`,
        );
      }
      const batch = broadcastShapes('matmul (batch dimensions)', as.slice(0, -2), bs.slice(0, -2));
      return [{ shape: [...batch, m, n], dtype: 'f32' }];
    },
  },
  softmax: {
    arity: 1,
    differentiable: true,
    infer: ([x], p) => (requireDtype('softmax', x!, F32), checkAxis('softmax', p.axis, x!.shape.length), [{ shape: x!.shape, dtype: 'f32' }]),
  },
  logSoftmax: {
    arity: 1,
    differentiable: true,
    infer: ([x], p) => (requireDtype('logSoftmax', x!, F32), checkAxis('logSoftmax', p.axis, x!.shape.length), [{ shape: x!.shape, dtype: 'f32' }]),
  },
  softmaxBackward: { arity: 2, differentiable: false, infer: (ins, p) => sameShapeF32('softmaxBackward', ins, p.axis) },
  logSoftmaxBackward: { arity: 2, differentiable: false, infer: (ins, p) => sameShapeF32('logSoftmaxBackward', ins, p.axis) },
  layerNorm: {
    arity: 3,
    differentiable: true,
    infer: ([x, w, b], p) => {
      for (const t of [x!, w!, b!]) requireDtype('layerNorm', t, F32);
      const c = x!.shape[x!.shape.length - 1];
      if (x!.shape.length < 1) throw new ShapeError('layerNorm: input must have rank ≥ 1');
      if (w!.shape.length !== 1 || w!.shape[0] !== c || b!.shape.length !== 1 || b!.shape[0] !== c) {
        throw new ShapeError(
          `layerNorm: weight ${formatShape(w!.shape)} and bias ${formatShape(b!.shape)} must both be [${c}] for input ${formatShape(x!.shape)}`,
        );
      }
      if (!(p.eps >= 0)) throw new ShapeError(`layerNorm: eps must be ≥ 0, got ${p.eps}`);
      const rows = x!.shape.slice(0, -1);
      return [
        { shape: x!.shape, dtype: 'f32' },
        { shape: rows, dtype: 'f32' },
        { shape: rows, dtype: 'f32' },
      ];
    },
  },
  layerNormBackward: {
    arity: 5,
    differentiable: false,
    infer: ([g, x, w, mean, rstd]) => {
      for (const t of [g!, x!, w!, mean!, rstd!]) requireDtype('layerNormBackward', t, F32);
      const rows = x!.shape.slice(0, -1);
      const c = x!.shape[x!.shape.length - 1]!;
      if (!shapesEqual(g!.shape, x!.shape) || !shapesEqual(mean!.shape, rows) || !shapesEqual(rstd!.shape, rows) || !shapesEqual(w!.shape, [c])) {
        throw new ShapeError(`layerNormBackward: inconsistent shapes ${fmt([g!, x!, w!, mean!, rstd!])}`);
      }
      return [
        { shape: x!.shape, dtype: 'f32' },
        { shape: [c], dtype: 'f32' },
        { shape: [c], dtype: 'f32' },
      ];
    },
  },
  gather: {
    arity: 2,
    differentiable: true,
    infer: ([table, ids]) => {
      requireDtype('gather', ids!, ['i32'], 'ids');
      if (table!.shape.length < 1) throw new ShapeError('gather: table must have rank ≥ 1');
      return [{ shape: [...ids!.shape, ...table!.shape.slice(1)], dtype: table!.dtype }];
    },
  },
  scatterAdd: {
    arity: 2,
    differentiable: true,
    infer: ([ids, src], p) => {
      requireDtype('scatterAdd', ids!, ['i32'], 'ids');
      requireDtype('scatterAdd', src!, F32, 'src');
      const k = ids!.shape.length;
      if (!shapesEqual(src!.shape.slice(0, k), ids!.shape)) {
        throw new ShapeError(`scatterAdd: src ${formatShape(src!.shape)} must start with the ids shape ${formatShape(ids!.shape)}`);
      }
      if (!Number.isSafeInteger(p.numRows) || p.numRows < 0) throw new ShapeError(`scatterAdd: numRows ${p.numRows} is not a non-negative integer`);
      return [{ shape: [p.numRows, ...src!.shape.slice(k)], dtype: 'f32' }];
    },
  },
  crossEntropy: {
    arity: 2,
    differentiable: true,
    infer: ([logits, targets]) => {
      requireDtype('crossEntropy', logits!, F32, 'logits');
      requireDtype('crossEntropy', targets!, ['i32'], 'targets');
      if (logits!.shape.length !== 2 || targets!.shape.length !== 1 || targets!.shape[0] !== logits!.shape[0]) {
        throw new ShapeError(`crossEntropy: expected logits [N, V] and targets [N], got ${formatShape(logits!.shape)} and ${formatShape(targets!.shape)}`);
      }
      const n = logits!.shape[0]!;
      return [
        { shape: [n], dtype: 'f32' },
        { shape: [n], dtype: 'f32' },
      ];
    },
  },
  crossEntropyBackward: {
    arity: 4,
    differentiable: false,
    infer: ([logits, targets, lse, g]) => {
      const n = logits!.shape[0];
      if (logits!.shape.length !== 2 || !shapesEqual(targets!.shape, [n!]) || !shapesEqual(lse!.shape, [n!]) || !shapesEqual(g!.shape, [n!])) {
        throw new ShapeError(`crossEntropyBackward: inconsistent shapes ${fmt([logits!, targets!, lse!, g!])}`);
      }
      requireDtype('crossEntropyBackward', targets!, ['i32'], 'targets');
      return [{ shape: logits!.shape, dtype: 'f32' }];
    },
  },
  cumsum: {
    arity: 1,
    differentiable: true,
    infer: ([x], p) => (requireDtype('cumsum', x!, NUMERIC), checkAxis('cumsum', p.axis, x!.shape.length), [{ shape: x!.shape, dtype: x!.dtype }]),
  },
  permute: {
    arity: 1,
    differentiable: true,
    infer: ([x], p) => {
      const r = x!.shape.length;
      const seen = new Set(p.perm);
      if (p.perm.length !== r || seen.size !== r || p.perm.some((a) => !Number.isInteger(a) || a < 0 || a >= r)) {
        throw new IndexError(`permute: ${JSON.stringify(p.perm)} is not a permutation of the ${r} axes of ${formatShape(x!.shape)}`);
      }
      return [{ shape: p.perm.map((a) => x!.shape[a]!), dtype: x!.dtype }];
    },
  },
  concat: {
    arity: 'variadic',
    differentiable: true,
    infer: (xs, p) => {
      if (xs.length === 0) throw new ShapeError('concat: needs at least one tensor');
      const first = xs[0]!;
      checkAxis('concat', p.axis, first.shape.length);
      let total = 0;
      for (const t of xs) {
        sameDtype('concat', first, t);
        const ok = t.shape.length === first.shape.length && t.shape.every((d, i) => i === p.axis || d === first.shape[i]);
        if (!ok) throw new ShapeError(`concat: shapes ${xs.map((x) => formatShape(x.shape)).join(', ')} differ outside axis ${p.axis}`);
        total += t.shape[p.axis]!;
      }
      const shape = [...first.shape];
      shape[p.axis] = total;
      return [{ shape, dtype: first.dtype }];
    },
  },
  slice: {
    arity: 1,
    differentiable: true,
    infer: ([x], p) => {
      const r = x!.shape.length;
      if (p.starts.length !== r || p.ends.length !== r) throw new IndexError(`slice: starts/ends need ${r} entries for ${formatShape(x!.shape)}`);
      const shape = x!.shape.map((d, i) => {
        const s = p.starts[i]!;
        const e = p.ends[i]!;
        if (!(Number.isInteger(s) && Number.isInteger(e) && s >= 0 && s <= e && e <= d)) {
          throw new IndexError(`slice: range [${s}, ${e}) is out of bounds for axis ${i} of ${formatShape(x!.shape)}`);
        }
        return e - s;
      });
      return [{ shape, dtype: x!.dtype }];
    },
  },
  pad: {
    arity: 1,
    differentiable: true,
    infer: ([x], p) => {
      const r = x!.shape.length;
      if (p.before.length !== r || p.after.length !== r || [...p.before, ...p.after].some((v) => !Number.isInteger(v) || v < 0)) {
        throw new IndexError(`pad: before/after need ${r} non-negative integers for ${formatShape(x!.shape)}`);
      }
      return [{ shape: x!.shape.map((d, i) => d + p.before[i]! + p.after[i]!), dtype: x!.dtype }];
    },
  },
  setSlice: {
    arity: 2,
    mutates: [0],
    differentiable: false,
    infer: ([dst, src], p) => {
      sameDtype('setSlice', dst!, src!);
      const r = dst!.shape.length;
      if (src!.shape.length !== r || p.starts.length !== r)
        throw new ShapeError(
          `setSlice: dst ${formatShape(dst!.shape)}, src ${formatShape(src!.shape)} and starts ${JSON.stringify(p.starts)} must have the same rank`,
        );
      dst!.shape.forEach((d, i) => {
        const s = p.starts[i]!;
        if (!Number.isInteger(s) || s < 0 || s + src!.shape[i]! > d) {
          throw new IndexError(
            `setSlice: src ${formatShape(src!.shape)} at ${JSON.stringify(p.starts)} does not fit in dst ${formatShape(dst!.shape)} (axis ${i})`,
          );
        }
      });
      return [];
    },
  },
  expand: {
    arity: 1,
    differentiable: true,
    infer: ([x], p) => {
      const b = broadcastShapes('expand', x!.shape, p.shape);
      if (!shapesEqual(b, p.shape)) throw new ShapeError(`expand: ${formatShape(x!.shape)} cannot be expanded to ${formatShape(p.shape)}`);
      return [{ shape: [...p.shape], dtype: x!.dtype }];
    },
  },
  adamwUpdate: {
    arity: 4,
    mutates: [0, 2, 3],
    differentiable: false,
    infer: (ins, p) => {
      const [param] = ins;
      for (const t of ins) {
        requireDtype('adamwUpdate', t, F32);
        if (!shapesEqual(t.shape, param!.shape)) throw new ShapeError(`adamwUpdate: param, grad, m and v must share a shape, got ${fmt(ins)}`);
      }
      if (!(Number.isInteger(p.step) && p.step >= 1)) throw new IndexError(`adamwUpdate: step must be an integer ≥ 1, got ${p.step}`);
      return [];
    },
  },
  leapScan: { arity: 2, differentiable: false, infer: leapScanRule },
  dropMatmul: { arity: 2, differentiable: false, infer: (ins, p) => [dropMatmulShapes('dropMatmul', ins, p).o] },
  dropMatmulBackward: {
    arity: 3,
    differentiable: false,
    infer: ([s, v, g], p) => {
      const { o } = dropMatmulShapes('dropMatmulBackward', [s!, v!], p);
      requireDtype('dropMatmulBackward', g!, F32, 'gradient');
      if (!shapesEqual(g!.shape, o.shape))
        throw new ShapeError(`dropMatmulBackward: gradient ${formatShape(g!.shape)} must be ${formatShape(o.shape)}, the shape of the output`);
      return [
        { shape: s!.shape, dtype: 'f32' },
        { shape: v!.shape, dtype: 'f32' },
      ];
    },
  },
  flashAttention: { arity: 4, differentiable: false, infer: (ins, p) => flashShapes('flashAttention', ins, p) },
  flashAttentionBackward: {
    arity: 7,
    differentiable: false,
    infer: ([q, k, v, mask, o, lse, g], p) => {
      const [oMeta, lseMeta] = flashShapes('flashAttentionBackward', [q!, k!, v!, mask!], p);
      for (const [t, want, role] of [
        [o!, oMeta!, 'o'],
        [lse!, lseMeta!, 'lse'],
        [g!, oMeta!, 'gradient'],
      ] as const) {
        requireDtype('flashAttentionBackward', t, F32, role);
        if (!shapesEqual(t.shape, want.shape))
          throw new ShapeError(`flashAttentionBackward: ${role} ${formatShape(t.shape)} must be ${formatShape(want.shape)}`);
      }
      return [q!, k!, v!].map((t) => ({ shape: t.shape, dtype: 'f32' as const }));
    },
  },
} satisfies { [K in OpName]: OpDef<K> };

/** The op set's shape and dtype rules: one exhaustive table, so a missing op is a compile error. */
export const OP_SET: { [K in OpName]: OpDef<K> } = OP_ROWS;

/** The ops whose row says `differentiable: true`: exactly the ops that need a gradient rule (autograd's GRAD_RULES). */
export type DifferentiableOpName = { [K in OpName]: (typeof OP_ROWS)[K]['differentiable'] extends true ? K : never }[OpName];

/** The attention dropout parameters: p in [0, 1], a Philox state, and a row window rowOffset + M ≤ rows. */
function checkAttentionRows(op: string, p: { p: number; seed: number; offset: number; rowOffset: number; rows: number }, m: number): void {
  checkRng(op, p);
  if (!(p.p >= 0 && p.p <= 1)) throw new IndexError(`${op}: dropout probability ${p.p} is outside [0, 1]`);
  if (!Number.isSafeInteger(p.rowOffset) || !Number.isSafeInteger(p.rows) || p.rowOffset < 0 || p.rowOffset + m > p.rows) {
    throw new IndexError(`${op}: rows ${p.rowOffset} … ${p.rowOffset + m - 1} (${m} query rows from rowOffset ${p.rowOffset}) do not fit in rows = ${p.rows}`);
  }
}

/** dropMatmul: s [..., M, N] and v [..., N, K] with the same batch dimensions → o [..., M, K]. */
function dropMatmulShapes(op: string, [s, v]: readonly TensorMeta[], p: OpParams<'dropMatmul'>): { o: TensorMeta } {
  requireDtype(op, s!, F32, 's');
  requireDtype(op, v!, F32, 'v');
  const r = s!.shape.length;
  if (r < 2 || v!.shape.length !== r || !shapesEqual(s!.shape.slice(0, -2), v!.shape.slice(0, -2)) || v!.shape[r - 2] !== s!.shape[r - 1]) {
    throw new ShapeError(
      `${op}: expected s [..., M, N] and v [..., N, K] with the same batch dimensions, got ${formatShape(s!.shape)} and ${formatShape(v!.shape)}`,
    );
  }
  checkAttentionRows(op, p, s!.shape[r - 2]!);
  return { o: { shape: [...s!.shape.slice(0, -1), v!.shape[r - 1]!], dtype: 'f32' } };
}

/** flashAttention: q [B, H, Tq, D], k [B, H, Tk, D], v [B, H, Tk, Dv], bool mask broadcastable to [B, H, Tq, Tk]. */
function flashShapes(op: string, [q, k, v, mask]: readonly TensorMeta[], p: OpParams<'flashAttention'>): TensorMeta[] {
  for (const [t, role] of [
    [q!, 'q'],
    [k!, 'k'],
    [v!, 'v'],
  ] as const)
    requireDtype(op, t, F32, role);
  requireDtype(op, mask!, ['bool'], 'mask');
  const [B, H, Tq, D] = q!.shape;
  const ok =
    [q!, k!, v!, mask!].every((t) => t.shape.length === 4) &&
    k!.shape[0] === B &&
    k!.shape[1] === H &&
    k!.shape[3] === D &&
    shapesEqual(v!.shape.slice(0, 3), k!.shape.slice(0, 3));
  if (!ok) throw new ShapeError(`${op}: expected q [B, H, Tq, D], k [B, H, Tk, D], v [B, H, Tk, Dv] and a rank-4 mask, got ${fmt([q!, k!, v!, mask!])}`);
  const target = [B!, H!, Tq!, k!.shape[2]!];
  if (mask!.shape.some((d, i) => d !== 1 && d !== target[i]))
    throw new ShapeError(`${op}: mask ${formatShape(mask!.shape)} does not broadcast to the scores ${formatShape(target)}`);
  if (!Number.isFinite(p.scale)) throw new ShapeError(`${op}: scale must be finite, got ${p.scale}`);
  checkAttentionRows(op, p, Tq!);
  return [
    { shape: [B!, H!, Tq!, v!.shape[3]!], dtype: 'f32' },
    { shape: [B!, H!, Tq!], dtype: 'f32' },
  ];
}

/** leapScan: logits [...L] with the scan on `axis`, x [...L, C]; mean like x, lse like logits. */
function leapScanRule([logits, x]: readonly TensorMeta[], p: OpParams<'leapScan'>): TensorMeta[] {
  requireDtype('leapScan', logits!, F32, 'logits');
  requireDtype('leapScan', x!, F32, 'x');
  checkAxis('leapScan', p.axis, logits!.shape.length);
  const l = logits!.shape;
  if (x!.shape.length !== l.length + 1 || !shapesEqual(x!.shape.slice(0, -1), l)) {
    throw new ShapeError(`leapScan: x ${formatShape(x!.shape)} must be the logits shape ${formatShape(l)} plus one trailing (channel) axis`);
  }
  if (!Number.isSafeInteger(p.window) || p.window < 0) throw new ShapeError(`leapScan: window ${p.window} is not a non-negative integer (0 means unbounded)`);
  return [
    { shape: x!.shape, dtype: 'f32' },
    { shape: l, dtype: 'f32' },
  ];
}

function sameShapeF32(op: string, [y, g]: readonly TensorMeta[], axis: number): TensorMeta[] {
  requireDtype(op, y!, F32);
  requireDtype(op, g!, F32, 'gradient');
  if (!shapesEqual(y!.shape, g!.shape)) throw new ShapeError(`${op}: y ${formatShape(y!.shape)} and gradient ${formatShape(g!.shape)} differ`);
  checkAxis(op, axis, y!.shape.length);
  return [{ shape: y!.shape, dtype: 'f32' }];
}

/** Total elements of all outputs, for messages and the meta device. */
export function outputElements(outs: readonly TensorMeta[]): number {
  return outs.reduce((n, t) => n + numel(t.shape), 0);
}
