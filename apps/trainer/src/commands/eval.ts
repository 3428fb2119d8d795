import { resolve } from 'node:path';
import { ATTN_IMPLS, TokenizerError, type AttnImpl, type GPT2LMHeadModel } from '@lightattn/gpt2-model';
import { formatHelp, parseArgs, type FlagSpecs } from '../args.js';
import { readCheckpoint, readingFile, resolveCheckpointDir } from '../checkpoint/checkpoint.js';
import { checkTokenizerFits } from '../checkpoint/tokenizer-check.js';
import { loadTokenData, readSources, tokenizerFromSpec } from '../data/text-data.js';
import { type MatmulPrecision, selectDevice, type DeviceChoice } from '../device-select.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { formatDuration, formatSi, formatTable } from '../format.js';
import type { CommandIo } from '../io.js';
import { describeModel, loadModel, modelConfigFromJson, type LanguageModel } from '../model-factory.js';
import { evaluateLoss } from '../train/evaluate.js';
import { DEBUG_FLAG, DEVICE_FLAG } from './model-flags.js';

export const EVAL_FLAGS = {
  ckpt: { type: 'string', placeholder: 'DIR', help: 'checkpoint folder; or give it as the first argument' },
  data: { type: 'list', placeholder: 'FILE', help: 'text files to score (default: the validation split of the run that wrote the checkpoint)' },
  seq: { type: 'int', min: 2, placeholder: 'T', help: 'window length (default: the training --seq, else n_positions)' },
  batch: { type: 'int', min: 1, default: 8, placeholder: 'B', help: 'windows per forward pass' },
  'max-batches': { type: 'int', min: 1, placeholder: 'N', help: 'score at most N batches' },
  attn: { type: 'string', choices: ATTN_IMPLS, help: 'evaluate GPT-2 with another attention implementation (same weights)' },
  ...DEVICE_FLAG,
  ...DEBUG_FLAG,
} as const satisfies FlagSpecs;

export const EVAL_HELP = formatHelp(
  'lightattn eval <checkpoint> [options]',
  'Perplexity of a checkpoint on text files, or on the validation split it was trained with.',
  EVAL_FLAGS,
);

/** `lightattn eval`. */
export async function evalCommand(argv: readonly string[], io: CommandIo, cwd = process.cwd()): Promise<number> {
  const a = parseArgs(argv, EVAL_FLAGS, 'eval');
  const f = a.flags;
  if (f.help) {
    io.stdout.write(`${EVAL_HELP}\n`);
    return EXIT.ok;
  }
  const path = f.ckpt ?? a.positionals[0];
  if (!path) throw new UsageError('eval: which checkpoint? give its folder, e.g. `lightattn eval runs/my-run`');
  const extra = a.positionals.slice(f.ckpt !== undefined ? 0 : 1);
  if (extra.length)
    throw new UsageError(`eval: unexpected argument ${JSON.stringify(extra[0])}; eval takes one checkpoint`, 'text files to score go after --data');
  const dir = resolveCheckpointDir(path, (t) => io.stderr.write(`${t}\n`));
  const files = readCheckpoint(dir);
  if (f.attn !== undefined && modelConfigFromJson(files.config).kind === 'leap') {
    throw new UsageError(`eval: --attn chooses GPT-2's attention; ${dir} is a LEAP model, which has its own`, 'leave out --attn for LEAP');
  }
  const tokenizer = tokenizerFromSpec(files.tokenizer);
  checkTokenizerFits(tokenizer, files.tokenizer.type, modelConfigFromJson(files.config).config.vocab_size, dir);
  let tokens: Int32Array;
  let source: string;
  if (f.data?.length) {
    const paths = f.data.map((p) => resolve(cwd, p));
    const text = readSources(paths, null, '--data', (t) => io.stderr.write(`${t}\n`));
    try {
      tokens = Int32Array.from(tokenizer.encode(text));
    } catch (e) {
      if (!(e instanceof TokenizerError)) throw e;
      throw new CliError(
        `--data: ${paths.join(', ')} cannot be encoded by the checkpoint's tokenizer: ${e.message.replace(/^CharTokenizer\.encode: /, '').replace(/; build it from text that contains it$/, '')}`,
        undefined,
        'a character model knows only the characters of its training text; score text made of those',
      );
    }
    source = paths.join(', ');
  } else if (files.state) {
    tokens = loadTokenData(files.state.data, files.tokenizer, (t) => io.stderr.write(`${t}\n`)).val;
    source = 'the validation split of the training data';
  } else throw new CliError(`${dir} has no trainer_state.json, so there is no validation split to use`, undefined, 'pass the text to score with --data FILE');
  const selected = await selectDevice(f.device as DeviceChoice, {
    tensorCores: f['tensor-cores'],
    matmulPrecision: f['matmul-precision'] as MatmulPrecision | undefined,
  });
  let lm: LanguageModel;
  try {
    lm = readingFile(dir, 'model.safetensors', () => loadModel(files, selected.device, 0, f.attn ? { attn_impl: f.attn as AttnImpl } : {}));
  } catch (e) {
    selected.release();
    throw e;
  }
  try {
    const nPositions = lm.kind === 'gpt2' ? (lm.model as GPT2LMHeadModel).config.n_positions : lm.model.config.n_positions;
    const seq = f.seq ?? Math.min(files.state?.settings.seq ?? nPositions, nPositions);
    if (seq > nPositions) throw new UsageError(`eval: --seq ${seq} exceeds the model's n_positions ${nPositions}`);
    if (tokens.length < seq)
      throw new CliError(`eval: ${source} has ${tokens.length} tokens, fewer than one window of ${seq}`, undefined, 'give more text or a smaller --seq');
    io.stderr.write(`${describeModel(lm)} from ${dir} on ${selected.reason}\n`);
    const start = performance.now();
    const r = await evaluateLoss(lm, tokens, { seq, batch: f.batch!, maxBatches: f['max-batches'] });
    const ms = performance.now() - start;
    const rows: [string, string][] = [
      ['text', source],
      ['tokens scored', `${r.tokens} (${r.windows} windows of ${seq})`],
      ['loss', `${r.loss.toFixed(4)} nats/token`],
      ['perplexity', r.perplexity.toFixed(3)],
      ['time', `${formatDuration(ms)} (${formatSi((r.windows * seq * 1000) / Math.max(1, ms))} tokens/s)`],
    ];
    io.stdout.write(`${formatTable(['eval', ''], rows, ['left', 'left'])}\n`);
    return EXIT.ok;
  } finally {
    lm.model.dispose();
    selected.release();
  }
}
