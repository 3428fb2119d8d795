import { leapConfig, LeapConfigError, type LeapConfig, type LeapConfigInput, type LeapVariant } from '@lightattn/leap-attention';
import * as tc from '@lightattn/tensor-core';
import { parseSafetensors, type Device } from '@lightattn/tensor-core';
import { CheckpointError, loadWeightsInto, type CheckpointDType, type PretrainedFiles } from './checkpoint.js';
import { suggest } from './config.js';
import { LeapForCausalLM } from './leap-model.js';

/** HF bookkeeping in the original package's config.json (it subclasses PretrainedConfig). */
const IGNORED = new Set([
  'architectures',
  'model_type',
  'transformers_version',
  'torch_dtype',
  'dtype',
  '_name_or_path',
  'return_dict',
  'output_hidden_states',
  'output_attentions',
  'torchscript',
  'use_bfloat16',
  'pruned_heads',
  'tie_word_embeddings',
  'is_decoder',
  'is_encoder_decoder',
  'add_cross_attention',
  'tie_encoder_decoder',
  'chunk_size_feed_forward',
  'id2label',
  'label2id',
  'problem_type',
  'tokenizer_class',
  'prefix',
  'bos_token_id',
  'pad_token_id',
  'eos_token_id',
  'sep_token_id',
  'decoder_start_token_id',
  'task_specific_params',
]);

/** The original's names for LeapConfig fields (its versions used both). */
const ALIASES: ReadonlyMap<string, keyof LeapConfigInput> = new Map([
  ['n_head', 'n_heads'],
  ['rescale', 'rescale_value'],
]);
const FIELDS: readonly (keyof LeapConfigInput)[] = [
  'hidden_size',
  'vocab_size',
  'n_heads',
  'use_local_att',
  'window_sizes',
  'n_positions',
  'n_layer',
  'rescale_value',
  'hidden_dropout_prob',
  'initializer_range',
  'variant',
  'hidden_act',
  'proj_logits_bias',
];
/** GPT-2 fields: a config with these is a GPT-2 config read as LEAP because of its model_type. */
const GPT2_FIELDS = new Set([
  'n_embd',
  'n_inner',
  'activation_function',
  'resid_pdrop',
  'embd_pdrop',
  'attn_pdrop',
  'layer_norm_epsilon',
  'n_ctx',
  'attn_impl',
  'use_lightsoftmax',
  'use_dropmatmul',
]);

/** What a LEAP state dict's names tell: the variant (by its first block's norm) and whether the head has a bias. */
export interface LeapWeightLayout {
  variant?: LeapVariant;
  proj_logits_bias: boolean;
}

/**
 * The original LEAP package's config.json → LeapConfig. `variant` and `proj_logits_bias` are read
 * from the file, else from the weights' names (`layout`: the seed's blocks have `pre_norm`, v2's
 * `attn_norm`; the original head nn.Linear(d, vocab) has `proj_logits.bias`). `hidden_act` is
 * 'gelu', the original's exact nn.GELU(), unless the file names another (this project writes it).
 * The original writes window_sizes even when use_local_att is false (all global): those are dropped.
 */
export function parseLeapConfig(json: string | Record<string, unknown>, layout?: LeapVariant | LeapWeightLayout): LeapConfig & { eos_token_id: number | null } {
  let raw: unknown = json;
  if (typeof json === 'string') {
    try {
      raw = JSON.parse(json);
    } catch (e) {
      throw new CheckpointError(`LEAP config.json is not valid JSON: ${(e as Error).message}`);
    }
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new CheckpointError(`LEAP config.json must hold a JSON object, got ${JSON.stringify(raw)?.slice(0, 80)}`);
  const fields = raw as Record<string, unknown>;
  const input: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const problems: string[] = [];
  const gpt2Fields = Object.keys(fields).filter((k) => GPT2_FIELDS.has(k));
  if (gpt2Fields.length) {
    const why = Object.hasOwn(fields, 'model_type')
      ? ` because of its model_type ${JSON.stringify(fields.model_type)}`
      : Object.hasOwn(fields, 'architectures')
        ? ` because of its architectures ${JSON.stringify(fields.architectures)}`
        : '';
    throw new CheckpointError(
      `config.json is read as a LEAP config${why}, but it has GPT-2 fields (${gpt2Fields.join(', ')}); for a GPT-2 model set "model_type": "gpt2" (and "architectures": ["GPT2LMHeadModel"]), or give LEAP's fields (hidden_size, n_heads, n_layer, …)`,
    );
  }
  for (const [key, value] of Object.entries(fields)) {
    if (IGNORED.has(key)) continue;
    if (key === 'rnn') {
      if (value) problems.push('"rnn": true builds the original LSTM baseline, which is not LEAP; only rnn: false checkpoints load');
      continue;
    }
    const name = ALIASES.get(key) ?? key;
    if (!FIELDS.includes(name as keyof LeapConfigInput)) problems.push(`unknown field ${JSON.stringify(key)}${suggest(key, [...FIELDS, ...ALIASES.keys()])}`);
    else input[name] = value;
  }
  if (problems.length) throw new CheckpointError(`LEAP config.json: ${problems.join('; ')}`);
  if (input.use_local_att === false && Array.isArray(input.window_sizes)) delete input.window_sizes;
  const fromWeights: Partial<LeapWeightLayout> = typeof layout === 'string' ? { variant: layout } : (layout ?? {});
  if (fromWeights.variant && input.variant === undefined) input.variant = fromWeights.variant;
  if (fromWeights.proj_logits_bias !== undefined && input.proj_logits_bias === undefined) input.proj_logits_bias = fromWeights.proj_logits_bias;
  if (input.hidden_act === undefined) input.hidden_act = 'gelu';
  const eos = typeof fields.eos_token_id === 'number' ? fields.eos_token_id : null;
  try {
    return { ...leapConfig({ ...input } as LeapConfigInput), eos_token_id: eos };
  } catch (e) {
    if (e instanceof LeapConfigError) throw new CheckpointError(`LEAP config.json: ${e.message.replace(/^LeapConfig: /, '')}`);
    throw e;
  }
}

/** The variant and head bias a LEAP state dict was saved with, from its tensor names. */
export function detectLeapLayout(weights: Uint8Array | readonly Uint8Array[]): LeapWeightLayout {
  const names = (weights instanceof Uint8Array ? [weights] : weights).flatMap((w) => [...parseSafetensors(w).entries.keys()]);
  const variant = names.some((n) => /decoders\.0\.attn_norm\./.test(n)) ? 'v2' : names.some((n) => /decoders\.0\.pre_norm\./.test(n)) ? 'seed' : undefined;
  return { variant, proj_logits_bias: names.includes('proj_logits.bias') };
}

/** Which variant a LEAP state dict was saved from, by its first block's norm name. */
export function detectLeapVariant(weights: Uint8Array | readonly Uint8Array[]): LeapVariant | undefined {
  return detectLeapLayout(weights).variant;
}

/** What to compare when a LEAP checkpoint does not fit its config. */
export const LEAP_CHECKPOINT_HINT =
  'the checkpoint does not match the config (compare hidden_size, n_heads, n_layer, vocab_size, n_positions, the variant — seed blocks have pre_norm, v2 blocks attn_norm — and proj_logits_bias)';

/**
 * A LeapForCausalLM from the original package's checkpoint: its config.json and its state dict as
 * safetensors (PyTorch names, `proj_logits.weight` optional since it is tied). Built with
 * `init: 'none'`, as loadPretrained: nothing random is drawn, and a missing weight is an error.
 */
export function loadLeapPretrained(files: PretrainedFiles, options: { device?: Device } = {}): LeapForCausalLM {
  const config = parseLeapConfig(files.config, detectLeapLayout(files.weights));
  const model = new LeapForCausalLM(config, { device: options.device, eosTokenId: config.eos_token_id, init: 'none' });
  try {
    loadWeightsInto(model, files.weights, { what: 'LEAP checkpoint', hint: LEAP_CHECKPOINT_HINT });
  } catch (e) {
    model.dispose();
    throw e;
  }
  return model;
}

/**
 * The model in the original package's format: its config.json fields and state-dict names (the
 * variant is not written: the block names tell it apart on load). hidden_act and proj_logits_bias
 * are written so the model loads back as it is (the original's PretrainedConfig keeps unknown fields
 * as attributes); the head's bias, when there is one, is saved as `proj_logits.bias`.
 */
export async function saveLeapPretrained(model: LeapForCausalLM, options: { dtype?: CheckpointDType } = {}): Promise<{ config: string; weights: Uint8Array }> {
  const c = model.config;
  const state = { ...model.stateDict() };
  delete state['proj_logits.weight'];
  const weights = await tc.saveSafetensors(state, { dtype: options.dtype ?? 'f32', metadata: { format: 'pt' } });
  const config = {
    architectures: ['LeapForCausalLM'],
    model_type: 'LeapForCausalLM',
    hidden_size: c.hidden_size,
    vocab_size: c.vocab_size,
    n_heads: c.n_heads,
    use_local_att: c.use_local_att,
    window_sizes: c.window_sizes,
    n_positions: c.n_positions,
    n_layer: c.n_layer,
    rescale_value: c.rescale_value,
    hidden_dropout_prob: c.hidden_dropout_prob,
    initializer_range: c.initializer_range,
    hidden_act: c.hidden_act,
    proj_logits_bias: c.proj_logits_bias,
    rnn: false,
    ...(c.eos_token_id !== null ? { eos_token_id: c.eos_token_id } : {}),
  };
  return { config: JSON.stringify(config, null, 2), weights };
}
