import type { Chart } from 'chart.js';
import { ATTN_IMPLS, type AttnImpl } from '@lightattn/gpt2-model';
import type { LeapVariant } from '@lightattn/leap-attention';
import { parseRoute, type AppContext, type Page } from '../app-context.js';
import { BUILTIN_TEXT, decodeTrainingFile } from '../engine/corpus.js';
import { MODEL_SIZES, type ModelFamily, type ModelSize } from '../engine/model-spec.js';
import { trainDefaults } from '../engine/presets.js';
import { SHAKESPEARE_TEXT } from '../engine/shakespeare.js';
import type { TrainProgress, TrainSettings } from '../engine/train-session.js';
import { lineChart, pushPoint, setLines } from '../ui/charts.js';
import { field, h, numberInput, readNumber, section, select } from '../ui/dom.js';
import { downloadBytes } from '../ui/download.js';
import { guarded } from '../ui/errors.js';
import { bytes, duration, rate } from '../ui/format.js';
import { JobStatus } from '../ui/job-status.js';

const TRAIN_SIZES: readonly ModelSize[] = ['gpt2-tiny', 'gpt2-nano', 'gpt2-micro', 'gpt2-mini'];
const TEXTS: Record<string, string> = { builtin: BUILTIN_TEXT, shakespeare: SHAKESPEARE_TEXT };

/**
 * Train: a small character-level GPT-2 or LEAP trained in the worker on the built-in text,
 * Shakespeare or an uploaded text, with a live loss curve, progress, time left, tokens/s and device
 * memory; pause, resume, stop; download the checkpoint as a Hugging Face folder (zip); and links
 * to the pages that use the model.
 */
export function trainPage(ctx: AppContext): Page {
  const d = trainDefaults(ctx.device);
  const family = select<ModelFamily>(
    'train-family',
    [
      { value: 'gpt2', label: 'GPT-2' },
      { value: 'leap', label: 'LEAP' },
    ],
    d.family,
  );
  const size = select<ModelSize>('train-size', TRAIN_SIZES, d.size);
  const impl = select<AttnImpl>('train-impl', ATTN_IMPLS, d.attnImpl);
  const variant = select<LeapVariant>('train-variant', ['seed', 'v2'], d.leapVariant);
  const batch = numberInput('train-batch', d.batch, { min: 1, max: 256, step: 1 });
  const seq = numberInput('train-seq', d.seq, { min: 2, max: 4096, step: 1 });
  const lr = numberInput('train-lr', d.lr, { min: 0, step: 'any' });
  const steps = numberInput('train-steps', d.steps, { min: 1, step: 1 });
  const seed = numberInput('train-seed', d.seed, { min: 0, step: 1 });
  const text = h('textarea', { id: 'train-text', rows: 8, spellcheck: 'false' });
  text.value = BUILTIN_TEXT;
  const sample = select<string>(
    'train-sample-text',
    [
      { value: 'builtin', label: 'about attention (built in)' },
      { value: 'shakespeare', label: 'Shakespeare: three sonnets and Hamlet' },
    ],
    'builtin',
  );
  const upload = h('input', { id: 'train-upload', type: 'file', accept: '.txt,text/plain' });
  const start = h('button', { id: 'train-start', type: 'button' }, 'Start');
  const pause = h('button', { id: 'train-pause', type: 'button', disabled: true }, 'Pause');
  const resume = h('button', { id: 'train-resume', type: 'button', disabled: true }, 'Resume');
  const download = h('button', { id: 'train-download', type: 'button', disabled: true }, 'Download checkpoint (zip)');
  const job = new JobStatus(
    'train-status',
    () => void guarded('Train', () => ctx.client.call('train-control', { action: 'stop' })),
    'Pick a model and press Start.',
    { stopId: 'train-stop' },
  );
  const stats = h('dl', { id: 'train-stats', class: 'stats' });
  const lossCanvas = h('canvas', { id: 'train-loss', 'aria-label': 'Training loss' });
  const links = h('p', { id: 'train-links', class: 'links', hidden: true });
  let chart: Chart<'line'> | null = null;
  const losses: number[] = [];
  let active = false;

  const syncFamily = () => {
    impl.disabled = family.value !== 'gpt2';
    variant.disabled = family.value !== 'leap';
  };
  family.addEventListener('change', syncFamily);
  syncFamily();
  sample.addEventListener('change', () => (text.value = TEXTS[sample.value] ?? BUILTIN_TEXT));

  upload.addEventListener(
    'change',
    () =>
      void guarded('Train (upload)', async () => {
        const file = upload.files?.[0];
        if (!file) return;
        try {
          text.value = decodeTrainingFile(file.name, new Uint8Array(await file.arrayBuffer()));
        } finally {
          upload.value = '';
        }
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
    steps: readNumber(steps, 'steps', { integer: true, min: 1, max: 1_000_000 }),
    seed: readNumber(seed, 'seed', { integer: true, min: 0 }),
  });

  const show = (p: TrainProgress) => {
    const perStep = p.step > 0 ? p.elapsedMs / p.step : NaN;
    const entries: [string, string][] = [
      ['status', p.status],
      ['step', `${p.step} / ${p.steps}`],
      ['loss', Number.isFinite(p.loss) ? p.loss.toFixed(4) : '–'],
      ['throughput', rate(p.tokensPerSecond, 'tokens')],
      ['time per step', Number.isFinite(perStep) ? duration(perStep) : '–'],
      ['device memory in tensors', bytes(p.memory.allocated)],
      ['peak', bytes(p.memory.peak)],
      ['held by the device', bytes(p.memory.reserved)],
    ];
    stats.replaceChildren(...entries.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
    Object.assign(stats.dataset, { status: p.status, step: String(p.step), firstLoss: String(losses[0] ?? ''), lastLoss: String(losses.at(-1) ?? '') });
    pause.disabled = p.status !== 'running';
    resume.disabled = p.status !== 'paused';
    // A paused model can be downloaded: the export waits for the step in flight, if any.
    download.disabled = p.status === 'running';
    if (p.status === 'paused') job.say(`Paused at step ${p.step} of ${p.steps}.`);
    else if (p.status === 'running') job.progress(p.step, p.steps, `Training: step ${p.step} of ${p.steps}, loss ${p.loss.toFixed(3)}.`);
  };

  const buttons = (running: boolean) => {
    start.disabled = running;
    pause.disabled = !running;
    resume.disabled = true;
    download.disabled = running || losses.length === 0;
  };

  const showLinks = async (s: TrainSettings) => {
    // The memory page gets this run's shape: its size, batch, T, vocabulary, and no dropout.
    const vocab = (await ctx.client.call('models', {})).trained?.vocabSize ?? 50257;
    links.replaceChildren(
      'With this model: ',
      h('a', { id: 'train-to-generate', href: '#/generate' }, 'generate text'),
      ' · ',
      h('a', { id: 'train-to-memory', href: `#/memory?size=${s.size}&batch=${s.batch}&seq=${s.seq}&vocab=${vocab}&dropout=0` }, 'see its training memory'),
      ...(s.family === 'leap'
        ? [' · ', h('a', { id: 'train-to-leap', href: '#/leap?explain=1' }, 'see what it looks at')]
        : [' · ', h('a', { href: '#/train?family=leap&start=1' }, 'train a LEAP model to explain')]),
    );
    links.hidden = false;
  };

  const train = () =>
    guarded('Train', async () => {
      const s = settings();
      if (active) throw new Error('a run is already going: stop it before starting another');
      losses.length = 0;
      if (chart) setLines(chart, [{ label: 'loss', points: [] }]);
      else chart = lineChart(lossCanvas, { xTitle: 'step', yTitle: 'cross-entropy loss', integerX: true, series: [{ label: 'loss', points: [] }] });
      delete stats.dataset.status;
      stats.replaceChildren();
      links.hidden = true;
      active = true;
      buttons(true);
      job.start(
        ctx.device.type === 'webgpu'
          ? 'Building the model; the first step compiles the GPU pipelines, which takes a few seconds…'
          : 'Building the model and running the first step…',
      );
      try {
        const final = await ctx.client.call('train-start', { settings: s, text: text.value }, (p) => {
          if (p.step > losses.length) {
            losses.push(p.loss);
            pushPoint(chart!, 0, { x: p.step, y: p.loss });
          }
          show(p);
        });
        show(final);
        const summary = `loss ${losses[0]?.toFixed(3) ?? '–'} → ${losses.at(-1)?.toFixed(3) ?? '–'}`;
        job.finish(
          final.status === 'finished' ? 'done' : 'stopped',
          final.status === 'finished'
            ? `Finished ${final.step} steps: ${summary}.`
            : `Stopped at step ${final.step} of ${final.steps}: ${summary}. The model is kept.`,
        );
        if (final.step > 0) await showLinks(s);
      } catch (e) {
        job.finish('failed', 'Training failed (see the message above).');
        throw e;
      } finally {
        active = false;
        buttons(false);
        ctx.models.dispatchEvent(new Event('change'));
      }
    });
  start.addEventListener('click', () => void train());
  const control = (action: 'pause' | 'resume') => () => void guarded('Train', () => ctx.client.call('train-control', { action }));
  pause.addEventListener('click', control('pause'));
  resume.addEventListener('click', control('resume'));
  download.addEventListener(
    'click',
    () =>
      void guarded('Train (download)', async () => {
        const { bytes: zip, fileName } = await ctx.client.call('checkpoint-zip', { source: 'trained' });
        downloadBytes(zip, fileName);
      }),
  );
  // Leaving or reloading the page ends the run and loses the model: the browser asks first.
  window.addEventListener('beforeunload', (e) => {
    if (!active) return;
    e.preventDefault();
    e.returnValue = '';
  });

  const element = h(
    'div',
    { class: 'page', id: 'page-train' },
    h('h1', {}, 'Train'),
    h(
      'p',
      { class: 'lead' },
      `A character-level language model trained with AdamW on ${ctx.device.type === 'webgpu' ? 'your GPU through WebGPU' : 'the CPU device'}, in a Web Worker so this page stays responsive. The defaults train in about a minute here.`,
    ),
    h(
      'form',
      { class: 'controls', onsubmit: (e: Event) => e.preventDefault() },
      field('model', family),
      field('size', size),
      field('GPT-2 attention', impl),
      field('LEAP variant', variant),
      field('batch', batch),
      field('sequence length', seq),
      field('learning rate', lr),
      field('steps', steps),
      field('seed', seed),
    ),
    section('Text', h('div', { class: 'controls' }, field('sample text', sample), field('or upload a .txt file', upload)), text),
    h('div', { class: 'buttons' }, start, pause, resume, download),
    job.element,
    section('Progress', stats, h('div', { class: 'chart' }, lossCanvas)),
    links,
  );

  let applied = '';
  const shown = (params: URLSearchParams) => {
    // Settings in the address are applied once: coming back to the page keeps what was changed since.
    if (active || params.toString() === applied) return;
    applied = params.toString();
    const preset = params.get('preset');
    const fam = params.get('family');
    if (preset === 'shakespeare' || fam === 'leap' || params.has('size')) {
      const p = trainDefaults(ctx.device, fam === 'leap' ? 'leap' : 'gpt2', true);
      family.value = p.family;
      size.value =
        params.get('size') && (MODEL_SIZES as readonly string[]).includes(params.get('size')!) && TRAIN_SIZES.includes(params.get('size') as ModelSize)
          ? params.get('size')!
          : p.size;
      batch.value = String(p.batch);
      seq.value = String(p.seq);
      steps.value = String(p.steps);
      lr.value = String(p.lr);
      syncFamily();
      if (preset === 'shakespeare') {
        sample.value = 'shakespeare';
        text.value = SHAKESPEARE_TEXT;
      }
    }
    if (params.get('start') === '1') {
      // Started once from the address; going back to the page does not start another run.
      history.replaceState(null, '', location.href.replace(/([?&])start=1&?/, '$1').replace(/[?&]$/, ''));
      applied = parseRoute(location.hash).params.toString();
      void train();
    }
  };
  return { element, shown };
}
