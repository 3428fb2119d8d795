import { streamText, TokenizerError, type DecodingModel, type GenerateOptions, type Tokenizer } from '@lightattn/gpt2-model';
import { formatHelp, parseArgs, type FlagSpecs } from '../args.js';
import { readCheckpoint, readingFile, resolveCheckpointDir } from '../checkpoint/checkpoint.js';
import { checkTokenizerFits } from '../checkpoint/tokenizer-check.js';
import { tokenizerFromSpec } from '../data/text-data.js';
import { type MatmulPrecision, selectDevice, type DeviceChoice } from '../device-select.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { formatDuration, formatSi } from '../format.js';
import type { CommandIo, Output } from '../io.js';
import { describeModel, loadModel, type LanguageModel } from '../model-factory.js';
import { DEBUG_FLAG, DEVICE_FLAG } from './model-flags.js';

export const SAMPLE_FLAGS = {
  ckpt: {
    type: 'string',
    placeholder: 'DIR',
    help: "checkpoint folder (a training run's --ckpt-dir, a step folder, or a Hugging Face GPT-2 folder); or give it as the first argument",
  },
  prompt: { type: 'string', default: 'The ', placeholder: 'TEXT', help: 'text to continue' },
  'max-new-tokens': { type: 'int', min: 1, default: 200, placeholder: 'N', help: 'tokens to generate' },
  temperature: { type: 'number', min: 0.0001, default: 0.8, help: 'below 1 sharpens the distribution, above 1 flattens it' },
  'top-k': { type: 'int', min: 1, placeholder: 'K', help: 'sample among the K most likely tokens' },
  'top-p': { type: 'number', min: 0.0001, max: 1, placeholder: 'P', help: 'sample among the most likely tokens whose probabilities add up to P' },
  greedy: { type: 'boolean', help: 'always take the most likely token (no sampling)' },
  seed: { type: 'int', min: 0, default: 0, help: 'seed of the sampling draws' },
  ...DEVICE_FLAG,
  ...DEBUG_FLAG,
} as const satisfies FlagSpecs;

export const SAMPLE_HELP = formatHelp('lightattn sample <checkpoint> [options]', 'Generate text from a checkpoint, streamed token by token.', SAMPLE_FLAGS);

/**
 * Checks a prompt before generating: it must encode with the model's tokenizer (a character model
 * knows only the characters of its training text) and fit in the model's `limit` (n_positions, or
 * null for a model without one). Returns a note when the limit will stop the generation before
 * `maxNewTokens`, else null. `flag` names the option the prompt came from; `defaulted` says the
 * user did not give it.
 */
export function checkPrompt(tokenizer: Tokenizer, limit: number | null, prompt: string, maxNewTokens: number, flag: string, defaulted: boolean): string | null {
  let ids: number[];
  try {
    ids = tokenizer.encode(prompt);
  } catch (e) {
    if (!(e instanceof TokenizerError)) throw e;
    const what = defaulted ? `the default prompt ${JSON.stringify(prompt)} (${flag} was not given)` : `${flag} ${JSON.stringify(prompt)}`;
    throw new CliError(
      `${what} cannot be encoded: ${e.message.replace(/^CharTokenizer\.encode: /, '')}`,
      undefined,
      `give ${flag} with characters the model was trained on`,
    );
  }
  if (!ids.length) throw new UsageError(`${flag} is empty; the model needs at least one token to continue`, `give ${flag} some text`);
  if (limit === null) return null;
  if (ids.length > limit) throw new UsageError(`${flag} has ${ids.length} tokens, more than the model's n_positions ${limit}`, `shorten ${flag}`);
  const room = limit - ids.length;
  if (maxNewTokens <= room) return null;
  return `note: the model reads at most n_positions ${limit} tokens and the prompt has ${ids.length}, so at most ${room} of the ${maxNewTokens} new tokens asked for are generated`;
}

/** Streams the prompt and its continuation to `out`; returns the tokens generated and the time taken. */
export async function printSample(
  lm: LanguageModel,
  tokenizer: Tokenizer,
  prompt: string,
  options: GenerateOptions,
  out: Output,
): Promise<{ tokens: number; ms: number }> {
  out.write(prompt);
  const start = performance.now();
  let pieces = 0;
  for await (const piece of streamText(lm.model as DecodingModel, tokenizer, prompt, options)) {
    out.write(piece);
    pieces++;
  }
  out.write('\n');
  return { tokens: pieces, ms: performance.now() - start };
}

/** `lightattn sample`. */
export async function sampleCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const a = parseArgs(argv, SAMPLE_FLAGS, 'sample');
  const f = a.flags;
  if (f.help) {
    io.stdout.write(`${SAMPLE_HELP}\n`);
    return EXIT.ok;
  }
  const path = f.ckpt ?? a.positionals[0];
  if (!path) throw new UsageError('sample: which checkpoint? give its folder, e.g. `lightattn sample runs/my-run`');
  const extra = a.positionals.slice(f.ckpt !== undefined ? 0 : 1);
  if (extra.length)
    throw new UsageError(
      `sample: unexpected argument ${JSON.stringify(extra[0])}; sample takes one checkpoint`,
      'text to continue goes after --prompt (quote it if it has spaces)',
    );
  const unused = ['temperature', 'top-k', 'top-p', 'seed'].filter((n) => a.given.has(n));
  if (f.greedy && unused.length)
    throw new UsageError(
      `--greedy always takes the most likely token, so ${unused.map((n) => `--${n}`).join(', ')} would be ignored`,
      'leave out --greedy to sample, or the sampling options to decode greedily',
    );
  const dir = resolveCheckpointDir(path, (t) => io.stderr.write(`${t}\n`));
  const files = readCheckpoint(dir, { training: false });
  const tokenizer = tokenizerFromSpec(files.tokenizer);
  const selected = await selectDevice(f.device as DeviceChoice, {
    tensorCores: f['tensor-cores'],
    matmulPrecision: f['matmul-precision'] as MatmulPrecision | undefined,
  });
  let lm: LanguageModel;
  try {
    lm = readingFile(dir, 'model.safetensors', () => loadModel(files, selected.device));
  } catch (e) {
    selected.release();
    throw e;
  }
  try {
    checkTokenizerFits(tokenizer, files.tokenizer.type, lm.model.config.vocab_size, dir);
    io.stderr.write(`${describeModel(lm)} from ${dir} on ${selected.reason}\n`);
    const model = lm.model as DecodingModel;
    const note = checkPrompt(
      tokenizer,
      model.boundedPositions ? model.config.n_positions : null,
      f.prompt!,
      f['max-new-tokens']!,
      '--prompt',
      !a.given.has('prompt'),
    );
    if (note) io.stderr.write(`${note}\n`);
    const { tokens, ms } = await printSample(
      lm,
      tokenizer,
      f.prompt!,
      { maxNewTokens: f['max-new-tokens']!, doSample: !f.greedy, temperature: f.temperature, topK: f['top-k'], topP: f['top-p'], seed: f.seed },
      io.stdout,
    );
    io.stderr.write(`${tokens} pieces in ${formatDuration(ms)} (${formatSi((tokens * 1000) / Math.max(1, ms))}/s)\n`);
    return EXIT.ok;
  } finally {
    lm.model.dispose();
    selected.release();
  }
}
