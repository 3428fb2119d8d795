import type { AppContext, Page } from '../app-context.js';
import type { ModelSource } from '../worker/protocol.js';
import { h, field, section, select } from '../ui/dom.js';
import { guarded } from '../ui/errors.js';
import { drawHeatmap, rampColor } from '../ui/heatmap.js';
import { describeModel } from './generate-page.js';

/**
 * LEAP explained: for a prompt, the focus weight each token receives, per layer and head. LEAP has
 * no T×T attention matrix: output t averages the values of its window with weights w_j / N_t, and
 * w_j is one number per token and head (its focus). The heatmap shows w_t / N_t.
 */
export function leapPage(ctx: AppContext): Page {
  const source = select<ModelSource>(
    'leap-source',
    [
      { value: 'trained', label: 'the LEAP model trained on the Train page' },
      { value: 'loaded', label: 'the loaded LEAP checkpoint' },
      { value: 'random', label: 'a LEAP model with random weights' },
    ],
    'random',
  );
  const prompt = h('input', { id: 'leap-prompt', type: 'text', value: 'The focus explains the model.', class: 'wide' });
  const explain = h('button', { id: 'leap-explain', type: 'button' }, 'Explain');
  const info = h('p', { id: 'leap-model', class: 'status' });
  const status = h('p', { id: 'leap-status', class: 'status', 'data-state': 'idle' });
  const maps = h('div', { id: 'leap-maps', class: 'heatmaps' });
  const legend = h(
    'div',
    { class: 'legend' },
    'focus 0 ',
    ...[0, 0.25, 0.5, 0.75, 1].map((v) => h('span', { class: 'swatch', style: `background:${rampColor(v)}` })),
    ' 1',
  );

  const run = () =>
    guarded('LEAP explained', async () => {
      explain.disabled = true;
      maps.dataset.state = 'computing';
      status.dataset.state = 'running';
      status.textContent = 'Running the model over the prompt…';
      try {
        const map = await ctx.client.call('focus', { source: source.value as ModelSource, prompt: prompt.value });
        info.textContent = `Model: ${describeModel(map.model)}.`;
        maps.replaceChildren(
          ...map.layers.map((layer) => {
            const canvas = h('canvas', { class: 'heatmap', 'data-layer': layer.layer });
            drawHeatmap(canvas, { rowLabels: layer.heads.map((_, i) => `head ${i}`), columnLabels: map.tokens, values: layer.heads });
            const window = layer.window === 'global' ? 'global window (every earlier token)' : `window of ${layer.window} tokens`;
            return h('figure', {}, h('figcaption', {}, `Layer ${layer.layer}: ${window}`), canvas);
          }),
        );
        maps.dataset.state = 'done';
        maps.dataset.layers = String(map.layers.length);
        status.dataset.state = 'done';
        status.textContent = `${map.tokens.length} tokens, ${map.layers.length} layers.${source.value === 'random' ? ' Random weights give focus without meaning: train a LEAP model to see learned focus.' : ''}`;
      } catch (e) {
        maps.dataset.state = 'failed';
        status.dataset.state = 'failed';
        status.textContent = 'Nothing to show (see the message above).';
        throw e;
      } finally {
        explain.disabled = false;
      }
    });
  explain.addEventListener('click', () => void run());

  const refreshChoice = () =>
    guarded('LEAP explained', async () => {
      const models = await ctx.client.call('models', {});
      // Prefer a trained or loaded LEAP model when there is one (on first show and when the models change).
      if (models.trained?.family === 'leap') source.value = 'trained';
      else if (models.loaded?.family === 'leap') source.value = 'loaded';
    });
  ctx.models.addEventListener('change', () => void refreshChoice());

  const element = h(
    'div',
    { class: 'page', id: 'page-leap' },
    h('h1', {}, 'LEAP explained'),
    h(
      'p',
      {},
      'LEAP replaces the T×T attention matrix with one focus weight per token and head. Each output is a weighted mean of the values in its causal window W(t), and the weights are the focus: V̄(t) = Σ w(j)·V(j) / Σ w(j), both sums over j in W(t). Each cell below is w(t) / N(t), N(t) = Σ w(j): how much token t counts in the window that ends at it (1 for a token alone in its window). Windowed layers see only the last few tokens; global layers see all of them.',
    ),
    h('form', { class: 'controls', onsubmit: (e: Event) => (e.preventDefault(), void run()) }, field('model', source), field('prompt', prompt), explain),
    info,
    status,
    section('Focus per layer and head', legend, h('div', { class: 'table-wrap' }, maps)),
    h(
      'p',
      { class: 'links' },
      h('a', { href: '#/train?family=leap&start=1' }, 'Train a LEAP model'),
      ' (about a minute), then come back to see what it learned to look at.',
    ),
  );
  let firstShow = true;
  const shown = (params: URLSearchParams) => {
    const choose = firstShow ? refreshChoice() : Promise.resolve(undefined);
    firstShow = false;
    if (params.get('explain') === '1') void choose.then(() => run());
  };
  return { element, shown };
}
