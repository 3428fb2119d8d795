import type { AppContext, Page } from '../app-context.js';
import type { GenerateSettings, ModelInfo } from '../worker/protocol.js';
import { field, h, numberInput, readNumber, section, select } from '../ui/dom.js';
import { guarded } from '../ui/errors.js';
import { count, duration, rate } from '../ui/format.js';
import { JobStatus } from '../ui/job-status.js';

/** Reads picked files as bytes (a checkpoint zip, or a folder's config.json and *.safetensors). */
export async function readPicked(input: HTMLInputElement): Promise<{ name: string; bytes: Uint8Array }[]> {
  return Promise.all(Array.from(input.files ?? []).map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

export function describeModel(info: ModelInfo | null): string {
  if (!info) return 'none yet';
  return `${info.description}: ${count(info.parameters)} parameters, vocabulary ${info.vocabSize}, up to ${info.nPositions} positions`;
}

/** Generate: continue a prompt with the model trained on the Train page or a loaded checkpoint, streaming the text. */
export function generatePage(ctx: AppContext): Page {
  const source = select<'trained' | 'loaded'>(
    'generate-source',
    [
      { value: 'trained', label: 'the model trained on the Train page' },
      { value: 'loaded', label: 'a checkpoint from files' },
    ],
    'trained',
  );
  // Always enabled: picking files loads them and switches the model to them.
  const files = h('input', { id: 'generate-files', type: 'file', multiple: true, accept: '.zip,.json,.safetensors' });
  const modelInfo = h('p', { id: 'generate-model', class: 'status' });
  const prompt = h('textarea', { id: 'generate-prompt', rows: 3, spellcheck: 'false' });
  prompt.value = 'Attention ';
  const maxNew = numberInput('generate-max', 120, { min: 1, step: 1 });
  const sample = h('input', { id: 'generate-sample', type: 'checkbox', checked: true });
  const temperature = numberInput('generate-temperature', 0.8, { min: 0.01, step: 0.05 });
  const topK = numberInput('generate-topk', 0, { min: 0, step: 1 });
  const topP = numberInput('generate-topp', 0.95, { min: 0.01, max: 1, step: 0.05 });
  const seed = numberInput('generate-seed', 0, { min: 0, step: 1 });
  const go = h('button', { id: 'generate-start', type: 'button' }, 'Generate');
  let stopAsked = false;
  const job = new JobStatus(
    'generate-status',
    () => {
      stopAsked = true;
      void guarded('Generate', () => ctx.client.call('generate-stop', {}));
    },
    '',
    { stopId: 'generate-stop' },
  );
  const output = h('pre', { id: 'generate-output', class: 'output', 'aria-live': 'polite' });
  const links = h('p', { class: 'links' });
  let models: { trained: ModelInfo | null; loaded: ModelInfo | null } = { trained: null, loaded: null };

  const chosen = () => (source.value === 'trained' ? models.trained : models.loaded);
  const showModel = () => {
    const info = chosen();
    const hint = info
      ? ''
      : source.value === 'trained'
        ? ' (train one on the Train page, or pick a checkpoint)'
        : ' (pick a checkpoint zip, or config.json + model.safetensors)';
    modelInfo.textContent = `Model: ${describeModel(info)}${hint}.`;
    maxNew.max = info ? String(info.nPositions) : '';
    links.replaceChildren(
      ...(info
        ? ['Next: ', h('a', { href: '#/leap?explain=1' }, 'see what a LEAP model looks at'), ' · ', h('a', { href: '#/train' }, 'train another model')]
        : [
            'No model yet? ',
            h('a', { href: '#/train?preset=shakespeare&start=1' }, 'train one in a minute'),
            ' · ',
            h('a', { href: '#/leap?explain=1' }, 'see what a LEAP model looks at'),
          ]),
    );
  };
  const refreshModels = () =>
    guarded('Generate', async () => {
      models = await ctx.client.call('models', {});
      if (!models.trained && models.loaded) source.value = 'loaded';
      showModel();
    });
  source.addEventListener('change', showModel);
  ctx.models.addEventListener('change', () => void refreshModels());

  files.addEventListener(
    'change',
    () =>
      void guarded('Generate (load checkpoint)', async () => {
        const picked = await readPicked(files);
        if (!picked.length) return;
        modelInfo.textContent = 'Loading the checkpoint…';
        try {
          await ctx.client.call(
            'load-checkpoint',
            { files: picked },
            undefined,
            picked.map((p) => p.bytes.buffer as ArrayBuffer),
          );
          source.value = 'loaded';
        } finally {
          files.value = '';
          await refreshModels();
        }
      }),
  );

  const settings = (): GenerateSettings => {
    const k = readNumber(topK, 'top-k', { integer: true, min: 0 });
    return {
      maxNewTokens: readNumber(maxNew, 'max new tokens', { integer: true, min: 1, max: 100000 }),
      doSample: sample.checked,
      temperature: readNumber(temperature, 'temperature', { min: 0.01 }),
      topK: k === 0 ? null : k,
      topP: readNumber(topP, 'top-p', { min: 0.01, max: 1 }),
      seed: readNumber(seed, 'seed', { integer: true, min: 0 }),
    };
  };

  go.addEventListener(
    'click',
    () =>
      void guarded('Generate', async () => {
        // Checked here first, so a missing model or prompt leaves the previous output in place.
        let s: GenerateSettings;
        try {
          s = settings();
          if (!chosen())
            throw new Error(
              source.value === 'trained'
                ? 'no model has been trained yet: train one on the Train page, or pick a checkpoint'
                : 'no checkpoint is loaded: pick a checkpoint zip (or its config.json and model.safetensors) first',
            );
          if (!prompt.value.length) throw new Error('the prompt is empty; type a few characters to continue');
        } catch (e) {
          job.finish('failed', 'Nothing generated (see the message above).');
          throw e;
        }
        const previous = Array.from(output.childNodes);
        const previousState = output.dataset.state;
        const stream = document.createTextNode('');
        let pieces = 0;
        go.disabled = true;
        stopAsked = false;
        job.start('Generating…');
        try {
          const result = await ctx.client.call('generate', { source: source.value as 'trained' | 'loaded', prompt: prompt.value, settings: s }, ({ piece }) => {
            if (pieces === 0) {
              output.replaceChildren(h('b', {}, prompt.value), stream);
              output.dataset.state = 'streaming';
            }
            stream.appendData(piece);
            output.dataset.pieces = String(++pieces);
            job.progress(pieces, s.maxNewTokens, `Generating: ${pieces} tokens…`);
          });
          if (pieces === 0) output.replaceChildren(h('b', {}, prompt.value));
          output.dataset.pieces = String(pieces);
          output.dataset.state = 'done';
          const speed = `${result.tokens} tokens in ${duration(result.ms)} (${rate((result.tokens * 1000) / result.ms, 'tokens')})`;
          if (stopAsked) job.finish('stopped', `Stopped: ${speed}.`);
          else if (result.cutShort) job.finish('done', `${speed}; no more fit: ${result.cutShort}.`);
          else job.finish('done', `${speed}${result.tokens < s.maxNewTokens ? ' (the model ended the text)' : ''}.`);
        } catch (e) {
          if (pieces === 0) {
            output.replaceChildren(...previous);
            if (previousState) output.dataset.state = previousState;
          }
          job.finish('failed', 'Generation failed (see the message above).');
          throw e;
        } finally {
          go.disabled = false;
        }
      }),
  );

  const element = h(
    'div',
    { class: 'page', id: 'page-generate' },
    h('h1', {}, 'Generate'),
    h(
      'form',
      { class: 'controls', onsubmit: (e: Event) => e.preventDefault() },
      field('model', source),
      field('checkpoint (zip, or config.json + model.safetensors)', files),
    ),
    modelInfo,
    section(
      'Prompt and sampling',
      prompt,
      h(
        'div',
        { class: 'controls' },
        field('max new tokens', maxNew),
        field('sample (else greedy)', sample),
        field('temperature', temperature),
        field('top-k (0 = all)', topK),
        field('top-p', topP),
        field('seed', seed),
      ),
      h('div', { class: 'buttons' }, go),
      job.element,
    ),
    section('Output', output),
    links,
  );
  return { element, shown: () => void refreshModels() };
}
