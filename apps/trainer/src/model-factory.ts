import { existsSync, readFileSync, statSync } from 'node:fs';
import {
  GPT2_PRESETS,
  GPT2LMHeadModel,
  LeapForCausalLM,
  LEAP_CHECKPOINT_HINT,
  detectLeapLayout,
  gpt2Config,
  gpt2FileKey,
  loadWeightsInto,
  parseGPT2Config,
  parseLeapConfig,
  saveLeapPretrained,
  savePretrained,
  type AttnImpl,
  type ActivationRecompute,
  type GPT2Config,
  type GPT2PresetName,
} from '@lightattn/gpt2-model';
import { Generator, type Device, type Tensor } from '@lightattn/tensor-core';
import { CliError, UsageError } from './errors.js';

export type ModelKind = 'gpt2' | 'leap';
export type LeapConfigResolved = LeapForCausalLM['config'];

/** A language model the trainer drives, with the generators its initialisation and dropout draw from. */
export interface LanguageModel {
  kind: ModelKind;
  model: GPT2LMHeadModel | LeapForCausalLM;
  /** Initial weights. */
  initGenerator: Generator;
  /** Dropout masks (LEAP draws both from one generator, as its constructor takes one). */
  dropoutGenerator: Generator;
}

/** The model-shaping flags of `train`, `bench` and `experiment`. */
export interface ModelFlags {
  model: ModelKind;
  preset: string;
  config?: string;
  nLayer?: number;
  nHead?: number;
  nEmbd?: number;
  nPositions?: number;
  attn?: AttnImpl;
  /** The command's attention when neither --attn nor a --config file's attn_impl names one. */
  defaultAttn?: AttnImpl;
  lightsoftmax?: boolean;
  dropmatmul?: boolean;
  maxChunkMb?: number;
  recompute?: ActivationRecompute;
  dropout?: number;
  leapVariant?: 'seed' | 'v2';
  leapGlobal?: boolean;
}

export type ModelConfig = { kind: 'gpt2'; config: GPT2Config } | { kind: 'leap'; config: LeapConfigResolved };

export const PRESET_NAMES = Object.keys(GPT2_PRESETS) as GPT2PresetName[];

function readConfigFile(path: string): Record<string, unknown> {
  if (!existsSync(path))
    throw new CliError(
      `--config: ${path}: no such file`,
      undefined,
      'pass a JSON file with GPT-2 (or LEAP) config fields, e.g. {"n_layer": 4, "n_head": 4, "n_embd": 128}',
    );
  // A device (/dev/zero) would be read forever; a folder fails with EISDIR.
  if (!statSync(path).isFile()) throw new CliError(`--config: ${path} is not a regular file`, undefined, 'pass a JSON file');
  try {
    const json = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    if (!json || typeof json !== 'object' || Array.isArray(json)) throw new Error('not a JSON object');
    return json as Record<string, unknown>;
  } catch (e) {
    throw new CliError(`--config: ${path} is not a JSON object: ${(e as Error).message}`);
  }
}

/** Runs `fn`, turning a config error from the model packages into a CliError that names the source. */
function configured<T>(where: string, kind: ModelKind, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof CliError) throw e;
    const fields =
      kind === 'gpt2'
        ? "GPT-2's fields are those of Hugging Face's GPT2Config plus attn_impl, use_lightsoftmax, use_dropmatmul, max_chunk_size_mb, activation_recompute"
        : "LEAP's fields are hidden_size, vocab_size, n_heads, use_local_att, window_sizes, n_positions, n_layer, rescale_value, hidden_dropout_prob, initializer_range, variant, hidden_act, proj_logits_bias";
    throw new CliError(`${where}: ${(e as Error).message.replace(/^(LEAP )?config\.json: /, '')}`, undefined, `fix the named fields; ${fields}`);
  }
}

/**
 * The model config from the flags: a preset (or a JSON config file), then the size and attention
 * flags; the vocabulary is the tokenizer's and n_positions covers `seq`. LEAP takes the same sizes
 * (hidden_size = n_embd, n_heads = n_head) so the two compare at equal size.
 */
export function modelConfigFromFlags(f: ModelFlags, vocabSize: number, seq: number): ModelConfig {
  if (!(f.preset in GPT2_PRESETS)) throw new UsageError(`--preset ${f.preset} is not a preset; presets are ${PRESET_NAMES.join(', ')}`);
  const preset = GPT2_PRESETS[f.preset as GPT2PresetName] as Partial<GPT2Config>;
  const file = f.config ? readConfigFile(f.config) : {};
  const where = f.config ? `--config ${f.config}` : 'model config';
  if (f.model === 'gpt2') {
    const fromFile = f.config ? configured(where, 'gpt2', () => parseGPT2Config({ ...file, vocab_size: vocabSize })) : null;
    const base: Partial<GPT2Config> = fromFile ?? { ...preset };
    const overrides: Partial<GPT2Config> = { vocab_size: vocabSize };
    if (f.nLayer !== undefined) overrides.n_layer = f.nLayer;
    if (f.nHead !== undefined) overrides.n_head = f.nHead;
    if (f.nEmbd !== undefined) overrides.n_embd = f.nEmbd;
    overrides.n_positions = f.nPositions ?? Math.max(base.n_positions ?? 1024, seq);
    // A --config file's attn_impl stands unless --attn is given; the command's default fills in otherwise.
    const attn = f.attn ?? (f.config && 'attn_impl' in file ? undefined : f.defaultAttn);
    if (attn !== undefined) overrides.attn_impl = attn;
    if (f.lightsoftmax !== undefined) overrides.use_lightsoftmax = f.lightsoftmax;
    if (f.dropmatmul !== undefined) overrides.use_dropmatmul = f.dropmatmul;
    if (f.maxChunkMb !== undefined) overrides.max_chunk_size_mb = f.maxChunkMb;
    if (f.recompute !== undefined) overrides.activation_recompute = f.recompute;
    if (f.dropout !== undefined) Object.assign(overrides, { resid_pdrop: f.dropout, embd_pdrop: f.dropout, attn_pdrop: f.dropout });
    const config = configured(where, 'gpt2', () => gpt2Config(base, overrides));
    if (config.attn_impl === 'chunked' && config.max_chunk_size_mb === null) config.max_chunk_size_mb = 64;
    if (seq > config.n_positions)
      throw new UsageError(`--seq ${seq} exceeds the model's n_positions ${config.n_positions}`, 'lower --seq or raise --n-positions');
    return { kind: 'gpt2', config };
  }
  const input: Record<string, unknown> = f.config
    ? { ...file }
    : { hidden_size: preset.n_embd, n_heads: preset.n_head, n_layer: preset.n_layer, n_positions: Math.max(preset.n_positions ?? 1024, seq) };
  input.vocab_size = vocabSize;
  if (f.nLayer !== undefined) input.n_layer = f.nLayer;
  if (f.nHead !== undefined) input.n_heads = f.nHead;
  if (f.nEmbd !== undefined) input.hidden_size = f.nEmbd;
  if (f.nPositions !== undefined) input.n_positions = f.nPositions;
  else if (!f.config) input.n_positions = Math.max(Number(input.n_positions ?? 1024), seq);
  if (f.dropout !== undefined) input.hidden_dropout_prob = f.dropout;
  if (f.leapVariant !== undefined) input.variant = f.leapVariant;
  if (f.leapGlobal) input.use_local_att = false;
  const config = configured(where, 'leap', () => parseLeapConfig(input));
  if (seq > config.n_positions)
    throw new UsageError(`--seq ${seq} exceeds the model's n_positions ${config.n_positions}`, 'lower --seq or raise --n-positions');
  return { kind: 'leap', config };
}

/**
 * A freshly initialised model; the seed fixes its weights and (seed + 1) its dropout masks.
 * `init: 'none'` allocates zero weights without drawing them, for a model whose weights are loaded next.
 */
export function buildModel(spec: ModelConfig, device: Device, seed: number, init: 'normal' | 'none' = 'normal'): LanguageModel {
  const initGenerator = new Generator(seed);
  if (spec.kind === 'gpt2') {
    const dropoutGenerator = new Generator(seed + 1);
    return {
      kind: 'gpt2',
      model: new GPT2LMHeadModel(spec.config, { device, generator: initGenerator, dropoutGenerator, init }),
      initGenerator,
      dropoutGenerator,
    };
  }
  const model = new LeapForCausalLM(spec.config, { device, generator: initGenerator, eosTokenId: spec.config.eos_token_id, init });
  return { kind: 'leap', model, initGenerator, dropoutGenerator: initGenerator };
}

/** Which model a config.json describes: GPT-2 (HF's GPT2LMHeadModel) or the LEAP package's LeapForCausalLM. */
export function modelKindOfConfig(json: Record<string, unknown>): ModelKind {
  const type = String(json.model_type ?? '');
  const arch = Array.isArray(json.architectures) ? json.architectures.map(String) : [];
  if (/leap/i.test(type) || arch.some((a) => /leap/i.test(a))) return 'leap';
  return 'gpt2';
}

/**
 * The model config stored in a checkpoint's config.json, with this project's fields changed by
 * `overrides` (GPT-2 only). With the weights, a LEAP config lacking the variant or proj_logits_bias
 * takes them from the tensor names (the original package's files name neither).
 */
export function modelConfigFromJson(text: string, overrides: Partial<GPT2Config> = {}, weights?: Uint8Array): ModelConfig {
  const json = JSON.parse(text) as Record<string, unknown>;
  if (modelKindOfConfig(json) === 'leap')
    return { kind: 'leap', config: configured('config.json', 'leap', () => parseLeapConfig(json, weights ? detectLeapLayout(weights) : undefined)) };
  return { kind: 'gpt2', config: configured('config.json', 'gpt2', () => parseGPT2Config(json, { overrides })) };
}

/**
 * A model from checkpoint files: built with seeded generators but without drawing initial weights
 * (loadWeightsInto then refuses a file that lacks any of them), and the weights copied in. The
 * generators start at offset 0; a resumed run sets them from its trainer state.
 */
export function loadModel(files: { config: string; weights: Uint8Array }, device: Device, seed = 0, overrides: Partial<GPT2Config> = {}): LanguageModel {
  const spec = modelConfigFromJson(files.config, overrides, files.weights);
  const lm = buildModel(spec, device, seed, 'none');
  try {
    if (lm.kind === 'gpt2') {
      loadWeightsInto(lm.model, files.weights, {
        rename: gpt2FileKey,
        optional: spec.kind === 'gpt2' && spec.config.tie_word_embeddings ? new Set(['lm_head.weight']) : undefined,
      });
    } else loadWeightsInto(lm.model, files.weights, { what: 'LEAP checkpoint', hint: LEAP_CHECKPOINT_HINT });
  } catch (e) {
    lm.model.dispose();
    throw e;
  }
  return lm;
}

/** config.json and model.safetensors of the model, in the format its loaders (and transformers, for GPT-2) read. */
export async function modelFiles(lm: LanguageModel): Promise<{ config: string; weights: Uint8Array }> {
  return lm.kind === 'gpt2' ? savePretrained(lm.model as GPT2LMHeadModel) : saveLeapPretrained(lm.model as LeapForCausalLM);
}

/** One line describing the model: kind, sizes, attention, parameters. */
export function describeModel(lm: LanguageModel): string {
  const params = lm.model.numParameters();
  const m = params >= 1e6 ? `${(params / 1e6).toFixed(2)}M` : `${(params / 1e3).toFixed(1)}k`;
  if (lm.kind === 'gpt2') {
    const c = (lm.model as GPT2LMHeadModel).config;
    // LightSoftmax and DropMatmul are parts of the vanilla attention; other implementations ignore the flags.
    const vanilla = c.attn_impl === 'vanilla';
    const light = [
      vanilla && c.use_lightsoftmax && 'LightSoftmax',
      vanilla && c.use_dropmatmul && 'DropMatmul',
      c.activation_recompute !== 'none' && `${c.activation_recompute} recompute`,
    ]
      .filter(Boolean)
      .join(', ');
    return `GPT-2 ${c.n_layer} layers × ${c.n_head} heads × ${c.n_embd}, vocab ${c.vocab_size}, attention ${c.attn_impl}${c.attn_impl === 'chunked' ? ` (${c.max_chunk_size_mb} MB chunks)` : ''}${light ? ` + ${light}` : ''}, ${m} parameters`;
  }
  const c = (lm.model as LeapForCausalLM).config;
  return `LEAP (${c.variant}) ${c.n_layer} layers × ${c.n_heads} heads × ${c.hidden_size}, vocab ${c.vocab_size}, windows ${c.windows.join('/')}, ${m} parameters`;
}

/** The LM loss of ids against themselves (HF's shift: position t predicts token t + 1); no logits are returned. */
export function forwardLoss(lm: LanguageModel, ids: Tensor, lossChunkTokens: number | null): Tensor {
  return lm.model.forward(ids, { labels: ids, logits: 'none', lossChunkTokens: lossChunkTokens ?? undefined }).loss!;
}
