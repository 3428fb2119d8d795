import type { Module } from '@lightattn/autograd';
import * as tc from '@lightattn/tensor-core';
import {
  decodeToTensorData,
  formatShape,
  LightattnError,
  parseSafetensors,
  shapesEqual,
  type Device,
  type SafetensorsFile,
  type Tensor,
} from '@lightattn/tensor-core';
import { parseGPT2Config, toHFConfigJson, type GPT2Config } from './config.js';
import { GPT2LMHeadModel } from './model.js';

/**
 * Hugging Face's checkpoint folder as bytes: `config.json` text and `model.safetensors` (or its
 * shards, in any order). Browsers fetch these; Node reads them with `loadPretrainedFromDir`.
 */
export interface PretrainedFiles {
  config: string;
  weights: Uint8Array | readonly Uint8Array[];
}

/** Options of {@link loadPretrained}: the device and this project's fields to change on load. */
export interface LoadPretrainedOptions {
  device?: Device;
  /** Fields to change on load (attn_impl, use_lightsoftmax, dropout rates, …), applied before the config is checked. */
  overrides?: Partial<GPT2Config>;
  /** Where warnings about the config go (e.g. an eos_token_id outside the vocabulary); console.warn by default. */
  onWarning?: (message: string) => void;
}

/** Element type of the weights in a saved checkpoint. */
export type CheckpointDType = 'f32' | 'f16' | 'bf16';

/** A checkpoint that does not fit the config: missing, unexpected or mis-shaped weights, listed together. */
export class CheckpointError extends LightattnError {
  override name = 'CheckpointError';
}

/** HF GPT-2 buffers that are not weights: the causal mask and its fill value (absent from newer files). */
const GPT2_BUFFER = /(^|\.)attn\.(bias|masked_bias)$/;

/** A name → entry lookup over all shards, refusing a name that two shards both hold. */
function indexShards(weights: Uint8Array | readonly Uint8Array[]): Map<string, { file: SafetensorsFile; shard: number }> {
  const shards = weights instanceof Uint8Array ? [weights] : weights;
  const index = new Map<string, { file: SafetensorsFile; shard: number }>();
  shards.forEach((bytes, shard) => {
    const file = parseSafetensors(bytes);
    for (const name of file.entries.keys()) {
      const seen = index.get(name);
      if (seen) throw new CheckpointError(`checkpoint: tensor "${name}" is in shard ${seen.shard} and shard ${shard}`);
      index.set(name, { file, shard });
    }
  });
  return index;
}

/**
 * Copies a checkpoint's tensors into `model`'s parameters in place, converting F16/BF16/F64 to f32.
 * `rename` maps a file name to the model's state-dict name (null: not a weight, skip it).
 * `optional` names model keys the file may omit (tied weights; such a key keeps the model's value,
 * zeros in a model built with `init: 'none'`). Every missing key, unexpected key and shape mismatch
 * is listed in one error before anything is written.
 */
export function loadWeightsInto(
  model: Module,
  weights: Uint8Array | readonly Uint8Array[],
  options: { rename?: (fileKey: string, modelKeys: ReadonlySet<string>) => string | null; optional?: ReadonlySet<string>; what?: string; hint?: string } = {},
): { loaded: string[]; skipped: string[] } {
  const what = options.what ?? 'checkpoint';
  const own = model.stateDict();
  const ownKeys = new Set(Object.keys(own));
  const index = indexShards(weights);
  const targets = new Map<string, string>(); // model key → file key
  const unexpected: string[] = [];
  const skipped: string[] = [];
  const problems: string[] = [];
  for (const fileKey of index.keys()) {
    const key = options.rename ? options.rename(fileKey, ownKeys) : fileKey;
    if (key === null) {
      skipped.push(fileKey);
      continue;
    }
    if (!ownKeys.has(key)) {
      unexpected.push(fileKey);
      continue;
    }
    if (targets.has(key)) problems.push(`  "${fileKey}" and "${targets.get(key)}" both load into ${key}`);
    targets.set(key, fileKey);
  }
  // Tied parameters appear under several names; one of them in the file is enough.
  const filled = new Set<Tensor>([...targets.keys()].map((k) => own[k]!));
  const missing = [...ownKeys].filter((k) => !targets.has(k) && !options.optional?.has(k) && !filled.has(own[k]!));
  for (const [key, fileKey] of targets) {
    const entry = index.get(fileKey)!.file.entries.get(fileKey)!;
    const dst = own[key]!;
    if (!shapesEqual(entry.shape, dst.shape))
      problems.push(`  shape mismatch: "${fileKey}" is ${formatShape(entry.shape)} ${entry.dtype}, the model's ${key} is ${formatShape(dst.shape)}`);
  }
  problems.push(...missing.map((k) => `  missing: ${k}`), ...unexpected.map((k) => `  unexpected: ${k}`));
  if (problems.length) {
    const config = options.hint ?? 'the checkpoint does not match the config (compare n_embd, n_layer, n_head, vocab_size, n_positions, tie_word_embeddings)';
    throw new CheckpointError(
      `${what}: ${problems.length} problem${problems.length > 1 ? 's' : ''} loading into ${model.constructor.name}; ${config}\n${problems.join('\n')}`,
    );
  }
  for (const [key, fileKey] of targets) {
    const data = decodeToTensorData({ ...index.get(fileKey)!.file.entries.get(fileKey)!, name: fileKey });
    const dst = own[key]!;
    if (data.dtype !== dst.dtype) throw new CheckpointError(`${what}: "${fileKey}" holds ${data.dtype} values, the model's ${key} is ${dst.dtype}`);
    dst.device.writeBuffer(dst.storage.buffer, dst.offset * 4, new Uint8Array(data.data.buffer, data.data.byteOffset, data.data.byteLength));
  }
  return { loaded: [...targets.values()], skipped };
}

/**
 * HF GPT-2 names → this model's: files saved from GPT2Model (openai-community/gpt2 itself) lack the
 * `transformer.` prefix; the attention-mask buffers are skipped.
 */
export function gpt2FileKey(fileKey: string, modelKeys: ReadonlySet<string>): string | null {
  if (GPT2_BUFFER.test(fileKey)) return null;
  if (modelKeys.has(fileKey)) return fileKey;
  return modelKeys.has(`transformer.${fileKey}`) ? `transformer.${fileKey}` : fileKey;
}

/**
 * A GPT-2 from a Hugging Face checkpoint: config.json (HF fields, see parseGPT2Config) and
 * model.safetensors in F32, F16 or BF16. `lm_head.weight` may be absent (it is tied to wte).
 * The model is built with `init: 'none'` (no random numbers are drawn, the default generator is
 * untouched): loadWeightsInto refuses a file that lacks any parameter, so every one is overwritten.
 */
export function loadPretrained(files: PretrainedFiles, options: LoadPretrainedOptions = {}): GPT2LMHeadModel {
  const config = parseGPT2Config(files.config, { overrides: options.overrides, onWarning: options.onWarning });
  const model = new GPT2LMHeadModel(config, { device: options.device, init: 'none' });
  try {
    loadWeightsInto(model, files.weights, { rename: gpt2FileKey, optional: config.tie_word_embeddings ? new Set(['lm_head.weight']) : undefined });
  } catch (e) {
    model.dispose();
    throw e;
  }
  return model;
}

/** Options of {@link savePretrained}: the element type of the weights. */
export interface SavePretrainedOptions {
  /** Element type of the weights in the file. Default 'f32'. */
  dtype?: CheckpointDType;
}

const TORCH_DTYPE: Record<CheckpointDType, string> = { f32: 'float32', f16: 'float16', bf16: 'bfloat16' };

/**
 * The model as HF's `save_pretrained` writes it: config.json, and model.safetensors with the
 * `transformer.` names, without the tied `lm_head.weight`, and with the `format: pt` metadata that
 * transformers requires. `GPT2LMHeadModel.from_pretrained(folder)` loads the result.
 */
export async function savePretrained(model: GPT2LMHeadModel, options: SavePretrainedOptions = {}): Promise<{ config: string; weights: Uint8Array }> {
  const dtype = options.dtype ?? 'f32';
  if (!(dtype in TORCH_DTYPE)) throw new CheckpointError(`savePretrained: dtype must be 'f32', 'f16' or 'bf16', got ${JSON.stringify(dtype)}`);
  const state = { ...model.stateDict() };
  if (model.config.tie_word_embeddings) delete state['lm_head.weight'];
  const weights = await tc.saveSafetensors(state, { dtype, metadata: { format: 'pt' } });
  const config = JSON.stringify({ ...JSON.parse(toHFConfigJson(model.config)), torch_dtype: TORCH_DTYPE[dtype] }, null, 2);
  return { config, weights };
}
