import * as ag from '@lightattn/autograd';
import * as tc from '@lightattn/tensor-core';
import type { Device, Tensor } from '@lightattn/tensor-core';
import { buildModel, type ModelSize, type ModelSpec } from './model-spec.js';

/** One bar of the memory explorer: a GPT-2 attention implementation, or LEAP. */
export interface MemoryCase {
  id: string;
  label: string;
  spec: Pick<ModelSpec, 'family' | 'attnImpl' | 'useLightSoftmax' | 'useDropMatmul' | 'leapVariant'>;
}

/** Every attention implementation of light-ops, Light Attention's LightSoftmax + DropMatmul flags, and LEAP. */
export const MEMORY_CASES: readonly MemoryCase[] = [
  { id: 'vanilla', label: 'vanilla', spec: { family: 'gpt2', attnImpl: 'vanilla' } },
  {
    id: 'vanilla-flags',
    label: 'vanilla + LightSoftmax + DropMatmul',
    spec: { family: 'gpt2', attnImpl: 'vanilla', useLightSoftmax: true, useDropMatmul: true },
  },
  { id: 'light', label: 'light', spec: { family: 'gpt2', attnImpl: 'light' } },
  { id: 'chunked', label: 'chunked', spec: { family: 'gpt2', attnImpl: 'chunked' } },
  { id: 'flash', label: 'flash', spec: { family: 'gpt2', attnImpl: 'flash' } },
  { id: 'leap', label: 'LEAP', spec: { family: 'leap', leapVariant: 'seed' } },
];

export interface MemorySetting {
  size: ModelSize;
  batch: number;
  seq: number;
  /** Dropout rate during the measured training step (DropMatmul only matters with attention dropout). */
  dropout: number;
  /** The cap of chunked attention, in MB. */
  maxChunkSizeMb: number;
  /** GPT-2's vocabulary unless a page says otherwise. */
  vocabSize?: number;
}

export interface MemoryMeasurement {
  id: string;
  label: string;
  /** Bytes saved for the backward over the forward pass (the saved-bytes ledger's total). */
  activations: number;
  /** Of which saved by the attention cores (GPT-2: each block's attn outside its projections; LEAP: each block's leap). */
  attention: number;
  /** Parameter bytes. */
  parameters: number;
  /**
   * Highest bytes held during forward + backward, parameters and gradients included (counted from
   * before the model was built, so other tensors on the device do not count); null when only the
   * forward ran.
   */
  peak: number | null;
  /**
   * How much the WebGPU device's holdings grew for the step, its buffer pool's rounding included
   * (call with an emptied pool); null on other devices or without backward.
   */
  reserved: number | null;
  device: string;
}

function specFor(c: MemoryCase, s: MemorySetting): ModelSpec {
  return {
    ...c.spec,
    size: s.size,
    vocabSize: s.vocabSize ?? 50257,
    nPositions: Math.max(1024, s.seq),
    dropout: s.dropout,
    maxChunkSizeMb: s.maxChunkSizeMb,
  };
}

/** Attention-core bytes from the ledger's module rows. */
function attentionBytes(ledger: ag.SavedBytesLedger): number {
  let n = 0;
  for (const row of ledger.byModule()) {
    if (/^transformer\.h\.\d+\.attn$/.test(row.module))
      n += row.bytes; // own bytes: c_attn, c_proj are children
    else if (/\.decoders\.\d+\.leap$/.test(row.module)) n += row.totalBytes;
  }
  return n;
}

/**
 * One training step's memory for a case: build the model on `device`, run the forward under the
 * saved-bytes ledger and (with `backward`) the backward. On the meta device nothing is computed,
 * so GPT-2 small at 2048 tokens takes milliseconds; on a real device the same program allocates
 * the same bytes, which is what "measure on my GPU" shows.
 */
export async function measureCase(c: MemoryCase, setting: MemorySetting, device: Device, options: { backward: boolean }): Promise<MemoryMeasurement> {
  const baseAllocated = device.memory.allocated;
  const baseReserved = device.memory.reserved;
  const model = buildModel(specFor(c, setting), device, 0);
  const parameters = model.parameters().reduce((n, p) => n + p.nbytes, 0);
  let ids: Tensor | null = null;
  let loss: Tensor | null = null;
  try {
    model.train();
    ids = tc.zeros([setting.batch, setting.seq], { dtype: 'i32', device });
    device.memory.resetPeak();
    const input = ids;
    const run = ag.withLedger(() => model.forward(input, { labels: input, logits: 'none', lossChunkTokens: 256 }).loss!);
    loss = run.result;
    const activations = run.ledger.total;
    const attention = attentionBytes(run.ledger);
    let peak: number | null = null;
    let reserved: number | null = null;
    if (options.backward) {
      loss.backward();
      await device.sync();
      peak = device.memory.peak - baseAllocated;
      reserved = device.type === 'webgpu' ? device.memory.reserved - baseReserved : null;
    } else ag.releaseGraph(loss);
    run.ledger.close();
    return { id: c.id, label: labelOf(c, setting), activations, attention, parameters, peak, reserved, device: device.name };
  } finally {
    loss?.dispose();
    ids?.dispose();
    model.zeroGrad();
    model.dispose();
  }
}

export function labelOf(c: MemoryCase, setting: Pick<MemorySetting, 'maxChunkSizeMb'>): string {
  return c.id === 'chunked' ? `chunked (${setting.maxChunkSizeMb} MB)` : c.label;
}

/** Saved activations against sequence length, forward only, for the line chart. */
export async function memoryCurve(
  cases: readonly MemoryCase[],
  setting: Omit<MemorySetting, 'seq'>,
  seqs: readonly number[],
  device: Device,
  /** Called after each point (the worker reports progress and lets messages in). */
  onPoint?: (c: MemoryCase, seq: number) => void | Promise<void>,
): Promise<{ id: string; label: string; points: { seq: number; activations: number; attention: number }[] }[]> {
  const out = [];
  for (const c of cases) {
    const points = [];
    for (const seq of seqs) {
      const m = await measureCase(c, { ...setting, seq }, device, { backward: false });
      points.push({ seq, activations: m.activations, attention: m.attention });
      await onPoint?.(c, seq);
    }
    out.push({ id: c.id, label: labelOf(c, setting), points });
  }
  return out;
}

/**
 * The sequence lengths of the curve: powers of two from 128 up to the chosen T, and T itself when
 * it is not one, so the curve always reaches the T the page shows (at least up to 1024).
 */
export function curveSeqs(seq: number): number[] {
  const top = Math.max(1024, seq);
  const seqs: number[] = [];
  for (let t = 128; t < top; t *= 2) seqs.push(t);
  seqs.push(top);
  return seqs;
}

/**
 * How a curve grows per doubling of the sequence, from its last two points: ≈2 is linear, ≈4 is
 * quadratic. Null with fewer than two points or a zero.
 */
export function growthPerDoubling(points: readonly { seq: number; bytes: number }[]): number | null {
  if (points.length < 2) return null;
  const a = points[points.length - 2]!;
  const b = points[points.length - 1]!;
  if (!(a.bytes > 0 && b.bytes > 0 && b.seq > a.seq)) return null;
  // bytes ∝ T^k  ⇒  per doubling ×2^k with k = log(b/a) / log(T_b/T_a)
  const k = Math.log(b.bytes / a.bytes) / Math.log(b.seq / a.seq);
  return 2 ** k;
}
