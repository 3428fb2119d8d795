import { describe, expect, it } from 'vitest';
import { broadcastMap, host, referenceBroadcastShape, unravel } from './host-tensor.js';
import { mulberry32 } from './prng.js';
import {
  erfcF64,
  refArange,
  refBinary,
  refBinaryScalar,
  refCast,
  refCompare,
  refDropoutMask,
  refRandomUniform,
  refUnary,
  refUnaryBackward,
  refWhere,
  unaryDerivativeF64,
  unaryF64,
} from './reference.js';
import {
  refAdamwStep,
  refCrossEntropy,
  refCrossEntropyBackward,
  refGather,
  refLayerNorm,
  refLayerNormBackward,
  refLogSoftmax,
  refScatterAdd,
  refSoftmax,
  refSoftmaxBackward,
} from './reference-nn.js';
import { refArgReduce, refCumsum, refMatmul, refReduce } from './reference-reduce.js';
import { refConcat, refExpand, refPad, refPermute, refSetSlice, refSlice } from './reference-layout.js';
import { UNARY_FNS } from '../ops/op-params.js';

// The references are checked against values worked out by hand, so the op suite cannot agree with a
// kernel for the wrong reason.

describe('reference helpers', () => {
  it('mulberry32 is deterministic and in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(new Set(xs).size).toBe(1000);
  });

  it('broadcasts like NumPy', () => {
    expect(referenceBroadcastShape([3, 1], [1, 4])).toEqual([3, 4]);
    expect(referenceBroadcastShape([], [2, 3])).toEqual([2, 3]);
    expect(referenceBroadcastShape([0], [1])).toEqual([0]);
    expect(referenceBroadcastShape([2, 1, 3, 1], [1, 5, 1, 2])).toEqual([2, 5, 3, 2]);
    expect(referenceBroadcastShape([3], [4])).toBeNull();
    expect(unravel(23, [2, 3, 4])).toEqual([1, 2, 3]);
    expect(broadcastMap([host([2, 1], [1, 2]), host([3], [10, 20, 30])], 'f32', (a, b) => a + b).data).toEqual([11, 21, 31, 12, 22, 32]);
  });
});

describe('elementwise references', () => {
  it('unary values', () => {
    expect(unaryF64('gelu', 1)).toBeCloseTo(0.8411919906082768, 15);
    expect(unaryF64('gelu', -1)).toBeCloseTo(-0.15880800939172324, 15);
    expect(unaryF64('silu', 1)).toBeCloseTo(0.7310585786300049, 15);
    // x·Φ(x): Φ(1) = 0.8413447460685429, Φ(−3) = 0.0013498980316300946.
    expect(unaryF64('gelu_erf', 1)).toBeCloseTo(0.8413447460685429, 15);
    expect(unaryF64('gelu_erf', -1)).toBeCloseTo(-0.15865525393145707, 15);
    expect(unaryF64('gelu_erf', -3)).toBeCloseTo(-3 * 0.0013498980316300946, 15);
    expect(erfcF64(1)).toBeCloseTo(0.1572992070502851, 15);
    expect(erfcF64(3) / 2.209049699858544e-5).toBeCloseTo(1, 12);
    expect(erfcF64(-0.5)).toBeCloseTo(1.5204998778130465, 15);
    expect(unaryF64('elu', -1)).toBeCloseTo(Math.exp(-1) - 1, 15);
    expect(unaryF64('sigmoid', 0)).toBe(0.5);
    expect(unaryF64('relu', NaN)).toBeNaN();
    expect(unaryF64('sign', -0.5)).toBe(-1);
    expect(unaryF64('rsqrt', 4)).toBe(0.5);
    expect(refUnary(host([3], [-2147483648, 5, -3], 'i32'), 'neg').data).toEqual([-2147483648, -5, 3]);
    expect(refUnary(host([2], [46341, -2], 'i32'), 'square').data).toEqual([-2147479015, 4]);
    expect(refUnary(host([2], [65536, 4294967295], 'u32'), 'square').data).toEqual([0, 1]);
  });

  it('every unary derivative matches a central finite difference', () => {
    const at: Record<string, number> = { sqrt: 1.3, rsqrt: 1.3, log: 1.3, log1p: 0.4, reciprocal: 0.7 };
    for (const fn of UNARY_FNS) {
      const x = at[fn] ?? 0.37;
      const h = 1e-6;
      const fd = (unaryF64(fn, x + h) - unaryF64(fn, x - h)) / (2 * h);
      expect(unaryDerivativeF64(fn, x), fn).toBeCloseTo(fd, 6);
    }
    expect(refUnaryBackward(host([2], [2, -3]), host([2], [0.5, 2]), 'square').data).toEqual([2, -12]);
  });

  it('binary arithmetic, integer wraparound and truncation', () => {
    expect(refBinary(host([2], [1, 2]), host([], [10]), 'sub').data).toEqual([-9, -8]);
    expect(refBinary(host([2], [NaN, 1]), host([2], [0, NaN]), 'maximum').data).toEqual([NaN, NaN]);
    expect(refBinary(host([4], [-7, 7, 2147483647, -2147483648], 'i32'), host([4], [2, -2, 1, -1], 'i32'), 'div').data).toEqual([
      -3, -3, 2147483647, -2147483648,
    ]);
    expect(refBinary(host([2], [2147483647, 3], 'i32'), host([2], [1, -5], 'i32'), 'add').data).toEqual([-2147483648, -2]);
    expect(refBinary(host([2], [1, 65536], 'u32'), host([2], [2, 65536], 'u32'), 'sub').data).toEqual([4294967295, 0]);
    expect(refBinary(host([1], [65536], 'u32'), host([1], [65536], 'u32'), 'mul').data).toEqual([0]);
    expect(refBinaryScalar(host([2], [2, 4]), { fn: 'div', scalar: 8, reverse: true }).data).toEqual([4, 2]);
    expect(refBinaryScalar(host([2], [2, 4]), { fn: 'pow', scalar: 2, reverse: false }).data).toEqual([4, 16]);
  });

  it('compare, where and cast', () => {
    expect(refCompare(host([3], [NaN, 1, 2]), host([3], [NaN, 1, 1]), 'ne').data).toEqual([1, 0, 1]);
    expect(refCompare(host([3], [NaN, 1, 2]), host([3], [NaN, 1, 1]), 'ge').data).toEqual([0, 1, 1]);
    expect(refWhere(host([2, 1], [1, 0], 'bool'), host([2], [NaN, 2]), host([], [-1])).data).toEqual([NaN, 2, -1, -1]);
    expect(refCast(host([5], [-2.7, 2.7, NaN, -0.5, 1e9]), 'i32').data).toEqual([-2, 2, 0, 0, 1e9]);
    expect(refCast(host([3], [0, NaN, -0.1]), 'bool').data).toEqual([0, 1, 1]);
    expect(refCast(host([2], [1, 0], 'bool'), 'f32').data).toEqual([1, 0]);
  });

  it('arange and random streams', () => {
    expect(refArange({ n: 4, start: 1, step: -0.5, dtype: 'f32' }).data).toEqual([1, 0.5, 0, -0.5]);
    const u = refRandomUniform({ shape: [6], seed: 3, offset: 1, low: 0, high: 1 }).data;
    const mask = refDropoutMask({ shape: [6], p: 0.5, seed: 3, offset: 1 }).data;
    expect(mask).toEqual(u.map((x) => (x >= 0.5 ? 1 : 0)));
    expect(refDropoutMask({ shape: [6], p: 0, seed: 3, offset: 1 }).data).toEqual([1, 1, 1, 1, 1, 1]);
  });
});

describe('reduction and matmul references', () => {
  const x = host([2, 3], [1, 2, 3, 4, 5, 6]);
  it('reduce over axis sets', () => {
    expect(refReduce(x, { fn: 'sum', axes: [0], keepDims: false })).toEqual(host([3], [5, 7, 9]));
    expect(refReduce(x, { fn: 'mean', axes: [1], keepDims: true })).toEqual(host([2, 1], [2, 5]));
    expect(refReduce(x, { fn: 'max', axes: [0, 1], keepDims: false })).toEqual(host([], [6]));
    expect(refReduce(x, { fn: 'min', axes: [], keepDims: false })).toEqual(x);
    expect(refReduce(host([2], [0, 0]), { fn: 'logsumexp', axes: [0], keepDims: false }).data[0]).toBeCloseTo(Math.LN2, 15);
    expect(refReduce(host([0, 2], []), { fn: 'mean', axes: [0], keepDims: false }).data).toEqual([NaN, NaN]);
    expect(refReduce(host([0], []), { fn: 'logsumexp', axes: [0], keepDims: false }).data).toEqual([-Infinity]);
    expect(refReduce(host([2], [2147483647, 1], 'i32'), { fn: 'sum', axes: [0], keepDims: false }).data).toEqual([-2147483648]);
    expect(refReduce(host([3], [1, NaN, 3]), { fn: 'max', axes: [0], keepDims: false }).data).toEqual([NaN]);
  });

  it('argReduce picks the first extreme and the first NaN', () => {
    expect(refArgReduce(host([2, 3], [1, 3, 3, 0, 0, -1]), { fn: 'argmax', axis: 1, keepDims: false }).data).toEqual([1, 0]);
    expect(refArgReduce(host([2, 3], [1, 3, 3, 0, 0, -1]), { fn: 'argmin', axis: 0, keepDims: true })).toEqual(host([1, 3], [1, 1, 1], 'i32'));
    expect(refArgReduce(host([4], [1, NaN, 5, NaN]), { fn: 'argmin', axis: 0, keepDims: false }).data).toEqual([1]);
  });

  it('cumsum in all four modes', () => {
    const v = host([4], [1, 2, 3, 4]);
    expect(refCumsum(v, { axis: 0, reverse: false, exclusive: false }).data).toEqual([1, 3, 6, 10]);
    expect(refCumsum(v, { axis: 0, reverse: false, exclusive: true }).data).toEqual([0, 1, 3, 6]);
    expect(refCumsum(v, { axis: 0, reverse: true, exclusive: false }).data).toEqual([10, 9, 7, 4]);
    expect(refCumsum(v, { axis: 0, reverse: true, exclusive: true }).data).toEqual([9, 7, 4, 0]);
    expect(refCumsum(x, { axis: 0, reverse: false, exclusive: false }).data).toEqual([1, 2, 3, 5, 7, 9]);
  });

  it('matmul with transposes and broadcast batches', () => {
    const a = host([2, 2], [1, 2, 3, 4]);
    const b = host([2, 2], [5, 6, 7, 8]);
    expect(refMatmul(a, b, { transA: false, transB: false }).data).toEqual([19, 22, 43, 50]);
    expect(refMatmul(a, b, { transA: true, transB: false }).data).toEqual([26, 30, 38, 44]);
    expect(refMatmul(a, b, { transA: false, transB: true }).data).toEqual([17, 23, 39, 53]);
    expect(refMatmul(a, b, { transA: true, transB: true }).data).toEqual([23, 31, 34, 46]);
    const batched = refMatmul(host([2, 1, 1, 2], [1, 0, 0, 1]), host([3, 2, 1], [1, 2, 3, 4, 5, 6]), { transA: false, transB: false });
    expect(batched).toEqual(host([2, 3, 1, 1], [1, 3, 5, 2, 4, 6]));
    expect(refMatmul(host([2, 0], []), host([0, 3], []), { transA: false, transB: false }).data).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('nn references', () => {
  it('softmax, log-softmax and the light backward', () => {
    const y = refSoftmax(host([2, 2], [0, 0, 0, Math.log(3)]), { axis: 1 }).data;
    expect(y[0]).toBeCloseTo(0.5, 15);
    expect(y[3]).toBeCloseTo(0.75, 15);
    expect(refSoftmax(host([2, 1], [1, 5]), { axis: 0 }).data[1]).toBeCloseTo(Math.exp(4) / (1 + Math.exp(4)), 15);
    expect(refSoftmax(host([2], [-Infinity, -Infinity]), { axis: 0 }).data).toEqual([NaN, NaN]);
    expect(refLogSoftmax(host([2], [0, 0]), { axis: 0 }).data[0]).toBeCloseTo(-Math.LN2, 15);
    // y = [0.5, 0.5], g = [1, 0]: Σ g·y = 0.5, dx = [0.25, −0.25].
    expect(refSoftmaxBackward(host([2], [0.5, 0.5]), host([2], [1, 0]), { axis: 0 }).data).toEqual([0.25, -0.25]);
  });

  it('layer norm and its backward', () => {
    const ln = refLayerNorm(host([1, 2], [1, 3]), host([2], [1, 2]), host([2], [0, 1]), { eps: 0 });
    expect(ln.mean.data).toEqual([2]);
    expect(ln.rstd.data).toEqual([1]);
    expect(ln.y.data).toEqual([-1, 3]);
    const back = refLayerNormBackward(host([1, 2], [1, 0]), host([1, 2], [1, 3]), host([2], [1, 1]), ln.mean, ln.rstd);
    // x̂ = [−1, 1], g·w = [1, 0]: mean 0.5, mean(g·w·x̂) = −0.5 → dx = [1 − 0.5 − 0.5, 0 − 0.5 + 0.5].
    expect(back.dx.data).toEqual([0, 0]);
    expect(back.dweight.data).toEqual([-1, 0]);
    expect(back.dbias.data).toEqual([1, 0]);
  });

  it('gather, scatterAdd and cross-entropy', () => {
    expect(refGather(host([3, 2], [1, 2, 3, 4, 5, 6]), host([3], [2, 0, 2], 'i32')).data).toEqual([5, 6, 1, 2, 5, 6]);
    expect(refScatterAdd(host([3], [1, 1, 0], 'i32'), host([3, 1], [1, 2, 4]), { numRows: 3 }).data).toEqual([4, 3, 0]);
    const logits = host([2, 2], [0, 0, 1, 1]);
    const ce = refCrossEntropy(logits, host([2], [1, -100], 'i32'), { ignoreIndex: -100 });
    expect(ce.loss.data[0]).toBeCloseTo(Math.LN2, 15);
    expect(ce.loss.data[1]).toBe(0);
    expect(ce.lse.data[1]).toBeCloseTo(1 + Math.LN2, 15);
    const d = refCrossEntropyBackward(logits, host([2], [1, -100], 'i32'), ce.lse, host([2], [2, 1]), { ignoreIndex: -100 }).data;
    expect(d[0]).toBeCloseTo(1, 15);
    expect(d[1]).toBeCloseTo(-1, 15);
    expect(d.slice(2)).toEqual([0, 0]);
  });

  it('AdamW follows PyTorch on one step', () => {
    // Step 1: m = 0.1·g, v = 0.001·g², bias-corrected m̂ = g, v̂ = g², update = lr·g/(|g| + eps).
    const s = refAdamwStep({ param: host([1], [1]), m: host([1], [0]), v: host([1], [0]) }, host([1], [0.5]), {
      lr: 0.1,
      beta1: 0.9,
      beta2: 0.999,
      eps: 0,
      weightDecay: 0.1,
      step: 1,
    });
    expect(s.param.data[0]).toBeCloseTo(1 * (1 - 0.01) - 0.1, 12);
    expect(s.m.data[0]).toBeCloseTo(0.05, 15);
    expect(s.v.data[0]).toBeCloseTo(0.00025, 15);
  });
});

describe('layout references', () => {
  const x = host([2, 3], [1, 2, 3, 4, 5, 6]);
  it('permute, concat, slice, pad, setSlice, expand', () => {
    expect(refPermute(x, { perm: [1, 0] }).data).toEqual([1, 4, 2, 5, 3, 6]);
    expect(refConcat([x, host([2, 1], [7, 8])], { axis: 1 }).data).toEqual([1, 2, 3, 7, 4, 5, 6, 8]);
    expect(refSlice(x, { starts: [1, 1], ends: [2, 3] }).data).toEqual([5, 6]);
    expect(refPad(host([2], [1, 2]), { before: [1], after: [2], value: 9 }).data).toEqual([9, 1, 2, 9, 9]);
    expect(refSetSlice(x, host([1, 2], [0, 0]), { starts: [1, 0] }).data).toEqual([1, 2, 3, 0, 0, 6]);
    expect(refExpand(host([2, 1], [1, 2]), { shape: [2, 2, 3] }).data).toEqual([1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2]);
  });
});
