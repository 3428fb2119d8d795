/** Cases for the layout ops: permute, concat, slice, pad, setSlice, expand, in every dtype. */
import type { DType } from '../dtype.js';
import { checkOp, defineCase, type CaseContext, type OpTestCase } from './harness.js';
import type { HostTensor } from './host-tensor.js';
import type { TestData } from './prng.js';
import { refConcat, refExpand, refPad, refPermute, refSetSlice, refSlice } from './reference-layout.js';

/** bool matters on its own: a device that packs four bools to a word must handle odd sizes and offsets. */
const DTYPES: readonly DType[] = ['f32', 'i32', 'u32', 'bool'];

function values(data: TestData, shape: readonly number[], dtype: DType): HostTensor {
  switch (dtype) {
    case 'f32':
      return data.sprinkle(data.f32(shape), [NaN, -Infinity], 11);
    case 'i32':
      return data.ints(shape, -(2 ** 31), 2 ** 31 - 1, 'i32');
    case 'u32':
      return data.ints(shape, 0, 2 ** 32 - 1, 'u32');
    case 'bool':
      return data.bools(shape);
  }
}

const PERMS_3D = [
  [0, 1, 2],
  [0, 2, 1],
  [1, 0, 2],
  [1, 2, 0],
  [2, 0, 1],
  [2, 1, 0],
];

export function layoutCases(ctx: CaseContext): OpTestCase[] {
  const cases: OpTestCase[] = [];
  const exact = (op: Parameters<CaseContext['tolerance']>[0]) => ctx.tolerance(op);
  for (const dtype of DTYPES) {
    cases.push(
      defineCase(`permute ${dtype}`, 'permute', async (device, data) => {
        const run = async (x: HostTensor, perm: number[], offset = 0) =>
          checkOp(device, { op: 'permute', params: { perm }, inputs: [{ ...x, offset }], expected: [refPermute(x, { perm })], tolerance: exact('permute') });
        const x3 = values(data, [2, 3, 5], dtype);
        for (const perm of PERMS_3D) await run(x3, perm);
        await run(values(data, [], dtype), []);
        await run(values(data, [65], dtype), [0]);
        await run(values(data, [0, 3], dtype), [1, 0]);
        await run(values(data, [64, 65], dtype), [1, 0]);
        await run(values(data, [2, 3, 1, 4, 2], dtype), [4, 2, 0, 3, 1]);
        await run(values(data, [3, 7], dtype), [1, 0], 3);
      }),
      defineCase(`concat ${dtype}`, 'concat', async (device, data) => {
        const run = async (xs: HostTensor[], axis: number) =>
          checkOp(device, { op: 'concat', params: { axis }, inputs: xs, expected: [refConcat(xs, { axis })], tolerance: exact('concat') });
        await run([values(data, [2, 3, 4], dtype), values(data, [1, 3, 4], dtype), values(data, [0, 3, 4], dtype), values(data, [3, 3, 4], dtype)], 0);
        await run([values(data, [2, 1, 4], dtype), values(data, [2, 5, 4], dtype)], 1);
        await run([values(data, [2, 3, 3], dtype), values(data, [2, 3, 1], dtype), values(data, [2, 3, 5], dtype)], 2);
        await run([values(data, [7], dtype)], 0);
        await run([values(data, [3], dtype), values(data, [5], dtype), values(data, [1], dtype), values(data, [7], dtype), values(data, [2], dtype)], 0);
        await run([values(data, [63, 3], dtype), values(data, [65, 3], dtype)], 0);
        await run([values(data, [0, 2], dtype), values(data, [0, 3], dtype)], 1);
      }),
      defineCase(`slice ${dtype}`, 'slice', async (device, data) => {
        const run = async (x: HostTensor, starts: number[], ends: number[], offset = 0) =>
          checkOp(device, {
            op: 'slice',
            params: { starts, ends },
            inputs: [{ ...x, offset }],
            expected: [refSlice(x, { starts, ends })],
            tolerance: exact('slice'),
          });
        const x = values(data, [5, 6, 7], dtype);
        await run(x, [1, 2, 3], [4, 5, 6]);
        await run(x, [0, 0, 0], [5, 6, 7]);
        await run(x, [2, 0, 1], [2, 6, 7]);
        await run(x, [4, 5, 6], [5, 6, 7]);
        await run(x, [0, 1, 0], [5, 2, 7]);
        await run(values(data, [65], dtype), [3], [64]);
        await run(values(data, [64, 65], dtype), [1, 1], [63, 64]);
        await run(values(data, [13], dtype), [1], [10], 3);
        await run(values(data, [], dtype), [], []);
      }),
      defineCase(`pad ${dtype}`, 'pad', async (device, data) => {
        const padValue = dtype === 'f32' ? -1.5 : dtype === 'u32' ? 4000000000 : dtype === 'bool' ? 1 : -7;
        const run = async (x: HostTensor, before: number[], after: number[], value = padValue) =>
          checkOp(device, {
            op: 'pad',
            params: { before, after, value },
            inputs: [x],
            expected: [refPad(x, { before, after, value })],
            tolerance: exact('pad'),
          });
        await run(values(data, [3, 4], dtype), [1, 2], [3, 0]);
        await run(values(data, [2, 3, 4], dtype), [0, 1, 0], [0, 0, 5]);
        await run(values(data, [0, 3], dtype), [2, 1], [1, 1]);
        await run(values(data, [65], dtype), [63], [1], 0);
        await run(values(data, [5], dtype), [0], [0]);
        await run(values(data, [], dtype), [], []);
        if (dtype === 'f32') await run(values(data, [3], dtype), [1], [1], NaN);
      }),
      defineCase(`setSlice ${dtype}`, 'setSlice', async (device, data) => {
        const run = async (dst: HostTensor, src: HostTensor, starts: number[], dstOffset = 0, label?: string) =>
          checkOp(device, {
            op: 'setSlice',
            params: { starts },
            inputs: [{ ...dst, offset: dstOffset }, src],
            expected: [refSetSlice(dst, src, { starts })],
            tolerance: exact('setSlice'),
            ...(label ? { label } : {}),
          });
        await run(values(data, [5, 6], dtype), values(data, [2, 3], dtype), [1, 2]);
        await run(values(data, [5, 6], dtype), values(data, [5, 6], dtype), [0, 0]);
        await run(values(data, [5, 6], dtype), values(data, [0, 3], dtype), [5, 1]);
        await run(values(data, [2, 9, 4], dtype), values(data, [2, 1, 4], dtype), [0, 8, 0], 0, 'KV-cache row');
        await run(values(data, [4, 65], dtype), values(data, [3, 63], dtype), [1, 1]);
        await run(values(data, [11], dtype), values(data, [5], dtype), [3], 3, 'dst is an offset view');
      }),
      defineCase(`expand ${dtype}`, 'expand', async (device, data) => {
        const run = async (x: HostTensor, shape: number[], offset = 0) =>
          checkOp(device, { op: 'expand', params: { shape }, inputs: [{ ...x, offset }], expected: [refExpand(x, { shape })], tolerance: exact('expand') });
        await run(values(data, [3, 1], dtype), [2, 3, 4]);
        await run(values(data, [], dtype), [5]);
        await run(values(data, [1], dtype), [0]);
        await run(values(data, [4], dtype), [3, 4]);
        await run(values(data, [2, 3], dtype), [2, 3]);
        await run(values(data, [1, 65], dtype), [64, 65], 1);
        await run(values(data, [5, 1, 3], dtype), [2, 5, 7, 3]);
      }),
    );
  }
  return cases;
}
