import { describe, expect, it } from 'vitest';
import { gpt2Config } from './config.js';
import { DEFAULT_MEMORY_CASES, eagerExtras, formatMemoryReport, memoryReport, referenceRatio, REFERENCE_FIGURES, SEED_SEMANTICS } from './memory-report.js';

const MiB = 2 ** 20;
const [B, T, C, H, L, V] = [4, 1024, 768, 12, 12, 50257];

describe('memoryReport: GPT-2 small, batch 4 × 1024, fp32, AdamW, on the meta device', () => {
  const config = gpt2Config('gpt2');
  const rows = memoryReport(config, { batch: B, seq: T });
  const row = (label: string) => rows.find((r) => r.label === label)!;
  const seedVanilla = rows[0]!;
  const seedLight = rows[1]!;

  it('has one row per configuration, and the parts add up', () => {
    expect(rows.map((r) => r.label)).toEqual(DEFAULT_MEMORY_CASES.map((c) => c.label));
    for (const r of rows) {
      expect(r.model + r.head, r.label).toBe(r.activations);
      expect(r.attention, r.label).toBeLessThanOrEqual(r.model);
      // Parameters, gradients and AdamW's two moments are live at the peak.
      expect(r.peak, r.label).toBeGreaterThan(r.activations);
    }
  });

  it('the attention core keeps exactly what each implementation states', () => {
    const qkv = 3 * B * T * C * 4;
    const scores = B * H * T * T * 4;
    // Vanilla (eager PyTorch 1.10): scores, probabilities, dropped probabilities, a 1-byte mask, and q, k, v (one storage).
    expect(row('vanilla').attention).toBe(L * (3 * scores + scores / 4 + qkv));
    expect(seedVanilla.attention).toBe(row('vanilla').attention);
    // LightSoftmax + DropMatmul: the probabilities only; Light Attention's DropMatmul adds its bool mask.
    expect(row('vanilla + LightSoftmax + DropMatmul').attention).toBe(L * (scores + qkv));
    expect(seedLight.attention).toBe(L * (scores + scores / 4 + qkv));
    // Flash: q, k, v, the output and one logsumexp per query row.
    expect(row('flash').attention).toBe(L * (qkv + B * T * C * 4 + B * H * T * 4));
  });

  it("Light Attention's semantics are measured: composed gelu_new, stored dropout masks and the bool DropMatmul mask keep exactly the arithmetic's extra bytes", () => {
    const extras = (overrides: object) => eagerExtras(gpt2Config(config, { ...SEED_SEMANTICS, ...overrides }), B, T);
    expect(seedVanilla.model - row('vanilla').model).toBe(extras({}).bytes);
    expect(seedLight.model - row('vanilla + LightSoftmax + DropMatmul').model).toBe(extras({ use_dropmatmul: true }).bytes);
    expect(extras({ use_dropmatmul: true }).parts).toEqual({
      'gelu_new op by op': L * 3 * B * T * 4 * C * 4, // 0.5·x, tanh's input and 1 + tanh: three more [B, T, 4C] f32 tensors per layer
      'dropout masks': (2 * L + 1) * B * T * C, // 1 byte per element
      'DropMatmul mask': L * B * H * T * T, // 1 byte per element
    });
    // The head and the loss do not change.
    expect(seedVanilla.head).toBe(row('vanilla').head);
  });

  it("vanilla and light with Light Attention's semantics reproduce Light Attention's figures within 10%", () => {
    for (const [r, ref] of [
      [seedVanilla, 'seed vanilla'],
      [seedLight, 'seed light'],
    ] as const) {
      expect(r.reference?.name, r.label).toBe(ref);
      const ratio = r.model / MiB / REFERENCE_FIGURES[ref].activationsMiB;
      expect(referenceRatio(r), r.label).toBe(ratio);
      expect(Math.abs(ratio - 1), `${r.label}: ${ratio.toFixed(3)} of Light Attention's`).toBeLessThan(0.1);
    }
  });

  it('the chunked loss never holds the B·T×V logits', () => {
    expect(row('flash').head).toBeGreaterThanOrEqual(B * T * V * 4);
    // Chunked: the final hidden states (and the targets) only.
    expect(row('flash + chunked loss').head).toBeLessThan(B * T * C * 4 + B * T * 8 + 64);
  });

  it('flash with the chunked loss keeps ≤ 2.5 GiB, and with selective recompute ≤ 2.5 GB', () => {
    expect(row('flash + chunked loss').activations).toBeLessThanOrEqual(2.5 * 1024 * MiB);
    expect(row('flash + chunked loss + selective recompute').activations).toBeLessThanOrEqual(2.5e9);
    expect(row('flash + chunked loss + full recompute').activations).toBeLessThan(row('flash + chunked loss + selective recompute').activations);
  });

  it('formats a Markdown table', () => {
    const table = formatMemoryReport(rows);
    expect(table.split('\n')).toHaveLength(rows.length + 2);
    expect(table).toMatch(/\| vanilla \(eager PyTorch semantics[^|]*\| \d+ \| \d+ \|.*\| seed vanilla: 11631.8 \| 1\.00 \|/);
    expect(table).toMatch(/\| flash \| \d+ \|.*\| torch sdpa: 6492 \(peak 9068\) \| 0\.\d\d \|/);
  });
});
