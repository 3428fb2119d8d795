// @lightattn/gpt2-model/node: checkpoint folders on disk (node:fs). The main entry point stays
// free of Node modules so it bundles for browsers; this one adds file I/O around its bytes API.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CheckpointError, loadPretrained, savePretrained, type LoadPretrainedOptions, type PretrainedFiles, type SavePretrainedOptions } from './checkpoint.js';
import { GPT2ConfigError } from './config.js';
import type { GPT2LMHeadModel } from './model.js';

/**
 * Reads a Hugging Face checkpoint folder: config.json, and model.safetensors or the shards listed
 * in model.safetensors.index.json.
 */
export function readPretrainedDir(dir: string): PretrainedFiles {
  const configPath = join(dir, 'config.json');
  if (!existsSync(configPath)) throw new CheckpointError(`${dir}: no config.json (a Hugging Face checkpoint folder has config.json and model.safetensors)`);
  const config = readFileSync(configPath, 'utf8');
  const single = join(dir, 'model.safetensors');
  const indexPath = join(dir, 'model.safetensors.index.json');
  if (existsSync(single)) return { config, weights: new Uint8Array(readFileSync(single)) };
  if (existsSync(indexPath)) {
    let index: { weight_map?: Record<string, string> };
    try {
      index = JSON.parse(readFileSync(indexPath, 'utf8')) as { weight_map?: Record<string, string> };
    } catch (e) {
      throw new CheckpointError(`${indexPath} is not valid JSON: ${(e as Error).message}`);
    }
    const shards = [...new Set(Object.values(index.weight_map ?? {}))].sort();
    if (!shards.length) throw new CheckpointError(`${indexPath}: weight_map lists no shard files`);
    return { config, weights: shards.map((f) => new Uint8Array(readFileSync(join(dir, f)))) };
  }
  const files = readdirSync(dir);
  const hint = files.includes('pytorch_model.bin')
    ? '; it has pytorch_model.bin (a pickle, which is not read here): convert it with `transformers` — GPT2LMHeadModel.from_pretrained(dir).save_pretrained(out, safe_serialization=True)'
    : '';
  throw new CheckpointError(`${dir}: no model.safetensors or model.safetensors.index.json${hint}`);
}

/** `loadPretrained` on a folder on disk; a config error names the folder's config.json. */
export function loadPretrainedFromDir(dir: string, options: LoadPretrainedOptions = {}): GPT2LMHeadModel {
  const files = readPretrainedDir(dir);
  try {
    return loadPretrained(files, options);
  } catch (e) {
    if (e instanceof GPT2ConfigError && e.message.startsWith('config.json'))
      throw new GPT2ConfigError(`${join(dir, 'config.json')}${e.message.slice('config.json'.length)}`);
    throw e;
  }
}

/** Writes config.json and model.safetensors into `dir` (created if needed), as HF's save_pretrained does. */
export async function savePretrainedToDir(model: GPT2LMHeadModel, dir: string, options: SavePretrainedOptions = {}): Promise<void> {
  const files = await savePretrained(model, options);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.json'), files.config);
  writeFileSync(join(dir, 'model.safetensors'), files.weights);
}
