import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zeros } from '../creation.js';
import { runOp } from '../dispatch.js';
import { ShapeError } from '../errors.js';
import { scope } from '../lifetime.js';
import { createMetaDevice } from '../meta/meta-device.js';
import { binary } from '../ops/elementwise.js';
import { concat, pad, permute, reshape, slice, transpose } from '../ops/layout.js';
import { matmul } from '../ops/linalg.js';
import { BINARY_FNS, REDUCE_FNS } from '../ops/op-params.js';
import { reduce } from '../ops/reduce.js';
import { broadcastShapes, formatShape } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { referenceBroadcastShape } from './host-tensor.js';

// Property tests of the shape rules, run on the meta device: no data is computed, so this also
// shows the meta device runs every rule the ops go through.

const meta = createMetaDevice('meta-shape-rules');
const t = (shape: readonly number[]): Tensor => zeros(shape, { device: meta });
const RUNS = { numRuns: 300 };

const dim = fc.integer({ min: 0, max: 5 });
const shapeArb = (maxRank = 4) => fc.array(dim, { maxLength: maxRank });
const positiveShape = (maxRank = 4) => fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: maxRank });

/** A shape that broadcasts to `target`: some leading axes dropped, some axes replaced by 1. */
const broadcastableTo = (target: readonly number[]) =>
  fc
    .tuple(fc.integer({ min: 0, max: target.length }), fc.array(fc.boolean(), { minLength: target.length, maxLength: target.length }))
    .map(([drop, ones]) => target.slice(drop).map((d, i) => (ones[i + drop] ? 1 : d)));
const compatiblePair = shapeArb().chain((target) => fc.tuple(broadcastableTo(target), broadcastableTo(target)));
const compatibleTriple = shapeArb().chain((target) => fc.tuple(broadcastableTo(target), broadcastableTo(target), broadcastableTo(target)));

describe('broadcastShapes', () => {
  it('matches the reference on arbitrary shapes (result or error)', () => {
    fc.assert(
      fc.property(shapeArb(), shapeArb(), (a, b) => {
        const expected = referenceBroadcastShape(a, b);
        if (expected) expect(broadcastShapes('test', a, b)).toEqual(expected);
        else expect(() => broadcastShapes('test', a, b)).toThrow(ShapeError);
      }),
      RUNS,
    );
  });

  it('is commutative', () => {
    fc.assert(
      fc.property(compatiblePair, ([a, b]) => {
        expect(broadcastShapes('t', a, b)).toEqual(broadcastShapes('t', b, a));
      }),
      RUNS,
    );
  });

  it('is associative and agrees with the three-way form', () => {
    fc.assert(
      fc.property(compatibleTriple, ([a, b, c]) => {
        const left = broadcastShapes('t', broadcastShapes('t', a, b), c);
        expect(broadcastShapes('t', a, broadcastShapes('t', b, c))).toEqual(left);
        expect(broadcastShapes('t', a, b, c)).toEqual(left);
        expect(left).toEqual(referenceBroadcastShape(a, b, c));
      }),
      RUNS,
    );
  });
});

describe('binary ops on the meta device', () => {
  it('output shape is the broadcast shape', () => {
    fc.assert(
      fc.property(compatiblePair, fc.constantFrom(...BINARY_FNS), ([a, b], fn) =>
        scope(() => {
          const out = binary(t(a), t(b), fn);
          expect(out.shape).toEqual(referenceBroadcastShape(a, b));
          expect(out.dtype).toBe('f32');
          expect(out.device).toBe(meta);
        }),
      ),
      RUNS,
    );
  });

  it('a mismatch raises a ShapeError naming the op and both shapes', () => {
    const mismatched = fc
      .tuple(positiveShape(3), fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 5 }))
      .filter(([, p, q]) => p !== q)
      .map(([lead, p, q]) => [[...lead, p], [q]] as const);
    fc.assert(
      fc.property(mismatched, fc.constantFrom(...BINARY_FNS), ([a, b], fn) =>
        scope(() => {
          const x = t(a);
          const y = t(b);
          expect(() => binary(x, y, fn)).toThrow(ShapeError);
          expect(() => binary(x, y, fn)).toThrow(`binary ${fn}`);
          expect(() => binary(x, y, fn)).toThrow(formatShape(a));
          expect(() => binary(x, y, fn)).toThrow(formatShape(b));
        }),
      ),
      RUNS,
    );
  });
});

describe('reshape, permute and transpose', () => {
  it('reshape with −1 infers the missing dimension', () => {
    const arb = fc
      .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 })
      .chain((dims) =>
        fc.tuple(fc.constant(dims), fc.shuffledSubarray(dims, { minLength: dims.length, maxLength: dims.length }), fc.nat({ max: dims.length - 1 })),
      );
    fc.assert(
      fc.property(arb, ([from, to, hole]) =>
        scope(() => {
          const target = to.map((d, i) => (i === hole ? -1 : d));
          const y = reshape(t(from), target);
          expect(y.shape).toEqual(to);
          expect(y.numel).toBe(t(from).numel);
        }),
      ),
      RUNS,
    );
    scope(() => {
      expect(() => reshape(t([2, 3]), [4, -1])).toThrow(ShapeError);
      expect(() => reshape(t([2, 3]), [-1, -1])).toThrow(/more than one/);
      expect(reshape(t([0, 3]), [3, 0]).shape).toEqual([3, 0]);
    });
  });

  it('permute moves dimensions and transpose swaps two', () => {
    const arb = shapeArb(5).chain((shape) =>
      fc.tuple(fc.constant(shape), fc.shuffledSubarray([...shape.keys()], { minLength: shape.length, maxLength: shape.length })),
    );
    fc.assert(
      fc.property(arb, ([shape, perm]) =>
        scope(() => {
          expect(permute(t(shape), perm).shape).toEqual(perm.map((a) => shape[a]));
          if (shape.length >= 2) {
            const swapped = [...shape];
            [swapped[0], swapped[shape.length - 1]] = [shape[shape.length - 1]!, shape[0]!];
            expect(transpose(t(shape), 0, -1).shape).toEqual(swapped);
          }
        }),
      ),
      RUNS,
    );
    scope(() => {
      expect(() => permute(t([2, 3]), [0, 0])).toThrow(/not a permutation/);
    });
  });
});

describe('matmul shape rule', () => {
  it('[...batch, M, N] with broadcast batch dimensions and any transposes', () => {
    const arb = fc.tuple(compatiblePair, dim, dim, dim, fc.boolean(), fc.boolean());
    fc.assert(
      fc.property(arb, ([[aBatch, bBatch], m, k, n, transA, transB]) =>
        scope(() => {
          const a = t([...aBatch, ...(transA ? [k, m] : [m, k])]);
          const b = t([...bBatch, ...(transB ? [n, k] : [k, n])]);
          const out = runOp('matmul', [a, b], { transA, transB })[0]!;
          expect(out.shape).toEqual([...referenceBroadcastShape(aBatch, bBatch)!, m, n]);
          expect(matmul(a, b, { transA, transB }).shape).toEqual(out.shape);
        }),
      ),
      RUNS,
    );
  });

  it('different inner dimensions raise a ShapeError naming matmul and K', () => {
    const arb = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })).filter(([p, q]) => p !== q);
    fc.assert(
      fc.property(arb, ([ka, kb]) =>
        scope(() => {
          expect(() => matmul(t([3, ka]), t([kb, 2]))).toThrow(ShapeError);
          expect(() => matmul(t([3, ka]), t([kb, 2]))).toThrow(`K=${ka}`);
        }),
      ),
      RUNS,
    );
  });
});

describe('reduce shape rule', () => {
  it('drops the reduced axes, or keeps them as 1 with keepDims (max and min refuse an empty one)', () => {
    const arb = shapeArb(5).chain((shape) =>
      fc.tuple(fc.constant(shape), fc.subarray([...shape.keys()]), fc.boolean(), fc.constantFrom(...REDUCE_FNS), fc.boolean()),
    );
    fc.assert(
      fc.property(arb, ([shape, axes, keepDims, fn, negative]) =>
        scope(() => {
          const given = negative ? axes.map((a) => a - shape.length) : axes;
          if ((fn === 'max' || fn === 'min') && axes.some((a) => shape[a] === 0)) {
            expect(() => reduce(t(shape), fn, { axes: given, keepDims })).toThrow(ShapeError);
            return;
          }
          const out = reduce(t(shape), fn, { axes: given, keepDims });
          const expected = keepDims ? shape.map((d, i) => (axes.includes(i) ? 1 : d)) : shape.filter((_, i) => !axes.includes(i));
          expect(out.shape).toEqual(expected);
        }),
      ),
      RUNS,
    );
  });
});

describe('slice, pad and concat arithmetic', () => {
  it('slice keeps ends − starts on each axis (op level and Python-style indices)', () => {
    const arb = shapeArb().chain((shape) =>
      fc.tuple(
        fc.constant(shape),
        fc.tuple(
          ...shape.map((d) =>
            fc.tuple(fc.integer({ min: 0, max: d }), fc.integer({ min: 0, max: d })).map(([p, q]) => [Math.min(p, q), Math.max(p, q)] as const),
          ),
        ),
        fc.array(fc.integer({ min: -7, max: 7 }), { minLength: shape.length, maxLength: shape.length }),
        fc.array(fc.integer({ min: -7, max: 7 }), { minLength: shape.length, maxLength: shape.length }),
      ),
    );
    fc.assert(
      fc.property(arb, ([shape, ranges, begin, end]) =>
        scope(() => {
          const starts = ranges.map((r) => r[0]);
          const ends = ranges.map((r) => r[1]);
          expect(runOp('slice', [t(shape)], { starts, ends })[0]!.shape).toEqual(ends.map((e, i) => e - starts[i]!));
          // Python semantics: negative from the end, clamped to [0, d], empty when end ≤ start.
          const clamp = (v: number, d: number) => (v < 0 ? Math.max(0, v + d) : Math.min(v, d));
          const expected = shape.map((d, i) => Math.max(0, clamp(end[i]!, d) - clamp(begin[i]!, d)));
          expect(slice(t(shape), begin, end).shape).toEqual(expected);
        }),
      ),
      RUNS,
    );
  });

  it('pad adds before + after on each axis', () => {
    const arb = shapeArb().chain((shape) =>
      fc.tuple(
        fc.constant(shape),
        fc.array(fc.nat({ max: 3 }), { minLength: shape.length, maxLength: shape.length }),
        fc.array(fc.nat({ max: 3 }), { minLength: shape.length, maxLength: shape.length }),
      ),
    );
    fc.assert(
      fc.property(arb, ([shape, before, after]) =>
        scope(() => {
          expect(pad(t(shape), before, after).shape).toEqual(shape.map((d, i) => d + before[i]! + after[i]!));
        }),
      ),
      RUNS,
    );
  });

  it('concat sums the axis and requires the other dimensions to agree', () => {
    const arb = fc
      .array(dim, { minLength: 1, maxLength: 4 })
      .chain((shape) => fc.tuple(fc.constant(shape), fc.nat({ max: shape.length - 1 }), fc.array(dim, { minLength: 1, maxLength: 5 })));
    fc.assert(
      fc.property(arb, ([shape, axis, sizes]) =>
        scope(() => {
          const parts = sizes.map((s) => t(shape.map((d, i) => (i === axis ? s : d))));
          const expected = shape.map((d, i) => (i === axis ? sizes.reduce((a, s) => a + s, 0) : d));
          expect(concat(parts, axis).shape).toEqual(expected);
          const wrong = shape.map((d, i) => (i === axis ? d : d + 1));
          if (shape.length > 1) expect(() => concat([...parts, t(wrong)], axis)).toThrow(/differ outside axis/);
        }),
      ),
      RUNS,
    );
  });
});

describe('the meta device runs every shape rule without data', () => {
  it('keeps no live tensors after the properties', () => {
    expect(meta.memory.liveTensors).toBe(0);
    expect(meta.memory.allocated).toBe(0);
  });
});
