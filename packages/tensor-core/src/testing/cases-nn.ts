/** Cases for the softmax family, layer norm, gather/scatterAdd, cross-entropy and AdamW. */
import type { Device } from '../device.js';
import { checkOp, defineCase, type CaseContext, type OpTestCase } from './harness.js';
import { host, sizeOf, storeAs, type HostTensor } from './host-tensor.js';
import type { TestData } from './prng.js';
import {
  refAdamwStep,
  refCrossEntropy,
  refCrossEntropyBackward,
  refGather,
  refLayerNorm,
  refLayerNormBackward,
  refLogSoftmax,
  refLogSoftmaxBackward,
  refScatterAdd,
  refSoftmax,
  refSoftmaxBackward,
} from './reference-nn.js';

/** What a device holds after a reference result is stored: f32-rounded (so it can feed the next op). */
const asStored = (t: HostTensor): HostTensor =>
  host(
    t.shape,
    t.data.map((v) => storeAs(v, t.dtype)),
    t.dtype,
  );

/** Inner, outer and middle axes; a row longer than a 256-wide workgroup; 1000+ elements; empty shapes. */
const SOFTMAX_SHAPES: { shape: number[]; axis: number }[] = [
  { shape: [4, 65], axis: 1 },
  { shape: [65, 4], axis: 0 },
  { shape: [3, 5, 7], axis: 1 },
  { shape: [1], axis: 0 },
  { shape: [2, 1025], axis: 1 },
  { shape: [1100, 2], axis: 0 },
  { shape: [0, 5], axis: 1 },
  { shape: [3, 0], axis: 1 },
];

/** Large magnitudes (stability), −Inf entries (masked positions), a fully masked row (NaN), a NaN row. */
const SOFTMAX_SPECIAL = host(
  [5, 4],
  [
    [1000, 1001, 999, -1000],
    [-Infinity, 0, 1, -Infinity],
    [-Infinity, -Infinity, -Infinity, -Infinity],
    [1, NaN, 2, 3],
    [-1e30, 0, 88, 89],
  ].flat(),
);

export function nnCases(ctx: CaseContext): OpTestCase[] {
  const cases: OpTestCase[] = [];
  for (const op of ['softmax', 'logSoftmax'] as const) {
    const ref = op === 'softmax' ? refSoftmax : refLogSoftmax;
    cases.push(
      defineCase(`${op} axes and sizes`, op, async (device, data) => {
        for (const { shape, axis } of SOFTMAX_SHAPES) {
          const x = data.f32(shape, -5, 5);
          await checkOp(device, { op, params: { axis }, inputs: [x], expected: [ref(x, { axis })], tolerance: ctx.tolerance(op, { k: shape[axis]! }) });
        }
        const x = data.f32([3, 9], -5, 5);
        await checkOp(device, {
          op,
          params: { axis: 1 },
          inputs: [{ ...x, offset: 7 }],
          expected: [ref(x, { axis: 1 })],
          tolerance: ctx.tolerance(op, { k: 9 }),
          label: 'offset view',
        });
      }),
      defineCase(`${op} large, masked and NaN rows`, op, async (device) => {
        await checkOp(device, {
          op,
          params: { axis: 1 },
          inputs: [SOFTMAX_SPECIAL],
          expected: [ref(SOFTMAX_SPECIAL, { axis: 1 })],
          tolerance: ctx.tolerance(op, { k: 4 }),
        });
      }),
    );
  }
  for (const op of ['softmaxBackward', 'logSoftmaxBackward'] as const) {
    cases.push(
      defineCase(`${op} axes and sizes`, op, async (device, data) => {
        for (const { shape, axis } of SOFTMAX_SHAPES) {
          // y is a real (log-)softmax output, as the backward assumes; g is arbitrary.
          const logits = data.f32(shape, -5, 5);
          const y = asStored(op === 'softmaxBackward' ? refSoftmax(logits, { axis }) : refLogSoftmax(logits, { axis }));
          const g = data.f32(shape, -1, 1);
          const expected = op === 'softmaxBackward' ? refSoftmaxBackward(y, g, { axis }) : refLogSoftmaxBackward(y, g, { axis });
          await checkOp(device, { op, params: { axis }, inputs: [y, g], expected: [expected], tolerance: ctx.tolerance(op, { k: shape[axis]! }) });
        }
      }),
    );
  }

  cases.push(
    defineCase('layerNorm', 'layerNorm', async (device, data) => {
      const eps = 1e-5;
      for (const shape of [[4, 65], [1, 1], [3, 5, 64], [2, 1025], [7], [0, 8], [5, 3]]) {
        const c = shape[shape.length - 1]!;
        // An offset mean keeps the variance computation honest (one-pass E[x²] − E[x]² loses digits).
        const x = data.f32(shape, 2, 4);
        const w = data.f32([c], 0.5, 1.5);
        const b = data.f32([c], -0.5, 0.5);
        const ref = refLayerNorm(x, w, b, { eps });
        const tol = ctx.tolerance('layerNorm', { k: c });
        await checkOp(device, { op: 'layerNorm', params: { eps }, inputs: [x, w, b], expected: [ref.y, ref.mean, ref.rstd], tolerance: tol });
      }
      // A constant row has variance 0: rstd = 1/√eps and y = b.
      const constant = host([2, 4], [3, 3, 3, 3, -1, -1, -1, -1]);
      const w = host([4], [1, 2, 3, 4]);
      const b = host([4], [0.5, 0, -0.5, 1]);
      const ref = refLayerNorm(constant, w, b, { eps });
      await checkOp(device, {
        op: 'layerNorm',
        params: { eps },
        inputs: [constant, w, b],
        expected: [ref.y, ref.mean, ref.rstd],
        tolerance: ctx.tolerance('layerNorm', { k: 4 }),
        label: 'constant rows',
      });
    }),
    defineCase('layerNormBackward', 'layerNormBackward', async (device, data) => {
      for (const shape of [[4, 65], [1, 1], [3, 5, 64], [2, 1025], [7], [0, 8], [300, 3]]) {
        const c = shape[shape.length - 1]!;
        const rows = shape.slice(0, -1).reduce((a, d) => a * d, 1);
        const x = data.f32(shape, -2, 2);
        const w = data.f32([c], 0.5, 1.5);
        const b = data.f32([c], -0.5, 0.5);
        const fwd = refLayerNorm(x, w, b, { eps: 1e-5 });
        const mean = asStored(fwd.mean);
        const rstd = asStored(fwd.rstd);
        const g = data.f32(shape, -1, 1);
        const ref = refLayerNormBackward(g, x, w, mean, rstd);
        const tol = ctx.tolerance('layerNormBackward', { k: Math.max(rows, c) });
        await checkOp(device, {
          op: 'layerNormBackward',
          params: {},
          inputs: [g, x, w, mean, rstd],
          expected: [ref.dx, ref.dweight, ref.dbias],
          tolerance: tol,
        });
      }
    }),
  );

  cases.push(
    defineCase('gather rows with repeated ids', 'gather', async (device, data) => {
      const checkGather = async (table: HostTensor, ids: HostTensor, label?: string) =>
        checkOp(device, {
          op: 'gather',
          params: {},
          inputs: [table, ids],
          expected: [refGather(table, ids)],
          tolerance: ctx.tolerance('gather'),
          ...(label ? { label } : {}),
        });
      await checkGather(data.f32([10, 3]), host([6], [0, 9, 3, 3, 0, 7], 'i32'));
      await checkGather(data.f32([10]), host([2, 3], [1, 1, 2, 9, 0, 5], 'i32'), '1-d table');
      await checkGather(data.f32([5, 2, 3]), host([4], [4, 0, 4, 2], 'i32'), 'rank-3 table');
      await checkGather(data.f32([50, 65]), data.ints([2, 63], 0, 49), 'embedding-sized');
      await checkGather(data.f32([4, 3]), host([0], [], 'i32'), 'no ids');
      await checkGather(data.ints([6, 5], -100, 100), host([3], [5, 0, 5], 'i32'), 'i32 table');
      await checkGather(data.bools([6, 7]), host([4], [1, 5, 1, 2], 'i32'), 'bool table');
      await checkGather(data.f32([1, 1]), host([], [0], 'i32'), '0-d ids');
    }),
    defineCase('scatterAdd with repeated ids', 'scatterAdd', async (device, data) => {
      const checkScatter = async (ids: HostTensor, src: HostTensor, numRows: number, repeats: number, label?: string) =>
        checkOp(device, {
          op: 'scatterAdd',
          params: { numRows },
          inputs: [ids, src],
          expected: [refScatterAdd(ids, src, { numRows })],
          tolerance: ctx.tolerance('scatterAdd', { k: repeats }),
          ...(label ? { label } : {}),
        });
      await checkScatter(host([6], [0, 3, 3, 1, 0, 3], 'i32'), data.f32([6, 3]), 5, 3, 'rows 2 and 4 stay zero');
      await checkScatter(host([2, 3], [1, 1, 2, 0, 1, 2], 'i32'), data.f32([2, 3, 4]), 3, 3, '2-d ids');
      await checkScatter(host([5], [2, 0, 2, 2, 1], 'i32'), data.f32([5]), 4, 3, '1-d src');
      await checkScatter(host([0], [], 'i32'), host([0, 3], []), 4, 1, 'no ids: zeros');
      await checkScatter(host([0], [], 'i32'), host([0, 3], []), 0, 1, 'no rows');
      await checkScatter(host([1000], new Array<number>(1000).fill(2), 'i32'), data.f32([1000, 2]), 3, 1000, 'one id repeated 1000 times');
      await checkScatter(data.ints([2, 63], 0, 49), data.f32([2, 63, 65]), 50, 126, 'embedding-sized');
    }),
  );

  for (const ignoreIndex of [-100, 0]) {
    cases.push(
      defineCase(`crossEntropy, ignoreIndex ${ignoreIndex}`, 'crossEntropy', async (device, data) => {
        await crossEntropyChecks(device, data, ignoreIndex, ctx, 'forward');
      }),
      defineCase(`crossEntropyBackward, ignoreIndex ${ignoreIndex}`, 'crossEntropyBackward', async (device, data) => {
        await crossEntropyChecks(device, data, ignoreIndex, ctx, 'backward');
      }),
    );
  }

  cases.push(
    defineCase('adamwUpdate three steps with weight decay', 'adamwUpdate', async (device, data) => {
      for (const [shape, weightDecay] of [
        [[65], 0.01],
        [[3, 5, 7], 0.1],
        [[1025], 0],
        [[0], 0.01],
        [[1], 0.5],
      ] as const) {
        const zeros = host(shape, new Array<number>(sizeOf(shape)).fill(0));
        let state = { param: data.f32(shape, -1, 1), m: zeros, v: zeros };
        for (let step = 1; step <= 3; step++) {
          const grad = data.f32(shape, -1, 1);
          const params = { lr: 1e-2, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay, step };
          const next = refAdamwStep(state, grad, params);
          await checkOp(device, {
            op: 'adamwUpdate',
            params,
            inputs: [state.param, grad, state.m, state.v],
            expected: [next.param, next.m, next.v],
            tolerance: ctx.tolerance('adamwUpdate'),
            label: `step ${step}`,
          });
          // The next step starts from what an f32 device holds.
          state = { param: asStored(next.param), m: asStored(next.m), v: asStored(next.v) };
        }
      }
      // In place through offset views: elements around each view must stay untouched.
      const param = data.f32([9]);
      const grad = data.f32([9]);
      const m = data.f32([9], 0, 0.1);
      const v = data.f32([9], 0, 0.01);
      const params = { lr: 1e-3, beta1: 0.8, beta2: 0.99, eps: 1e-6, weightDecay: 0.05, step: 4 };
      const next = refAdamwStep({ param, m, v }, grad, params);
      await checkOp(device, {
        op: 'adamwUpdate',
        params,
        inputs: [{ ...param, offset: 3 }, grad, { ...m, offset: 1 }, { ...v, offset: 2 }],
        expected: [next.param, next.m, next.v],
        tolerance: ctx.tolerance('adamwUpdate'),
        label: 'offset views, step 4',
      });
    }),
  );
  return cases;
}

async function crossEntropyChecks(device: Device, data: TestData, ignoreIndex: number, ctx: CaseContext, which: 'forward' | 'backward'): Promise<void> {
  // Rows marked −100 get the ignored target; with ignoreIndex 0, rows of class 0 are ignored too.
  const sets: { n: number; v: number; targets: number[] }[] = [
    { n: 5, v: 7, targets: [3, -100, 0, 6, 3] },
    { n: 3, v: 1, targets: [0, 0, -100] },
    { n: 4, v: 1025, targets: [1024, 0, -100, 511] },
    { n: 64, v: 65, targets: Array.from({ length: 64 }, (_, i) => (i % 9 === 4 ? -100 : (i * 7) % 65)) },
    { n: 0, v: 5, targets: [] },
  ];
  for (const { n, v, targets } of sets) {
    const logits = data.f32([n, v], -4, 4);
    const t = host(
      [n],
      targets.map((c) => (c === -100 ? ignoreIndex : c)),
      'i32',
    );
    const fwd = refCrossEntropy(logits, t, { ignoreIndex });
    if (which === 'forward') {
      await checkOp(device, {
        op: 'crossEntropy',
        params: { ignoreIndex },
        inputs: [logits, t],
        expected: [fwd.loss, fwd.lse],
        tolerance: ctx.tolerance('crossEntropy', { k: v }),
      });
    } else {
      const lse = asStored(fwd.lse);
      const g = data.f32([n], 0.1, 2);
      const expected = refCrossEntropyBackward(logits, t, lse, g, { ignoreIndex });
      await checkOp(device, {
        op: 'crossEntropyBackward',
        params: { ignoreIndex },
        inputs: [logits, t, lse, g],
        expected: [expected],
        tolerance: ctx.tolerance('crossEntropyBackward', { k: v }),
      });
    }
  }
}
