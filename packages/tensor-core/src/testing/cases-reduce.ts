/** Cases for reduce, argReduce, cumsum and matmul: axis sets, keepDims, empty axes, NaN/±Inf, long rows. */
import type { Device } from '../device.js';
import { fromArray } from '../creation.js';
import { runOp } from '../dispatch.js';
import { ShapeError } from '../errors.js';
import { REDUCE_FNS, type OpParams, type ReduceFn } from '../ops/op-params.js';
import { checkOp, defineCase, type CaseContext, type InputSpec, type OpTestCase } from './harness.js';
import { host, sizeOf, type HostTensor } from './host-tensor.js';
import { refArgReduce, refCumsum, refMatmul, refReduce } from './reference-reduce.js';

const AXIS_SETS_3D: number[][] = [[], [0], [1], [2], [0, 1], [0, 2], [1, 2], [0, 1, 2]];
const reducedCount = (shape: readonly number[], axes: readonly number[]) => sizeOf(axes.map((a) => shape[a]!));

/** Rows with NaN first, last and in the middle, ±Inf, and both infinities, for reductions along axis 1. */
const SPECIAL_ROWS = host(
  [7, 4],
  [
    [NaN, 1, 2, 3],
    [1, 2, 3, NaN],
    [1, NaN, Infinity, -Infinity],
    [1, Infinity, 2, 3],
    [-Infinity, 1, -2, 0],
    [Infinity, -Infinity, 0, 1],
    [-Infinity, -Infinity, -Infinity, -Infinity],
  ].flat(),
);

/**
 * Checks that max/min/argmax/argmin over an empty axis throw a ShapeError naming the op and the axis
 * (they have no identity; PyTorch raises too), on `device`, and leave no tensor behind.
 */
async function refusesEmpty(device: Device, x: HostTensor, params: OpParams<'reduce'> | OpParams<'argReduce'>): Promise<void> {
  const op = 'axes' in params ? 'reduce' : 'argReduce';
  const live = device.memory.liveTensors;
  const input = fromArray(new Float32Array(x.data), { shape: x.shape, device });
  let error: unknown = null;
  try {
    runOp(op, [input], params as never).forEach((t) => t.dispose());
  } catch (e) {
    error = e;
  }
  input.dispose();
  const what = `${op} ${params.fn} over an empty axis of [${x.shape.join(', ')}] on ${device.name}`;
  if (!(error instanceof ShapeError)) throw new Error(`${what}: expected a ShapeError, got ${error ? String(error) : 'a result'}`);
  if (!/is empty.*undefined/.test(error.message) || !error.message.includes(params.fn))
    throw new Error(`${what}: the error does not say what is wrong: ${error.message}`);
  if (device.memory.liveTensors !== live) throw new Error(`${what}: left ${device.memory.liveTensors - live} tensors alive`);
}

export function reduceCases(ctx: CaseContext): OpTestCase[] {
  const cases: OpTestCase[] = [];
  const check = async (device: Device, x: InputSpec, fn: ReduceFn, axes: number[], keepDims: boolean, label?: string) => {
    const params = { fn, axes, keepDims };
    const tolerance = ctx.tolerance('reduce', { fn, k: reducedCount(x.shape, axes) });
    await checkOp(device, { op: 'reduce', params, inputs: [x], expected: [refReduce(x, params)], tolerance, ...(label ? { label } : {}) });
  };
  for (const fn of REDUCE_FNS) {
    cases.push(
      defineCase(`reduce ${fn} axis sets and keepDims`, 'reduce', async (device, data) => {
        const x = data.f32([3, 5, 7]);
        for (const axes of AXIS_SETS_3D) for (const keepDims of [false, true]) await check(device, x, fn, axes, keepDims);
        await check(device, data.f32([]), fn, [], false, '0-d input');
      }),
      defineCase(`reduce ${fn} long rows and edge sizes`, 'reduce', async (device, data) => {
        await check(device, data.f32([4099]), fn, [0], false);
        await check(device, data.f32([1]), fn, [0], true);
        const m = data.f32([64, 65]);
        await check(device, m, fn, [0], false);
        await check(device, m, fn, [1], true);
        await check(device, data.f32([2, 1025]), fn, [1], false);
        await check(device, data.f32([3, 4099]), fn, [1], false);
        await check(device, { ...data.f32([5, 13]), offset: 3 }, fn, [1], false, 'offset view');
      }),
      fn === 'max' || fn === 'min'
        ? defineCase(`reduce ${fn} over an empty axis is refused; over one element it is that element`, 'reduce', async (device) => {
            await refusesEmpty(device, host([0], []), { fn, axes: [0], keepDims: false });
            await refusesEmpty(device, host([3, 0], []), { fn, axes: [1], keepDims: true });
            await refusesEmpty(device, host([0, 4], []), { fn, axes: [0, 1], keepDims: false });
            await check(device, host([0, 4], []), fn, [1], false, 'a non-empty axis of an empty tensor');
            await check(device, host([3, 1], [2, -1, NaN]), fn, [1], false, 'one-element axis');
          })
        : defineCase(`reduce ${fn} empty axes give the identity`, 'reduce', async (device) => {
            await check(device, host([0], []), fn, [0], false);
            await check(device, host([3, 0], []), fn, [1], true);
            await check(device, host([0, 4], []), fn, [0], false);
            await check(device, host([0, 4], []), fn, [1], false);
          }),
      defineCase(`reduce ${fn} NaN/Inf rows`, 'reduce', async (device) => {
        await check(device, SPECIAL_ROWS, fn, [1], false);
        await check(device, SPECIAL_ROWS, fn, [0, 1], false, 'whole tensor');
        if (fn === 'logsumexp') await check(device, host([2, 3], [1000, 1000, -1000, -1000, -1000, -1e30]), fn, [1], false, 'stability with large magnitudes');
      }),
    );
  }
  for (const fn of ['sum', 'max', 'min'] as const) {
    for (const dtype of ['i32', 'u32'] as const) {
      cases.push(
        defineCase(`reduce ${fn} ${dtype}`, 'reduce', async (device, data) => {
          const [lo, hi] = dtype === 'i32' ? [-(2 ** 31), 2 ** 31 - 1] : [0, 2 ** 32 - 1];
          // Full-range values: sums wrap around modulo 2^32; u32 maxima above 2^31 need an unsigned compare.
          const x = data.ints([3, 5, 7], lo, hi, dtype);
          for (const axes of [[0], [2], [0, 2], [0, 1, 2]]) await check(device, x, fn, axes, false);
          await check(device, data.ints([4099], lo, hi, dtype), fn, [0], true);
          if (fn === 'sum') await check(device, host([0, 3], [], dtype), fn, [0], false, 'empty sum is 0');
        }),
      );
    }
  }

  for (const fn of ['argmax', 'argmin'] as const) {
    cases.push(
      defineCase(`argReduce ${fn} axes, ties and keepDims`, 'argReduce', async (device, data) => {
        const checkArg = async (x: HostTensor, axis: number, keepDims: boolean, label?: string) => {
          const params = { fn, axis, keepDims };
          await checkOp(device, {
            op: 'argReduce',
            params,
            inputs: [x],
            expected: [refArgReduce(x, params)],
            tolerance: ctx.tolerance('argReduce'),
            ...(label ? { label } : {}),
          });
        };
        const ties = data.f32Ties([3, 5, 7], -2, 2);
        for (const axis of [0, 1, 2]) for (const keepDims of [false, true]) await checkArg(ties, axis, keepDims);
        await checkArg(data.f32([1]), 0, false);
        await checkArg(data.f32([65]), 0, false);
        await checkArg(data.f32([2, 4099]), 1, true);
        await checkArg(data.f32Ties([1025, 3], -5, 5), 0, false);
        // The first NaN wins for both argmax and argmin; ±Inf are ordinary extremes.
        await checkArg(SPECIAL_ROWS, 1, false, 'NaN/Inf rows');
        await checkArg(data.ints([4, 65], -(2 ** 31), 2 ** 31 - 1, 'i32'), 1, false, 'i32');
        await checkArg(data.ints([4, 65], 0, 2 ** 32 - 1, 'u32'), 1, false, 'u32 above 2^31');
        await checkArg(data.ints([5, 6], 0, 2, 'i32'), 0, false, 'i32 ties');
        await refusesEmpty(device, host([2, 0], []), { fn, axis: 1, keepDims: false });
      }),
    );
  }

  const scans: { shape: number[]; axis: number }[] = [
    { shape: [0], axis: 0 },
    { shape: [1], axis: 0 },
    { shape: [7], axis: 0 },
    { shape: [4, 5, 6], axis: 1 },
    { shape: [3, 300], axis: 1 },
    { shape: [300, 3], axis: 0 },
    { shape: [1100], axis: 0 },
    { shape: [2, 4099], axis: 1 },
    { shape: [0, 5], axis: 1 },
  ];
  for (const reverse of [false, true]) {
    for (const exclusive of [false, true]) {
      const tag = `reverse ${reverse} exclusive ${exclusive}`;
      cases.push(
        defineCase(`cumsum f32 ${tag}`, 'cumsum', async (device, data) => {
          for (const { shape, axis } of scans) {
            const x = data.f32(shape);
            const params = { axis, reverse, exclusive };
            await checkOp(device, {
              op: 'cumsum',
              params,
              inputs: [x],
              expected: [refCumsum(x, params)],
              tolerance: ctx.tolerance('cumsum', { k: shape[axis]! }),
            });
          }
          // NaN and ±Inf poison the sums that include them and no others.
          const x = host([2, 6], [1, 2, NaN, 3, 4, 5, 1, Infinity, 2, -Infinity, 3, 4]);
          const params = { axis: 1, reverse, exclusive };
          await checkOp(device, {
            op: 'cumsum',
            params,
            inputs: [x],
            expected: [refCumsum(x, params)],
            tolerance: ctx.tolerance('cumsum', { k: 6 }),
            label: 'NaN/Inf',
          });
        }),
        defineCase(`cumsum i32/u32 ${tag}`, 'cumsum', async (device, data) => {
          for (const x of [
            data.ints([3, 300], -1000, 1000, 'i32'),
            data.ints([1100], -(2 ** 31), 2 ** 31 - 1, 'i32'),
            data.ints([5, 7], 0, 2 ** 32 - 1, 'u32'),
          ]) {
            const params = { axis: x.shape.length - 1, reverse, exclusive };
            await checkOp(device, { op: 'cumsum', params, inputs: [x], expected: [refCumsum(x, params)], tolerance: ctx.tolerance('cumsum') });
          }
        }),
      );
    }
  }

  /** Physical shapes of a [..., M, K] and b [..., K, N] for the transpose flags. */
  const operandShapes = (aBatch: number[], bBatch: number[], m: number, k: number, n: number, transA: boolean, transB: boolean) => [
    [...aBatch, ...(transA ? [k, m] : [m, k])],
    [...bBatch, ...(transB ? [n, k] : [k, n])],
  ];
  const matmulShapes: { aBatch: number[]; bBatch: number[]; m: number; k: number; n: number }[] = [
    { aBatch: [], bBatch: [], m: 1, k: 1, n: 1 },
    { aBatch: [], bBatch: [], m: 2, k: 3, n: 4 },
    { aBatch: [], bBatch: [], m: 63, k: 64, n: 65 },
    { aBatch: [], bBatch: [], m: 65, k: 63, n: 64 },
    { aBatch: [], bBatch: [], m: 1, k: 257, n: 1 },
    { aBatch: [], bBatch: [], m: 5, k: 0, n: 3 },
    { aBatch: [], bBatch: [], m: 0, k: 4, n: 3 },
    { aBatch: [], bBatch: [], m: 3, k: 4, n: 0 },
    { aBatch: [2, 1], bBatch: [5], m: 3, k: 4, n: 2 },
    { aBatch: [7], bBatch: [], m: 3, k: 5, n: 2 },
    { aBatch: [], bBatch: [4], m: 3, k: 5, n: 2 },
    { aBatch: [1], bBatch: [6], m: 4, k: 33, n: 17 },
    { aBatch: [3], bBatch: [3], m: 1, k: 64, n: 1 },
  ];
  for (const transA of [false, true]) {
    for (const transB of [false, true]) {
      cases.push(
        defineCase(`matmul transA ${transA} transB ${transB}`, 'matmul', async (device, data) => {
          const params = { transA, transB };
          for (const { aBatch, bBatch, m, k, n } of matmulShapes) {
            const [sa, sb] = operandShapes(aBatch, bBatch, m, k, n, transA, transB);
            const a = data.f32(sa!);
            const b = data.f32(sb!);
            await checkOp(device, { op: 'matmul', params, inputs: [a, b], expected: [refMatmul(a, b, params)], tolerance: ctx.tolerance('matmul', { k }) });
          }
          const [sa, sb] = operandShapes([2], [], 5, 6, 7, transA, transB);
          const a = data.f32(sa!);
          const b = data.f32(sb!);
          await checkOp(device, {
            op: 'matmul',
            params,
            inputs: [
              { ...a, offset: 1 },
              { ...b, offset: 5 },
            ],
            expected: [refMatmul(a, b, params)],
            tolerance: ctx.tolerance('matmul', { k: 6 }),
            label: 'offset views',
          });
        }),
      );
    }
  }
  cases.push(
    defineCase('matmul NaN/Inf propagation', 'matmul', async (device) => {
      // A NaN poisons its row of the output; Inf·0 is NaN; Inf times a non-zero is ±Inf.
      const a = host([3, 2], [NaN, 1, 2, 3, Infinity, 0]);
      const b = host([2, 3], [0, 2, -3, 0, 1, -1]);
      const params = { transA: false, transB: false };
      await checkOp(device, { op: 'matmul', params, inputs: [a, b], expected: [refMatmul(a, b, params)], tolerance: ctx.tolerance('matmul', { k: 2 }) });
    }),
  );
  return cases;
}
