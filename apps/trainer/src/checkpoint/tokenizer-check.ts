import { join } from 'node:path';
import type { Tokenizer } from '@lightattn/gpt2-model';
import { CliError } from '../errors.js';

/**
 * Refuses a checkpoint whose tokenizer.json and config.json disagree on the vocabulary, at load and
 * naming both files, instead of an "is not a token id" error in the middle of a generation: a
 * character tokenizer must have exactly the model's vocab_size entries (a smaller one cannot
 * decode what the model samples, a larger one encodes ids the model has no embedding for);
 * GPT-2's BPE needs at least its 50257 ids (a larger vocab_size, padded for speed, is fine).
 */
export function checkTokenizerFits(tokenizer: Tokenizer, kind: 'char' | 'gpt2', vocabSize: number, dir: string): void {
  const n = tokenizer.vocabSize;
  const fits = kind === 'char' ? n === vocabSize : n <= vocabSize;
  if (fits) return;
  const tokenizerFile = kind === 'gpt2' ? `GPT-2's BPE tokenizer (${join(dir, 'tokenizer.json')} or its absence)` : join(dir, 'tokenizer.json');
  throw new CliError(
    `${tokenizerFile} has ${n} tokens, but ${join(dir, 'config.json')} has vocab_size ${vocabSize}: they are not of the same model`,
    undefined,
    'use the tokenizer.json the model was trained with (a lightattn checkpoint folder holds both)',
  );
}
