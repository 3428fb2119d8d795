import { describe, expect, it } from 'vitest';
import { GPT2_DEFAULTS, GPT2ConfigError, gpt2Config, innerSize, parseGPT2Config, suggest, toHFConfigJson } from './config.js';

/** openai-community/gpt2's config.json as published on the Hub. */
const HF_GPT2_CONFIG_JSON = `{
  "activation_function": "gelu_new",
  "architectures": ["GPT2LMHeadModel"],
  "attn_pdrop": 0.1,
  "bos_token_id": 50256,
  "embd_pdrop": 0.1,
  "eos_token_id": 50256,
  "initializer_range": 0.02,
  "layer_norm_epsilon": 1e-05,
  "model_type": "gpt2",
  "n_ctx": 1024,
  "n_embd": 768,
  "n_head": 12,
  "n_layer": 12,
  "n_positions": 1024,
  "resid_pdrop": 0.1,
  "summary_activation": null,
  "summary_first_dropout": 0.1,
  "summary_proj_to_labels": true,
  "summary_type": "cls_index",
  "summary_use_proj": true,
  "task_specific_params": { "text-generation": { "do_sample": true, "max_length": 50 } },
  "vocab_size": 50257
}`;

describe('GPT2Config', () => {
  it("has HF's defaults", () => {
    const c = gpt2Config();
    expect(c).toMatchObject({
      vocab_size: 50257,
      n_positions: 1024,
      n_embd: 768,
      n_layer: 12,
      n_head: 12,
      n_inner: null,
      activation_function: 'gelu_new',
      resid_pdrop: 0.1,
      embd_pdrop: 0.1,
      attn_pdrop: 0.1,
      layer_norm_epsilon: 1e-5,
      initializer_range: 0.02,
      tie_word_embeddings: true,
      attn_impl: 'vanilla',
      use_lightsoftmax: false,
      use_dropmatmul: false,
      dropout_mask: 'regenerate',
      dropmatmul_mask: 'rng',
    });
    expect(innerSize(c)).toBe(3072);
  });

  it("OpenAI's presets keep HF's gelu_new; the small experiment presets use the fused gelu_pytorch_tanh", () => {
    for (const name of ['gpt2', 'gpt2-medium', 'gpt2-large', 'gpt2-xl', 'distilgpt2'] as const)
      expect(gpt2Config(name).activation_function, name).toBe('gelu_new');
    for (const name of ['gpt2-mini', 'gpt2-micro', 'gpt2-nano', 'gpt2-tiny'] as const)
      expect(gpt2Config(name).activation_function, name).toBe('gelu_pytorch_tanh');
    expect(gpt2Config('gpt2-tiny', { activation_function: 'gelu_new' }).activation_function).toBe('gelu_new');
  });

  it('presets give the published sizes, and overrides win', () => {
    expect(gpt2Config('gpt2-medium')).toMatchObject({ n_layer: 24, n_head: 16, n_embd: 1024 });
    expect(gpt2Config('gpt2-large')).toMatchObject({ n_layer: 36, n_head: 20, n_embd: 1280 });
    expect(gpt2Config('gpt2-xl')).toMatchObject({ n_layer: 48, n_head: 25, n_embd: 1600 });
    expect(gpt2Config('gpt2-tiny', { vocab_size: 65, attn_impl: 'flash' })).toMatchObject({
      n_layer: 2,
      n_embd: 32,
      vocab_size: 65,
      attn_impl: 'flash',
      eos_token_id: null,
    });
  });

  it('reads the published gpt2 config.json, dropping HF bookkeeping', () => {
    const c = parseGPT2Config(HF_GPT2_CONFIG_JSON);
    expect(c).toEqual({ ...GPT2_DEFAULTS });
    expect(Object.keys(c)).not.toContain('n_ctx');
  });

  it("accepts HF's generic aliases (hidden_size, num_hidden_layers, …) and refuses contradictions", () => {
    expect(parseGPT2Config({ hidden_size: 64, num_hidden_layers: 2, num_attention_heads: 4, max_position_embeddings: 32 })).toMatchObject({
      n_embd: 64,
      n_layer: 2,
      n_head: 4,
      n_positions: 32,
    });
    expect(() => parseGPT2Config({ hidden_size: 64, n_embd: 32 })).toThrow(/"hidden_size" \(HF's alias of "n_embd"\) is 64 but "n_embd" is 32/);
  });

  it('round-trips through the config.json it writes', () => {
    const c = gpt2Config('gpt2-nano', { attn_impl: 'chunked', max_chunk_size_mb: 8, use_lightsoftmax: true });
    const json = JSON.parse(toHFConfigJson(c));
    expect(json).toMatchObject({ model_type: 'gpt2', architectures: ['GPT2LMHeadModel'], n_ctx: 256 });
    expect(parseGPT2Config(toHFConfigJson(c))).toEqual(c);
  });

  it('names unknown fields, with a suggestion for near misses', () => {
    expect(() => parseGPT2Config({ n_embed: 768 })).toThrow(/unknown field "n_embed" \(did you mean "n_embd"\?\)/);
    expect(() => gpt2Config({ vocabsize: 10 } as never)).toThrow(/unknown field "vocabsize" \(did you mean "vocab_size"\?\)/);
    expect(() => parseGPT2Config({ rotary_dim: 64 })).toThrow(/unknown field "rotary_dim"$/m);
    expect(() => gpt2Config('gpt2-smal' as never)).toThrow(/unknown GPT-2 preset "gpt2-smal".*presets are gpt2, gpt2-medium/);
  });

  it('names every invalid value at once', () => {
    let error: unknown;
    try {
      gpt2Config({ n_embd: 100, n_head: 3, attn_pdrop: 1.5, attn_impl: 'flsh' as never, activation_function: 'gelu_erf' as never, vocab_size: 0 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GPT2ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/vocab_size must be an integer ≥ 1, got 0/);
    expect(message).toMatch(/attn_pdrop must be a probability in \[0, 1\), got 1.5/);
    expect(message).toMatch(/attn_impl "flsh" is not one of vanilla, light, chunked, flash \(did you mean "flash"\?\)/);
    expect(message).toMatch(
      /activation_function "gelu_erf" is not supported( \(did you mean "[a-z_]+"\?\))?; use one of gelu_new, gelu_pytorch_tanh, gelu_fast, gelu, relu/,
    );
    expect(message).toMatch(/n_embd 100 is not divisible by n_head 3/);
    expect(() => gpt2Config({ max_chunk_size_mb: -1 })).toThrow(/max_chunk_size_mb must be a positive number/);
    expect(() => gpt2Config({ n_positions: 1.5 })).toThrow(/n_positions must be an integer/);
    expect(() => gpt2Config({ use_dropmatmul: 'yes' as never })).toThrow(/use_dropmatmul must be true or false/);
    expect(() => gpt2Config({ dropout_mask: 'store' as never })).toThrow(/dropout_mask "store" is not one of regenerate, stored \(did you mean "stored"\?\)/);
    expect(() => gpt2Config({ dropmatmul_mask: 'bits' as never })).toThrow(/dropmatmul_mask "bits" is not one of rng, packed, bool/);
    expect(gpt2Config({ dropout_mask: 'stored', dropmatmul_mask: 'bool' })).toMatchObject({ dropout_mask: 'stored', dropmatmul_mask: 'bool' });
  });

  it('refuses HF options that would change the model it cannot build', () => {
    expect(() => parseGPT2Config({ model_type: 'llama' })).toThrow(/"model_type" is "llama", but this GPT-2 supports only "gpt2"/);
    expect(() => parseGPT2Config({ scale_attn_by_inverse_layer_idx: true })).toThrow(/scale_attn_by_inverse_layer_idx/);
    expect(() => parseGPT2Config('{ not json')).toThrow(/config.json is not valid JSON/);
    expect(() => parseGPT2Config('[1, 2]')).toThrow(/must hold a JSON object/);
  });

  it("accepts HF's bos/eos id 50256 with a small vocabulary, as transformers does, with a warning", () => {
    const warnings: string[] = [];
    const json = { ...JSON.parse(HF_GPT2_CONFIG_JSON), vocab_size: 65, n_layer: 2 };
    const c = parseGPT2Config(json, { onWarning: (m) => warnings.push(m) });
    expect(c).toMatchObject({ vocab_size: 65, bos_token_id: 50256, eos_token_id: 50256 });
    expect(warnings).toEqual([
      expect.stringMatching(/^config\.json: bos_token_id 50256 is not below vocab_size 65; the model never produces it, so generation does not stop at it/),
      expect.stringMatching(/^config\.json: eos_token_id 50256 is not below vocab_size 65/),
    ]);
    expect(gpt2Config({ eos_token_id: 50257 }, {}, { onWarning: (m) => warnings.push(m) }).eos_token_id).toBe(50257);
    expect(warnings[2]).toMatch(/gpt2Config: eos_token_id 50257 is not below vocab_size 50257/);
  });

  it('applies overrides before validation, so an override can fix a bad value of the file', () => {
    const json = { ...JSON.parse(HF_GPT2_CONFIG_JSON), attn_pdrop: 1.5 };
    expect(() => parseGPT2Config(json)).toThrow(/attn_pdrop must be a probability/);
    expect(parseGPT2Config(json, { overrides: { attn_pdrop: 0 } }).attn_pdrop).toBe(0);
    // A smaller vocabulary by override gets no default bos/eos id beyond it.
    expect(parseGPT2Config({ n_layer: 1 }, { overrides: { vocab_size: 65 } })).toMatchObject({ vocab_size: 65, eos_token_id: null });
  });

  it('names __proto__, constructor and other Object.prototype keys as the unknown fields they are', () => {
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const text = `{"n_layer": 1, ${JSON.stringify(key)}: {"n_layer": 5}}`;
      let message = '';
      try {
        parseGPT2Config(text);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message, key).toMatch(new RegExp(`unknown field "${key}"`));
      expect(message, key).not.toMatch(/supports only|undefined|\{\}/);
    }
    expect(() => gpt2Config(JSON.parse('{"__proto__": {"n_layer": 5}}') as never)).toThrow(/unknown field "__proto__"/);
    expect(() => gpt2Config('constructor' as never)).toThrow(/unknown GPT-2 preset "constructor"/);
  });

  it("names model_type (and the LEAP loader) when a config.json's model_type is another model's", () => {
    const json = { ...JSON.parse(HF_GPT2_CONFIG_JSON), model_type: 'leap' };
    let message = '';
    try {
      parseGPT2Config(json);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(
      'config.json: "model_type" is "leap", but this GPT-2 supports only "gpt2" (a LEAP checkpoint has model_type "LeapForCausalLM" and is loaded with loadLeapPretrained)',
    );
  });

  it('suggest finds close names only', () => {
    expect(suggest('layer_norm_eps', ['layer_norm_epsilon', 'n_layer'])).toBe(' (did you mean "layer_norm_epsilon"?)');
    expect(suggest('xyz', ['n_layer'])).toBe('');
    expect(suggest('NLayer', ['n_layer'])).toBe(' (did you mean "n_layer"?)');
  });
});
