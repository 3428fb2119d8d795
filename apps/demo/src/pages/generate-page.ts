import type { AppContext, Page } from '../app-context.js';
import type { GenerateSettings, ModelInfo } from '../worker/protocol.js';
import { field, h, numberInput, readNumber, section, select } from '../ui/dom.js';
import { guarded } from '../ui/errors.js';
import { count, rate } from '../ui/format.js';

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
  const source = select<'trained' | 'loaded'>('generate-source', [{ value: 'trained', label: 'the model trained on the Train page' }, { value: 'loaded', label: 'a checkpoint from files' }], 'trained');
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
  const stop = h('button', { id: 'generate-stop', type: 'button', disabled: true }, 'Stop');
  const output = h('pre', { id: 'generate-output', class: 'output', 'aria-live': 'polite' });
  const status = h('p', { id: 'generate-status', class: 'status' });
  let models: { trained: ModelInfo | null; loaded: ModelInfo | null } = { trained: null, loaded: null };

  const showModel = () => {
    const info = source.value === 'trained' ? models.trained : models.loaded;
    modelInfo.textContent = `Model: ${describeModel(info)}${!info && source.value === 'trained' ? ' (train one on the Train page, or load a checkpoint)' : ''}.`;
    files.disabled = source.value !== 'loaded';
  };
  const refreshModels = () =>
    guarded('Generate', async () => {
      models = await ctx.client.call('models', {});
      showModel();
    });
  source.addEventListener('change', showModel);
  ctx.models.addEventListener('change', () => void refreshModels());

  files.addEventListener('change', () =>
    void guarded('Generate (load checkpoint)', async () => {
      modelInfo.textContent = 'Loading the checkpoint…';
      const picked = await readPicked(files);
      if (!picked.length) return;
      await ctx.client.call('load-checkpoint', { files: picked }, undefined, picked.map((p) => p.bytes.buffer as ArrayBuffer));
      source.value = 'loaded';
      await refreshModels();
    }).then(showModel),
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

  go.addEventListener('click', () =>
    void guarded('Generate', async () => {
      const s = settings();
      output.replaceChildren(h('b', {}, prompt.value));
      const stream = document.createTextNode('');
      output.append(stream);
      output.dataset.pieces = '0';
      output.dataset.state = 'streaming';
      status.textContent = 'Generating…';
      go.disabled = true;
      stop.disabled = false;
      try {
        let pieces = 0;
        const result = await ctx.client.call('generate', { source: source.value as 'trained' | 'loaded', prompt: prompt.value, settings: s }, ({ piece }) => {
          stream.appendData(piece);
          output.dataset.pieces = String(++pieces);
        });
        status.textContent = `${result.tokens} tokens in ${(result.ms / 1000).toFixed(1)} s (${rate((result.tokens * 1000) / result.ms, 'tokens')}).`;
        output.dataset.state = 'done';
      } finally {
        go.disabled = false;
        stop.disabled = true;
      }
    }),
  );
  stop.addEventListener('click', () => void guarded('Generate', () => ctx.client.call('generate-stop', {})));

  const element = h(
    'div',
    { class: 'page', id: 'page-generate' },
    h('h1', {}, 'Generate'),
    h('form', { class: 'controls', onsubmit: (e: Event) => e.preventDefault() }, field('model', source), field('checkpoint (zip, or config.json + model.safetensors)', files)),
    modelInfo,
    section(
      'Prompt and sampling',
      prompt,
      h('div', { class: 'controls' }, field('max new tokens', maxNew), field('sample (else greedy)', sample), field('temperature', temperature), field('top-k (0 = all)', topK), field('top-p', topP), field('seed', seed)),
      h('div', { class: 'buttons' }, go, stop),
    ),
    section('Output', output, status),
  );
  return { element, shown: () => void refreshModels() };
}
