import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeSafetensors } from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import { saveCheckpoint, TRAINER_STATE_FORMAT, type TrainerState } from './checkpoint.js';
import { lastGoodCheckpoint, MAX_GOOD_WEIGHT, weightsHealth } from './weights-health.js';

const weights = (values: number[]) => {
  const bytes = new Uint8Array(new Float32Array(values).buffer);
  return serializeSafetensors({ 'wte.weight': { dtype: 'F32', shape: [values.length], bytes }, ids: { dtype: 'I32', shape: [1], bytes: new Uint8Array(4) } });
};
const state = (step: number) => ({ format: TRAINER_STATE_FORMAT, step }) as unknown as TrainerState;
const save = (dir: string, step: number, values: number[]) =>
  saveCheckpoint(dir, { config: '{}', weights: weights(values), tokenizer: { type: 'gpt2' }, optimizer: null, state: state(step) }, { keep: 10 });

describe('the checkpoint a NaN guard calls good', () => {
  it('counts non-finite and huge weights, float tensors only', () => {
    expect(weightsHealth(weights([0.5, -2, 3]))).toEqual({ nonFinite: 0, maxAbs: 3, worst: null });
    expect(weightsHealth(weights([1, NaN, Infinity]))).toMatchObject({ nonFinite: 2, worst: 'wte.weight' });
    expect(weightsHealth(weights([1e30, 1]))).toMatchObject({ nonFinite: 0, maxAbs: expect.closeTo(1e30, -25), worst: 'wte.weight' });
  });

  it('is older than the step whose weights gave the bad loss, with weights finite and below the bound', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lightattn-health-'));
    save(dir, 2, [0.1, 0.2]);
    save(dir, 3, [1e30, 0.2]);
    save(dir, 4, [NaN, 0.2]);
    save(dir, 5, [0.1, 0.2]);
    // The loss of step 6 came from the weights of step 5: that checkpoint cannot vouch for itself.
    const { good, rejected } = lastGoodCheckpoint(dir, 6);
    expect(good?.step).toBe(2);
    expect(rejected).toEqual([
      'step 5 holds the weights that gave this loss',
      'step 4 has 1 non-finite weights (first in wte.weight)',
      `step 3 has weights of magnitude 1.0e+30 (in wte.weight), beyond ${MAX_GOOD_WEIGHT.toExponential(0)}`,
    ]);
    expect(lastGoodCheckpoint(dir, 3).good).toBeNull();
  });
});
