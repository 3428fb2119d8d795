/**
 * Draws docs/attention/memory.svg: the memory of one attention layer per implementation, measured
 * on the meta device (every shape rule and allocation, no arithmetic), at GPT-2 small's attention
 * shape B 4, H 12, T 1024, D 64, causal, dropout 0.1, training. Three bars per implementation:
 * bytes saved for the backward (autograd's ledger), the forward's transient peak without recording,
 * and the peak over a recorded forward and its backward — the columns of the tables in
 * docs/attention/*.md. `attention-memory-figure.test.ts` fails when the committed figure differs.
 *
 *   node --conditions=source --import tsx scripts/docs/attention-memory-figure.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backward, noGrad, withLedger } from '@lightattn/autograd';
import { attention, type AttentionOptions } from '@lightattn/light-ops';
import { createMetaDevice, zeros, type Tensor } from '@lightattn/tensor-core';

export const FIGURE_SHAPE = { B: 4, H: 12, T: 1024, D: 64 } as const;

export const FIGURE_VARIANTS: readonly { label: string; options: AttentionOptions }[] = [
  { label: 'vanilla', options: { impl: 'vanilla' } },
  { label: 'vanilla + both flags', options: { impl: 'vanilla', useLightSoftmax: true, useDropMatmul: true } },
  { label: 'light', options: { impl: 'light' } },
  { label: 'chunked (64 MB)', options: { impl: 'chunked', maxChunkSizeMb: 64 } },
  { label: 'flash', options: { impl: 'flash' } },
];

export interface AttentionMemoryRow {
  label: string;
  /** Bytes kept for the backward (the saved-bytes ledger's total). */
  saved: number;
  /** Peak above the inputs of a forward under noGrad. */
  forwardPeak: number;
  /** Peak above the inputs over a recorded forward and its backward. */
  trainingPeak: number;
}

/** One layer's memory for each variant, on a fresh meta device each. */
export function measureAttentionMemory(shape = FIGURE_SHAPE): AttentionMemoryRow[] {
  const { B, H, T, D } = shape;
  return FIGURE_VARIANTS.map(({ label, options }) => {
    const common: AttentionOptions = { ...options, causal: true, dropout: 0.1, training: true };
    const device = createMetaDevice();
    const leaf = () => {
      const t = zeros([B, H, T, D], { device });
      t.requiresGrad = true;
      return t;
    };
    const [q, k, v] = [leaf(), leaf(), leaf()];
    const inputs = device.memory.allocated;
    device.memory.resetPeak();
    noGrad(() => attention(q, k, v, common)).dispose();
    const forwardPeak = device.memory.peak - inputs;
    device.memory.resetPeak();
    let out: Tensor | null = null;
    const { ledger } = withLedger(() => (out = attention(q, k, v, common)));
    const g = zeros([B, H, T, D], { device });
    backward(out!, g);
    const trainingPeak = device.memory.peak - inputs;
    ledger.close();
    for (const t of [q, k, v, out!, g]) t.dispose();
    return { label, saved: ledger.total, forwardPeak, trainingPeak };
  });
}

const SERIES = [
  { key: 'saved', name: 'saved for backward', color: '#1b6ca8' },
  { key: 'forwardPeak', name: 'forward peak (no grad)', color: '#8fbf3f' },
  { key: 'trainingPeak', name: 'forward + backward peak', color: '#e07b39' },
] as const;

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const mib = (bytes: number) => bytes / 2 ** 20;

/** A grouped horizontal bar chart of the rows, in MiB, as a self-contained SVG document. */
export function attentionMemorySvg(rows: readonly AttentionMemoryRow[], shape = FIGURE_SHAPE): string {
  const width = 760;
  const left = 170;
  const right = 70;
  const top = 64;
  const barHeight = 14;
  const groupGap = 16;
  const groupHeight = SERIES.length * barHeight + groupGap;
  const plotWidth = width - left - right;
  const height = top + rows.length * groupHeight + 40;
  const max = Math.max(...rows.flatMap((r) => SERIES.map((s) => mib(r[s.key]))));
  const step = max > 800 ? 200 : max > 200 ? 50 : 10;
  const scaleMax = Math.ceil(max / step) * step;
  const x = (v: number) => left + (v / scaleMax) * plotWidth;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12">`,
  );
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${left}" y="20" font-size="14" font-weight="bold">Memory of one attention layer (MiB)</text>`);
  out.push(
    `<text x="${left}" y="37" fill="#444444">B ${shape.B}, H ${shape.H}, T ${shape.T}, D ${shape.D}; causal, dropout 0.1; f32; measured on the meta device</text>`,
  );
  SERIES.forEach((s, i) => {
    const lx = left + i * 190;
    out.push(`<rect x="${lx}" y="45" width="10" height="10" fill="${s.color}"/>`);
    out.push(`<text x="${lx + 14}" y="54">${escapeXml(s.name)}</text>`);
  });
  const axisBottom = top + rows.length * groupHeight - groupGap / 2;
  for (let v = 0; v <= scaleMax; v += step) {
    out.push(`<line x1="${x(v).toFixed(1)}" y1="${top - 4}" x2="${x(v).toFixed(1)}" y2="${axisBottom}" stroke="#dddddd"/>`);
    out.push(`<text x="${x(v).toFixed(1)}" y="${axisBottom + 16}" text-anchor="middle" fill="#444444">${v}</text>`);
  }
  rows.forEach((r, gi) => {
    const gy = top + gi * groupHeight;
    out.push(`<text x="${left - 8}" y="${(gy + (SERIES.length * barHeight) / 2 + 4).toFixed(1)}" text-anchor="end">${escapeXml(r.label)}</text>`);
    SERIES.forEach((s, si) => {
      const value = mib(r[s.key]);
      const y = gy + si * barHeight;
      out.push(`<rect x="${left}" y="${y}" width="${Math.max(0.5, x(value) - left).toFixed(1)}" height="${barHeight - 2}" fill="${s.color}"/>`);
      out.push(`<text x="${(x(value) + 4).toFixed(1)}" y="${y + barHeight - 4}" fill="#222222">${value.toFixed(1)}</text>`);
    });
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}

export const FIGURE_PATH = join(import.meta.dirname, '..', '..', 'docs', 'attention', 'memory.svg');

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const rows = measureAttentionMemory();
  writeFileSync(FIGURE_PATH, attentionMemorySvg(rows));
  for (const r of rows)
    console.log(
      `${r.label.padEnd(22)} saved ${mib(r.saved).toFixed(1).padStart(7)}  forward ${mib(r.forwardPeak).toFixed(1).padStart(7)}  forward+backward ${mib(r.trainingPeak).toFixed(1).padStart(7)} MiB`,
    );
  console.log(`wrote ${FIGURE_PATH}`);
}
