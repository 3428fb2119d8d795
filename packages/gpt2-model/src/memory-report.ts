import * as ag from '@lightattn/autograd';
import * as tc from '@lightattn/tensor-core';
import type { Tensor } from '@lightattn/tensor-core';
import type { LeapVariant } from '@lightattn/leap-attention';
import { gpt2Config, type GPT2Config } from './config.js';
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
 * - the Light Attention seed's README (GPT2Model without the LM head, batch 4, seq 1024, A100):
 *   "vanilla" is PyTorch 1.10, whose softmax kept its input and output (max allocated 12119.3 minus
 *   487.5 of parameters); "light" is LightSoftmax + DropMatmul on PyTorch 1.11. Both run HF's
 *   composite gelu_new and keep 1-byte dropout masks.
 * - the lent H200 (PyTorch 2.11, GPT2LMHeadModel training step with AdamW, design notes), given
 *   there in MB.
 */
export const REFERENCE_FIGURES = {
  'seed vanilla': { activationsMiB: 11631.8, peakMiB: null, source: 'Light Attention README, PyTorch 1.10, GPT2Model' },
  'seed light': { activationsMiB: 7311.8, peakMiB: null, source: 'Light Attention README, PyTorch 1.11, GPT2Model' },
  'torch eager': { activationsMiB: 11389, peakMiB: 13967, source: 'H200, PyTorch 2.11 eager attention (MB)' },
  'torch sdpa': { activationsMiB: 6492, peakMiB: 9068, source: 'H200, PyTorch 2.11 SDPA memory-efficient (MB)' },
  'torch sdpa + checkpointing': { activationsMiB: 2530, peakMiB: 4812, source: 'H200, PyTorch 2.11 SDPA with activation checkpointing (MB)' },
} as const;

export interface MemoryReportRow {
  label: string;
  /** Bytes saved for backward over the whole forward (the saved-bytes ledger's total): the activations. */
  activations: number;
  /** Of which saved inside GPT2Model (embeddings, blocks, ln_f; LEAP: all but its head): what the seed measured. */
  model: number;
  /** Of which saved by the attention core (inside each block's attn outside its c_attn and c_proj; LEAP: its MultiheadLeap). */
  attention: number;
  /** Of which saved by the LM head and the loss. */
  head: number;
  /** Highest allocated bytes during a steady-state training step (forward, backward, AdamW step), parameters and optimizer state included. */
  peak: number;
  reference?: { name: string; activationsMiB: number; peakMiB: number | null; source: string };
  /**
   * For rows compared with the seed: what HF GPT-2 on eager PyTorch keeps that this model does not,
   * from the shapes (see eagerExtras). model + this is the like-for-like figure.
   */
  eagerExtra?: { bytes: number; parts: Record<string, number> };
}

export interface MemoryReportOptions {
  batch: number;
  seq: number;
  /** The configurations to measure; default DEFAULT_MEMORY_CASES. */
  cases?: readonly MemoryCase[];
}

/** Rows of the report in docs/model.md: each attn_impl, the chunked loss, beside the seed's and PyTorch's figures. */
export const DEFAULT_MEMORY_CASES: readonly MemoryCase[] = [
  { label: 'vanilla', overrides: { attn_impl: 'vanilla' }, reference: 'seed vanilla' },
  { label: 'vanilla + LightSoftmax + DropMatmul', overrides: { attn_impl: 'vanilla', use_lightsoftmax: true, use_dropmatmul: true }, reference: 'seed light' },
  { label: 'light', overrides: { attn_impl: 'light' } },
  { label: 'chunked (64 MB)', overrides: { attn_impl: 'chunked', max_chunk_size_mb: 64 } },
  { label: 'flash', overrides: { attn_impl: 'flash' }, reference: 'torch sdpa' },
  { label: 'flash + chunked loss', overrides: { attn_impl: 'flash' }, lossChunkTokens: 256 },
  { label: 'flash + chunked loss + selective recompute', overrides: { attn_impl: 'flash', activation_recompute: 'selective' }, lossChunkTokens: 256 },
  { label: 'flash + chunked loss + full recompute', overrides: { attn_impl: 'flash', activation_recompute: 'full' }, lossChunkTokens: 256, reference: 'torch sdpa + checkpointing' },
  { label: 'LEAP (seed variant) + chunked loss', leap: 'seed', lossChunkTokens: 256 },
  { label: 'LEAP (v2) + chunked loss', leap: 'v2', lossChunkTokens: 256 },
];

/**
 * Measures a training step of GPT-2 (AdamW) on the meta device, which runs every op's shape rule and
 * accounts every allocation without computing anything: a GPT-2 small step at batch 4 × 1024 tokens
 * takes well under a second. Two steps run, so the second has AdamW's state, as a training loop does.
 */
export function memoryReport(config: GPT2Config, options: MemoryReportOptions): MemoryReportRow[] {
  return (options.cases ?? DEFAULT_MEMORY_CASES).map((c) => measureCase(config, c, options));
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
  const opt = new ag.AdamW(model.parameters());
  const ids = tc.zeros([batch, seq], { dtype: 'i32', device });
  let row: MemoryReportRow | null = null;
  for (let step = 0; step < 2; step++) {
    opt.zeroGrad();
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
    row = {
      label: c.label,
      activations: ledger.total,
      model: ledger.total - head,
      attention: own(/^transformer\.h\.\d+\.attn$|^leap_model\.decoders\.\d+\.leap$/),
      head,
      peak: device.memory.peak,
      reference: c.reference ? { name: c.reference, ...REFERENCE_FIGURES[c.reference] } : undefined,
      eagerExtra: c.reference?.startsWith('seed') ? eagerExtras(config, batch, seq) : undefined,
    };
  }
  model.dispose();
  ids.dispose();
  return row!;
}

/**
 * Bytes that HF's GPT-2 keeps on eager PyTorch beyond what this model keeps, per forward:
 * - gelu_new: HF computes 0.5·x·(1 + tanh(√(2/π)(x + 0.044715x³))) op by op, keeping tanh's output,
 *   0.5·x and 1 + tanh besides x: 3·B·T·n_inner·4 bytes per layer; the fused gelu here keeps x only;
 * - dropout masks: PyTorch keeps a 1-byte mask for the embedding dropout and the two residual
 *   dropouts of each layer, (2·n_layer + 1)·B·T·C bytes; autograd regenerates masks from the seed;
 * - DropMatmul (use_dropmatmul): the seed's keeps its B·H·T·T bool mask per layer; light-ops
 *   regenerates it.
 */
export function eagerExtras(config: GPT2Config, batch: number, seq: number): { bytes: number; parts: Record<string, number> } {
  const tokens = batch * seq;
  const parts: Record<string, number> = {};
  if (config.activation_function.startsWith('gelu')) parts['gelu_new op by op'] = config.n_layer * 3 * tokens * (config.n_inner ?? 4 * config.n_embd) * 4;
  const drops = (config.resid_pdrop > 0 ? 2 * config.n_layer : 0) + (config.embd_pdrop > 0 ? 1 : 0);
  if (drops) parts['dropout masks'] = drops * tokens * config.n_embd;
  if (config.use_dropmatmul && config.attn_pdrop > 0) parts['DropMatmul mask'] = config.n_layer * batch * config.n_head * seq * seq;
  return { bytes: Object.values(parts).reduce((a, b) => a + b, 0), parts };
}

const MiB = 2 ** 20;
const fmt = (bytes: number) => (bytes / MiB).toFixed(0);

/** The report as a Markdown table (MiB = 2²⁰ bytes). */
export function formatMemoryReport(rows: readonly MemoryReportRow[]): string {
  const lines = [
    '| configuration | activations MiB | in GPT2Model | attention core | LM head + loss | peak MiB | reference MiB | ours ÷ reference |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
  ];
  for (const r of rows) {
    const ref = r.reference;
    let refCell = '';
    let ratio = '';
    if (ref) {
      refCell = `${ref.name}: ${ref.activationsMiB}${ref.peakMiB ? ` (peak ${ref.peakMiB})` : ''}`;
      if (ref.name.startsWith('seed')) {
        // The seed measured GPT2Model alone; like for like adds what eager HF keeps and this model does not.
        const like = r.model + (r.eagerExtra?.bytes ?? 0);
        ratio = `${(r.model / MiB / ref.activationsMiB).toFixed(2)} (with eager's extra saves, ${fmt(like)}: ${(like / MiB / ref.activationsMiB).toFixed(2)})`;
      } else ratio = (r.activations / MiB / ref.activationsMiB).toFixed(2);
    }
    lines.push(`| ${r.label} | ${fmt(r.activations)} | ${fmt(r.model)} | ${fmt(r.attention)} | ${fmt(r.head)} | ${fmt(r.peak)} | ${refCell} | ${ratio} |`);
  }
  return lines.join('\n');
}
