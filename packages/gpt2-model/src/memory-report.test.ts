import { describe, expect, it } from 'vitest';
import { gpt2Config } from './config.js';
import { DEFAULT_MEMORY_CASES, eagerExtras, formatMemoryReport, memoryReport, REFERENCE_FIGURES } from './memory-report.js';

const MiB = 2 ** 20;
const [B, T, C, H, L, V] = [4, 1024, 768, 12, 12, 50257];

describe('memoryReport: GPT-2 small, batch 4 × 1024, fp32, AdamW, on the meta device', () => {
  const config = gpt2Config('gpt2');
  const rows = memoryReport(config, { batch: B, seq: T });
  const row = (label: string) => rows.find((r) => r.label === label)!;

  it('has one row per configuration, and the parts add up', () => {
    expect(rows.map((r) => r.label)).toEqual(DEFAULT_MEMORY_CASES.map((c) => c.label));
    for (const r of rows) {
      expect(r.model + r.head, r.label).toBe(r.activations);
      expect(r.attention, r.label).toBeLessThanOrEqual(r.model);
      // Parameters, gradients and AdamW's two moments are live at the peak.
      expect(r.peak, r.label).toBeGreaterThan(r.activations);
    }
  });

  it("the attention core keeps exactly what each implementation states", () => {
    const qkv = 3 * B * T * C * 4;
    const scores = B * H * T * T * 4;
    // Vanilla (eager PyTorch 1.10): scores, probabilities, dropped probabilities, a 1-byte mask, and q, k, v (one storage).
    expect(row('vanilla').attention).toBe(L * (3 * scores + scores / 4 + qkv));
    // LightSoftmax + DropMatmul: the probabilities only.
    expect(row('vanilla + LightSoftmax + DropMatmul').attention).toBe(L * (scores + qkv));
    // Flash: q, k, v, the output and one logsumexp per query row.
    expect(row('flash').attention).toBe(L * (qkv + B * T * C * 4 + B * H * T * 4));
  });

  it('the chunked loss never holds the B·T×V logits', () => {
    expect(row('flash').head).toBeGreaterThanOrEqual(B * T * V * 4);
    // Chunked: the final hidden states (and the targets) only.
    expect(row('flash + chunked loss').head).toBeLessThan(B * T * C * 4 + B * T * 8 + 64);
  });

  it('vanilla and the light fork reproduce the seed within 10% once eager PyTorch’s extra saves are added', () => {
    for (const [label, ref] of [['vanilla', 'seed vanilla'], ['vanilla + LightSoftmax + DropMatmul', 'seed light']] as const) {
      const r = row(label);
      const likeForLike = (r.model + r.eagerExtra!.bytes) / MiB;
      expect(Math.abs(likeForLike / REFERENCE_FIGURES[ref].activationsMiB - 1), label).toBeLessThan(0.1);
    }
    // The extras from the shapes: gelu_new op by op keeps 3 more [B, T, 4C] tensors per layer.
    expect(eagerExtras(config, B, T).parts['gelu_new op by op']).toBe(L * 3 * B * T * 4 * C * 4);
  });

  it('flash with the chunked loss keeps ≤ 2.5 GiB, and with selective recompute ≤ 2.5 GB', () => {
    expect(row('flash + chunked loss').activations).toBeLessThanOrEqual(2.5 * 1024 * MiB);
    expect(row('flash + chunked loss + selective recompute').activations).toBeLessThanOrEqual(2.5e9);
    expect(row('flash + chunked loss + full recompute').activations).toBeLessThan(row('flash + chunked loss + selective recompute').activations);
  });

  it('formats a Markdown table', () => {
    const table = formatMemoryReport(rows);
    expect(table.split('\n')).toHaveLength(rows.length + 2);
    expect(table).toMatch(/\| vanilla \| \d+ \| \d+ \|.*seed vanilla: 11631.8/);
  });
});
