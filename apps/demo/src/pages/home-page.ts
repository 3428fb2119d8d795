import type { AppContext, Page } from '../app-context.js';
import { h } from '../ui/dom.js';

interface Preset {
  id: string;
  title: string;
  what: string;
  href: string;
}

/**
 * The landing view: what the site shows in two sentences, three one-click presets, and the pages
 * in the order a first visit goes through them.
 */
export function homePage(ctx: AppContext): Page {
  const gpu = ctx.device.type === 'webgpu';
  const presets: Preset[] = [
    {
      id: 'preset-shakespeare',
      title: 'Train a Shakespeare model in a minute',
      what: `A small character-level GPT-2 learns from three sonnets and Hamlet's soliloquy on ${gpu ? 'your GPU' : 'this CPU'}, then writes its own lines.`,
      href: '#/train?preset=shakespeare&start=1',
    },
    {
      id: 'preset-memory-16k',
      title: 'How much memory does attention need at 16k tokens?',
      what: 'GPT-2 small, one sequence of 16,384 tokens: vanilla attention against chunked, flash and LEAP, counted on the meta device without computing anything.',
      href: '#/memory?size=gpt2&batch=1&seq=16384',
    },
    {
      id: 'preset-leap',
      title: 'What does LEAP look at?',
      what: 'A heatmap of the focus weight each token gets, per layer and head, for a sentence of yours.',
      href: '#/leap?explain=1',
    },
  ];
  const steps: [string, string, string][] = [
    ['memory', 'Memory', 'how much each attention keeps for the backward pass'],
    ['train', 'Train', 'a model in this tab, with a live loss curve'],
    ['generate', 'Generate', 'text from it, token by token'],
    ['leap', 'LEAP explained', 'which tokens the model attends to'],
    ['kernels', 'Kernels', 'how fast the kernels run here'],
  ];
  const element = h(
    'div',
    { class: 'page', id: 'page-home' },
    h('h1', {}, 'Memory-lean attention, in your browser'),
    h(
      'p',
      { class: 'lead', id: 'home-intro' },
      'Attention usually keeps a table that grows with the square of the text length; this site shows how much memory that is, and how chunked, flash and LEAP attention avoid it. ',
      `Everything runs here, ${gpu ? 'on your GPU through WebGPU' : 'on this computer’s CPU'}: you can train a small GPT-2 or LEAP model, write with it, and see what it looks at.`,
    ),
    h('div', { class: 'presets' }, ...presets.map((p) => h('a', { class: 'preset', id: p.id, href: p.href }, h('strong', {}, p.title), h('span', {}, p.what)))),
    h('h2', {}, 'The pages'),
    h('ol', { class: 'tour' }, ...steps.map(([route, name, what]) => h('li', {}, h('a', { href: `#/${route}` }, name), `: ${what}`))),
  );
  return { element };
}
