import { CharTokenizer, GPT2_EOS_TOKEN_ID, GPT2Tokenizer, TokenizerError, type Tokenizer } from './tokenizer.js';

/**
 * How a checkpoint stores its tokenizer (tokenizer.json, as the trainer and the demo write it):
 * GPT-2's BPE, or a character vocabulary (token id = index in `chars`, then the end-of-text token).
 */
export type TokenizerSpec = { type: 'gpt2' } | { type: 'char'; chars: string[]; eos: boolean };

/** Options of {@link readTokenizerJson}: the model's vocabulary size to check against, and the file's name for messages. */
export interface ReadTokenizerJsonOptions {
  /** config.json's vocab_size: a tokenizer with more tokens is refused (its ids would index past the embedding). */
  vocabSize?: number;
  /** The file's name or path, for messages. Default 'tokenizer.json'. */
  file?: string;
}

const GPT2_VOCAB_SIZE = GPT2_EOS_TOKEN_ID + 1;

/**
 * The tokenizer of a checkpoint from its tokenizer.json text, or null when the folder has none.
 * Accepted: {"type": "gpt2"}, {"type": "char", "chars": [...], "eos": bool}, and Hugging Face's own
 * tokenizer.json of GPT-2 (a byte-level BPE whose vocabulary has 50257 entries with <|endoftext|> at
 * 50256). No file means GPT-2's BPE, but only for a model with GPT-2's vocabulary. Anything else is
 * refused here, naming the file, rather than failing later on an id the model does not have.
 */
export function readTokenizerJson(text: string | null, options: ReadTokenizerJsonOptions = {}): { spec: TokenizerSpec; tokenizer: Tokenizer } {
  const file = options.file ?? 'tokenizer.json';
  const vocab = options.vocabSize;
  const fail = (message: string): never => {
    throw new TokenizerError(`${file}: ${message}`);
  };
  let spec: TokenizerSpec;
  if (text === null) {
    if (vocab !== undefined && vocab !== GPT2_VOCAB_SIZE) {
      throw new TokenizerError(
        `no ${file} beside the model, and its vocab_size ${vocab} is not GPT-2's ${GPT2_VOCAB_SIZE}, so GPT-2's BPE cannot be assumed; put the ${file} the model was trained with beside config.json ({"type": "char", "chars": [...], "eos": false} or {"type": "gpt2"})`,
      );
    }
    spec = { type: 'gpt2' };
  } else {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return fail(`not valid JSON (${(e as Error).message}); it should hold {"type": "gpt2"} or {"type": "char", "chars": [...], "eos": false}`);
    }
    if (!json || typeof json !== 'object' || Array.isArray(json)) return fail(`must hold a JSON object, got ${JSON.stringify(json)?.slice(0, 60)}`);
    spec = specOf(json as Record<string, unknown>, fail);
  }
  let tokenizer: Tokenizer;
  try {
    tokenizer = spec.type === 'gpt2' ? new GPT2Tokenizer() : CharTokenizer.fromJSON(spec);
  } catch (e) {
    return fail((e as Error).message);
  }
  if (vocab !== undefined && tokenizer.vocabSize > vocab) {
    const what = spec.type === 'gpt2' ? "GPT-2's BPE" : 'the character vocabulary';
    fail(
      `${what} has ${tokenizer.vocabSize} tokens but the model's vocab_size (config.json) is ${vocab}: ids from ${vocab} on would index past its embedding; use the tokenizer the model was trained with`,
    );
  }
  return { spec, tokenizer };
}

function specOf(json: Record<string, unknown>, fail: (message: string) => never): TokenizerSpec {
  if (Object.hasOwn(json, 'type')) {
    if (json.type === 'gpt2') return { type: 'gpt2' };
    if (json.type === 'char') {
      const chars = json.chars;
      if (!Array.isArray(chars) || !chars.every((c) => typeof c === 'string')) fail('"chars" must be an array of one-character strings');
      if (json.eos !== undefined && typeof json.eos !== 'boolean') fail(`"eos" must be true or false, got ${JSON.stringify(json.eos)}`);
      return { type: 'char', chars: chars as string[], eos: json.eos === true };
    }
    return fail(`"type" is ${JSON.stringify(json.type)}; supported are "gpt2" (GPT-2's BPE) and "char" (a character vocabulary)`);
  }
  // Hugging Face's tokenizers format: accepted only as GPT-2's own BPE.
  const model = json.model as { type?: unknown; vocab?: unknown } | undefined;
  if (model && typeof model === 'object') {
    const vocab = model.vocab && typeof model.vocab === 'object' ? (model.vocab as Record<string, unknown>) : null;
    const size = vocab ? Object.keys(vocab).length : 0;
    if (model.type === 'BPE' && vocab && size === GPT2_VOCAB_SIZE && vocab['<|endoftext|>'] === GPT2_EOS_TOKEN_ID) return { type: 'gpt2' };
    return fail(
      `a Hugging Face ${JSON.stringify(model.type)} tokenizer with ${size} tokens, which is not GPT-2's BPE (50257 tokens, <|endoftext|> = 50256); only GPT-2's BPE and character vocabularies are supported`,
    );
  }
  return fail(
    'has neither "type" ("gpt2" or "char") nor a Hugging Face "model" section; it should hold {"type": "gpt2"} or {"type": "char", "chars": [...], "eos": false}',
  );
}
