import { GPT2_PRESETS, GPT2LMHeadModel, gpt2Config, LeapForCausalLM, type AttnImpl, type GPT2Config, type GPT2PresetName } from '@lightattn/gpt2-model';
import type { LeapConfigInput, LeapVariant } from '@lightattn/leap-attention';
import { Generator, LightattnError, type Device } from '@lightattn/tensor-core';

/** The model sizes the demo offers (gpt2-model's presets); a LEAP model of a size has the same layers, heads and width. */
export const MODEL_SIZES = ['gpt2-tiny', 'gpt2-nano', 'gpt2-micro', 'gpt2-mini', 'gpt2', 'gpt2-medium'] as const satisfies readonly GPT2PresetName[];
export type ModelSize = (typeof MODEL_SIZES)[number];

export type ModelFamily = 'gpt2' | 'leap';

/** What the pages choose: a family, a size, and the attention options of that family. */
export interface ModelSpec {
  family: ModelFamily;
  size: ModelSize;
  vocabSize: number;
  nPositions: number;
  /** Every dropout rate (embedding, residual, attention; LEAP's hidden dropout). Default 0. */
  dropout?: number;
  /** GPT-2 only. Default 'vanilla'. */
  attnImpl?: AttnImpl;
  useLightSoftmax?: boolean;
  useDropMatmul?: boolean;
  /** For attnImpl 'chunked': the cap on one chunk of attention logits, in MB. */
  maxChunkSizeMb?: number;
  /** LEAP only. Default 'seed'. */
  leapVariant?: LeapVariant;
}

export type DemoModel = GPT2LMHeadModel | LeapForCausalLM;

export function sizeOf(size: ModelSize): { n_layer: number; n_head: number; n_embd: number } {
  const preset = GPT2_PRESETS[size];
  if (!preset) throw new LightattnError(`unknown model size "${size}"; sizes are ${MODEL_SIZES.join(', ')}`);
  return { n_layer: preset.n_layer, n_head: preset.n_head, n_embd: preset.n_embd };
}

export function gpt2ConfigOf(spec: ModelSpec): GPT2Config {
  const p = spec.dropout ?? 0;
  return gpt2Config(sizeOf(spec.size), {
    vocab_size: spec.vocabSize,
    n_positions: spec.nPositions,
    resid_pdrop: p,
    embd_pdrop: p,
    attn_pdrop: p,
    attn_impl: spec.attnImpl ?? 'vanilla',
    use_lightsoftmax: spec.useLightSoftmax ?? false,
    use_dropmatmul: spec.useDropMatmul ?? false,
    max_chunk_size_mb: spec.attnImpl === 'chunked' ? (spec.maxChunkSizeMb ?? 64) : null,
  });
}

export function leapConfigOf(spec: ModelSpec): LeapConfigInput {
  const { n_layer, n_head, n_embd } = sizeOf(spec.size);
  return {
    hidden_size: n_embd,
    n_heads: n_head,
    n_layer,
    vocab_size: spec.vocabSize,
    n_positions: spec.nPositions,
    hidden_dropout_prob: spec.dropout ?? 0,
    variant: spec.leapVariant ?? 'seed',
  };
}

/** A freshly initialised model on `device`; the same seed gives the same weights on every device. */
export function buildModel(spec: ModelSpec, device: Device, seed = 0): DemoModel {
  const generator = new Generator(seed);
  if (spec.family === 'leap') return new LeapForCausalLM(leapConfigOf(spec), { device, generator });
  return new GPT2LMHeadModel(gpt2ConfigOf(spec), { device, generator, dropoutGenerator: new Generator(seed + 1) });
}

/** "GPT-2 gpt2-tiny, flash" / "LEAP gpt2-tiny size, seed": for labels. */
export function describeSpec(spec: ModelSpec): string {
  if (spec.family === 'leap') return `LEAP (${spec.leapVariant ?? 'seed'}) at ${spec.size} size`;
  const extras = [spec.useLightSoftmax ? 'LightSoftmax' : '', spec.useDropMatmul ? 'DropMatmul' : ''].filter(Boolean);
  return `GPT-2 ${spec.size}, ${spec.attnImpl ?? 'vanilla'} attention${extras.length ? ` + ${extras.join(' + ')}` : ''}`;
}
