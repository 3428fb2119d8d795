import * as ag from '@lightattn/autograd';
import * as tc from '@lightattn/tensor-core';
import type { Tensor } from '@lightattn/tensor-core';
import type { LeapVariant } from '@lightattn/leap-attention';
import { gpt2Config, innerSize, type GPT2Config } from './config.js';
import { LeapForCausalLM } from './leap-model.js';
import { GPT2LMHeadModel } from './model.js';

/** One configuration to measure: this project's fields on top of the base config, and the loss chunking. */
export interface MemoryCase {
  label: string;
  overrides?: Partial<GPT2Config>;
  /** Chunk the LM loss over this many tokens (the B·T×V logits never exist). */
  lossChunkTokens?: number;
  /** A published figure to compare with (see REFERENCE_FIGURES). */
  reference?: keyof typeof REFERENCE_FIGURES;
  /**
   * Measure LeapForCausalLM of this variant instead, at the same sizes (hidden_size = n_embd,
   * n_heads = n_head, hidden_dropout_prob = resid_pdrop, automatic windows).
   */
  leap?: LeapVariant;
}

/**
 * Figures measured elsewhere, in MiB (2²⁰ bytes):
 * - Light Attention's README (GPT2Model without the LM head, batch 4, seq 1024, A100):
 *   "vanilla" is PyTorch 1.10, whose softmax kept its input and output (max allocated 12119.3 minus
 *   487.5 of parameters); "light" is LightSoftmax + DropMatmul on PyTorch 1.11. Both run HF's
 *   composite gelu_new and keep 1-byte dropout masks; the light fork's DropMatmul keeps a bool mask.
 *   SEED_SEMANTICS measures them with those semantics.
 * - an NVIDIA H200 (PyTorch 2.11, GPT2LMHeadModel training step with AdamW, design notes), given
 *   there in MB.
 */
export const REFERENCE_FIGURES = {
  'seed vanilla': { activationsMiB: 11631.8, peakMiB: null, source: 'Light Attention README, PyTorch 1.10, GPT2Model' },
  'seed light': { activationsMiB: 7311.8, peakMiB: null, source: 'Light Attention README, PyTorch 1.11, GPT2Model' },
  'torch eager': { activationsMiB: 11389, peakMiB: 13967, source: 'H200, PyTorch 2.11 eager attention (MB)' },
  'torch sdpa': { activationsMiB: 6492, peakMiB: 9068, source: 'H200, PyTorch 2.11 SDPA memory-efficient (MB)' },
  'torch sdpa + checkpointing': { activationsMiB: 2530, peakMiB: 4812, source: 'H200, PyTorch 2.11 SDPA with activation checkpointing (MB)' },
} as const;

/** One configuration of {@link memoryReport}: activations, their split, and the peak. */
export interface MemoryReportRow {
  label: string;
  /** Bytes saved for backward over the whole forward (the saved-bytes ledger's total): the activations. */
  activations: number;
  /** Of which saved inside GPT2Model (embeddings, blocks, ln_f; LEAP: all but its head): what Light Attention measured. */
  model: number;
  /** Of which saved by the attention core (inside each block's attn outside its c_attn and c_proj; LEAP: its MultiheadLeap). */
  attention: number;
  /** Of which saved by the LM head and the loss. */
  head: number;
  /** Highest allocated bytes during a steady-state training step (forward, backward, AdamW step), parameters and optimizer state included. */
  peak: number;
  reference?: { name: string; activationsMiB: number; peakMiB: number | null; source: string };
}

/** Options of {@link memoryReport}: batch, sequence length and which configurations. */
export interface MemoryReportOptions {
  batch: number;
  seq: number;
  /** The configurations to measure; default DEFAULT_MEMORY_CASES. */
  cases?: readonly MemoryCase[];
}

/**
 * What HF GPT-2 on eager PyTorch keeps, as Light Attention measured it: `gelu_new` op by op (four
 * [B, T, n_inner] tensors per layer), 1-byte masks for the 2·n_layer + 1 dropouts, and (with
 * use_dropmatmul) Light Attention's DropMatmul keeping its B·H·T·T bool mask.
 */
export const SEED_SEMANTICS: Readonly<Partial<GPT2Config>> = Object.freeze({
  activation_function: 'gelu_new',
  dropout_mask: 'stored',
  dropmatmul_mask: 'bool',
});

/** This project's lean choices: the fused GELU (keeps its input only) and masks regenerated from the Philox state. */
export const LEAN_SEMANTICS: Readonly<Partial<GPT2Config>> = Object.freeze({
  activation_function: 'gelu_pytorch_tanh',
  dropout_mask: 'regenerate',
  dropmatmul_mask: 'rng',
});

const lean = (overrides: Partial<GPT2Config>): Partial<GPT2Config> => ({ ...LEAN_SEMANTICS, ...overrides });

/**
 * Rows of the report in docs/model.md: Light Attention's two configurations with eager PyTorch's semantics,
 * then each attn_impl and the chunked loss with the lean ones, beside Light Attention's and PyTorch's figures.
 */
export const DEFAULT_MEMORY_CASES: readonly MemoryCase[] = [
  {
    label: 'vanilla (eager PyTorch semantics: gelu_new composed, stored dropout masks)',
    overrides: { ...SEED_SEMANTICS, attn_impl: 'vanilla' },
    reference: 'seed vanilla',
  },
  {
    label: 'light (seed semantics: LightSoftmax + DropMatmul, gelu_new composed, stored dropout masks, bool DropMatmul mask)',
    overrides: { ...SEED_SEMANTICS, attn_impl: 'vanilla', use_lightsoftmax: true, use_dropmatmul: true },
    reference: 'seed light',
  },
  { label: 'vanilla', overrides: lean({ attn_impl: 'vanilla' }) },
  { label: 'vanilla + LightSoftmax + DropMatmul', overrides: lean({ attn_impl: 'vanilla', use_lightsoftmax: true, use_dropmatmul: true }) },
  { label: 'light', overrides: lean({ attn_impl: 'light' }) },
  { label: 'chunked (64 MB)', overrides: lean({ attn_impl: 'chunked', max_chunk_size_mb: 64 }) },
  { label: 'flash', overrides: lean({ attn_impl: 'flash' }), reference: 'torch sdpa' },
  { label: 'flash + chunked loss', overrides: lean({ attn_impl: 'flash' }), lossChunkTokens: 256 },
  { label: 'flash + chunked loss + selective recompute', overrides: lean({ attn_impl: 'flash', activation_recompute: 'selective' }), lossChunkTokens: 256 },
  {
    label: 'flash + chunked loss + full recompute',
    overrides: lean({ attn_impl: 'flash', activation_recompute: 'full' }),
    lossChunkTokens: 256,
    reference: 'torch sdpa + checkpointing',
  },
  { label: 'LEAP (seed variant) + chunked loss', leap: 'seed', lossChunkTokens: 256 },
  { label: 'LEAP (v2) + chunked loss', leap: 'v2', lossChunkTokens: 256 },
];

/**
 * Measures a training step of GPT-2 (AdamW) on the meta device, which runs every op's shape rule and
 * accounts every allocation without computing anything: a configuration of any GPT-2 size takes well
 * under a second. The step is measured with AdamW's state allocated, as in a training loop after its
 * first step.
 */
export function memoryReport(config: GPT2Config, options: MemoryReportOptions): MemoryReportRow[] {
  return (options.cases ?? DEFAULT_MEMORY_CASES).map((c) => measureCase(config, c, options));
}

/**
 * Allocates AdamW's moments as a first training step would, without running one (which costs as much
 * as the measured step): an update with zero gradients, which are then dropped. A first step leaves
 * exactly this behind — the moments — since its activations and gradients are freed.
 */
function createOptimizerState(params: readonly Tensor[], opt: ag.AdamW): void {
  for (const p of params) p.grad = tc.keep(tc.withMemoryTag('gradient', () => tc.zerosLike(p)));
  opt.step();
  opt.zeroGrad();
}

function buildModel(config: GPT2Config, c: MemoryCase, device: tc.Device): GPT2LMHeadModel | LeapForCausalLM {
  if (!c.leap) return new GPT2LMHeadModel(config, { device });
  return new LeapForCausalLM(
    {
      hidden_size: config.n_embd,
      vocab_size: config.vocab_size,
      n_heads: config.n_head,
      n_layer: config.n_layer,
      n_positions: config.n_positions,
      hidden_dropout_prob: config.resid_pdrop,
      initializer_range: config.initializer_range,
      variant: c.leap,
    },
    { device },
  );
}

function measureCase(base: GPT2Config, c: MemoryCase, { batch, seq }: MemoryReportOptions): MemoryReportRow {
  const device = tc.createMetaDevice();
  const config = gpt2Config(base, c.overrides ?? {});
  const model = buildModel(config, c, device);
  const params = model.parameters();
  const opt = new ag.AdamW(params);
  const ids = tc.zeros([batch, seq], { dtype: 'i32', device });
  createOptimizerState(params, opt);
  device.memory.resetPeak();
  const { result: loss, ledger } = ag.withLedger(() => model.forward(ids, { labels: ids, lossChunkTokens: c.lossChunkTokens, logits: 'none' }).loss as Tensor);
  const modules = ledger.byModule();
  const total = (path: string) => modules.find((m) => m.module === path)?.totalBytes ?? 0;
  const own = (pattern: RegExp) => modules.filter((m) => pattern.test(m.module)).reduce((s, m) => s + m.bytes, 0);
  loss.backward();
  opt.step();
  loss.dispose();
  ledger.close();
  // The head and the loss run in the root module ('') and in lm_head / proj_logits.
  const head = own(/^$/) + total('lm_head') + total('proj_logits');
  const row: MemoryReportRow = {
    label: c.label,
    activations: ledger.total,
    model: ledger.total - head,
    attention: own(/^transformer\.h\.\d+\.attn$|^leap_model\.decoders\.\d+\.leap$/),
    head,
    peak: device.memory.peak,
    reference: c.reference ? { name: c.reference, ...REFERENCE_FIGURES[c.reference] } : undefined,
  };
  model.dispose();
  ids.dispose();
  return row;
}

/**
 * The arithmetic of what SEED_SEMANTICS keep beyond LEAN_SEMANTICS for `config`, per forward: a
 * cross-check of the measured rows (memory-report.test.ts), not used by the report.
 * - gelu_new op by op keeps 0.5·x, tanh's input and 1 + tanh besides x: 3·B·T·n_inner·4 bytes per
 *   layer over the fused GELU, which keeps x only;
 * - stored dropout masks: 1 byte per element of the embedding dropout and the two residual dropouts
 *   of each layer, (2·n_layer + 1)·B·T·C bytes;
 * - the bool DropMatmul mask (use_dropmatmul): B·H·T·T bytes per layer.
 */
export function eagerExtras(config: GPT2Config, batch: number, seq: number): { bytes: number; parts: Record<string, number> } {
  const tokens = batch * seq;
  const parts: Record<string, number> = {};
  if (config.activation_function.startsWith('gelu')) parts['gelu_new op by op'] = config.n_layer * 3 * tokens * innerSize(config) * 4;
  const drops = (config.resid_pdrop > 0 ? 2 * config.n_layer : 0) + (config.embd_pdrop > 0 ? 1 : 0);
  if (drops) parts['dropout masks'] = drops * tokens * config.n_embd;
  if (config.use_dropmatmul && config.attn_pdrop > 0) parts['DropMatmul mask'] = config.n_layer * batch * config.n_head * seq * seq;
  return { bytes: Object.values(parts).reduce((a, b) => a + b, 0), parts };
}

const MiB = 2 ** 20;

/**
 * ours ÷ the reference's activations. The seed measured GPT2Model alone, so its rows compare the
 * bytes saved inside GPT2Model; PyTorch's H200 figures are whole training steps (all activations).
 */
export function referenceRatio(row: MemoryReportRow): number | undefined {
  if (!row.reference) return undefined;
  const ours = row.reference.name.startsWith('seed') ? row.model : row.activations;
  return ours / MiB / row.reference.activationsMiB;
}

const fmt = (bytes: number) => (bytes / MiB).toFixed(0);

/** The report as a Markdown table (MiB = 2²⁰ bytes). */
export function formatMemoryReport(rows: readonly MemoryReportRow[]): string {
  const lines = [
    '| configuration | activations MiB | in GPT2Model | attention core | LM head + loss | peak MiB | reference MiB | ours ÷ reference |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
  ];
  for (const r of rows) {
    const ref = r.reference;
    const refCell = ref ? `${ref.name}: ${ref.activationsMiB}${ref.peakMiB ? ` (peak ${ref.peakMiB})` : ''}` : '';
    const ratio = ref ? referenceRatio(r)!.toFixed(2) : '';
    lines.push(`| ${r.label} | ${fmt(r.activations)} | ${fmt(r.model)} | ${fmt(r.attention)} | ${fmt(r.head)} | ${fmt(r.peak)} | ${refCell} | ${ratio} |`);
  }
  return lines.join('\n');
}
