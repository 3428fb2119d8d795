import { leapConfig, type LeapConfig, type LeapConfigInput, type LeapVariant } from '@lightattn/leap-attention';
import * as tc from '@lightattn/tensor-core';
import { parseSafetensors, type Device } from '@lightattn/tensor-core';
import { CheckpointError, loadWeightsInto, type CheckpointDType, type PretrainedFiles } from './checkpoint.js';
import { suggest } from './config.js';
import { LeapForCausalLM } from './leap-model.js';

/** HF bookkeeping in the original package's config.json (it subclasses PretrainedConfig). */
const IGNORED = new Set([
  'architectures', 'model_type', 'transformers_version', 'torch_dtype', 'dtype', '_name_or_path', 'return_dict', 'output_hidden_states',
  'output_attentions', 'torchscript', 'use_bfloat16', 'pruned_heads', 'tie_word_embeddings', 'is_decoder', 'is_encoder_decoder',
  'add_cross_attention', 'tie_encoder_decoder', 'chunk_size_feed_forward', 'id2label', 'label2id', 'problem_type', 'tokenizer_class',
  'prefix', 'bos_token_id', 'pad_token_id', 'eos_token_id', 'sep_token_id', 'decoder_start_token_id', 'task_specific_params',
]);

/** The original's names for LeapConfig fields (its versions used both). */
const ALIASES: Record<string, keyof LeapConfigInput> = { n_head: 'n_heads', rescale: 'rescale_value' };
const FIELDS: readonly (keyof LeapConfigInput)[] = ['hidden_size', 'vocab_size', 'n_heads', 'use_local_att', 'window_sizes', 'n_positions', 'n_layer', 'rescale_value', 'hidden_dropout_prob', 'initializer_range', 'variant'];

/**
 * The original LEAP package's config.json → LeapConfig. `variant` is read from the file, else from
 * the weights' names (the seed's blocks have `pre_norm`, v2's `attn_norm`). The original writes
 * window_sizes even when use_local_att is false (all global): those are dropped.
 */
export function parseLeapConfig(json: string | Record<string, unknown>, variant?: LeapVariant): LeapConfig & { eos_token_id: number | null } {
  const raw = (typeof json === 'string' ? JSON.parse(json) : json) as Record<string, unknown>;
  const input: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (IGNORED.has(key)) continue;
    if (key === 'rnn') {
      if (value) problems.push('"rnn": true builds the original LSTM baseline, which is not LEAP; only rnn: false checkpoints load');
      continue;
    }
    const name = ALIASES[key] ?? key;
    if (!FIELDS.includes(name as keyof LeapConfigInput)) problems.push(`unknown field "${key}"${suggest(key, [...FIELDS, ...Object.keys(ALIASES)])}`);
    else input[name] = value;
  }
  if (problems.length) throw new CheckpointError(`LEAP config.json: ${problems.join('; ')}`);
  if (input.use_local_att === false && Array.isArray(input.window_sizes)) delete input.window_sizes;
  if (variant && input.variant === undefined) input.variant = variant;
  const eos = typeof raw.eos_token_id === 'number' ? raw.eos_token_id : null;
  return { ...leapConfig(input as LeapConfigInput), eos_token_id: eos };
}

/** Which variant a LEAP state dict was saved from, by its first block's norm name. */
export function detectLeapVariant(weights: Uint8Array | readonly Uint8Array[]): LeapVariant | undefined {
  const names = (weights instanceof Uint8Array ? [weights] : weights).flatMap((w) => [...parseSafetensors(w).entries.keys()]);
  if (names.some((n) => /decoders\.0\.attn_norm\./.test(n))) return 'v2';
  if (names.some((n) => /decoders\.0\.pre_norm\./.test(n))) return 'seed';
  return undefined;
}

/**
 * A LeapForCausalLM from the original package's checkpoint: its config.json and its state dict as
 * safetensors (PyTorch names, `proj_logits.weight` optional since it is tied). Built with
 * `init: 'none'`, as loadPretrained: nothing random is drawn, and a missing weight is an error.
 */
export function loadLeapPretrained(files: PretrainedFiles, options: { device?: Device } = {}): LeapForCausalLM {
  const config = parseLeapConfig(files.config, detectLeapVariant(files.weights));
  const model = new LeapForCausalLM(config, { device: options.device, eosTokenId: config.eos_token_id, init: 'none' });
  try {
    loadWeightsInto(model, files.weights, { what: 'LEAP checkpoint' });
  } catch (e) {
    model.dispose();
    throw e;
  }
  return model;
}

/**
 * The model in the original package's format: its config.json fields and state-dict names (the
 * variant is not written: the block names tell it apart on load).
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
    rnn: false,
    ...(c.eos_token_id !== null ? { eos_token_id: c.eos_token_id } : {}),
  };
  return { config: JSON.stringify(config, null, 2), weights };
}
