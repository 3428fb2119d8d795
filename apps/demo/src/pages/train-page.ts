import type { Chart } from 'chart.js';
import { ATTN_IMPLS, type AttnImpl } from '@lightattn/gpt2-model';
import type { LeapVariant } from '@lightattn/leap-attention';
import type { AppContext, Page } from '../app-context.js';
import { BUILTIN_TEXT } from '../engine/corpus.js';
import type { ModelFamily, ModelSize } from '../engine/model-spec.js';
import { DEFAULT_TRAIN_SETTINGS, type TrainProgress, type TrainSettings } from '../engine/train-session.js';
import { lineChart, pushPoint, setLines } from '../ui/charts.js';
import { field, h, numberInput, readNumber, section, select } from '../ui/dom.js';
import { downloadBytes } from '../ui/download.js';
import { guarded } from '../ui/errors.js';
import { mib, rate } from '../ui/format.js';

const TRAIN_SIZES: readonly ModelSize[] = ['gpt2-tiny', 'gpt2-nano', 'gpt2-micro', 'gpt2-mini'];

/**
 * Train: a small character-level GPT-2 or LEAP trained in the worker on the built-in or an uploaded
 * text, with a live loss curve, tokens/s and device memory; pause, resume, stop; download the
 * checkpoint as a Hugging Face folder (zip).
 */
export function trainPage(ctx: AppContext): Page {
  const d = DEFAULT_TRAIN_SETTINGS;
  const family = select<ModelFamily>('train-family', [{ value: 'gpt2', label: 'GPT-2' }, { value: 'leap', label: 'LEAP' }], d.family);
  const size = select<ModelSize>('train-size', TRAIN_SIZES, d.size);
  const impl = select<AttnImpl>('train-impl', ATTN_IMPLS, d.attnImpl);
  const variant = select<LeapVariant>('train-variant', ['seed', 'v2'], d.leapVariant);
  const batch = numberInput('train-batch', d.batch, { min: 1, step: 1 });
  const seq = numberInput('train-seq', d.seq, { min: 2, step: 1 });
  const lr = numberInput('train-lr', d.lr, { min: 0, step: 'any' });
  const steps = numberInput('train-steps', d.steps, { min: 1, step: 1 });
  const seed = numberInput('train-seed', d.seed, { min: 0, step: 1 });
  const text = h('textarea', { id: 'train-text', rows: 8, spellcheck: 'false' });
  text.value = BUILTIN_TEXT;
  const upload = h('input', { id: 'train-upload', type: 'file', accept: '.txt,text/plain' });
  const start = h('button', { id: 'train-start', type: 'button' }, 'Start');
  const pause = h('button', { id: 'train-pause', type: 'button', disabled: true }, 'Pause');
  const resume = h('button', { id: 'train-resume', type: 'button', disabled: true }, 'Resume');
  const stop = h('button', { id: 'train-stop', type: 'button', disabled: true }, 'Stop');
  const download = h('button', { id: 'train-download', type: 'button', disabled: true }, 'Download checkpoint (zip)');
  const stats = h('dl', { id: 'train-stats', class: 'stats' });
  const lossCanvas = h('canvas', { id: 'train-loss', 'aria-label': 'Training loss' });
  let chart: Chart<'line'> | null = null;
  const losses: number[] = [];

  const syncFamily = () => {
    impl.disabled = family.value !== 'gpt2';
    variant.disabled = family.value !== 'leap';
  };
  family.addEventListener('change', syncFamily);
  syncFamily();

  upload.addEventListener('change', () =>
    void guarded('Train (upload)', async () => {
      const file = upload.files?.[0];
      if (!file) return;
      text.value = await file.text();
    }),
  );

  const settings = (): TrainSettings => ({
    family: family.value as ModelFamily,
    size: size.value as ModelSize,
    attnImpl: impl.value as AttnImpl,
    leapVariant: variant.value as LeapVariant,
    batch: readNumber(batch, 'batch', { integer: true, min: 1, max: 256 }),
    seq: readNumber(seq, 'sequence length', { integer: true, min: 2, max: 4096 }),
    lr: readNumber(lr, 'learning rate', { min: 1e-7, max: 0.999 }),
    steps: readNumber(steps, 'steps', { integer: true, min: 1 }),
    seed: readNumber(seed, 'seed', { integer: true, min: 0 }),
  });

  const show = (p: TrainProgress) => {
    const entries: [string, string][] = [
      ['status', p.status],
      ['step', `${p.step} / ${p.steps}`],
      ['loss', Number.isFinite(p.loss) ? p.loss.toFixed(4) : '–'],
      ['throughput', rate(p.tokensPerSecond, 'tokens')],
      ['device memory in tensors', mib(p.memory.allocated)],
      ['peak', mib(p.memory.peak)],
      ['held by the device', mib(p.memory.reserved)],
    ];
    stats.replaceChildren(...entries.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
    Object.assign(stats.dataset, { status: p.status, step: String(p.step), firstLoss: String(losses[0] ?? ''), lastLoss: String(losses.at(-1) ?? '') });
    pause.disabled = p.status !== 'running';
    resume.disabled = p.status !== 'paused';
    // A paused model can be downloaded: the export waits for the step in flight, if any.
    download.disabled = p.status === 'running';
  };

  const buttons = (running: boolean) => {
    start.disabled = running;
    stop.disabled = !running;
    pause.disabled = !running;
    resume.disabled = true;
    download.disabled = running || losses.length === 0;
  };

  start.addEventListener('click', () =>
    void guarded('Train', async () => {
      const s = settings();
      losses.length = 0;
      if (chart) setLines(chart, [{ label: 'loss', points: [] }]);
      else chart = lineChart(lossCanvas, { xTitle: 'step', yTitle: 'cross-entropy loss', integerX: true, series: [{ label: 'loss', points: [] }] });
      delete stats.dataset.status;
      buttons(true);
      try {
        const final = await ctx.client.call('train-start', { settings: s, text: text.value }, (p) => {
          if (p.step > losses.length) {
            losses.push(p.loss);
            pushPoint(chart!, 0, { x: p.step, y: p.loss });
          }
          show(p);
        });
        show(final);
      } finally {
        buttons(false);
        ctx.models.dispatchEvent(new Event('change'));
      }
    }),
  );
  const control = (action: 'pause' | 'resume' | 'stop') => () => void guarded('Train', () => ctx.client.call('train-control', { action }));
  pause.addEventListener('click', control('pause'));
  resume.addEventListener('click', control('resume'));
  stop.addEventListener('click', control('stop'));
  download.addEventListener('click', () =>
    void guarded('Train (download)', async () => {
      const { bytes, fileName } = await ctx.client.call('checkpoint-zip', { source: 'trained' });
      downloadBytes(bytes, fileName);
    }),
  );

  const element = h(
    'div',
    { class: 'page', id: 'page-train' },
    h('h1', {}, 'Train'),
    h('p', {}, `A character-level language model trained with AdamW on ${ctx.device.type === 'webgpu' ? 'your GPU through WebGPU' : 'the CPU device'}, in a Web Worker so this page stays responsive.`),
    h('form', { class: 'controls', onsubmit: (e: Event) => e.preventDefault() }, field('model', family), field('size', size), field('GPT-2 attention', impl), field('LEAP variant', variant), field('batch', batch), field('sequence length', seq), field('learning rate', lr), field('steps', steps), field('seed', seed)),
    section('Text', text, field('or upload a .txt file', upload)),
    h('div', { class: 'buttons' }, start, pause, resume, stop, download),
    section('Progress', stats, h('div', { class: 'chart' }, lossCanvas)),
  );
  return { element };
}
