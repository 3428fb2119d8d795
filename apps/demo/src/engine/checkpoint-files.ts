import {
  CharTokenizer,
  GPT2Tokenizer,
  LeapForCausalLM,
  loadLeapPretrained,
  loadPretrained,
  saveLeapPretrained,
  savePretrained,
  type Tokenizer,
} from '@lightattn/gpt2-model';
import { LightattnError, type Device } from '@lightattn/tensor-core';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { DemoModel } from './model-spec.js';

/** A checkpoint folder as file name → bytes (names relative to the folder). */
export type CheckpointFiles = Record<string, Uint8Array>;

/**
 * The tokenizer beside HF's files, as the trainer CLI writes it (apps/trainer), so checkpoints move
 * between the two: {"type": "char", "chars": [...], "eos": false} or {"type": "gpt2"}. A Hugging
 * Face tokenizer.json (no "type" field) means GPT-2's BPE.
 */
export const TOKENIZER_FILE = 'tokenizer.json';

type TokenizerSpec = { type: 'gpt2' } | { type: 'char'; chars: string[]; eos?: boolean };

export class CheckpointFilesError extends LightattnError {
  override name = 'CheckpointFilesError';
}

export interface LoadedCheckpoint {
  model: DemoModel;
  tokenizer: Tokenizer;
  family: 'gpt2' | 'leap';
  /** config.json's model_type. */
  modelType: string;
}

/**
 * The model as a Hugging Face checkpoint folder: config.json and model.safetensors as
 * save_pretrained writes them (GPT-2: transformers' GPT2LMHeadModel loads it; LEAP: the original
 * package's names), plus the character vocabulary and a README.
 */
export async function checkpointFiles(model: DemoModel, tokenizer: Tokenizer, description: string): Promise<CheckpointFiles> {
  const saved = model instanceof LeapForCausalLM ? await saveLeapPretrained(model) : await savePretrained(model);
  const files: CheckpointFiles = { 'config.json': strToU8(saved.config), 'model.safetensors': saved.weights };
  const spec: TokenizerSpec = tokenizer instanceof CharTokenizer ? tokenizer.toJSON() : { type: 'gpt2' };
  files[TOKENIZER_FILE] = strToU8(JSON.stringify(spec));
  files['README.md'] = strToU8(
    `# ${description}\n\nTrained in the browser by the lightattn demo.\n\n` +
      `- config.json, model.safetensors: Hugging Face format (${model instanceof LeapForCausalLM ? "LEAP, the original package's names" : 'transformers.GPT2LMHeadModel.from_pretrained(folder) loads it'}).\n` +
      `- ${TOKENIZER_FILE}: the tokenizer as lightattn's trainer writes it (a character vocabulary: token id = index in "chars"; or {"type": "gpt2"}).\n`,
  );
  return files;
}

/** A zip holding the files in one folder named `folder`. */
export function zipCheckpoint(files: CheckpointFiles, folder: string): Uint8Array {
  const tree: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(files)) tree[`${folder}/${name}`] = bytes;
  // safetensors is float data: deflate gains little and costs time, so store it.
  return zipSync(tree, { level: 0 });
}

/** The files of a zipped checkpoint folder (the folder prefix removed; macOS metadata skipped). */
export function unzipCheckpoint(zip: Uint8Array): CheckpointFiles {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip);
  } catch (e) {
    throw new CheckpointFilesError(`the file is not a readable zip archive (${(e as Error).message})`);
  }
  const files: CheckpointFiles = {};
  for (const [path, bytes] of Object.entries(entries)) {
    if (path.endsWith('/') || path.startsWith('__MACOSX/')) continue;
    const name = path.split('/').pop()!;
    if (name in files) throw new CheckpointFilesError(`the zip holds two files named ${name}; zip one checkpoint folder`);
    files[name] = bytes;
  }
  return files;
}

/** Files picked by the user: one zip, or the folder's files themselves. */
export function collectCheckpointFiles(picked: readonly { name: string; bytes: Uint8Array }[]): CheckpointFiles {
  if (picked.length === 1 && picked[0]!.name.toLowerCase().endsWith('.zip')) return unzipCheckpoint(picked[0]!.bytes);
  const files: CheckpointFiles = {};
  for (const f of picked) files[f.name.split('/').pop()!] = f.bytes;
  return files;
}

/**
 * A model and its tokenizer from checkpoint files: GPT-2 (model_type "gpt2") or LEAP
 * (architectures LeapForCausalLM), weights from model.safetensors or its shards; the tokenizer is
 * the demo's character vocabulary when present, else GPT-2's BPE for a 50257-token vocabulary.
 */
export function loadCheckpoint(files: CheckpointFiles, device: Device): LoadedCheckpoint {
  const configBytes = files['config.json'];
  const names = Object.keys(files).sort();
  if (!configBytes)
    throw new CheckpointFilesError(`no config.json among the files (${names.join(', ') || 'none'}); pick a checkpoint folder's files or its zip`);
  // model.safetensors or HF's shards; other safetensors files (the trainer's optimizer.safetensors) are not weights.
  const weightNames = names.filter((n) => /^model(-\d+-of-\d+)?\.safetensors$/.test(n));
  if (!weightNames.length) {
    const hint = names.some((n) => n.endsWith('.bin')) ? ' (PyTorch .bin files cannot be read in the browser; save with safe_serialization=True)' : '';
    throw new CheckpointFilesError(`no model.safetensors (or model-0000N-of-0000M.safetensors shards) among the files (${names.join(', ')})${hint}`);
  }
  const config = strFromU8(configBytes);
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(config) as Record<string, unknown>;
  } catch (e) {
    throw new CheckpointFilesError(`config.json is not valid JSON: ${(e as Error).message}`);
  }
  const modelType = String(parsed.model_type ?? '');
  const architectures = Array.isArray(parsed.architectures) ? parsed.architectures.map(String) : [];
  const weights = weightNames.map((n) => files[n]!);
  const isLeap = architectures.includes('LeapForCausalLM') || modelType === 'LeapForCausalLM' || modelType === 'leap';
  if (!isLeap && modelType !== 'gpt2') {
    throw new CheckpointFilesError(
      `config.json has model_type ${JSON.stringify(parsed.model_type)}; the demo loads GPT-2 ("gpt2") and LEAP (LeapForCausalLM) checkpoints`,
    );
  }
  const model: DemoModel = isLeap ? loadLeapPretrained({ config, weights }, { device }) : loadPretrained({ config, weights }, { device });
  try {
    return { model, tokenizer: tokenizerFor(files, model.config.vocab_size), family: isLeap ? 'leap' : 'gpt2', modelType: isLeap ? 'LeapForCausalLM' : 'gpt2' };
  } catch (e) {
    model.dispose();
    throw e;
  }
}

function tokenizerFor(files: CheckpointFiles, vocabSize: number): Tokenizer {
  const file = files[TOKENIZER_FILE];
  let spec: Partial<TokenizerSpec> = {};
  if (file) {
    try {
      spec = JSON.parse(strFromU8(file)) as Partial<TokenizerSpec>;
    } catch (e) {
      throw new CheckpointFilesError(`${TOKENIZER_FILE} is not valid JSON: ${(e as Error).message}`);
    }
  }
  if (spec.type === 'char') {
    const tokenizer = CharTokenizer.fromJSON(spec as { chars: string[]; eos?: boolean });
    if (tokenizer.vocabSize !== vocabSize)
      throw new CheckpointFilesError(`${TOKENIZER_FILE} has ${tokenizer.vocabSize} tokens but the model's vocab_size is ${vocabSize}`);
    return tokenizer;
  }
  const bpe = new GPT2Tokenizer();
  if (vocabSize === bpe.vocabSize) return bpe;
  throw new CheckpointFilesError(
    `the model has vocab_size ${vocabSize} and ${file ? `${TOKENIZER_FILE} holds no character vocabulary` : `there is no ${TOKENIZER_FILE}`}; the demo knows GPT-2's 50257-token BPE and character vocabularies ({"type": "char", "chars": [...]})`,
  );
}
