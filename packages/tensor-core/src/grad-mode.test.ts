import { describe, expect, it } from 'vitest';
import { createCpuDevice } from './cpu/cpu-device.js';
import { GraphCutError, isGradEnabled, noGrad, runTaped } from './grad-mode.js';
import { add, argmax, exp, fromArray, gt, matmul, runOp, sum } from './index.js';

const device = createCpuDevice();
const leaf = () => {
  const t = fromArray([1, 2, 3, 4], { shape: [2, 2], device });
  t.requiresGrad = true;
  return t;
};

describe('tensor-core ops on tensors that require grad', () => {
  it('refuse to cut the graph while recording, naming the autograd op to use', () => {
    const x = leaf();
    expect(() => add(x, x)).toThrow(GraphCutError);
    expect(() => add(x, 1)).toThrow(/add: tensor #\d+ \[2, 2\] f32 on cpu requires grad.*use @lightattn\/autograd's add/);
    expect(() => exp(x)).toThrow(/use @lightattn\/autograd's exp/);
    expect(() => sum(x)).toThrow(/use @lightattn\/autograd's sum/);
    expect(() => matmul(x, x)).toThrow(/use @lightattn\/autograd's matmul/);
  });

  it("name light-ops' function for the fused attention op", () => {
    const q = fromArray(new Array(8).fill(0.5), { shape: [1, 1, 2, 4], device });
    q.requiresGrad = true;
    const mask = fromArray([1], { shape: [1, 1, 1, 1], dtype: 'bool', device });
    const params = { causal: true, scale: 0.5, p: 0, seed: 0, offset: 0, rowOffset: 0, rows: 2 };
    expect(() => runOp('flashAttention', [q, q, q, mask], params)).toThrow(/use @lightattn\/light-ops' flashAttention \(or attention/);
  });

  it('run inside noGrad, inside runTaped (autograd records the op itself), and for ops with no gradient', () => {
    const x = leaf();
    expect(noGrad(() => add(x, x)).toArraySync()).toEqual(new Float32Array([2, 4, 6, 8]));
    expect(isGradEnabled()).toBe(true);
    expect(runTaped(() => add(x, x)).toArraySync()).toEqual(new Float32Array([2, 4, 6, 8]));
    expect(() => add(x, x)).toThrow(GraphCutError);
    expect(Array.from(argmax(x, -1).toArraySync())).toEqual([1, 1]);
    expect(Array.from(gt(x, fromArray([2, 2, 2, 2], { shape: [2, 2], device })).toArraySync()).map(Number)).toEqual([0, 0, 1, 1]);
    const y = fromArray([1, 2, 3, 4], { shape: [2, 2], device });
    expect(add(y, y).toArraySync()).toEqual(new Float32Array([2, 4, 6, 8]));
  });
});
