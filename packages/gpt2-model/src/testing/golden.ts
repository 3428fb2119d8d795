import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSafetensors, type SafetensorsFile } from '@lightattn/tensor-core';

/** Where scripts/goldens/gpt2.py writes (see its docstring for the contents). */
export const TEST_DATA = new URL('../../test-data/', import.meta.url).pathname;

export const GOLDEN_COMMAND = 'python3 scripts/goldens/gpt2.py packages/gpt2-model/test-data (where PyTorch and transformers are installed)';

export interface Golden {
  name: string;
  /** The checkpoint folder transformers wrote. */
  dir: string;
  meta: {
    batch: number;
    seq: number;
    adamw: { lr: number; betas: [number, number]; eps: number; weight_decay: number; steps: number };
    state_dict_keys: string[];
    parameter_names: string[];
  };
  file: SafetensorsFile;
  /** A golden tensor's values (floats widened to float64) and shape. */
  get(name: string): { data: Float64Array | Int32Array; shape: number[] };
}

/** The golden data of config `name`, or null when the files have not been generated. */
export function loadGolden(name: string): Golden | null {
  const dir = join(TEST_DATA, `gpt2-${name}`);
  const tensors = join(TEST_DATA, `gpt2-${name}-golden.safetensors`);
  const metaPath = join(TEST_DATA, `gpt2-${name}-golden.json`);
  if (![dir, tensors, metaPath].every(existsSync)) return null;
  const file = parseSafetensors(new Uint8Array(readFileSync(tensors)));
  return {
    name,
    dir,
    meta: JSON.parse(readFileSync(metaPath, 'utf8')) as Golden['meta'],
    file,
    get(key: string) {
      const entry = file.entries.get(key);
      if (!entry) throw new Error(`golden gpt2-${name}: no tensor "${key}"`);
      const bytes = entry.bytes.slice(); // aligned copy
      if (entry.dtype === 'F64') return { data: new Float64Array(bytes.buffer), shape: [...entry.shape] };
      // transformers 5 computes the causal-LM loss on logits.float(): the losses are F32.
      if (entry.dtype === 'F32') return { data: Float64Array.from(new Float32Array(bytes.buffer)), shape: [...entry.shape] };
      if (entry.dtype === 'I32') return { data: new Int32Array(bytes.buffer), shape: [...entry.shape] };
      throw new Error(`golden gpt2-${name}: "${key}" is ${entry.dtype}, expected F64, F32 or I32`);
    },
  };
}
