import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readTokenizerJson } from '@lightattn/gpt2-model';
import { CliError } from '../errors.js';
import type { LoaderPosition } from '../data/batch-loader.js';
import type { DataSpec, TokenizerSpec } from '../data/text-data.js';
import { removeStaleTemps, TEMP_PREFIX, writeDirAtomic, writeFileAtomic, type WriteHooks } from './atomic-dir.js';

/**
 * A training checkpoint is a folder `step-000123` in the checkpoint folder:
 *
 *   config.json, model.safetensors   the model, as Hugging Face's save_pretrained writes it
 *   tokenizer.json                    {"type": "gpt2"} or the character vocabulary
 *   optimizer.safetensors             AdamW's moments and steps (autograd's optimizer state)
 *   trainer_state.json                step, data-loader position, generator states, the run's settings
 *
 * and `latest.json` next to the step folders names the newest. Each folder is written by
 * writeDirAtomic, so it is complete or absent; older ones are deleted only after a newer one is in place.
 */
export const TRAINER_STATE_FORMAT = 'lightattn.trainer/1';

export interface GeneratorState {
  seed: number;
  offset: number;
}

/** The run's settings that a resumed run must share (model shape and data are fixed by the checkpoint). */
export interface RunSettings {
  seq: number;
  batch: number;
  steps: number | null;
  epochs: number | null;
  maxTimeMs: number | null;
  lr: number;
  schedule: 'constant' | 'cosine' | 'linear';
  warmup: number;
  minLrRatio: number;
  weightDecay: number;
  clip: number;
  seed: number;
  evalInterval: number;
  evalBatches: number;
  lossChunkTokens: number | null;
}

export interface TrainerState {
  format: typeof TRAINER_STATE_FORMAT;
  /** Optimizer steps done. */
  step: number;
  tokensSeen: number;
  /** Training time before this checkpoint, summed over resumed runs. */
  elapsedMs: number;
  loader: LoaderPosition;
  generators: { init: GeneratorState; dropout: GeneratorState };
  settings: RunSettings;
  data: DataSpec;
  lastLoss: number | null;
  bestValLoss: number | null;
  /** ISO time of writing. */
  savedAt: string;
}

export interface CheckpointFiles {
  config: string;
  weights: Uint8Array;
  tokenizer: TokenizerSpec;
  optimizer: Uint8Array | null;
  state: TrainerState | null;
}

const STEP_DIR = /^step-(\d+)$/;
export const stepDirName = (step: number) => `step-${String(step).padStart(6, '0')}`;

/**
 * Writes the checkpoint of `files.state.step` atomically, points latest.json at it, then deletes
 * all but the newest `keep` step folders. Returns the folder written.
 */
export function saveCheckpoint(dir: string, files: CheckpointFiles & { state: TrainerState }, options: { keep?: number; hooks?: WriteHooks } = {}): string {
  removeStaleTemps(dir);
  const target = join(dir, stepDirName(files.state.step));
  const entries = [
    { name: 'config.json', data: files.config },
    { name: 'model.safetensors', data: files.weights },
    { name: 'tokenizer.json', data: JSON.stringify(files.tokenizer) },
    ...(files.optimizer ? [{ name: 'optimizer.safetensors', data: files.optimizer }] : []),
    { name: 'trainer_state.json', data: JSON.stringify(files.state, null, 2) },
  ];
  writeDirAtomic(target, entries, options.hooks);
  writeFileAtomic(join(dir, 'latest.json'), JSON.stringify({ step: files.state.step, dir: stepDirName(files.state.step) }, null, 2));
  const keep = Math.max(1, options.keep ?? 2);
  for (const old of listCheckpoints(dir).slice(0, -keep)) rmSync(old.path, { recursive: true, force: true });
  return target;
}

/** Complete step folders in `dir`, oldest first. */
export function listCheckpoints(dir: string): { step: number; path: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, m: STEP_DIR.exec(name) }))
    .filter(({ name, m }) => m && !name.startsWith(TEMP_PREFIX) && existsSync(join(dir, name, 'config.json')))
    .map(({ name, m }) => ({ step: Number(m![1]), path: join(dir, name) }))
    .sort((a, b) => a.step - b.step);
}

/**
 * The checkpoint folder that `path` means: a folder with config.json itself, or a checkpoint
 * folder's newest step (latest.json, else the highest complete step folder).
 */
export function resolveCheckpointDir(path: string): string {
  const p = resolve(path);
  if (!existsSync(p)) throw new CliError(`${path}: no such checkpoint folder`, undefined, 'pass the --ckpt-dir of a training run, or one of its step-NNNNNN folders');
  if (!statSync(p).isDirectory()) throw new CliError(`${path} is a file; a checkpoint is a folder (config.json, model.safetensors, …)`);
  if (existsSync(join(p, 'config.json'))) return p;
  const latest = join(p, 'latest.json');
  if (existsSync(latest)) {
    try {
      const { dir } = JSON.parse(readFileSync(latest, 'utf8')) as { dir: string };
      if (existsSync(join(p, dir, 'config.json'))) return join(p, dir);
    } catch {
      // A damaged latest.json: fall back to scanning the step folders.
    }
  }
  const all = listCheckpoints(p);
  if (!all.length) throw new CliError(`${path}: no checkpoint here (no config.json, and no step-NNNNNN folder with one)`);
  return all[all.length - 1]!.path;
}

/**
 * Reads a checkpoint folder; a plain Hugging Face GPT-2 folder (no tokenizer.json) gets GPT-2's
 * tokenizer. tokenizer.json is checked here against config.json's vocab_size (readTokenizerJson), so
 * a wrong or missing one is named at load instead of failing later on an id the model lacks.
 */
export function readCheckpoint(dir: string): CheckpointFiles {
  const read = (name: string) => readFileSync(join(dir, name));
  if (!existsSync(join(dir, 'model.safetensors'))) throw new CliError(`${dir}: no model.safetensors`);
  const tokenizerPath = join(dir, 'tokenizer.json');
  const config = read('config.json').toString('utf8');
  const tokenizer: TokenizerSpec = readTokenizerJson(existsSync(tokenizerPath) ? read('tokenizer.json').toString('utf8') : null, { vocabSize: vocabSizeOf(config), file: tokenizerPath }).spec;
  const statePath = join(dir, 'trainer_state.json');
  let state: TrainerState | null = null;
  if (existsSync(statePath)) {
    state = JSON.parse(read('trainer_state.json').toString('utf8')) as TrainerState;
    if (state.format !== TRAINER_STATE_FORMAT) throw new CliError(`${statePath}: format ${JSON.stringify(state.format)} is not ${TRAINER_STATE_FORMAT}`);
  }
  return {
    config,
    weights: new Uint8Array(read('model.safetensors')),
    tokenizer,
    optimizer: existsSync(join(dir, 'optimizer.safetensors')) ? new Uint8Array(read('optimizer.safetensors')) : null,
    state,
  };
}

/** config.json's vocab_size, or undefined when the file does not give one (its own loader reports that). */
function vocabSizeOf(config: string): number | undefined {
  try {
    const v = (JSON.parse(config) as { vocab_size?: unknown } | null)?.vocab_size;
    return Number.isSafeInteger(v) ? (v as number) : undefined;
  } catch {
    return undefined;
  }
}
