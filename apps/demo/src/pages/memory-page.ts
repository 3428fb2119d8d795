import type { Chart } from 'chart.js';
import type { AppContext, Page } from '../app-context.js';
import { growthPerDoubling, type MemoryMeasurement, type MemorySetting } from '../engine/memory.js';
import { MODEL_SIZES, type ModelSize } from '../engine/model-spec.js';
import { barChart, lineChart, setBars, setLines } from '../ui/charts.js';
import { field, h, numberInput, readNumber, section, select } from '../ui/dom.js';
import { guarded } from '../ui/errors.js';
import { mib, toMiB } from '../ui/format.js';

const CURVE_SEQS = [128, 256, 512, 1024, 2048, 4096];

/**
 * Memory explorer: a GPT-2 training step's memory per attention implementation and for LEAP,
 * computed on the meta device (shapes and bytes only, instantly), and on request measured on this
 * device; and saved activations against sequence length, quadratic against linear.
 */
export function memoryPage(ctx: AppContext): Page {
  const size = select<ModelSize>('memory-size', MODEL_SIZES, 'gpt2');
  const batch = numberInput('memory-batch', 4, { min: 1, step: 1 });
  const seq = numberInput('memory-seq', 1024, { min: 1, step: 1 });
  const dropout = numberInput('memory-dropout', 0.1, { min: 0, max: 0.99, step: 0.05 });
  const cap = numberInput('memory-cap', 64, { min: 1, step: 1 });
  const vocab = numberInput('memory-vocab', 50257, { min: 1, step: 1 });
  const measureButton = h('button', { id: 'memory-measure', type: 'button' }, `Measure on my ${ctx.device.type === 'webgpu' ? 'GPU' : 'CPU'}`);
  const status = h('p', { id: 'memory-status', class: 'status' }, 'Computing…');
  const barsCanvas = h('canvas', { id: 'memory-bars', 'aria-label': 'Memory per attention implementation' });
  const curveCanvas = h('canvas', { id: 'memory-curve', 'aria-label': 'Saved activations against sequence length' });
  const table = h('table', { id: 'memory-table' });
  const curveTable = h('table', { id: 'memory-growth' });

  let bars: Chart<'bar'> | null = null;
  let curve: Chart<'line'> | null = null;
  let estimate: MemoryMeasurement[] = [];
  let measured: MemoryMeasurement[] = [];
  let run = 0;

  const setting = (): MemorySetting => ({
    size: size.value as ModelSize,
    batch: readNumber(batch, 'batch', { integer: true, min: 1, max: 1024 }),
    seq: readNumber(seq, 'sequence length', { integer: true, min: 1, max: 65536 }),
    dropout: readNumber(dropout, 'dropout', { min: 0, max: 0.99 }),
    maxChunkSizeMb: readNumber(cap, 'chunk cap', { min: 0.001 }),
    vocabSize: readNumber(vocab, 'vocabulary', { integer: true, min: 1, max: 1_000_000 }),
  });

  const render = () => {
    const labels = estimate.map((r) => r.label);
    const series = [
      { label: 'saved activations (meta)', values: estimate.map((r) => toMiB(r.activations)) },
      { label: 'of which attention core', values: estimate.map((r) => toMiB(r.attention)) },
      { label: 'peak, forward + backward (meta)', values: estimate.map((r) => toMiB(r.peak ?? 0)) },
    ];
    if (measured.length) series.push({ label: `peak measured on ${ctx.device.name}`, values: estimate.map((r) => toMiB(measured.find((m) => m.id === r.id)?.peak ?? 0)) });
    if (bars) setBars(bars, labels, series);
    else bars = barChart(barsCanvas, { labels, series, yTitle: 'MiB' });
    table.replaceChildren(
      h('thead', {}, h('tr', {}, ...['attention', 'saved activations', 'attention core', 'parameters', 'peak (meta)', `peak on ${ctx.device.name}`, `${ctx.device.name} buffers created`].map((t) => h('th', {}, t)))),
      h(
        'tbody',
        {},
        ...estimate.map((r) => {
          const m = measured.find((x) => x.id === r.id);
          return h(
            'tr',
            { 'data-impl': r.id, 'data-activations': r.activations },
            h('td', {}, r.label),
            h('td', {}, mib(r.activations)),
            h('td', {}, mib(r.attention)),
            h('td', {}, mib(r.parameters)),
            h('td', {}, mib(r.peak ?? 0)),
            h('td', {}, m?.peak != null ? mib(m.peak) : '–'),
            h('td', {}, m?.reserved != null ? mib(m.reserved) : '–'),
          );
        }),
      ),
    );
  };

  const refresh = async () => {
    const mine = ++run;
    status.textContent = 'Computing on the meta device…';
    await guarded('Memory explorer', async () => {
      const s = setting();
      const start = performance.now();
      const [rows, curves] = await Promise.all([
        ctx.client.call('memory-estimate', { setting: s }),
        ctx.client.call('memory-curve', { setting: { size: s.size, batch: s.batch, dropout: s.dropout, maxChunkSizeMb: s.maxChunkSizeMb, vocabSize: s.vocabSize }, seqs: CURVE_SEQS }),
      ]);
      if (mine !== run) return;
      estimate = rows;
      measured = [];
      render();
      const lines = curves.map((c) => ({ label: c.label, points: c.points.map((p) => ({ x: p.seq, y: toMiB(p.attention) })) }));
      if (curve) setLines(curve, lines);
      else curve = lineChart(curveCanvas, { xTitle: 'sequence length T', yTitle: 'attention-core activations (MiB)', logX: true, logY: true, xTicks: CURVE_SEQS, series: lines });
      curveTable.replaceChildren(
        h('thead', {}, h('tr', {}, h('th', {}, 'attention'), h('th', {}, `attention memory per doubling of T (${CURVE_SEQS.at(-2)} → ${CURVE_SEQS.at(-1)})`))),
        h(
          'tbody',
          {},
          ...curves.map((c) => {
            const g = growthPerDoubling(c.points.map((p) => ({ seq: p.seq, bytes: p.attention })));
            return h('tr', {}, h('td', {}, c.label), h('td', {}, g === null ? '–' : `×${g.toFixed(2)} (${g > 3 ? 'quadratic' : 'linear'})`));
          }),
        ),
      );
      status.textContent = `Computed on the meta device in ${(performance.now() - start).toFixed(0)} ms (no data, only shapes and bytes).`;
      status.dataset.state = 'done';
    });
  };

  const measure = async () => {
    // Measuring runs every configuration for real: ask before a big one (GPU memory) or a slow one (the CPU device).
    const predicted = Math.max(0, ...estimate.map((r) => r.peak ?? 0));
    const cpu = ctx.device.type === 'cpu';
    if (predicted > (cpu ? 64 * 2 ** 20 : 2 ** 30)) {
      const what = cpu ? 'computes each training step in JavaScript, which can take minutes' : `allocates up to ${mib(predicted)} on your GPU`;
      if (!window.confirm(`Measuring ${what}. Continue?`)) return;
    }
    measureButton.disabled = true;
    status.textContent = `Measuring on ${ctx.device.name}: running each training step for real…`;
    await guarded('Memory explorer (measure)', async () => {
      measured = [];
      await ctx.client.call('memory-measure', { setting: setting() }, (row) => {
        measured.push(row);
        render();
      });
      const same = measured.every((m) => m.peak === estimate.find((e) => e.id === m.id)?.peak);
      status.textContent = same
        ? `Measured on ${ctx.device.name}: the accountant's peak matches the meta device's prediction byte for byte.`
        : `Measured on ${ctx.device.name}: see the table for the differences from the prediction.`;
      status.dataset.state = 'measured';
    });
    measureButton.disabled = false;
  };
  measureButton.addEventListener('click', () => void measure());

  const form = h('form', { class: 'controls', onsubmit: (e: Event) => e.preventDefault() }, field('model size', size), field('batch', batch), field('sequence length', seq), field('dropout', dropout), field('chunk cap (MB)', cap), field('vocabulary', vocab), measureButton);
  form.addEventListener('change', () => void refresh());

  const element = h(
    'div',
    { class: 'page', id: 'page-memory' },
    h('h1', {}, 'Memory explorer'),
    h('p', {}, 'What a GPT-2 training step keeps for its backward pass, per attention implementation and for LEAP. The meta device runs every shape rule and counts every allocation without computing, so these numbers are instant; the same program allocates the same bytes on a real device.'),
    form,
    status,
    section('Memory per implementation', h('div', { class: 'chart' }, barsCanvas), table),
    section('Attention memory against sequence length', h('p', {}, 'Log–log axes: a slope of 2 (×4 per doubling) is quadratic, a slope of 1 (×2) is linear.'), h('div', { class: 'chart' }, curveCanvas), curveTable),
  );
  void refresh();
  return { element };
}
