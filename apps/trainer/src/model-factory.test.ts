import { CheckpointError } from '@lightattn/gpt2-model';
import * as tc from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import { buildModel, loadModel, modelConfigFromFlags, modelFiles, type LanguageModel } from './model-factory.js';

const device = tc.getDefaultDevice();
const flags = { preset: 'gpt2-tiny', nPositions: 16 };
const input = tc.fromArray(Int32Array.from([1, 5, 9, 2, 3]), { shape: [1, 5], device });
const logitsOf = async (lm: LanguageModel) => (await lm.model.eval().forward(input).logits!.toArray()) as Float32Array;

describe('loadModel', () => {
  for (const model of ['gpt2', 'leap'] as const) {
    it(`${model}: loads the saved weights without drawing initial ones, and refuses a file that lacks one`, async () => {
      const saved = buildModel(modelConfigFromFlags({ ...flags, model }, 29, 16), device, 3);
      const files = await modelFiles(saved);
      const loaded = loadModel(files, device, 3);
      expect(await logitsOf(loaded)).toEqual(await logitsOf(saved));
      // Nothing was drawn: the generators are where a fresh run's start (resume sets them from its trainer state).
      expect(loaded.initGenerator.getState()).toEqual({ seed: 3, offset: 0 });
      expect(saved.initGenerator.getState().offset).toBeGreaterThan(0);
      const entries = new Map(tc.parseSafetensors(files.weights).entries);
      const name = [...entries.keys()].find((k) => k.endsWith('ln_f.bias') || k.endsWith('last_norm.bias'))!;
      entries.delete(name);
      const weights = tc.serializeSafetensors(new Map([...entries].map(([k, e]) => [k, { dtype: e.dtype, shape: [...e.shape], bytes: e.bytes.slice() }])));
      expect(() => loadModel({ config: files.config, weights }, device)).toThrow(CheckpointError);
      expect(() => loadModel({ config: files.config, weights }, device)).toThrow(`missing: ${name}`);
    });
  }
});
