/** Cases for binary and binaryScalar: every BinaryFn, broadcasting, NaN/±Inf, integer wraparound and truncation. */
import { BINARY_FNS, type BinaryFn } from '../ops/op-params.js';
import { checkOp, defineCase, type CaseContext, type OpTestCase } from './harness.js';
import { host, type HostTensor } from './host-tensor.js';
import type { TestData } from './prng.js';
import { refBinary, refBinaryScalar } from './reference.js';

/** Same shapes, 0-d and size-1 axes, rank mismatch both ways, empty shapes, and sizes around 64. */
export const BROADCAST_PAIRS: readonly (readonly [number[], number[]])[] = [
  [[65], [65]],
  [[], [3, 4]],
  [[3, 4], []],
  [
    [3, 1],
    [1, 4],
  ],
  [[2, 3, 4], [4]],
  [[4], [2, 3, 4]],
  [
    [5, 1, 3],
    [4, 1],
  ],
  [
    [2, 1, 3, 1],
    [1, 5, 1, 2],
  ],
  [[0], [0]],
  [
    [0, 3],
    [1, 3],
  ],
  [[1], [0]],
  [[64, 65], [65]],
  [
    [64, 1],
    [1, 65],
  ],
  [[4099], [4099]],
];

/** Operands inside each function's domain: divisors away from 0, pow bases positive (GPU pow is exp2(y·log2 x)). */
function operands(fn: BinaryFn, a: readonly number[], b: readonly number[], data: TestData): [HostTensor, HostTensor] {
  if (fn === 'div') return [data.f32(a, -4, 4), data.f32AwayFromZero(b, 0.25, 4)];
  if (fn === 'pow') return [data.f32(a, 0.1, 4), data.f32(b, -3, 3)];
  if (fn === 'maximum' || fn === 'minimum') return [data.f32Ties(a), data.f32Ties(b)];
  return [data.f32(a, -4, 4), data.f32(b, -4, 4)];
}

/** (a, b) pairs whose IEEE result is well defined, per function. */
const SPECIAL_PAIRS: { [F in BinaryFn]: [number, number][] } = {
  add: [
    [NaN, 1],
    [1, NaN],
    [Infinity, 1],
    [Infinity, -Infinity],
    [-Infinity, -Infinity],
    [Infinity, Infinity],
    [-0, 0],
  ],
  sub: [
    [NaN, 0],
    [0, NaN],
    [Infinity, Infinity],
    [Infinity, -Infinity],
    [-Infinity, 1],
    [1, Infinity],
  ],
  mul: [
    [NaN, 0],
    [0, NaN],
    [Infinity, 0],
    [Infinity, -2],
    [-Infinity, -Infinity],
    [1e30, 1e30],
  ],
  div: [
    [1, 0],
    [-1, 0],
    [0, 0],
    [Infinity, Infinity],
    [1, Infinity],
    [NaN, 1],
    [1, NaN],
    [Infinity, 2],
  ],
  pow: [
    [NaN, 2],
    [2, NaN],
    [Infinity, 2],
    [0, 2],
    [0.5, Infinity],
    [2, -Infinity],
    [Infinity, -1],
    [4, 0.5],
  ],
  maximum: [
    [NaN, 1],
    [1, NaN],
    [NaN, NaN],
    [Infinity, 1],
    [-Infinity, 1],
    [NaN, Infinity],
    [-Infinity, NaN],
  ],
  minimum: [
    [NaN, 1],
    [1, NaN],
    [NaN, NaN],
    [Infinity, 1],
    [-Infinity, 1],
    [NaN, -Infinity],
    [Infinity, NaN],
  ],
};

const INT_FNS: readonly BinaryFn[] = ['add', 'sub', 'mul', 'div', 'maximum', 'minimum'];

function intOperands(fn: BinaryFn, dtype: 'i32' | 'u32', a: readonly number[], b: readonly number[], data: TestData): [HostTensor, HostTensor] {
  const [lo, hi] = dtype === 'i32' ? [-(2 ** 31), 2 ** 31 - 1] : [0, 2 ** 32 - 1];
  if (fn !== 'div') return [data.ints(a, lo, hi, dtype), data.ints(b, lo, hi, dtype)];
  // Division: small and large numerators, non-zero divisors of both signs (i32), truncation toward zero.
  const numerators = data.ints(a, dtype === 'i32' ? -1000 : 0, 1000, dtype);
  const divisor = data.ints(b, 1, 13, dtype);
  return [
    numerators,
    dtype === 'i32'
      ? host(
          divisor.shape,
          divisor.data.map((v, i) => (i % 2 ? -v : v)),
          'i32',
        )
      : divisor,
  ];
}

export function binaryCases(ctx: CaseContext): OpTestCase[] {
  const cases: OpTestCase[] = [];
  for (const fn of BINARY_FNS) {
    const tol = ctx.tolerance('binary', { fn });
    cases.push(
      defineCase(`binary ${fn} f32 broadcasting`, 'binary', async (device, data) => {
        for (const [sa, sb] of BROADCAST_PAIRS) {
          const [a, b] = operands(fn, sa, sb, data);
          await checkOp(device, { op: 'binary', params: { fn }, inputs: [a, b], expected: [refBinary(a, b, fn)], tolerance: tol });
        }
        const [a, b] = operands(fn, [3, 5], [5], data);
        await checkOp(device, {
          op: 'binary',
          params: { fn },
          inputs: [
            { ...a, offset: 1 },
            { ...b, offset: 2 },
          ],
          expected: [refBinary(a, b, fn)],
          tolerance: tol,
          label: 'offset views',
        });
      }),
      defineCase(`binary ${fn} f32 NaN/Inf`, 'binary', async (device) => {
        const pairs = SPECIAL_PAIRS[fn];
        const a = host(
          [pairs.length],
          pairs.map((p) => p[0]),
        );
        const b = host(
          [pairs.length],
          pairs.map((p) => p[1]),
        );
        await checkOp(device, { op: 'binary', params: { fn }, inputs: [a, b], expected: [refBinary(a, b, fn)], tolerance: tol });
        // A NaN scalar broadcast over a row.
        const nan = host([], [NaN]);
        // (pow: positive bases only; C's pow(1, NaN) is 1 but exp2(NaN·0) is NaN, so 1 is left out.)
        const row = host([5], fn === 'pow' ? [2, 0.5, 3, Infinity, 4] : [1, -1, 0, Infinity, 2]);
        await checkOp(device, { op: 'binary', params: { fn }, inputs: [row, nan], expected: [refBinary(row, nan, fn)], tolerance: tol, label: 'NaN scalar' });
      }),
    );
    if (!INT_FNS.includes(fn)) continue;
    for (const dtype of ['i32', 'u32'] as const) {
      cases.push(
        defineCase(`binary ${fn} ${dtype}`, 'binary', async (device, data) => {
          for (const [sa, sb] of [
            [[65], [65]],
            [
              [3, 1],
              [1, 4],
            ],
            [[2, 3, 4], [4]],
            [[0], [1]],
          ]) {
            const [a, b] = intOperands(fn, dtype, sa!, sb!, data);
            await checkOp(device, { op: 'binary', params: { fn }, inputs: [a, b], expected: [refBinary(a, b, fn)], tolerance: tol });
          }
          if (fn === 'div' && dtype === 'i32') {
            // −7/2 = −3 and 7/−2 = −3 (toward zero, not floor); INT_MIN / −1 wraps to INT_MIN.
            const a = host([6], [-7, 7, -7, 7, -2147483648, -1], 'i32');
            const b = host([6], [2, -2, -2, 2, -1, 3], 'i32');
            await checkOp(device, { op: 'binary', params: { fn }, inputs: [a, b], expected: [refBinary(a, b, fn)], tolerance: tol, label: 'truncation' });
          }
        }),
      );
    }
  }

  // binaryScalar: scalar values chosen per function, both operand orders.
  const SCALARS: { [F in BinaryFn]: number } = { add: 0.1, sub: -2.5, mul: 3, div: 0.7, pow: 2.5, maximum: 0.25, minimum: -0.25 };
  for (const fn of BINARY_FNS) {
    for (const reverse of [false, true]) {
      const tol = ctx.tolerance('binaryScalar', { fn });
      cases.push(
        defineCase(`binaryScalar ${fn} reverse ${reverse} f32`, 'binaryScalar', async (device, data) => {
          const scalar = fn === 'pow' && reverse ? 1.7 : SCALARS[fn];
          const input = (shape: number[]) =>
            fn === 'pow' && !reverse
              ? data.f32(shape, 0.1, 4)
              : fn === 'div' && reverse
                ? data.f32AwayFromZero(shape, 0.25, 4)
                : fn === 'pow'
                  ? data.f32(shape, -3, 3)
                  : data.f32(shape, -4, 4);
          for (const [shape, offset] of [
            [[0], 0],
            [[1], 0],
            [[65], 0],
            [[3, 5, 7], 2],
            [[4099], 0],
          ] as const) {
            const a = input([...shape]);
            const params = { fn, scalar, reverse };
            await checkOp(device, { op: 'binaryScalar', params, inputs: [{ ...a, offset }], expected: [refBinaryScalar(a, params)], tolerance: tol });
          }
          if (fn !== 'pow') {
            const a = host([5], [NaN, Infinity, -Infinity, 0, 1]);
            const params = { fn, scalar: fn === 'div' ? 2 : scalar, reverse };
            await checkOp(device, {
              op: 'binaryScalar',
              params,
              inputs: [a],
              expected: [refBinaryScalar(a, params)],
              tolerance: tol,
              label: 'NaN/Inf operand',
            });
          }
          if (fn === 'div' && !reverse) {
            const a = host([3], [1, -1, 0]);
            const params = { fn, scalar: 0, reverse };
            await checkOp(device, {
              op: 'binaryScalar',
              params,
              inputs: [a],
              expected: [refBinaryScalar(a, params)],
              tolerance: tol,
              label: 'division by a zero scalar',
            });
          }
        }),
      );
    }
  }
  const INT_SCALARS: { [F in BinaryFn]?: { i32: number; u32: number } } = {
    add: { i32: 2147483647, u32: 4294967295 },
    sub: { i32: -2147483648, u32: 5 },
    mul: { i32: -3, u32: 65536 },
    div: { i32: -3, u32: 7 },
    maximum: { i32: -5, u32: 2147483648 },
    minimum: { i32: 5, u32: 3000000000 },
  };
  for (const dtype of ['i32', 'u32'] as const) {
    for (const fn of INT_FNS) {
      for (const reverse of [false, true]) {
        cases.push(
          defineCase(`binaryScalar ${fn} reverse ${reverse} ${dtype}`, 'binaryScalar', async (device, data) => {
            const [lo, hi] = dtype === 'i32' ? [-(2 ** 31), 2 ** 31 - 1] : [0, 2 ** 32 - 1];
            let a = fn === 'div' ? data.ints([65], dtype === 'i32' ? -1000 : 0, 1000, dtype) : data.ints([65], lo, hi, dtype);
            // Reverse division divides by the tensor: keep it non-zero.
            if (fn === 'div' && reverse)
              a = host(
                a.shape,
                a.data.map((v) => v || 1),
                dtype,
              );
            const params = { fn, scalar: INT_SCALARS[fn]![dtype], reverse };
            await checkOp(device, {
              op: 'binaryScalar',
              params,
              inputs: [a],
              expected: [refBinaryScalar(a, params)],
              tolerance: ctx.tolerance('binaryScalar', { fn }),
            });
          }),
        );
      }
    }
  }
  return cases;
}
