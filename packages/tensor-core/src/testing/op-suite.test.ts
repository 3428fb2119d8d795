import { describe, expect, it } from 'vitest';
import { CpuDevice, cpuElements, createCpuDevice } from '../cpu/cpu-device.js';
import type { Device, TensorRef } from '../device.js';
import { OP_SET } from '../ops/op-set.js';
import { OP_NAMES, type OpName, type OpParams } from '../ops/op-params.js';
import { assertAllClose, coveredOps, missingOps, opTestCases } from './index.js';

const cases = opTestCases();

describe('the op suite itself', () => {
  it('covers every op of the op set', () => {
    expect(missingOps(cases)).toEqual([]);
    expect([...coveredOps(cases)].sort()).toEqual([...OP_NAMES].sort());
  });

  it('has unique case names', () => {
    const names = cases.map((c) => c.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('reports missing ops', () => {
    expect(missingOps(opTestCases({ ops: ['matmul', 'fill'] }))).toEqual(OP_NAMES.filter((op) => op !== 'matmul' && op !== 'fill'));
  });
});

describe('assertAllClose cannot pass vacuously', () => {
  const tol = { rtol: 1e-6, atol: 1e-6 };
  it('accepts values within tolerance, NaN against NaN and equal infinities', () => {
    expect(() => assertAllClose([1, NaN, Infinity, -Infinity, 0], [1 + 1e-7, NaN, Infinity, -Infinity, 5e-7], tol, 'ok')).not.toThrow();
  });
  it('fails on a real mismatch and names the index, both values and the max errors', () => {
    expect(() => assertAllClose([1, 2, 3.5], [1, 2, 3], tol, 'case x')).toThrow(
      /case x: 1 of 3 elements differ[\s\S]*\[2\] actual 3.5, expected 3[\s\S]*max abs error 0.5/,
    );
  });
  it('fails on NaN against a number, either way round', () => {
    expect(() => assertAllClose([NaN], [1], tol, 'nan')).toThrow(/\[0\] actual NaN, expected 1/);
    expect(() => assertAllClose([1], [NaN], tol, 'nan')).toThrow(/\[0\] actual 1, expected NaN/);
  });
  it('fails on Inf against a large finite number, and on the wrong infinity', () => {
    expect(() => assertAllClose([Infinity], [3.4e38], { rtol: 1, atol: 1 }, 'inf')).toThrow(/actual Infinity/);
    expect(() => assertAllClose([3.4e38], [Infinity], { rtol: 1, atol: 1 }, 'inf')).toThrow(/expected Infinity/);
    expect(() => assertAllClose([-Infinity], [Infinity], tol, 'inf')).toThrow(/inf/);
  });
  it('fails on a length mismatch', () => {
    expect(() => assertAllClose([1, 2], [1, 2, 3], tol, 'len')).toThrow(/got 2 elements, expected 3/);
  });
});

describe('op suite on the CPU device (f32)', () => {
  const device = createCpuDevice();
  for (const c of cases) it(c.name, () => c.run(device));
});

describe('op suite on the CPU device (float64 storage)', () => {
  const device = createCpuDevice({ precision: 'f64' });
  for (const c of cases) it(c.name, () => c.run(device));
});

/**
 * A CPU device that runs every op correctly and then corrupts the last element of each result: the
 * suite run on it must fail every case, which proves no case passes without checking values.
 */
class CorruptingDevice extends CpuDevice {
  override run<K extends OpName>(op: K, inputs: readonly TensorRef[], outputs: readonly TensorRef[], params: OpParams<K>): void {
    super.run(op, inputs, outputs, params);
    const mutated = OP_SET[op].mutates;
    for (const t of mutated ? mutated.map((i) => inputs[i]!) : outputs) {
      const data = cpuElements(t);
      const last = data.length - 1;
      if (last < 0) continue;
      const v = data[last]!;
      if (t.dtype === 'bool') data[last] = v ? 0 : 1;
      else if (t.dtype === 'f32') data[last] = Number.isFinite(v) ? v + 1 + Math.abs(v) : 0;
      else data[last] = v ^ 1;
    }
  }
}

describe('every case detects a wrong result', () => {
  const device: Device = new CorruptingDevice({ name: 'cpu-corrupting' });
  for (const c of cases) {
    it(c.name, async () => {
      await expect(c.run(device)).rejects.toThrow(/differ|elements around/);
    });
  }
});

/** Counts the elements every op call reads and writes, to keep each case small enough for SwiftShader. */
class CountingDevice extends CpuDevice {
  elements = 0;
  override run<K extends OpName>(op: K, inputs: readonly TensorRef[], outputs: readonly TensorRef[], params: OpParams<K>): void {
    for (const t of [...inputs, ...outputs]) this.elements += t.shape.reduce((a, d) => a * d, 1);
    super.run(op, inputs, outputs, params);
  }
}

describe('every case stays small enough for a software-rasterised GPU', () => {
  it('reads and writes at most 50k elements per case', { timeout: 60_000 }, async () => {
    const device = new CountingDevice({ name: 'cpu-counting' });
    const sizes: [string, number][] = [];
    for (const c of cases) {
      device.elements = 0;
      await c.run(device);
      sizes.push([c.name, device.elements]);
    }
    expect(sizes.filter(([, n]) => n > 50_000)).toEqual([]);
  });
});
