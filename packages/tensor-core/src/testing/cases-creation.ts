/** Cases for the ops that create tensors (fill, arange, random), cast and copy. */
import type { DType } from '../dtype.js';
import { checkOp, defineCase, type CaseContext, type OpTestCase } from './harness.js';
import { host } from './host-tensor.js';
import { refArange, refCast, refDropoutMask, refFill, refRandomNormal, refRandomUniform } from './reference.js';

/** Sizes that straddle workgroup and vector widths, plus one large-ish, odd one. */
const SIZES = [0, 1, 3, 63, 64, 65, 4099];
/** Seeds and offsets above 2^32 exercise both words of the Philox key and counter. */
const RNG_STATES = [
  { seed: 0, offset: 0 },
  { seed: 1234, offset: 7 },
  { seed: 2 ** 40 + 123, offset: 2 ** 33 + 5 },
];

export function creationCases(ctx: CaseContext): OpTestCase[] {
  const cases: OpTestCase[] = [];

  const fills: { dtype: DType; value: number }[] = [
    { dtype: 'f32', value: 0.1 },
    { dtype: 'f32', value: -0 },
    { dtype: 'f32', value: NaN },
    { dtype: 'f32', value: -Infinity },
    { dtype: 'i32', value: -7 },
    { dtype: 'i32', value: 2147483647 },
    { dtype: 'u32', value: 4000000000 },
    { dtype: 'bool', value: 2 },
    { dtype: 'bool', value: 0 },
  ];
  for (const { dtype, value } of fills) {
    cases.push(
      defineCase(`fill ${dtype} ${Object.is(value, -0) ? '-0' : value}`, 'fill', async (device) => {
        for (const shape of [[], [0], [1], [65], [3, 5, 7], [4099]]) {
          const params = { shape, dtype, value };
          await checkOp(device, { op: 'fill', params, inputs: [], expected: [refFill(params)], tolerance: ctx.tolerance('fill') });
        }
      }),
    );
  }

  const aranges: { dtype: DType; start: number; step: number }[] = [
    { dtype: 'f32', start: -3.5, step: 0.25 },
    { dtype: 'f32', start: 1, step: 0.1 },
    { dtype: 'i32', start: -5, step: 3 },
    { dtype: 'i32', start: 100, step: -1 },
    { dtype: 'u32', start: 0, step: 7 },
  ];
  for (const { dtype, start, step } of aranges) {
    cases.push(
      defineCase(`arange ${dtype} start ${start} step ${step}`, 'arange', async (device) => {
        for (const n of [0, 1, 65, 4099]) {
          const params = { n, start, step, dtype };
          await checkOp(device, { op: 'arange', params, inputs: [], expected: [refArange(params)], tolerance: ctx.tolerance('arange') });
        }
      }),
    );
  }

  for (const state of RNG_STATES) {
    const tag = `seed ${state.seed} offset ${state.offset}`;
    cases.push(
      defineCase(`randomUniform ${tag}`, 'randomUniform', async (device) => {
        for (const shape of [[0], [1], [3], [5, 13], [4099]]) {
          const params = { shape, ...state, low: -2, high: 3 };
          await checkOp(device, { op: 'randomUniform', params, inputs: [], expected: [refRandomUniform(params)], tolerance: ctx.tolerance('randomUniform') });
        }
      }),
      defineCase(`randomNormal ${tag}`, 'randomNormal', async (device) => {
        for (const shape of [[0], [1], [3], [5, 13], [4099]]) {
          const params = { shape, ...state, mean: 1.5, std: 0.5 };
          await checkOp(device, { op: 'randomNormal', params, inputs: [], expected: [refRandomNormal(params)], tolerance: ctx.tolerance('randomNormal') });
        }
      }),
    );
    for (const p of [0, 0.1, 0.5, 1]) {
      cases.push(
        defineCase(`dropoutMask p ${p} ${tag}`, 'dropoutMask', async (device) => {
          for (const shape of [[0], [1], [7], [64, 65]]) {
            const params = { shape, p, ...state };
            await checkOp(device, { op: 'dropoutMask', params, inputs: [], expected: [refDropoutMask(params)], tolerance: ctx.tolerance('dropoutMask') });
          }
        }),
      );
    }
  }

  // Casts, with the values each conversion is defined for (negative floats only into i32).
  const f32Special = [0, -0, 0.4, -0.4, 0.5, 1.5, -1.5, 2.9999, -2.9999, 1e6 + 0.5, -123456.7, NaN];
  const casts: { from: DType; to: DType; values: number[] }[] = [
    { from: 'f32', to: 'i32', values: f32Special },
    { from: 'f32', to: 'u32', values: [0, 0.4, 0.99, 1.5, 7.9, 65535.5, 4e9, NaN] },
    { from: 'f32', to: 'bool', values: [0, -0, 1, -1, 1e-30, Infinity, -Infinity, NaN] },
    { from: 'f32', to: 'f32', values: [0, -1.5, Infinity, NaN, 3.4e38] },
    { from: 'i32', to: 'f32', values: [0, 1, -1, 2 ** 24 + 1, -(2 ** 31), 2 ** 31 - 1, 123456789] },
    { from: 'i32', to: 'u32', values: [0, 1, 7, 2 ** 31 - 1] },
    { from: 'i32', to: 'bool', values: [0, 1, -1, -(2 ** 31), 5] },
    { from: 'u32', to: 'f32', values: [0, 1, 2 ** 24 + 1, 2 ** 32 - 1, 3e9] },
    { from: 'u32', to: 'i32', values: [0, 1, 2 ** 31 - 1, 12345] },
    { from: 'u32', to: 'bool', values: [0, 1, 2 ** 32 - 1, 2 ** 31] },
    { from: 'bool', to: 'f32', values: [0, 1, 1, 0, 1] },
    { from: 'bool', to: 'i32', values: [0, 1, 1, 0, 1] },
    { from: 'bool', to: 'u32', values: [1, 0, 1, 1, 0] },
    { from: 'bool', to: 'bool', values: [1, 0, 1, 1, 0] },
  ];
  for (const { from, to, values } of casts) {
    cases.push(
      defineCase(`cast ${from} → ${to}`, 'cast', async (device) => {
        // The listed edge values, then the same values tiled to 65 elements at an odd offset.
        const tiled = Array.from({ length: 65 }, (_, i) => values[i % values.length]!);
        for (const [x, offset] of [
          [host([values.length], values, from), 0],
          [host([5, 13], tiled, from), 3],
        ] as const) {
          const x32 = from === 'f32' ? host(x.shape, x.data.map(Math.fround), 'f32') : x;
          await checkOp(device, {
            op: 'cast',
            params: { dtype: to },
            inputs: [{ ...x32, offset }],
            expected: [refCast(x32, to)],
            tolerance: ctx.tolerance('cast'),
          });
        }
        const empty = host([0, 3], [], from);
        await checkOp(device, { op: 'cast', params: { dtype: to }, inputs: [empty], expected: [refCast(empty, to)], tolerance: ctx.tolerance('cast') });
      }),
    );
  }

  for (const dtype of ['f32', 'i32', 'u32', 'bool'] as const) {
    cases.push(
      defineCase(`copy ${dtype}`, 'copy', async (device, data) => {
        for (const size of SIZES) {
          const x =
            dtype === 'f32'
              ? data.sprinkle(data.f32([size]), [NaN, Infinity, -Infinity, -0], 7)
              : dtype === 'bool'
                ? data.bools([size])
                : data.ints([size], dtype === 'i32' ? -(2 ** 31) : 0, dtype === 'i32' ? 2 ** 31 - 1 : 2 ** 32 - 1, dtype);
          for (const offset of [0, 1, 5]) {
            await checkOp(device, { op: 'copy', params: {}, inputs: [{ ...x, offset }], expected: [x], tolerance: ctx.tolerance('copy') });
          }
        }
        const x3 = dtype === 'f32' ? data.f32([3, 5, 7]) : dtype === 'bool' ? data.bools([3, 5, 7]) : data.ints([3, 5, 7], 0, 100, dtype);
        await checkOp(device, { op: 'copy', params: {}, inputs: [x3], expected: [x3], tolerance: ctx.tolerance('copy') });
      }),
    );
  }
  return cases;
}
