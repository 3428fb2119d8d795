import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readTokenizerJson } from '@lightattn/gpt2-model';
import { CliError } from '../errors.js';
import type { LoaderPosition } from '../data/batch-loader.js';
import { LightattnError } from '@lightattn/tensor-core';
import type { DataSpec, TokenizerSpec } from '../data/text-data.js';
import { recoverTemps, writeDirAtomic, writeFileAtomic, type WriteHooks } from './atomic-dir.js';
import { validateTrainerState } from './trainer-state.js';

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
 * all but the newest `keep` step folders. Returns the folder written. Leftovers of a crashed write
 * are recovered first (recoverTemps): a complete copy is put in place, never deleted.
 */
export function saveCheckpoint(dir: string, files: CheckpointFiles & { state: TrainerState }, options: { keep?: number; hooks?: WriteHooks } = {}): string {
  recoverTemps(dir);
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

/** The files a folder needs to be read as a model; a step folder without them is damaged. */
const REQUIRED = ['config.json', 'model.safetensors'];
const missingFiles = (path: string) => REQUIRED.filter((f) => !existsSync(join(path, f)));

/** Step folders in `dir` (complete or not), oldest first. */
function stepFolders(dir: string): { step: number; path: string; name: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, m: STEP_DIR.exec(name) }))
    .filter(({ name, m }) => m && statSync(join(dir, name), { throwIfNoEntry: false })?.isDirectory())
    .map(({ name, m }) => ({ step: Number(m![1]), path: join(dir, name), name }))
    .sort((a, b) => a.step - b.step);
}

/** Step folders in `dir` that lack a file a checkpoint has (damaged, or not the trainer's), oldest first. */
export function incompleteStepFolders(dir: string): { step: number; path: string; missing: string[] }[] {
  return stepFolders(dir)
    .map((c) => ({ step: c.step, path: c.path, missing: missingFiles(c.path) }))
    .filter((c) => c.missing.length);
}

/** Complete step folders in `dir`, oldest first. */
export function listCheckpoints(dir: string): { step: number; path: string }[] {
  return stepFolders(dir)
    .filter((c) => !missingFiles(c.path).length)
    .map(({ step, path }) => ({ step, path }));
}

/** The error for a step folder that should be the newest checkpoint but lacks files. */
function damagedNewest(path: string, name: string, missing: string[], why: string, complete: { path: string }[]): CliError {
  const fallback = complete.length ? complete[complete.length - 1]!.path : null;
  return new CliError(
    `${why} ${name}, but ${path} is incomplete (no ${missing.join(', ')}), so the newest checkpoint of this run is damaged`,
    undefined,
    fallback
      ? `to use the newest complete one, pass ${fallback} itself; move ${name} aside (it is never deleted) to make that the run's newest`
      : 'no complete checkpoint is left in this folder; start a new run',
  );
}

/**
 * The checkpoint folder that `path` means: a folder with config.json itself, or a checkpoint
 * folder's newest step (latest.json, else the highest step folder). latest.json may name only a
 * step folder of this run (no path, so `../other-run` is refused). A newest step folder that is
 * incomplete is an error naming it, not a silent fall-back to an older step. Leftovers of a write
 * that crashed between its two renames are put back first (recoverTemps); `onNote` hears of it.
 */
export function resolveCheckpointDir(path: string, onNote?: (text: string) => void): string {
  const p = resolve(path);
  if (!existsSync(p))
    throw new CliError(`${path}: no such checkpoint folder`, undefined, 'pass the --ckpt-dir of a training run, or one of its step-NNNNNN folders');
  if (!statSync(p).isDirectory()) throw new CliError(`${path} is a file; a checkpoint is a folder (config.json, model.safetensors, …)`);
  if (existsSync(join(p, 'config.json'))) return p;
  const recovered = recoverTemps(p, { remove: false });
  for (const name of recovered.restored) onNote?.(`note: ${join(p, name)} was being written when a run stopped; its complete copy is back in place`);
  const complete = listCheckpoints(p);
  const latest = join(p, 'latest.json');
  let named: string | null = null;
  if (existsSync(latest)) {
    try {
      const json = JSON.parse(readFileSync(latest, 'utf8')) as { dir?: unknown };
      named = typeof json?.dir === 'string' ? json.dir : null;
    } catch {
      // A damaged latest.json (a torn write of an old version): the step folders tell the same.
    }
    if (named !== null) {
      if (!STEP_DIR.test(named)) {
        throw new CliError(
          `${latest} names ${JSON.stringify(named)}, which is not a step-NNNNNN folder of this run (latest.json names a folder next to it, never a path elsewhere)`,
          undefined,
          `pass the step folder to load itself, or fix ${latest} to {"dir": "step-NNNNNN"}`,
        );
      }
      const target = join(p, named);
      if (!existsSync(target)) {
        throw new CliError(
          `${latest} names ${named}, which does not exist in ${p}`,
          undefined,
          complete.length
            ? `pass ${complete[complete.length - 1]!.path} itself to use the newest complete checkpoint`
            : 'no complete checkpoint is left in this folder; start a new run',
        );
      }
      const missing = missingFiles(target);
      if (missing.length) throw damagedNewest(target, named, missing, `${latest} names`, complete);
    }
  }
  const folders = stepFolders(p);
  const newest = folders[folders.length - 1];
  if (newest && (named === null || Number(STEP_DIR.exec(named)![1]) < newest.step)) {
    const missing = missingFiles(newest.path);
    if (missing.length) throw damagedNewest(newest.path, newest.name, missing, 'the highest step folder is', complete);
  }
  if (named !== null) return join(p, named);
  if (!complete.length) throw new CliError(`${path}: no checkpoint here (no config.json, and no step-NNNNNN folder with one)`);
  return complete[complete.length - 1]!.path;
}

/**
 * Runs `fn`, which reads `file` of the checkpoint folder `dir` (model.safetensors into the model,
 * optimizer.safetensors into AdamW), turning a library's error about its contents (truncated,
 * mismatched) into one that names the file and what to do.
 */
export function readingFile<T>(dir: string, file: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof LightattnError) || e instanceof CliError) throw e;
    throw new CliError(
      `${join(dir, file)}: ${e.message}`,
      undefined,
      'the checkpoint is damaged or its files are not of one model; use another step-NNNNNN folder of the run',
    );
  }
}

/** Parses a JSON file of a checkpoint, naming the file when it is not JSON. */
function readJson(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new CliError(
      `${path} is not valid JSON (${(e as Error).message}); the checkpoint is damaged`,
      undefined,
      'use another step-NNNNNN folder of the run (each is complete on its own), or restore the file',
    );
  }
}

/**
 * Reads a checkpoint folder; a plain Hugging Face GPT-2 folder (no tokenizer.json) gets GPT-2's
 * tokenizer. tokenizer.json is checked against config.json's vocab_size (readTokenizerJson), so a
 * wrong or missing one is named at load instead of failing later on an id the model lacks.
 * `training: false` skips the training state (trainer_state.json and the optimizer),
 * which sampling does not need, so a damaged one does not stop it.
 */
export function readCheckpoint(dir: string, options: { training?: boolean } = {}): CheckpointFiles {
  const training = options.training ?? true;
  const read = (name: string) => readFileSync(join(dir, name));
  if (!existsSync(join(dir, 'model.safetensors'))) throw new CliError(`${dir}: no model.safetensors`);
  const configPath = join(dir, 'config.json');
  if (!existsSync(configPath)) throw new CliError(`${dir}: no config.json`);
  const config = readJson(configPath);
  if (!config || typeof config !== 'object' || Array.isArray(config)) throw new CliError(`${configPath} is not a JSON object; the checkpoint is damaged`);
  const tokenizerPath = join(dir, 'tokenizer.json');
  let tokenizer: TokenizerSpec;
  try {
    tokenizer = readTokenizerJson(existsSync(tokenizerPath) ? readFileSync(tokenizerPath, 'utf8') : null, {
      vocabSize: vocabSizeOf(config),
      file: tokenizerPath,
    }).spec;
  } catch (e) {
    if (!(e instanceof LightattnError)) throw e;
    // The library's message names the file and the problem; the hint says what to do here.
    throw new CliError(
      e.message,
      undefined,
      'the checkpoint is damaged, or its tokenizer.json is not the one the model was trained with: use another step-NNNNNN folder of the run, or put the right tokenizer.json beside config.json',
    );
  }
  const statePath = join(dir, 'trainer_state.json');
  let state: TrainerState | null = null;
  if (training && existsSync(statePath)) {
    const json = readJson(statePath) as { format?: unknown } | null;
    if (json?.format !== TRAINER_STATE_FORMAT) throw new CliError(`${statePath}: format ${JSON.stringify(json?.format)} is not ${TRAINER_STATE_FORMAT}`);
    state = validateTrainerState(json, statePath);
  }
  return {
    config: read('config.json').toString('utf8'),
    weights: new Uint8Array(read('model.safetensors')),
    tokenizer,
    optimizer: training && existsSync(join(dir, 'optimizer.safetensors')) ? new Uint8Array(read('optimizer.safetensors')) : null,
    state,
  };
}

/** config.json's vocab_size, or undefined when the file does not give one (its own loader reports that). */
function vocabSizeOf(config: object): number | undefined {
  const v = (config as { vocab_size?: unknown }).vocab_size;
  return Number.isSafeInteger(v) ? (v as number) : undefined;
}
