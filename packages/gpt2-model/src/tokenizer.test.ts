import { describe, expect, it } from 'vitest';
import { CharTokenizer, GPT2Tokenizer, TextStreamer } from './tokenizer.js';

const SAMPLES = [
  '',
  'Hello world!',
  'naïve café — “quotes” and ‘apostrophes’',
  '日本語のテキスト、中文，한국어',
  'emoji 🤗👩🏽‍🚀🏳️‍🌈 and flags 🇫🇷',
  'e\u0301 combining, \u200b zero width, \t tabs\n\nnewlines  ',
  'math ∑ᵢ xᵢ² ≤ ∞, 𝔸𝕓𝕔 astral',
  ' leading and trailing spaces ',
];

describe('GPT2Tokenizer', () => {
  const tok = new GPT2Tokenizer();

  it("gives GPT-2's ids (as HF's GPT2Tokenizer does)", () => {
    expect(tok.encode('Hello world!')).toEqual([15496, 995, 0]);
    expect(tok.encode(' the')).toEqual([262]);
    expect(tok.encode('<|endoftext|>')).toEqual([50256]);
    expect(tok.vocabSize).toBe(50257);
  });

  it('round-trips unicode and emoji', () => {
    for (const s of SAMPLES) expect(tok.decode(tok.encode(s))).toBe(s);
  });

  it('decodes an incomplete character as U+FFFD without leaking it into the next call', () => {
    const ids = tok.encode('🤗');
    expect(tok.decode(ids.slice(0, 1))).toBe('\uFFFD');
    expect(tok.decode(ids)).toBe('🤗');
    expect(tok.decode(tok.encode('é'))).toBe('é');
  });

  it('encodes <|endoftext|> as text when special tokens are not allowed', () => {
    const plain = new GPT2Tokenizer({ allowSpecial: false });
    const ids = plain.encode('a<|endoftext|>b');
    expect(ids).not.toContain(50256);
    expect(plain.decode(ids)).toBe('a<|endoftext|>b');
  });

  it('refuses ids outside the vocabulary', () => {
    expect(() => tok.decode([50257])).toThrow(/50257 is not a token id \(0 … 50256\)/);
    expect(() => tok.decode([-1])).toThrow(/-1 is not a token id/);
  });
});

describe('CharTokenizer', () => {
  it('has one token per code point, emoji included, and round-trips', () => {
    const text = SAMPLES.join('|');
    const tok = CharTokenizer.fromText(text);
    expect(tok.encode('🤗')).toHaveLength(1);
    for (const s of SAMPLES) expect(tok.decode(tok.encode(s))).toBe(s);
    expect(tok.vocabSize).toBe(new Set(text).size);
  });

  it('sorts the vocabulary by code point, and adds an end-of-text token after it when asked', () => {
    const tok = CharTokenizer.fromText('cab', { eos: true });
    expect(tok.chars).toEqual(['a', 'b', 'c']);
    expect(tok.encode('abc')).toEqual([0, 1, 2]);
    expect(tok.eosTokenId).toBe(3);
    expect(tok.vocabSize).toBe(4);
    expect(tok.decode([2, 3, 0])).toBe('ca');
    expect(CharTokenizer.fromJSON(tok.toJSON()).encode('cab')).toEqual([2, 0, 1]);
  });

  it('names the unknown character and its position', () => {
    const tok = CharTokenizer.fromText('abc');
    expect(() => tok.encode('ab🤗')).toThrow(/"🤗" \(U\+1F917\) at index 2 is not in the 3-character vocabulary/);
    expect(() => tok.decode([3])).toThrow(/3 is not a token id \(0 … 2\)/);
    expect(() => new CharTokenizer(['a', 'a'])).toThrow(/"a" appears twice/);
    expect(() => new CharTokenizer(['ab'])).toThrow(/not one code point/);
  });

  it('handles the empty vocabulary and the empty string', () => {
    const tok = CharTokenizer.fromText('');
    expect(tok.vocabSize).toBe(0);
    expect(tok.encode('')).toEqual([]);
    expect(tok.decode([])).toBe('');
  });
});

describe('TextStreamer', () => {
  it('never splits a character across pieces, and the pieces join to the text', () => {
    const tok = new GPT2Tokenizer();
    for (const s of SAMPLES) {
      const streamer = new TextStreamer(tok);
      const pieces = tok.encode(s).map((id) => streamer.push(id));
      pieces.push(streamer.flush());
      expect(pieces.join('')).toBe(s);
      for (const p of pieces) expect(p).not.toContain('\uFFFD');
    }
  });

  it('holds back an incomplete emoji until its last byte arrives', () => {
    const tok = new GPT2Tokenizer();
    const ids = tok.encode('🤗');
    expect(ids.length).toBeGreaterThan(1);
    const streamer = new TextStreamer(tok);
    const pieces = ids.map((id) => streamer.push(id));
    expect(pieces.slice(0, -1).every((p) => p === '')).toBe(true);
    expect(pieces.at(-1)).toBe('🤗');
  });
});
