/** Cases for unary and unaryBackward: every UnaryFn, edge sizes, NaN/±Inf, large arguments, integers. */
import { UNARY_FNS, type UnaryFn } from '../ops/op-params.js';
import { checkOp, defineCase, type CaseContext, type OpTestCase } from './harness.js';
import { host, type HostTensor } from './host-tensor.js';
import type { TestData } from './prng.js';
import { refUnary, refUnaryBackward } from './reference.js';

const SHAPES = [[0], [1], [63], [64], [65], [3, 5, 7], [4099]];

/** Inputs inside each function's domain (and, for the backward, away from points without a derivative). */
function domainInput(fn: UnaryFn, shape: readonly number[], data: TestData, forBackward: boolean): HostTensor {
  switch (fn) {
    case 'sqrt':
    case 'rsqrt':
    case 'log':
      return data.f32(shape, forBackward ? 0.1 : 0.01, 10);
    case 'log1p':
      return data.f32(shape, forBackward ? -0.9 : -0.99, 10);
    case 'reciprocal':
      return data.f32AwayFromZero(shape, forBackward ? 0.2 : 0.1, 10);
    case 'exp':
      return data.f32(shape, -10, 10);
    case 'abs':
    case 'relu':
    case 'elu':
    case 'sign':
    case 'floor':
    case 'ceil':
      return forBackward ? data.f32AwayFromZero(shape, 0.05, 4) : data.f32(shape, -4, 4);
    default:
      return data.f32(shape, -4, 4);
  }
}

/** NaN, ±Inf, zero and a few ordinary values; ±Inf left out where the function has no single limit (sin, cos) or the plain formula gives Inf·0 (gelu, gelu_erf, silu). */
function specialInputs(fn: UnaryFn): number[] {
  const noInf = fn === 'sin' || fn === 'cos' || fn === 'gelu' || fn === 'gelu_erf' || fn === 'silu';
  const values = [NaN, 0, 1, -1, 0.5, -2, 2.5, -2.5, ...(noInf ? [] : [Infinity, -Infinity])];
  return values;
}

/** Large arguments that overflow a naive exp inside tanh, sigmoid, gelu, gelu_erf, silu and elu. */
const LARGE: readonly number[] = [-88, -40, -20, -10, 10, 20, 40, 88];
const LARGE_FNS: readonly UnaryFn[] = ['tanh', 'sigmoid', 'gelu', 'gelu_erf', 'silu', 'elu', 'relu', 'exp'];

const I32_EDGES = [0, 1, -1, 7, -7, 46340, 46341, -46341, 2147483647, -2147483648, -2147483647, 123456789];
const U32_EDGES = [0, 1, 7, 65535, 65536, 65537, 2147483648, 4294967295, 3000000000];

export function unaryCases(ctx: CaseContext): OpTestCase[] {
  const cases: OpTestCase[] = [];
  for (const fn of UNARY_FNS) {
    const tol = ctx.tolerance('unary', { fn });
    cases.push(
      defineCase(`unary ${fn} f32 sizes`, 'unary', async (device, data) => {
        for (const shape of SHAPES) {
          const x = domainInput(fn, shape, data, false);
          await checkOp(device, { op: 'unary', params: { fn }, inputs: [x], expected: [refUnary(x, fn)], tolerance: tol });
        }
        const x = domainInput(fn, [5, 13], data, false);
        await checkOp(device, {
          op: 'unary',
          params: { fn },
          inputs: [{ ...x, offset: 3 }],
          expected: [refUnary(x, fn)],
          tolerance: tol,
          label: 'offset view',
        });
      }),
      defineCase(`unary ${fn} f32 NaN/Inf/zero`, 'unary', async (device) => {
        const x = host([specialInputs(fn).length], specialInputs(fn));
        await checkOp(device, { op: 'unary', params: { fn }, inputs: [x], expected: [refUnary(x, fn)], tolerance: tol });
      }),
    );
    if (LARGE_FNS.includes(fn)) {
      cases.push(
        defineCase(`unary ${fn} f32 large arguments`, 'unary', async (device) => {
          const x = host([LARGE.length], LARGE);
          await checkOp(device, { op: 'unary', params: { fn }, inputs: [x], expected: [refUnary(x, fn)], tolerance: tol });
        }),
      );
    }
    cases.push(
      defineCase(`unaryBackward ${fn}`, 'unaryBackward', async (device, data) => {
        const tolB = ctx.tolerance('unaryBackward', { fn });
        for (const shape of [[0], [1], [65], [3, 5, 7], [4099]]) {
          const x = domainInput(fn, shape, data, true);
          const g = data.f32(shape, -2, 2);
          await checkOp(device, { op: 'unaryBackward', params: { fn }, inputs: [x, g], expected: [refUnaryBackward(x, g, fn)], tolerance: tolB });
        }
        // NaN in the incoming gradient propagates (times a zero derivative it is still NaN).
        const x = domainInput(fn, [4], data, true);
        const g = host([4], [NaN, 1, NaN, -1]);
        await checkOp(device, {
          op: 'unaryBackward',
          params: { fn },
          inputs: [x, g],
          expected: [refUnaryBackward(x, g, fn)],
          tolerance: tolB,
          label: 'NaN gradient',
        });
      }),
    );
  }

  for (const fn of ['neg', 'abs', 'sign', 'square'] as const) {
    cases.push(
      defineCase(`unary ${fn} i32 (wraparound)`, 'unary', async (device, data) => {
        const edges = host([I32_EDGES.length], I32_EDGES, 'i32');
        const random = data.ints([3, 65], -(2 ** 31), 2 ** 31 - 1, 'i32');
        for (const x of [edges, random, host([0], [], 'i32')]) {
          await checkOp(device, { op: 'unary', params: { fn }, inputs: [x], expected: [refUnary(x, fn)], tolerance: ctx.tolerance('unary', { fn }) });
        }
      }),
    );
  }
  for (const fn of ['abs', 'square'] as const) {
    cases.push(
      defineCase(`unary ${fn} u32 (wraparound)`, 'unary', async (device, data) => {
        const edges = host([U32_EDGES.length], U32_EDGES, 'u32');
        const random = data.ints([65], 0, 2 ** 32 - 1, 'u32');
        for (const x of [edges, random]) {
          await checkOp(device, { op: 'unary', params: { fn }, inputs: [x], expected: [refUnary(x, fn)], tolerance: ctx.tolerance('unary', { fn }) });
        }
      }),
    );
  }
  return cases;
}
