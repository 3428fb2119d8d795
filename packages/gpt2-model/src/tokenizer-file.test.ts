import { describe, expect, it } from 'vitest';
import { CharTokenizer, GPT2Tokenizer } from './tokenizer.js';
import { readTokenizerJson } from './tokenizer-file.js';

describe('readTokenizerJson', () => {
  it('reads the trainer format and a missing file of a GPT-2-sized model', () => {
    const chars = readTokenizerJson(JSON.stringify({ type: 'char', chars: ['a', 'b', 'c'], eos: true }), { vocabSize: 4 });
    expect(chars.spec).toEqual({ type: 'char', chars: ['a', 'b', 'c'], eos: true });
    expect(chars.tokenizer).toBeInstanceOf(CharTokenizer);
    expect(chars.tokenizer.vocabSize).toBe(4);
    expect(readTokenizerJson('{"type": "gpt2"}', { vocabSize: 50257 }).tokenizer).toBeInstanceOf(GPT2Tokenizer);
    expect(readTokenizerJson(null, { vocabSize: 50257 }).spec).toEqual({ type: 'gpt2' });
  });

  it("accepts Hugging Face's tokenizer.json of GPT-2 and refuses other Hugging Face tokenizers, naming the file", () => {
    const vocab = Object.fromEntries(Array.from({ length: 50257 }, (_, i) => [i === 50256 ? '<|endoftext|>' : `t${i}`, i]));
    expect(readTokenizerJson(JSON.stringify({ version: '1.0', model: { type: 'BPE', vocab, merges: [] } })).spec).toEqual({ type: 'gpt2' });
    expect(() => readTokenizerJson(JSON.stringify({ model: { type: 'WordPiece', vocab: { a: 0, b: 1 } } }), { file: 'ckpt/tokenizer.json' })).toThrow(
      /^ckpt\/tokenizer\.json: a Hugging Face "WordPiece" tokenizer with 2 tokens, which is not GPT-2's BPE/,
    );
  });

  it('names tokenizer.json and the problem for a missing file of another vocabulary, another type, bad JSON, or too many tokens', () => {
    expect(() => readTokenizerJson(null, { vocabSize: 65 })).toThrow(/no tokenizer\.json beside the model, and its vocab_size 65 is not GPT-2's 50257/);
    expect(() => readTokenizerJson('{"type": "sentencepiece"}')).toThrow(/tokenizer\.json: "type" is "sentencepiece"; supported are "gpt2" .* and "char"/);
    expect(() => readTokenizerJson('{"type": "char", "chars": ["a", "b"')).toThrow(/tokenizer\.json: not valid JSON/);
    expect(() => readTokenizerJson('[1]')).toThrow(/tokenizer\.json: must hold a JSON object/);
    expect(() => readTokenizerJson('{"vocab": {}}')).toThrow(/tokenizer\.json: has neither "type"/);
    expect(() => readTokenizerJson('{"type": "char", "chars": [1, 2]}')).toThrow(/tokenizer\.json: "chars" must be an array of one-character strings/);
    expect(() => readTokenizerJson('{"type": "char", "chars": ["a", "a"]}')).toThrow(/tokenizer\.json: CharTokenizer: "a" appears twice/);
    expect(() => readTokenizerJson('{"type": "gpt2"}', { vocabSize: 65 })).toThrow(
      /tokenizer\.json: GPT-2's BPE has 50257 tokens but the model's vocab_size \(config\.json\) is 65/,
    );
    expect(() => readTokenizerJson(JSON.stringify({ type: 'char', chars: ['a', 'b', 'c'], eos: true }), { vocabSize: 3 })).toThrow(
      /the character vocabulary has 4 tokens but the model's vocab_size \(config\.json\) is 3/,
    );
  });
});
