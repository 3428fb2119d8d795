import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attentionMemorySvg, FIGURE_PATH, measureAttentionMemory } from './attention-memory-figure.js';

const MiB = 2 ** 20;

describe('docs/attention/memory.svg', () => {
  const rows = measureAttentionMemory();

  it('is what scripts/docs/attention-memory-figure.ts draws from the meta device (regenerate it if this fails)', () => {
    expect(readFileSync(FIGURE_PATH, 'utf8')).toBe(attentionMemorySvg(rows));
  });

  it('shows the numbers of the attention pages: saved bytes follow each formula', () => {
    const { B, H, T, D } = { B: 4, H: 12, T: 1024, D: 64 };
    const n2 = B * H * T * T;
    const nd = B * H * T * D;
    const byLabel = Object.fromEntries(rows.map((r) => [r.label, r]));
    expect(byLabel['vanilla']!.saved).toBe(3 * 4 * n2 + n2 + 3 * 4 * nd); // S', P, P̃, mask, q, k, v
    expect(byLabel['light']!.saved).toBe(4 * n2 + 3 * 4 * nd); // P, q·d^-¼, k·d^-¼, v
    expect(byLabel['chunked (64 MB)']!.saved).toBe(3 * 4 * nd);
    expect(byLabel['flash']!.saved).toBe(4 * 4 * nd + 4 * B * H * T); // q, k, v, O, log-sum-exp
    expect((byLabel['flash']!.trainingPeak / MiB).toFixed(1)).toBe('60.2');
  });
});
