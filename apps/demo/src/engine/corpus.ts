import { SamplingRng } from '@lightattn/gpt2-model';
import { LightattnError } from '@lightattn/tensor-core';

/**
 * The built-in training text: short, repetitive prose about attention, written for this demo (no
 * licence questions), so a tiny character model learns its spelling within a few hundred steps.
 */
export const BUILTIN_TEXT = `Attention lets every token look back at the tokens before it.
A query asks a question, a key answers it, and a value carries what the token has to say.
The scores of all queries against all keys form a square table, one row and one column per token.
The softmax turns each row into weights, and the weights mix the values into the output.
That table grows with the square of the sequence: twice the tokens, four times the memory.
LightSoftmax keeps only the output of the softmax, because its gradient needs nothing else.
DropMatmul keeps the scores and the mask, and drops the dropped copy of the table.
Chunked attention cuts the queries into pieces, so no piece of the table is larger than a cap.
Flash attention never stores the table at all: it keeps one number per query, the log of the sum.
The backward pass builds the table again, tile by tile, from the queries, the keys and that number.
LEAP gives every token one focus weight per head instead of a row of the table.
Each token reads a weighted mean of the values in its window, and the weights are the focus.
The focus is small, so the memory grows with the sequence and not with its square.
The focus also explains the model: a large focus means that later tokens listen to this one.
A model that is small enough trains in the browser, on the graphics card, while you watch the loss fall.
`;

/**
 * Random windows of `seq` consecutive tokens from a token stream, `batch` per call. The model
 * shifts its labels itself (position t predicts token t + 1), so a window is both input and labels.
 */
export class TokenBatcher {
  /**
   * Philox uniforms at (seed, draw), gpt2-model's sampling generator: the same seed samples the same
   * batches on every device. They carry 24 bits, so every start is reachable up to 2²⁴ windows.
   */
  private readonly random: SamplingRng;

  constructor(
    readonly ids: readonly number[],
    readonly batch: number,
    readonly seq: number,
    seed = 0,
  ) {
    if (!(Number.isSafeInteger(batch) && batch >= 1)) throw new LightattnError(`TokenBatcher: batch must be a positive integer, got ${batch}`);
    if (!(Number.isSafeInteger(seq) && seq >= 2))
      throw new LightattnError(`TokenBatcher: the sequence length must be an integer ≥ 2 (one input and one target), got ${seq}`);
    if (ids.length < seq) {
      throw new LightattnError(
        `TokenBatcher: the text has ${ids.length} tokens, fewer than the sequence length ${seq}; use a longer text or a shorter sequence`,
      );
    }
    this.random = new SamplingRng(seed);
  }

  /** Row-major [batch, seq] token ids. */
  next(): Int32Array {
    const out = new Int32Array(this.batch * this.seq);
    const starts = this.ids.length - this.seq + 1;
    for (let b = 0; b < this.batch; b++) {
      const start = Math.floor(this.random.uniform() * starts);
      for (let t = 0; t < this.seq; t++) out[b * this.seq + t] = this.ids[start + t]!;
    }
    return out;
  }
}

/**
 * Rejects text that is not prose: a NUL character, or more than 1 in 50 characters being control
 * characters (other than tab, newline, carriage return) or U+FFFD, the replacement a decoder puts
 * for bytes that are not UTF-8. A binary file read as text looks like that, and training on it
 * would only learn noise.
 */
export function checkTrainingText(text: string, what = 'the text'): void {
  if (!text.length) throw new LightattnError(`train: ${what} is empty; paste or upload some text to train on`);
  let odd = 0;
  let chars = 0;
  for (const c of text) {
    chars++;
    const code = c.codePointAt(0)!;
    if (code === 0) throw new LightattnError(`train: ${what} has NUL characters, so it is a binary file, not text; upload a plain-text (UTF-8) .txt file`);
    if (code === 0xfffd || (code < 32 && c !== '\n' && c !== '\r' && c !== '\t') || (code >= 0x7f && code < 0xa0)) odd++;
  }
  if (odd * 50 > chars) {
    throw new LightattnError(
      `train: ${what} does not look like text (${odd} of its ${chars} characters are control characters or bytes that are not UTF-8); upload a plain-text (UTF-8) .txt file`,
    );
  }
}

/** A picked file as training text, or an error that names it when it is not UTF-8 text. */
export function decodeTrainingFile(name: string, data: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new LightattnError(`train: ${name} is not UTF-8 text (it looks like a binary file); upload a plain-text .txt file`);
  }
  checkTrainingText(text, name);
  return text;
}
