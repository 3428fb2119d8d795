import { describe, expect, it } from 'vitest';
import { BINARY_FNS, fromArray, UNARY_FNS, type Tensor, type UnaryFn } from '@lightattn/tensor-core';
import { param } from './functional.js';
import { gradcheck, randomInput } from './gradcheck.js';
import { binary, cast, clone, maximum, minimum, unary, where } from './ops-elementwise.js';
import { sum } from './ops-reduce.js';

/** Inputs where each function is smooth: positive for sqrt/log/…, away from the kinks of abs/relu/elu, off integers for floor/ceil. */
const UNARY_INPUT: Record<UnaryFn, { low?: number; high?: number; minAbs?: number }> = {
  neg: {},
  abs: { minAbs: 0.1 },
  sign: { minAbs: 0.1 },
  square: {},
  sqrt: { low: 0.2, high: 2 },
  rsqrt: { low: 0.2, high: 2 },
  reciprocal: { minAbs: 0.3 },
  exp: {},
  log: { low: 0.2, high: 2 },
  log1p: { low: -0.5, high: 2 },
  sin: { low: -3, high: 3 },
  cos: { low: -3, high: 3 },
  tanh: { low: -2, high: 2 },
  sigmoid: { low: -3, high: 3 },
  relu: { minAbs: 0.1 },
  gelu: { low: -3, high: 3 },
  gelu_erf: { low: -3, high: 3 },
  elu: { minAbs: 0.1 },
  silu: { low: -3, high: 3 },
  floor: { low: 0.1, high: 0.9 },
  ceil: { low: 1.1, high: 1.9 },
};

describe('gradient rules: unary', () => {
  it.each(UNARY_FNS.map((fn) => [fn]))('%s passes gradcheck', async (fn) => {
    await gradcheck((x) => unary(x, fn), [randomInput([2, 3], { seed: 3, ...UNARY_INPUT[fn] })]);
  });

  it('handles size 0 and size 1', async () => {
    await gradcheck((x) => unary(x, 'tanh'), [randomInput([0, 3])]);
    await gradcheck((x) => unary(x, 'gelu'), [randomInput([1])]);
    await gradcheck((x) => unary(x, 'gelu_erf'), [randomInput([1])]);
  });
});

/** Inputs for each binary function: pow needs a positive base; maximum/minimum need no ties. */
const BINARY_INPUTS = {
  add: [{}, {}],
  sub: [{}, {}],
  mul: [{}, {}],
  div: [{}, { minAbs: 0.5 }],
  pow: [
    { low: 0.3, high: 2 },
    { low: -2, high: 2 },
  ],
  maximum: [{}, {}],
  minimum: [{}, {}],
} as const;

describe('gradient rules: binary with broadcasting', () => {
  const shapes: [number[], number[]][] = [
    [
      [2, 3],
      [2, 3],
    ],
    [[2, 3], [3]],
    [
      [4, 1],
      [1, 3],
    ],
    [
      [2, 1, 3],
      [4, 1],
    ],
    [[], [2, 2]],
  ];
  for (const fn of BINARY_FNS) {
    it.each(shapes)(`${fn} %j with %j passes gradcheck`, async (a, b) => {
      const [oa, ob] = BINARY_INPUTS[fn];
      await gradcheck((x, y) => binary(x, y, fn), [randomInput(a, { seed: 5, ...oa }), randomInput(b, { seed: 6, ...ob })]);
    });
  }

  it('splits the gradient evenly between tied operands of maximum and minimum', () => {
    for (const op of [maximum, minimum]) {
      const a = param(fromArray([1, 2, 3]));
      const b = param(fromArray([1, 5, 0]));
      sum(op(a, b)).backward();
      const max = op === maximum;
      expect(Array.from(a.grad!.toArraySync())).toEqual([0.5, max ? 0 : 1, max ? 1 : 0]);
      expect(Array.from(b.grad!.toArraySync())).toEqual([0.5, max ? 1 : 0, max ? 0 : 1]);
    }
  });

  it('pow has gradient 0, not NaN, at a zero exponent and a zero base', () => {
    const a = param(fromArray([0, 2]));
    const b = param(fromArray([0, 1]));
    sum(binary(a, b, 'pow')).backward();
    expect(Array.from(a.grad!.toArraySync())).toEqual([0, 1]);
    expect(Array.from(b.grad!.toArraySync())[0]).toBe(0);
  });
});

describe('gradient rules: binary with a scalar', () => {
  const cases: [string, number, boolean, { low?: number; high?: number; minAbs?: number }][] = [
    ['add', 1.5, false, {}],
    ['add', 1.5, true, {}],
    ['sub', 2, false, {}],
    ['sub', 2, true, {}],
    ['mul', -3, false, {}],
    ['mul', -3, true, {}],
    ['div', 4, false, {}],
    ['div', 4, true, { minAbs: 0.4 }],
    ['pow', 3, false, {}],
    ['pow', 0.5, false, { low: 0.2, high: 2 }],
    ['pow', 0, false, {}],
    ['pow', 2.5, true, {}],
    ['pow', 0, true, { low: 0.2, high: 1 }],
    ['maximum', 0.1, false, {}],
    ['minimum', 0.1, true, {}],
  ];
  it.each(cases)('%s with %d (reverse %s) passes gradcheck', async (fn, s, reverse, range) => {
    const f = (x: Tensor) => (reverse ? binary(s, x, fn as 'add') : binary(x, s, fn as 'add'));
    await gradcheck(f, [randomInput([3, 2], { seed: 8, ...range })]);
  });
});

describe('gradient rules: where, cast, copy', () => {
  it('where passes gradcheck in both branches, with broadcasting', async () => {
    const cond = { data: [1, 0, 1, 1, 0, 0], shape: [2, 3], dtype: 'bool' as const };
    await gradcheck((c, a, b) => where(c!, a!, b!), [cond, randomInput([2, 3], { seed: 1 }), randomInput([3], { seed: 2 })]);
    await gradcheck((c, a, b) => where(c!, a!, b!), [{ data: [1, 0, 1], shape: [3], dtype: 'bool' }, randomInput([2, 1]), randomInput([])]);
  });

  it('cast f32 → f32 and copy pass the gradient through; casts to integers do not require grad', async () => {
    await gradcheck((x) => cast(x, 'f32'), [randomInput([4])]);
    await gradcheck((x) => clone(x), [randomInput([2, 2])]);
    const i = cast(param(fromArray([1.5, -2.5])), 'i32');
    expect(i.requiresGrad).toBe(false);
  });
});
