import { createCpuDevice } from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import { ATTENTION_IMPLS } from './attention.js';
import type { AttentionImpl, AttentionOptions } from './attention-options.js';
import { expectClose, FP32, makeInputs, runAttention, type HostAttentionInputs } from './testing/run-attention.js';

const cpu = createCpuDevice();

/** Every implementation, with vanilla's flags in their four combinations and chunked with a tiny cap (one row per chunk). */
const VARIANTS: { name: string; options: AttentionOptions }[] = [
  { name: 'vanilla', options: { impl: 'vanilla' } },
  { name: 'vanilla + lightsoftmax', options: { impl: 'vanilla', useLightSoftmax: true } },
  { name: 'vanilla + dropmatmul', options: { impl: 'vanilla', useDropMatmul: true } },
  { name: 'vanilla + both', options: { impl: 'vanilla', useLightSoftmax: true, useDropMatmul: true } },
  { name: 'light', options: { impl: 'light' } },
  { name: 'light, packed mask', options: { impl: 'light', maskStorage: 'packed' } },
  { name: 'chunked, one chunk', options: { impl: 'chunked' } },
  { name: 'chunked, 3 chunks', options: { impl: 'chunked', maxChunkSizeMb: 0.0004 } },
  { name: 'chunked, cap below one row', options: { impl: 'chunked', maxChunkSizeMb: 1e-9 } },
  { name: 'flash', options: { impl: 'flash' } },
];

function withPadding(inputs: HostAttentionInputs, padded: number[][]): HostAttentionInputs {
  const data = new Uint8Array(inputs.B * inputs.Tk);
  for (let b = 0; b < inputs.B; b++) for (let j = 0; j < inputs.Tk; j++) data[b * inputs.Tk + j] = padded[b]!.includes(j) ? 0 : 1;
  return { ...inputs, mask: { data, shape: [inputs.B, 1, 1, inputs.Tk] } };
}

async function compareAll(inputs: HostAttentionInputs, common: AttentionOptions, label: string): Promise<void> {
  const reference = await runAttention(cpu, inputs, { ...common, impl: 'vanilla' });
  for (const variant of VARIANTS) {
    const result = await runAttention(cpu, inputs, { ...common, ...variant.options });
    expectClose(result, reference, FP32, `${label}, ${variant.name}`);
  }
}

describe('every implementation gives the same output and gradients (CPU, dropout off)', () => {
  it('no mask', async () => {
    await compareAll(makeInputs(2, 2, 7, 7, 8, 1), {}, 'no mask');
  });
  it('causal', async () => {
    await compareAll(makeInputs(1, 3, 9, 9, 16, 2), { causal: true }, 'causal');
  });
  it('padding mask over keys, broadcast over heads and queries', async () => {
    await compareAll(withPadding(makeInputs(2, 2, 6, 6, 8, 3), [[5], [0, 1]]), {}, 'padding');
  });
  it('causal + padding, with a query row that has no key left (zeros, not NaN)', async () => {
    const inputs = withPadding(makeInputs(2, 2, 6, 6, 8, 4), [[0], [4, 5]]);
    await compareAll(inputs, { causal: true }, 'causal + padding');
    const out = (await runAttention(cpu, inputs, { impl: 'flash', causal: true })).out;
    // Batch 0, every head: query row 0 sees only key 0, which is padded.
    for (let h = 0; h < 2; h++) for (let d = 0; d < 8; d++) expect(out[(h * 6 + 0) * 8 + d]).toBe(0);
    expect(out.every((x) => Number.isFinite(x))).toBe(true);
  });
  it('a per-query mask [B, H, Tq, Tk] and cross-attention Tq ≠ Tk', async () => {
    const inputs = makeInputs(1, 2, 5, 8, 8, 5);
    const data = Uint8Array.from({ length: 2 * 5 * 8 }, (_, i) => ((i * 7) % 5 === 0 ? 0 : 1));
    await compareAll({ ...inputs, mask: { data, shape: [1, 2, 5, 8] } }, { causal: true }, 'per-query mask');
  });
  it('a custom scale', async () => {
    await compareAll(makeInputs(1, 1, 5, 5, 8, 6), { scale: 0.3 }, 'scale 0.3');
  });
});

describe('with dropout, the same seed gives the same result in every implementation', () => {
  it('dropout 0.3, causal', async () => {
    await compareAll(makeInputs(2, 2, 8, 8, 8, 7), { dropout: 0.3, causal: true }, 'dropout 0.3');
  });
  it('dropout 0.5 with a padding mask', async () => {
    await compareAll(withPadding(makeInputs(1, 2, 6, 6, 8, 8), [[2]]), { dropout: 0.5 }, 'dropout 0.5');
  });
  it('a different seed gives a different result, and training: false turns dropout off', async () => {
    const inputs = makeInputs(1, 2, 8, 8, 8, 9);
    const a = await runAttention(cpu, inputs, { impl: 'light', dropout: 0.3 }, 1);
    const b = await runAttention(cpu, inputs, { impl: 'light', dropout: 0.3 }, 2);
    expect(a.out).not.toEqual(b.out);
    const off = await runAttention(cpu, inputs, { impl: 'flash', dropout: 0.3, training: false });
    const none = await runAttention(cpu, inputs, { impl: 'vanilla' });
    expectClose(off, none, FP32, 'training false');
  });
  it('p = 1 drops everything: zero output and zero gradients', async () => {
    for (const impl of ATTENTION_IMPLS) {
      const r = await runAttention(cpu, makeInputs(1, 1, 4, 4, 8, 10), { impl: impl as AttentionImpl, dropout: 1 });
      expect([...r.out, ...r.dq, ...r.dk, ...r.dv].every((x) => x === 0)).toBe(true);
    }
  });
});

describe('errors', () => {
  it('names the shapes when q, k, v disagree and rejects a bad impl or probability', async () => {
    const inputs = makeInputs(1, 1, 4, 4, 8, 11);
    await expect(runAttention(cpu, { ...inputs, mask: { data: new Uint8Array(3), shape: [1, 1, 1, 3] } }, { impl: 'light' })).rejects.toThrow(
      /mask \[1, 1, 1, 3\] does not broadcast to the scores/,
    );
    await expect(runAttention(cpu, inputs, { impl: 'fast' as AttentionImpl })).rejects.toThrow(/impl must be one of vanilla, light, chunked, flash/);
    await expect(runAttention(cpu, inputs, { impl: 'flash', dropout: 1.5 })).rejects.toThrow(/probability 1.5 is outside \[0, 1\]/);
  });
});
