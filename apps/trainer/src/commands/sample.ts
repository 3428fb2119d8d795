import { streamText, type DecodingModel, type GenerateOptions, type Tokenizer } from '@lightattn/gpt2-model';
import { formatHelp, parseArgs, type FlagSpecs } from '../args.js';
import { readCheckpoint, resolveCheckpointDir } from '../checkpoint/checkpoint.js';
import { tokenizerFromSpec } from '../data/text-data.js';
import { type MatmulPrecision, selectDevice, type DeviceChoice } from '../device-select.js';
import { EXIT, UsageError } from '../errors.js';
import { formatDuration, formatSi } from '../format.js';
import type { CommandIo, Output } from '../io.js';
import { describeModel, loadModel, type LanguageModel } from '../model-factory.js';
import { DEBUG_FLAG, DEVICE_FLAG } from './model-flags.js';

export const SAMPLE_FLAGS = {
  ckpt: { type: 'string', placeholder: 'DIR', help: 'checkpoint folder (a training run\'s --ckpt-dir, a step folder, or a Hugging Face GPT-2 folder); or give it as the first argument' },
  prompt: { type: 'string', default: 'The ', placeholder: 'TEXT', help: 'text to continue' },
  'max-new-tokens': { type: 'int', min: 1, default: 200, placeholder: 'N', help: 'tokens to generate' },
  temperature: { type: 'number', min: 0.0001, default: 0.8, help: 'below 1 sharpens the distribution, above 1 flattens it' },
  'top-k': { type: 'int', min: 1, placeholder: 'K', help: 'sample among the K most likely tokens' },
  'top-p': { type: 'number', min: 0.0001, placeholder: 'P', help: 'sample among the most likely tokens whose probabilities add up to P' },
  greedy: { type: 'boolean', help: 'always take the most likely token (no sampling)' },
  seed: { type: 'int', min: 0, default: 0, help: 'seed of the sampling draws' },
  ...DEVICE_FLAG,
  ...DEBUG_FLAG,
} as const satisfies FlagSpecs;

export const SAMPLE_HELP = formatHelp('lightattn sample <checkpoint> [options]', 'Generate text from a checkpoint, streamed token by token.', SAMPLE_FLAGS);

/** Streams the prompt and its continuation to `out`; returns the tokens generated and the time taken. */
export async function printSample(lm: LanguageModel, tokenizer: Tokenizer, prompt: string, options: GenerateOptions, out: Output): Promise<{ tokens: number; ms: number }> {
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
  const dir = resolveCheckpointDir(path);
  const files = readCheckpoint(dir);
  const tokenizer = tokenizerFromSpec(files.tokenizer);
  const selected = await selectDevice(f.device as DeviceChoice, { tensorCores: f['tensor-cores'], matmulPrecision: f['matmul-precision'] as MatmulPrecision | undefined });
  const lm = loadModel(files, selected.device);
  try {
    io.stderr.write(`${describeModel(lm)} from ${dir} on ${selected.reason}\n`);
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
