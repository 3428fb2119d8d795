import { ATTENTION_IMPLS, type AttentionImpl } from '@lightattn/light-ops';
import { LightattnError } from '@lightattn/tensor-core';

/** How attention is computed (@lightattn/light-ops' AttentionImpl): all give the same result, with different memory. */
export type AttnImpl = AttentionImpl;
/** Every {@link AttnImpl} (light-ops' ATTENTION_IMPLS). */
export const ATTN_IMPLS: readonly AttnImpl[] = ATTENTION_IMPLS;

/**
 * What the backward recomputes instead of keeping: 'none' keeps what eager PyTorch keeps;
 * 'selective' keeps the MLP's pre-activation and the head-major attention output only, and
 * rebuilds the activation and the merged heads (a few elementwise ops and a copy per layer);
 * 'full' checkpoints every block, keeping only its input and running it again in the backward.
 */
export type ActivationRecompute = 'none' | 'selective' | 'full';
/** Every {@link ActivationRecompute} mode. */
export const ACTIVATION_RECOMPUTE: readonly ActivationRecompute[] = ['none', 'selective', 'full'];

/**
 * Activations of the MLP, as Hugging Face computes them. Three GELU names are the same tanh
 * approximation ½x(1 + tanh(√(2/π)(x + 0.044715x³))): 'gelu_new' (GPT-2's) is HF's
 * NewGELUActivation, that formula op by op, so it saves what eager PyTorch saves (four [B, T, n_inner]
 * tensors) and rounds as it does; 'gelu_pytorch_tanh' and 'gelu_fast' are one fused op that saves
 * only its input. 'gelu' is the exact x·Φ(x) = ½x(1 + erf(x/√2)), HF's GELUActivation (PyTorch's
 * fused F.gelu, which saves only its input, as the op here does).
 */
export type ActivationFunction = 'gelu_new' | 'gelu_pytorch_tanh' | 'gelu_fast' | 'gelu' | 'relu' | 'silu' | 'swish';
/** Every {@link ActivationFunction} the model accepts. */
export const ACTIVATION_FUNCTIONS: readonly ActivationFunction[] = ['gelu_new', 'gelu_pytorch_tanh', 'gelu_fast', 'gelu', 'relu', 'silu', 'swish'];

/** How the 2·n_layer + 1 dropouts outside attention keep their masks (autograd's DropoutMaskMode). */
export type DropoutMask = 'regenerate' | 'stored';
/** Every {@link DropoutMask} mode. */
export const DROPOUT_MASKS: readonly DropoutMask[] = ['regenerate', 'stored'];

/** How DropMatmul keeps the attention dropout mask (light-ops' maskStorage). */
export type DropMatmulMask = 'rng' | 'packed' | 'bool';
/** Every {@link DropMatmulMask} mode. */
export const DROPMATMUL_MASKS: readonly DropMatmulMask[] = ['rng', 'packed', 'bool'];

/**
 * GPT-2's configuration with Hugging Face's field names (so `config.json` files load as they are),
 * plus the memory options of this project.
 */
export interface GPT2Config {
  vocab_size: number;
  /** Longest sequence (rows of the position table). */
  n_positions: number;
  n_embd: number;
  n_layer: number;
  n_head: number;
  /** MLP width; null means 4·n_embd. */
  n_inner: number | null;
  activation_function: ActivationFunction;
  resid_pdrop: number;
  embd_pdrop: number;
  attn_pdrop: number;
  layer_norm_epsilon: number;
  /** Std of the normal init of weights; residual projections get std/√(2·n_layer) as GPT-2 does. */
  initializer_range: number;
  /** The LM head shares `transformer.wte.weight` (GPT-2 always does). */
  tie_word_embeddings: boolean;
  bos_token_id: number | null;
  eos_token_id: number | null;
  /** LightSoftmax: the softmax backward reads only its output (light-ops). */
  use_lightsoftmax: boolean;
  /** DropMatmul: dropout fused with P·V, saving P and the mask instead of the dropped P. */
  use_dropmatmul: boolean;
  attn_impl: AttnImpl;
  /** For attn_impl 'chunked': the cap on one chunk of attention logits, in MB (10⁶ bytes). */
  max_chunk_size_mb: number | null;
  /** Trade compute for activation memory in training (see ActivationRecompute). */
  activation_recompute: ActivationRecompute;
  /**
   * The embedding, attention-output and MLP dropouts: 'regenerate' keeps only the Philox state and
   * regenerates the mask in the backward; 'stored' keeps a bool mask (1 byte per element) as PyTorch.
   */
  dropout_mask: DropoutMask;
  /**
   * The attention dropout of DropMatmul (use_dropmatmul, and the light/chunked cores): 'rng' keeps
   * only the Philox state, 'packed' 1 bit per element, 'bool' 1 byte per element as Light Attention's fork.
   */
  dropmatmul_mask: DropMatmulMask;
}

/** An invalid GPT-2 config: every unknown field and bad value, named in one message. */
export class GPT2ConfigError extends LightattnError {
  override name = 'GPT2ConfigError';
}

/** HF's `GPT2Config` defaults (GPT-2 small) plus this project's fields. */
export const GPT2_DEFAULTS: Readonly<GPT2Config> = Object.freeze({
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
  bos_token_id: 50256,
  eos_token_id: 50256,
  use_lightsoftmax: false,
  use_dropmatmul: false,
  attn_impl: 'vanilla',
  max_chunk_size_mb: null,
  activation_recompute: 'none',
  dropout_mask: 'regenerate',
  dropmatmul_mask: 'rng',
});

/**
 * Named sizes: OpenAI's four GPT-2 models and distilgpt2 (with their checkpoints' `gelu_new`), and
 * small ones for experiments (minGPT's nano/micro/mini shapes, and a tiny one for tests) with the
 * fused `gelu_pytorch_tanh`, the same function keeping a quarter of the bytes. The small ones keep
 * GPT-2's vocabulary; pass `vocab_size` for a character-level tokenizer.
 */
export const GPT2_PRESETS = {
  gpt2: { n_layer: 12, n_head: 12, n_embd: 768, activation_function: 'gelu_new' },
  'gpt2-medium': { n_layer: 24, n_head: 16, n_embd: 1024, activation_function: 'gelu_new' },
  'gpt2-large': { n_layer: 36, n_head: 20, n_embd: 1280, activation_function: 'gelu_new' },
  'gpt2-xl': { n_layer: 48, n_head: 25, n_embd: 1600, activation_function: 'gelu_new' },
  distilgpt2: { n_layer: 6, n_head: 12, n_embd: 768, activation_function: 'gelu_new' },
  'gpt2-mini': { n_layer: 6, n_head: 6, n_embd: 192, n_positions: 256, activation_function: 'gelu_pytorch_tanh' },
  'gpt2-micro': { n_layer: 4, n_head: 4, n_embd: 128, n_positions: 256, activation_function: 'gelu_pytorch_tanh' },
  'gpt2-nano': { n_layer: 3, n_head: 3, n_embd: 48, n_positions: 256, activation_function: 'gelu_pytorch_tanh' },
  'gpt2-tiny': { n_layer: 2, n_head: 2, n_embd: 32, n_positions: 64, activation_function: 'gelu_pytorch_tanh' },
} as const satisfies Record<string, Partial<GPT2Config>>;
/** The names {@link gpt2Config} accepts as presets. */
export type GPT2PresetName = keyof typeof GPT2_PRESETS;

/** HF's GPT2Config.attribute_map: generic names it accepts for GPT-2's own. */
const ALIASES: Readonly<Record<string, keyof GPT2Config>> = {
  hidden_size: 'n_embd',
  max_position_embeddings: 'n_positions',
  num_attention_heads: 'n_head',
  num_hidden_layers: 'n_layer',
};

/**
 * Fields HF writes into GPT-2 config.json files that do not change the model this package builds
 * (task heads, generation defaults, bookkeeping). Accepted and dropped.
 */
const IGNORED_HF_FIELDS = new Set([
  'architectures',
  'model_type',
  'n_ctx',
  'task_specific_params',
  'summary_type',
  'summary_use_proj',
  'summary_activation',
  'summary_proj_to_labels',
  'summary_first_dropout',
  'use_cache',
  'transformers_version',
  'torch_dtype',
  'dtype',
  'pad_token_id',
  'sep_token_id',
  'decoder_start_token_id',
  '_name_or_path',
  'name_or_path',
  'output_attentions',
  'output_hidden_states',
  'return_dict',
  'id2label',
  'label2id',
  'num_labels',
  'torchscript',
  'pruned_heads',
  'is_decoder',
  'is_encoder_decoder',
  'gradient_checkpointing',
  'tokenizer_class',
  'prefix',
  'n_special',
  'predict_special_tokens',
  'reorder_and_upcast_attn',
  'problem_type',
  'finetuning_task',
  'chunk_size_feed_forward',
  'tie_encoder_decoder',
  'use_return_dict',
  'attn_implementation',
  '_attn_implementation',
  '_commit_hash',
  'max_length',
  'do_sample',
  'temperature',
  'top_k',
  'top_p',
  'num_beams',
  'bad_words_ids',
  'cross_attention_hidden_size',
  'add_cross_attention',
  'scale_attn_weights',
  'scale_attn_by_inverse_layer_idx',
]);

/** HF fields that are accepted only with the value this implementation has. */
const REQUIRED_HF_VALUES: Readonly<Record<string, unknown>> = {
  model_type: 'gpt2',
  scale_attn_weights: true,
  scale_attn_by_inverse_layer_idx: false,
  add_cross_attention: false,
  is_encoder_decoder: false,
};

const FIELD_NAMES = Object.keys(GPT2_DEFAULTS) as (keyof GPT2Config)[];

/**
 * A validated config: the defaults, then a preset's sizes, then `overrides`.
 *
 *   gpt2Config('gpt2-tiny', { vocab_size: 65, attn_impl: 'flash' })
 */
export function gpt2Config(preset?: GPT2PresetName | Partial<GPT2Config>, overrides: Partial<GPT2Config> = {}, options: ConfigWarningOptions = {}): GPT2Config {
  let base: Partial<GPT2Config> = {};
  if (typeof preset === 'string') {
    if (!Object.hasOwn(GPT2_PRESETS, preset)) {
      throw new GPT2ConfigError(
        `unknown GPT-2 preset "${preset}"${suggest(preset, Object.keys(GPT2_PRESETS))}; presets are ${Object.keys(GPT2_PRESETS).join(', ')}`,
      );
    }
    base = GPT2_PRESETS[preset];
  } else if (preset) base = preset;
  return validateGPT2Config(withTokenDefaults({ ...base, ...overrides }), 'gpt2Config', options);
}

/** Where a config's warnings go (values that load but deserve a word): console.warn by default. */
export interface ConfigWarningOptions {
  /** Called with each warning's message; console.warn when omitted. */
  onWarning?: (message: string) => void;
}

/** Options of {@link parseGPT2Config}: fields to change before validation, and where warnings go. */
export interface ParseGPT2ConfigOptions extends ConfigWarningOptions {
  /** Applied over the file's fields before anything is checked (so an override can fix a bad value). */
  overrides?: Partial<GPT2Config>;
}

/**
 * Reads a Hugging Face GPT-2 `config.json` (text or parsed). HF's generic aliases (hidden_size, …)
 * are accepted, HF's bookkeeping fields are dropped, and any other field is an error that names it.
 * `overrides` apply before validation.
 */
export function parseGPT2Config(json: string | Record<string, unknown>, options: ParseGPT2ConfigOptions = {}): GPT2Config {
  let raw: unknown = json;
  if (typeof json === 'string') {
    try {
      raw = JSON.parse(json);
    } catch (e) {
      throw new GPT2ConfigError(`config.json is not valid JSON: ${(e as Error).message}`);
    }
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new GPT2ConfigError(`config.json must hold a JSON object, got ${JSON.stringify(raw)?.slice(0, 80)}`);
  // A null-prototype record: a "__proto__" or "constructor" key in the file is a field name like any other.
  const fields: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const problems: string[] = [];
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (Object.hasOwn(REQUIRED_HF_VALUES, key) && value !== REQUIRED_HF_VALUES[key] && value !== undefined) {
      const hint = key === 'model_type' ? ` (a LEAP checkpoint has model_type "LeapForCausalLM" and is loaded with loadLeapPretrained)` : '';
      problems.push(`"${key}" is ${JSON.stringify(value)}, but this GPT-2 supports only ${JSON.stringify(REQUIRED_HF_VALUES[key])}${hint}`);
      continue;
    }
    if (IGNORED_HF_FIELDS.has(key)) continue;
    const name = Object.hasOwn(ALIASES, key) ? ALIASES[key]! : key;
    if (name !== key && Object.hasOwn(raw, name)) {
      const canonical = (raw as Record<string, unknown>)[name];
      if (canonical !== value) problems.push(`"${key}" (HF's alias of "${name}") is ${JSON.stringify(value)} but "${name}" is ${JSON.stringify(canonical)}`);
      continue;
    }
    fields[name] = value;
  }
  if (problems.length) throw new GPT2ConfigError(`config.json: ${problems.join('; ')}`);
  return validateGPT2Config(withTokenDefaults({ ...fields, ...options.overrides } as Partial<GPT2Config>), 'config.json', options);
}

/**
 * The defaults under `fields`. GPT-2's bos/eos id 50256 is the default only for a vocabulary that
 * has it; a smaller one (a character-level experiment) gets null unless the ids are given.
 */
function withTokenDefaults(fields: Partial<GPT2Config>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...GPT2_DEFAULTS, ...fields };
  const vocab = merged.vocab_size;
  if (typeof vocab === 'number' && vocab <= 50256) {
    if (!Object.hasOwn(fields, 'bos_token_id')) merged.bos_token_id = null;
    if (!Object.hasOwn(fields, 'eos_token_id')) merged.eos_token_id = null;
  }
  return merged;
}

/** Checks every field's name and value; the error lists all problems at once. */
export function validateGPT2Config(config: Record<string, unknown>, where = 'GPT2Config', options: ConfigWarningOptions = {}): GPT2Config {
  const problems: string[] = [];
  const warnings: string[] = [];
  const known = new Set<string>(FIELD_NAMES);
  for (const key of Object.keys(config)) {
    if (!known.has(key)) problems.push(`unknown field ${JSON.stringify(key)}${suggest(key, [...FIELD_NAMES, ...Object.keys(ALIASES)])}`);
  }
  const c = config as unknown as GPT2Config;
  const int = (k: keyof GPT2Config, min: number) => {
    const v = config[k];
    if (!Number.isSafeInteger(v) || (v as number) < min) problems.push(`${k} must be an integer ≥ ${min}, got ${JSON.stringify(v)}`);
  };
  const prob = (k: keyof GPT2Config) => {
    const v = config[k];
    if (typeof v !== 'number' || !(v >= 0 && v < 1)) problems.push(`${k} must be a probability in [0, 1), got ${JSON.stringify(v)}`);
  };
  const positive = (k: keyof GPT2Config) => {
    const v = config[k];
    if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v)) problems.push(`${k} must be a positive number, got ${JSON.stringify(v)}`);
  };
  const flag = (k: keyof GPT2Config) => {
    if (typeof config[k] !== 'boolean') problems.push(`${k} must be true or false, got ${JSON.stringify(config[k])}`);
  };
  const oneOf = (k: keyof GPT2Config, values: readonly string[]) => {
    const v = config[k];
    if (!values.includes(v as string)) problems.push(`${k} ${JSON.stringify(v)} is not one of ${values.join(', ')}${suggest(String(v), values)}`);
  };
  const tokenId = (k: keyof GPT2Config) => {
    const v = config[k];
    if (v !== null && (!Number.isSafeInteger(v) || (v as number) < 0)) problems.push(`${k} must be a token id or null, got ${JSON.stringify(v)}`);
    // transformers accepts such ids (HF's GPT-2 default 50256 with a small vocabulary); only generation reads them.
    else if (v !== null && Number.isSafeInteger(c.vocab_size) && (v as number) >= c.vocab_size) {
      warnings.push(
        `${where}: ${k} ${v} is not below vocab_size ${c.vocab_size}; the model never produces it, so generation does not stop at it (set ${k} to null or to an id below ${c.vocab_size})`,
      );
    }
  };
  int('vocab_size', 1);
  int('n_positions', 1);
  int('n_embd', 1);
  int('n_layer', 0);
  int('n_head', 1);
  if (c.n_inner !== null) int('n_inner', 1);
  if (!ACTIVATION_FUNCTIONS.includes(c.activation_function)) {
    problems.push(
      `activation_function ${JSON.stringify(c.activation_function)} is not supported${suggest(String(c.activation_function), ACTIVATION_FUNCTIONS)}; use one of ${ACTIVATION_FUNCTIONS.join(', ')}`,
    );
  }
  prob('resid_pdrop');
  prob('embd_pdrop');
  prob('attn_pdrop');
  positive('layer_norm_epsilon');
  if (typeof c.initializer_range !== 'number' || !(c.initializer_range >= 0))
    problems.push(`initializer_range must be a number ≥ 0, got ${JSON.stringify(c.initializer_range)}`);
  flag('tie_word_embeddings');
  flag('use_lightsoftmax');
  flag('use_dropmatmul');
  tokenId('bos_token_id');
  tokenId('eos_token_id');
  if (!ATTN_IMPLS.includes(c.attn_impl))
    problems.push(`attn_impl ${JSON.stringify(c.attn_impl)} is not one of ${ATTN_IMPLS.join(', ')}${suggest(String(c.attn_impl), ATTN_IMPLS)}`);
  if (c.max_chunk_size_mb !== null) positive('max_chunk_size_mb');
  oneOf('dropout_mask', DROPOUT_MASKS);
  oneOf('dropmatmul_mask', DROPMATMUL_MASKS);
  if (!ACTIVATION_RECOMPUTE.includes(c.activation_recompute)) {
    problems.push(
      `activation_recompute ${JSON.stringify(c.activation_recompute)} is not one of ${ACTIVATION_RECOMPUTE.join(', ')}${suggest(String(c.activation_recompute), ACTIVATION_RECOMPUTE)}`,
    );
  }
  if (Number.isSafeInteger(c.n_embd) && Number.isSafeInteger(c.n_head) && c.n_head > 0 && c.n_embd % c.n_head !== 0) {
    problems.push(`n_embd ${c.n_embd} is not divisible by n_head ${c.n_head}`);
  }
  if (problems.length) throw new GPT2ConfigError(`${where}: ${problems.length} problem${problems.length > 1 ? 's' : ''}\n  ${problems.join('\n  ')}`);
  const warn = options.onWarning ?? ((message: string) => console.warn(message));
  for (const w of warnings) warn(w);
  return Object.fromEntries(FIELD_NAMES.map((k) => [k, config[k]])) as unknown as GPT2Config;
}

/**
 * The config.json that transformers' GPT2LMHeadModel.from_pretrained reads. This project's own
 * fields are kept (transformers stores unknown fields as plain attributes and ignores them).
 */
export function toHFConfigJson(config: GPT2Config): string {
  return JSON.stringify(
    {
      architectures: ['GPT2LMHeadModel'],
      model_type: 'gpt2',
      n_ctx: config.n_positions,
      ...config,
    },
    null,
    2,
  );
}

/** MLP width: n_inner, or 4·n_embd. */
export const innerSize = (config: GPT2Config): number => config.n_inner ?? 4 * config.n_embd;

/** ` (did you mean "x"?)` for the closest name (a case/underscore variant, a prefix, or a few edits away), else ''. */
export function suggest(name: string, candidates: readonly string[]): string {
  const norm = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const [a, b] = [norm(name), norm(c)];
    const prefix = Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a));
    const d = a === b ? 0 : prefix ? 1 : editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 4)) ? ` (did you mean "${best}"?)` : '';
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}
