import { LightattnError } from '@lightattn/tensor-core';
import bpeRanks from 'gpt-tokenizer/bpeRanks/r50k_base';
import { encode as bpeEncode } from 'gpt-tokenizer/encoding/r50k_base';

/** Text or ids a tokenizer cannot handle. */
export class TokenizerError extends LightattnError {
  override name = 'TokenizerError';
}

/** Text ↔ token ids. */
export interface Tokenizer {
  readonly vocabSize: number;
  /** The end-of-text token, or null when the vocabulary has none. */
  readonly eosTokenId: number | null;
  /** Token ids of `text`. */
  encode(text: string): number[];
  /** The text of token ids. */
  decode(ids: readonly number[]): string;
}

/** GPT-2's end-of-text token, `<|endoftext|>`. */
export const GPT2_EOS_TOKEN_ID = 50256;

/** Each token's bytes (the rank table holds a string for valid UTF-8 tokens, else the byte values). */
let tokenBytes: Uint8Array[] | null = null;
function bytesOfTokens(): Uint8Array[] {
  if (!tokenBytes) {
    const utf8 = new TextEncoder();
    tokenBytes = bpeRanks.map((t) => (typeof t === 'string' ? utf8.encode(t) : Uint8Array.from(t)));
    tokenBytes.push(utf8.encode('<|endoftext|>'));
  }
  return tokenBytes;
}

/**
 * GPT-2's byte-level BPE (tiktoken's `r50k_base`, the vocabulary of every GPT-2 checkpoint) from
 * the `gpt-tokenizer` package, which ships the merges: no download at run time. Any string
 * round-trips; `<|endoftext|>` in the text becomes token 50256 as HF's GPT2Tokenizer does, unless
 * `allowSpecial` is false (then it is encoded as plain text).
 *
 * Decoding joins the tokens' bytes and decodes them as UTF-8 with U+FFFD for incomplete sequences,
 * as HF's `errors="replace"` does. (gpt-tokenizer's own decode keeps an incomplete trailing
 * character in a shared streaming decoder and prepends it to the next call's text, so it is not used.)
 */
export class GPT2Tokenizer implements Tokenizer {
  readonly vocabSize = 50257;
  readonly eosTokenId = GPT2_EOS_TOKEN_ID;

  constructor(readonly options: { allowSpecial?: boolean } = {}) {}

  /** GPT-2 BPE token ids of `text`; `<|endoftext|>` is token 50256 unless `allowSpecial: false`. */
  encode(text: string): number[] {
    return this.options.allowSpecial === false ? bpeEncode(text, { disallowedSpecial: new Set() }) : bpeEncode(text, { allowedSpecial: 'all' });
  }

  /** The text of BPE ids; an incomplete UTF-8 character becomes U+FFFD. */
  decode(ids: readonly number[]): string {
    const table = bytesOfTokens();
    const parts = ids.map((id) => {
      const bytes = Number.isInteger(id) ? table[id] : undefined;
      if (!bytes) throw new TokenizerError(`GPT2Tokenizer.decode: ${id} is not a token id (0 … ${this.vocabSize - 1})`);
      return bytes;
    });
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return new TextDecoder('utf-8').decode(out);
  }
}

/**
 * One token per Unicode code point (so an emoji is one token, not two UTF-16 halves), for small
 * experiments such as tiny Shakespeare. The vocabulary is the sorted set of code points of a text,
 * optionally with an end-of-text token appended after them.
 */
export class CharTokenizer implements Tokenizer {
  readonly eosTokenId: number | null;
  private readonly ids: Map<string, number>;

  constructor(
    /** The characters, in id order. */
    readonly chars: readonly string[],
    options: { eos?: boolean } = {},
  ) {
    this.ids = new Map();
    chars.forEach((c, i) => {
      if ([...c].length !== 1) throw new TokenizerError(`CharTokenizer: vocabulary entry ${i} ${JSON.stringify(c)} is not one code point`);
      if (this.ids.has(c)) throw new TokenizerError(`CharTokenizer: ${JSON.stringify(c)} appears twice in the vocabulary (ids ${this.ids.get(c)} and ${i})`);
      this.ids.set(c, i);
    });
    this.eosTokenId = options.eos ? chars.length : null;
  }

  /** The vocabulary of every code point in `text`, sorted by code point. */
  static fromText(text: string, options: { eos?: boolean } = {}): CharTokenizer {
    const set = [...new Set(text)].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
    return new CharTokenizer(set, options);
  }

  get vocabSize(): number {
    return this.chars.length + (this.eosTokenId === null ? 0 : 1);
  }

  /** One id per code point; throws a TokenizerError for a character not in the vocabulary. */
  encode(text: string): number[] {
    const out: number[] = [];
    let at = 0;
    for (const c of text) {
      const id = this.ids.get(c);
      if (id === undefined) {
        throw new TokenizerError(
          `CharTokenizer.encode: ${JSON.stringify(c)} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) at index ${at} is not in the ${this.chars.length}-character vocabulary; build it from text that contains it`,
        );
      }
      out.push(id);
      at += c.length;
    }
    return out;
  }

  /** The characters of the ids; the end-of-text token decodes to nothing. */
  decode(ids: readonly number[]): string {
    return ids
      .map((id) => {
        if (id === this.eosTokenId) return '';
        const c = this.chars[id];
        if (c === undefined) throw new TokenizerError(`CharTokenizer.decode: ${id} is not a token id (0 … ${this.vocabSize - 1})`);
        return c;
      })
      .join('');
  }

  /** The vocabulary as JSON (the trainer's tokenizer.json). */
  toJSON(): { type: 'char'; chars: string[]; eos: boolean } {
    return { type: 'char', chars: [...this.chars], eos: this.eosTokenId !== null };
  }

  /** A tokenizer from {@link CharTokenizer.toJSON}'s output. */
  static fromJSON(json: { chars: string[]; eos?: boolean }): CharTokenizer {
    return new CharTokenizer(json.chars, { eos: json.eos });
  }
}

/**
 * Turns a stream of token ids into text pieces without splitting a character: byte-level BPE
 * spreads one emoji over several tokens, so pending tokens are held back while their text ends in
 * an incomplete UTF-8 sequence (decoded as U+FFFD) and released once it completes.
 */
export class TextStreamer {
  private pending: number[] = [];

  constructor(private readonly tokenizer: Tokenizer) {}

  /** The text that `id` completes ('' while a character is still incomplete). */
  push(id: number): string {
    this.pending.push(id);
    const text = this.tokenizer.decode(this.pending);
    if (text === '' || text.endsWith('\uFFFD')) return '';
    this.pending = [];
    return text;
  }

  /** Whatever is still held back (an incomplete character decodes as U+FFFD). */
  flush(): string {
    const text = this.pending.length ? this.tokenizer.decode(this.pending) : '';
    this.pending = [];
    return text;
  }
}
