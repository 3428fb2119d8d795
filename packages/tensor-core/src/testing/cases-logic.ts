/** Cases for compare, logical, logicalNot and where: broadcasting, ties, NaN, unsigned order, every dtype. */
import { COMPARE_FNS, LOGICAL_FNS } from '../ops/op-params.js';
import { BROADCAST_PAIRS } from './cases-binary.js';
import { checkOp, defineCase, type CaseContext, type OpTestCase } from './harness.js';
import { host } from './host-tensor.js';
import { refCompare, refLogical, refLogicalNot, refWhere } from './reference.js';

export function logicCases(ctx: CaseContext): OpTestCase[] {
  const cases: OpTestCase[] = [];
  const exact = ctx.tolerance('compare');
  for (const fn of COMPARE_FNS) {
    cases.push(
      defineCase(`compare ${fn} f32 broadcasting with ties`, 'compare', async (device, data) => {
        for (const [sa, sb] of BROADCAST_PAIRS) {
          const a = data.f32Ties(sa, -2, 2);
          const b = data.f32Ties(sb, -2, 2);
          await checkOp(device, { op: 'compare', params: { fn }, inputs: [a, b], expected: [refCompare(a, b, fn)], tolerance: exact });
        }
      }),
      defineCase(`compare ${fn} f32 NaN/Inf/signed zero`, 'compare', async (device) => {
        // NaN compares false except `ne`; −0 equals 0.
        const a = host([9], [NaN, 1, NaN, Infinity, -Infinity, Infinity, -0, 1, -Infinity]);
        const b = host([9], [1, NaN, NaN, Infinity, Infinity, 1e30, 0, 1.0000001, -3e38]);
        await checkOp(device, { op: 'compare', params: { fn }, inputs: [a, b], expected: [refCompare(a, b, fn)], tolerance: exact });
      }),
      defineCase(`compare ${fn} integer and bool dtypes`, 'compare', async (device, data) => {
        // i32 around the sign, u32 above 2^31 (an unsigned order, not a signed one), bool with broadcasting.
        const i32a = host([6], [-2147483648, -1, 0, 5, 2147483647, 7], 'i32');
        const i32b = host([6], [2147483647, 0, 0, -5, -2147483648, 7], 'i32');
        const u32a = host([6], [0, 2147483648, 4294967295, 5, 3000000000, 1], 'u32');
        const u32b = host([6], [4294967295, 1, 4294967295, 2147483649, 2147483647, 1], 'u32');
        const bools = [data.bools([3, 1]), data.bools([1, 4])];
        for (const [a, b] of [[i32a, i32b], [u32a, u32b], [data.ints([3, 65], -3, 3), data.ints([65], -3, 3)], bools] as const) {
          await checkOp(device, { op: 'compare', params: { fn }, inputs: [a, b], expected: [refCompare(a, b, fn)], tolerance: exact });
        }
      }),
    );
  }

  for (const fn of LOGICAL_FNS) {
    cases.push(
      defineCase(`logical ${fn}`, 'logical', async (device, data) => {
        for (const [sa, sb] of BROADCAST_PAIRS) {
          const a = data.bools(sa);
          const b = data.bools(sb);
          await checkOp(device, { op: 'logical', params: { fn }, inputs: [a, b], expected: [refLogical(a, b, fn)], tolerance: exact });
        }
        // Odd lengths at odd offsets: a device that packs bools four to a word must mask partial words.
        const a = data.bools([13]);
        const b = data.bools([13]);
        await checkOp(device, {
          op: 'logical',
          params: { fn },
          inputs: [
            { ...a, offset: 1 },
            { ...b, offset: 3 },
          ],
          expected: [refLogical(a, b, fn)],
          tolerance: exact,
          label: 'offset views',
        });
      }),
    );
  }

  cases.push(
    defineCase('logicalNot', 'logicalNot', async (device, data) => {
      for (const shape of [[], [0], [1], [3], [63], [64], [65], [3, 5, 7], [4099]]) {
        const a = data.bools(shape);
        await checkOp(device, { op: 'logicalNot', params: {}, inputs: [a], expected: [refLogicalNot(a)], tolerance: exact });
      }
      const a = data.bools([7]);
      await checkOp(device, {
        op: 'logicalNot',
        params: {},
        inputs: [{ ...a, offset: 2 }],
        expected: [refLogicalNot(a)],
        tolerance: exact,
        label: 'offset view',
      });
    }),
  );

  const whereShapes: (readonly [number[], number[], number[]])[] = [
    [[65], [65], [65]],
    [[], [3, 4], [3, 4]],
    [[3, 1], [1, 4], []],
    [[2, 3, 4], [4], [3, 1]],
    [
      [4, 1, 1],
      [1, 5, 1],
      [1, 1, 6],
    ],
    [[0, 3], [3], [1, 3]],
    [[64, 65], [64, 65], [65]],
  ];
  for (const dtype of ['f32', 'i32', 'u32', 'bool'] as const) {
    cases.push(
      defineCase(`where ${dtype} broadcasting`, 'where', async (device, data) => {
        const values = (shape: number[]) =>
          dtype === 'f32'
            ? data.sprinkle(data.f32(shape), [NaN, Infinity], 5)
            : dtype === 'bool'
              ? data.bools(shape)
              : data.ints(shape, dtype === 'i32' ? -(2 ** 31) : 0, dtype === 'i32' ? 2 ** 31 - 1 : 2 ** 32 - 1, dtype);
        for (const [sc, sa, sb] of whereShapes) {
          const c = data.bools(sc);
          const a = values(sa);
          const b = values(sb);
          await checkOp(device, { op: 'where', params: {}, inputs: [c, a, b], expected: [refWhere(c, a, b)], tolerance: ctx.tolerance('where') });
        }
      }),
    );
  }
  return cases;
}
