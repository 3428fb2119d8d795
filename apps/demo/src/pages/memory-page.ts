import type { Chart } from 'chart.js';
import type { AppContext, Page } from '../app-context.js';
import { curveSeqs, growthPerDoubling, type MemoryMeasurement, type MemorySetting } from '../engine/memory.js';
import { MODEL_SIZES, type ModelSize } from '../engine/model-spec.js';
import { barChart, lineChart, setBars, setLines } from '../ui/charts.js';
import { field, h, numberInput, readNumber, section, select } from '../ui/dom.js';
import { clearErrors, guarded } from '../ui/errors.js';
import { bytes, duration } from '../ui/format.js';
import { JobStatus } from '../ui/job-status.js';

/**
 * Memory explorer: a GPT-2 training step's memory per attention implementation and for LEAP,
 * computed on the meta device (shapes and bytes only), and on request measured on this device; and
 * attention memory against sequence length up to the chosen T, quadratic against linear. Both run
 * in workers of their own: Stop, or a new setting, ends the job in flight at once.
 */
export function memoryPage(ctx: AppContext): Page {
  const size = select<ModelSize>('memory-size', MODEL_SIZES, 'gpt2');
  const batch = numberInput('memory-batch', 4, { min: 1, max: 1024, step: 1 });
  const seq = numberInput('memory-seq', 1024, { min: 1, max: 65536, step: 1 });
  const dropout = numberInput('memory-dropout', 0.1, { min: 0, max: 0.99, step: 0.05 });
  const cap = numberInput('memory-cap', 64, { min: 0.001, step: 'any' });
  const vocab = numberInput('memory-vocab', 50257, { min: 1, step: 1 });
  const measureButton = h('button', { id: 'memory-measure', type: 'button' }, `Measure on my ${ctx.device.type === 'webgpu' ? 'GPU' : 'CPU'}`);
  const meta = ctx.jobWorker({ device: false });
  const real = ctx.jobWorker({ device: true });
  const job = new JobStatus('memory-status', () => {
    meta.cancel();
    real.cancel();
  });
  const barsCanvas = h('canvas', { id: 'memory-bars', 'aria-label': 'Memory per attention implementation' });
  const curveCanvas = h('canvas', { id: 'memory-curve', 'aria-label': 'Attention memory against sequence length' });
  const table = h('table', { id: 'memory-table' });
  const curveTable = h('table', { id: 'memory-growth' });
  const links = h('p', { class: 'links' });
  const headline = h('p', { id: 'memory-headline', class: 'headline' });

  let bars: Chart<'bar'> | null = null;
  let curve: Chart<'line'> | null = null;
  let estimate: MemoryMeasurement[] = [];
  let measured: MemoryMeasurement[] = [];
  // Each computation or measurement takes a number; one that a newer one replaced says nothing more.
  let latest = 0;

  const setting = (): MemorySetting => ({
    size: size.value as ModelSize,
    batch: readNumber(batch, 'batch', { integer: true, min: 1, max: 1024 }),
    seq: readNumber(seq, 'sequence length', { integer: true, min: 1, max: 65536 }),
    dropout: readNumber(dropout, 'dropout', { min: 0, max: 0.99 }),
    maxChunkSizeMb: readNumber(cap, 'chunk cap', { min: 0.001 }),
    vocabSize: readNumber(vocab, 'vocabulary', { integer: true, min: 1, max: 1_000_000 }),
  });

  const positive = (v: number | null | undefined) => (v && v > 0 ? v : null);
  /** The answer in one sentence: what vanilla attention keeps, against flash and LEAP. */
  const sayHeadline = (s: MemorySetting) => {
    const of = (id: string) => estimate.find((r) => r.id === id)?.attention ?? 0;
    const vanilla = of('vanilla');
    const flash = of('flash');
    const leap = of('leap');
    if (!(vanilla > 0 && flash > 0 && leap > 0)) return void headline.replaceChildren();
    headline.replaceChildren(
      `At ${s.size}, batch ${s.batch}, T ${s.seq}, vanilla attention keeps `,
      h('strong', {}, bytes(vanilla)),
      ' for the backward pass; flash attention keeps ',
      h('strong', {}, bytes(flash)),
      ` (${Math.round(vanilla / flash)}× less) and LEAP `,
      h('strong', {}, bytes(leap)),
      ` (${Math.round(vanilla / leap)}× less).`,
    );
  };

  const render = () => {
    const labels = estimate.map((r) => r.label);
    const series = [
      { label: 'saved activations (meta)', values: estimate.map((r) => positive(r.activations)) },
      { label: 'of which attention core', values: estimate.map((r) => positive(r.attention)) },
      { label: 'peak, forward + backward (meta)', values: estimate.map((r) => positive(r.peak)) },
    ];
    if (measured.length)
      series.push({ label: `peak measured on ${ctx.device.name}`, values: estimate.map((r) => positive(measured.find((m) => m.id === r.id)?.peak)) });
    if (bars) setBars(bars, labels, series);
    else bars = barChart(barsCanvas, { labels, series, yTitle: 'bytes (log scale)', valueAxis: 'bytes', horizontal: true });
    table.replaceChildren(
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...[
            'attention',
            'saved activations',
            'attention core',
            'peak (meta)',
            'parameters',
            `peak on ${ctx.device.name}`,
            `${ctx.device.name} buffers created`,
          ].map((t) => h('th', {}, t)),
        ),
      ),
      h(
        'tbody',
        {},
        ...estimate.map((r) => {
          const m = measured.find((x) => x.id === r.id);
          return h(
            'tr',
            { 'data-impl': r.id, 'data-activations': r.activations },
            h('th', { scope: 'row' }, r.label),
            h('td', {}, bytes(r.activations)),
            h('td', {}, bytes(r.attention)),
            h('td', {}, bytes(r.peak ?? 0)),
            h('td', {}, bytes(r.parameters)),
            h('td', {}, m?.peak != null ? bytes(m.peak) : '–'),
            h('td', {}, m?.reserved != null ? bytes(m.reserved) : '–'),
          );
        }),
      ),
    );
  };

  const refresh = () =>
    guarded('Memory explorer', async () => {
      const mine = ++latest;
      real.cancel();
      let s: MemorySetting;
      try {
        s = setting();
      } catch (e) {
        meta.cancel();
        job.finish('failed', 'Fix the setting above to compute.');
        throw e;
      }
      const seqs = curveSeqs(s.seq);
      const start = performance.now();
      job.start(`Computing on the meta device: ${s.size}, batch ${s.batch}, T ${s.seq}…`);
      const cases = 6;
      try {
        const rows = await meta.run('the meta-device computation', 'memory-estimate', { setting: s }, (e) =>
          job.progress(e.done, cases + cases * seqs.length, `Computing on the meta device: ${e.done} of ${cases} done (last: ${e.label})…`),
        );
        estimate = rows;
        measured = [];
        render();
        sayHeadline(s);
        const curves = await meta.run(
          'the meta-device computation',
          'memory-curve',
          { setting: { size: s.size, batch: s.batch, dropout: s.dropout, maxChunkSizeMb: s.maxChunkSizeMb, vocabSize: s.vocabSize }, seqs },
          (e) => job.progress(cases + e.done, cases + e.total, `Computing the curve: ${e.done} of ${e.total} points done (last: ${e.label})…`),
        );
        const lines = curves.map((c) => ({ label: c.label, points: c.points.filter((p) => p.attention > 0).map((p) => ({ x: p.seq, y: p.attention })) }));
        if (curve) setLines(curve, lines, seqs);
        else
          curve = lineChart(curveCanvas, {
            xTitle: 'sequence length T',
            yTitle: 'attention-core activations',
            logX: true,
            yBytes: true,
            xTicks: seqs,
            series: lines,
          });
        const [a, b] = seqs.slice(-2);
        curveTable.replaceChildren(
          h('thead', {}, h('tr', {}, h('th', {}, 'attention'), h('th', {}, `growth of attention memory, T ${a} → ${b}, per doubling`))),
          h(
            'tbody',
            {},
            ...curves.map((c) => {
              const g = growthPerDoubling(c.points.map((p) => ({ seq: p.seq, bytes: p.attention })));
              return h('tr', {}, h('th', { scope: 'row' }, c.label), h('td', {}, g === null ? '–' : `×${g.toFixed(2)} (${g > 3 ? 'quadratic' : 'linear'})`));
            }),
          ),
        );
        links.replaceChildren(
          'Next: ',
          h('a', { href: `#/train?size=${s.size === 'gpt2' || s.size === 'gpt2-medium' ? 'gpt2-mini' : s.size}` }, 'train a small model'),
          ' · ',
          h('a', { href: '#/leap?explain=1' }, 'see what LEAP looks at'),
          ' · ',
          h('a', { href: `#/kernels?seq=${Math.min(s.seq, 1024)}` }, 'time the attention kernels'),
        );
        job.finish('done', `Computed on the meta device in ${duration(performance.now() - start)} (shapes and bytes only, no data).`);
      } catch (e) {
        if (mine !== latest) return;
        if (e instanceof Error && e.name === 'JobCancelled') job.finish('stopped', 'Stopped. Change a setting to compute again.');
        else job.finish('failed', 'The computation failed (see the message above).');
        throw e;
      }
    });

  const measure = () =>
    guarded('Memory explorer (measure)', async () => {
      // Measuring runs every configuration for real: ask before a big one (GPU memory) or a slow one (the CPU device).
      const s = setting();
      const predicted = Math.max(0, ...estimate.map((r) => r.peak ?? 0));
      const cpu = ctx.device.type === 'cpu';
      if (predicted > (cpu ? 64 * 2 ** 20 : 2 ** 30)) {
        const what = cpu ? 'computes each training step in JavaScript, which can take minutes' : `allocates up to ${bytes(predicted)} on your GPU`;
        if (!window.confirm(`Measuring ${what}. Continue?`)) return;
      }
      const mine = ++latest;
      meta.cancel();
      measureButton.disabled = true;
      job.start(`Measuring on ${ctx.device.name}: starting the device…`);
      try {
        measured = [];
        render();
        await real.run('the measurement', 'memory-measure', { setting: s }, (row) => {
          measured.push(row);
          render();
          job.progress(measured.length, estimate.length, `Measuring on ${ctx.device.name}: ${row.label} done (${measured.length} of ${estimate.length})…`);
        });
        const same = measured.every((m) => m.peak === estimate.find((e) => e.id === m.id)?.peak);
        job.finish(
          'done',
          same
            ? `Measured on ${ctx.device.name}: the accountant's peak matches the meta device's prediction byte for byte.`
            : `Measured on ${ctx.device.name}: see the table for the differences from the prediction.`,
        );
        job.text.dataset.state = 'measured';
      } catch (e) {
        if (mine !== latest) return;
        if (e instanceof Error && e.name === 'JobCancelled') job.finish('stopped', `Measuring stopped after ${measured.length} of ${estimate.length}.`);
        else job.finish('failed', 'Measuring failed (see the message above).');
        throw e;
      } finally {
        measureButton.disabled = false;
      }
    });
  measureButton.addEventListener('click', () => void measure());

  const form = h(
    'form',
    { class: 'controls', onsubmit: (e: Event) => e.preventDefault() },
    field('model size', size),
    field('batch', batch),
    field('sequence length T', seq),
    field('dropout', dropout),
    field('chunk cap (MB)', cap),
    field('vocabulary', vocab),
    measureButton,
  );
  form.addEventListener('change', () => void refresh());

  const element = h(
    'div',
    { class: 'page', id: 'page-memory' },
    h('h1', {}, 'Memory explorer'),
    h(
      'p',
      { class: 'lead' },
      'What a GPT-2 training step keeps for its backward pass, per attention implementation and for LEAP. The meta device runs every shape rule and counts every allocation without computing anything; the same program allocates the same bytes on a real device, which “Measure” checks.',
    ),
    form,
    job.element,
    headline,
    section(
      'Memory per implementation',
      h('p', { class: 'hint' }, 'Log scale: each grid line is a power of two, so small bars stay visible next to vanilla attention.'),
      h('div', { class: 'chart tall' }, barsCanvas),
      h('div', { class: 'table-wrap' }, table),
    ),
    section(
      'Attention memory against sequence length',
      h('p', { class: 'hint' }, 'Log–log axes up to the chosen T: a slope of 2 (×4 per doubling) is quadratic, a slope of 1 (×2) is linear.'),
      h('div', { class: 'chart' }, curveCanvas),
      h('div', { class: 'table-wrap' }, curveTable),
    ),
    links,
  );

  let first = true;
  const shown = (params: URLSearchParams) => {
    let changed = false;
    const set = (input: HTMLInputElement | HTMLSelectElement, key: string) => {
      const v = params.get(key);
      if (v !== null && input.value !== v) {
        input.value = v;
        changed = true;
      }
    };
    set(size, 'size');
    set(batch, 'batch');
    set(seq, 'seq');
    set(cap, 'cap');
    set(vocab, 'vocab');
    set(dropout, 'dropout');
    if (changed || first) {
      clearErrors('Memory explorer');
      void refresh();
    }
    first = false;
  };
  return { element, shown };
}
