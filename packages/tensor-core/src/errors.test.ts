import { describe, expect, it } from 'vitest';
import { CpuDevice } from './cpu/cpu-device.js';
import { arange, fromArray, full, rand, zeros } from './creation.js';
import { DeviceError, DisposedError, DTypeError, IndexError, LightattnError, SafetensorsError, ShapeError } from './errors.js';
import { add, cast, where } from './ops/elementwise.js';
import { concat, reshape, squeeze, transpose } from './ops/layout.js';
import { matmul } from './ops/linalg.js';
import { crossEntropy, layerNorm, softmax } from './ops/nn.js';
import { argmax, sum } from './ops/reduce.js';
import type { Tensor } from './tensor.js';

const device = new CpuDevice({ name: 'cpu-errors' });
const t = (shape: number[], dtype: 'f32' | 'i32' | 'u32' | 'bool' = 'f32', on = device): Tensor => zeros(shape, { dtype, device: on });

/** Runs fn, expects an error of class `kind` whose message contains every fragment. */
function expectThrow(fn: () => unknown, kind: new (...args: never[]) => Error, ...fragments: string[]): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(kind);
  for (const f of fragments) expect((error as Error).message).toContain(f);
}

describe('error classes', () => {
  it('are LightattnErrors with their own names', () => {
    for (const [C, name] of [
      [ShapeError, 'ShapeError'],
      [DTypeError, 'DTypeError'],
      [DeviceError, 'DeviceError'],
      [DisposedError, 'DisposedError'],
      [IndexError, 'IndexError'],
      [SafetensorsError, 'SafetensorsError'],
    ] as const) {
      const e = new C('msg');
      expect(e).toBeInstanceOf(LightattnError);
      expect(e).toBeInstanceOf(Error);
      expect(e.name).toBe(name);
      expect(String(e)).toBe(`${name}: msg`);
    }
  });
});

describe('shape errors name the op and every shape', () => {
  it('broadcasting', () => {
    expectThrow(() => add(t([2, 3]), t([4])), ShapeError, 'binary add', '[2, 3]', '[4]', 'cannot be broadcast');
    expectThrow(() => where(t([2], 'bool'), t([3]), t([2])), ShapeError, '[2]', '[3]');
  });

  it('matmul', () => {
    expectThrow(() => matmul(t([2, 3]), t([4, 5])), ShapeError, 'matmul', '[2, 3]', '[4, 5]', 'K=3', 'K=4');
    expectThrow(() => matmul(t([]), t([3])), ShapeError, 'matmul', 'scalars');
    expectThrow(() => matmul(t([2, 2, 3]), t([3, 3, 4])), ShapeError, 'matmul (batch dimensions)', '[2]', '[3]');
  });

  it('layer norm, concat, reshape, squeeze, cross entropy', () => {
    expectThrow(() => layerNorm(t([2, 4]), t([3]), t([4])), ShapeError, 'layerNorm', '[3]', '[4]', '[2, 4]');
    expectThrow(() => concat([t([2, 3]), t([2, 4])], 0), ShapeError, 'concat', '[2, 3]', '[2, 4]', 'axis 0');
    expectThrow(() => reshape(t([2, 3]), [4, 2]), ShapeError, 'reshape', '[2, 3]', '6 elements', '[4, 2]', '8 elements');
    expectThrow(() => reshape(t([2, 3]), [-1, -1]), ShapeError, 'more than one −1');
    expectThrow(() => squeeze(t([2, 3]), 0), ShapeError, 'squeeze', 'size 2');
    expectThrow(() => crossEntropy(t([4, 5]), t([3], 'i32')), ShapeError, 'crossEntropy', '[4, 5]', '[3]');
  });
});

describe('dtype errors', () => {
  it('mismatched operands and unsupported dtypes name the op, dtypes and the fix', () => {
    expectThrow(() => add(t([2]), t([2], 'i32')), DTypeError, 'binary add', 'different dtypes', 'f32 [2]', 'i32 [2]', 'cast()');
    expectThrow(() => matmul(t([2, 2], 'i32'), t([2, 2], 'i32')), DTypeError, 'matmul', 'i32', 'expected f32', 'cast()');
    expectThrow(() => softmax(t([3], 'bool')), DTypeError, 'softmax', 'bool');
    expectThrow(() => crossEntropy(t([2, 3]), t([2])), DTypeError, 'crossEntropy', 'targets', 'f32', 'i32');
    expectThrow(() => cast(t([2]), 'f64' as 'f32'), DTypeError);
  });
});

describe('device errors', () => {
  it('operands on two CPU devices: a DeviceError naming the op and both devices', () => {
    const other = new CpuDevice({ name: 'cpu-other' });
    expectThrow(() => add(t([2]), t([2], 'f32', other)), DeviceError, 'binary', 'different devices', 'cpu-errors', 'cpu-other', 'move them to one device');
    expectThrow(() => matmul(t([2, 2], 'f32', other), t([2, 2])), DeviceError, 'matmul', 'cpu-other, cpu-errors');
  });
});

describe('axis errors', () => {
  it('out-of-range, repeated and non-integer axes are IndexErrors naming the op, the axis and the rank', () => {
    expectThrow(() => softmax(t([2, 3]), 2), IndexError, 'softmax', 'axis 2', 'rank 2');
    expectThrow(() => softmax(t([2, 3]), -3), IndexError, 'axis -3');
    expectThrow(() => sum(t([2, 3]), { axes: [0, -2] }), IndexError, 'sum', 'repeated axis');
    expectThrow(() => sum(t([2, 3]), { axes: 1.5 }), IndexError, 'axis 1.5 is not an integer');
    expectThrow(() => argmax(t([]), 0), IndexError, 'argmax', 'rank 0');
    expectThrow(() => transpose(t([4]), 0, 1), IndexError, 'transpose', 'axis 1');
    expectThrow(() => concat([t([2])], 1), IndexError, 'concat');
  });
});

describe('creation errors', () => {
  it('invalid shapes are ShapeErrors that show the shape', () => {
    expectThrow(() => zeros([-1]), ShapeError, 'shape [-1]', 'invalid dimension -1');
    expectThrow(() => zeros([2, 1.5]), ShapeError, '[2,1.5]', 'invalid dimension 1.5');
    expectThrow(() => zeros([NaN]), ShapeError, 'invalid dimension NaN');
    expectThrow(() => zeros('3' as unknown as number[]), ShapeError, 'must be an array');
    expectThrow(() => full([Infinity], 1), ShapeError);
    expectThrow(() => rand([-2], { device }), ShapeError);
    expectThrow(() => arange(0, 5, 0), ShapeError, 'arange', 'step');
  });

  it('fromArray: ragged data, a count that does not fill the shape, values the dtype cannot hold', () => {
    expectThrow(() => fromArray([[1, 2], [3]], { device }), ShapeError, 'ragged');
    expectThrow(() => fromArray([1, 2, 3], { shape: [2, 2], device }), ShapeError, '3 values', '[2, 2]', '4 elements');
    expectThrow(() => fromArray([1.5], { dtype: 'i32', device }), DTypeError, '1.5 is not an integer');
    expectThrow(() => fromArray([-1], { dtype: 'u32', device }), DTypeError, '-1 is out of range for u32');
    expectThrow(() => fromArray([2 ** 31], { dtype: 'i32', device }), DTypeError, 'out of range for i32');
    expectThrow(() => fromArray(new Int16Array(2), { device }), DTypeError, 'Int16Array');
    expectThrow(() => zeros([2], { dtype: 'f16' as 'f32', device }), DTypeError, 'unknown dtype "f16"');
  });
});
