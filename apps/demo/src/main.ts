import './styles.css';
import type { AppContext, Page } from './app-context.js';
import { WorkerClient } from './client/worker-client.js';
import { generatePage } from './pages/generate-page.js';
import { kernelsPage } from './pages/kernels-page.js';
import { leapPage } from './pages/leap-page.js';
import { memoryPage } from './pages/memory-page.js';
import { trainPage } from './pages/train-page.js';
import { installGlobalErrorHandlers, showError } from './ui/errors.js';
import type { DevicePreference } from './worker/protocol.js';

const ROUTES: Record<string, (ctx: AppContext) => Page> = {
  memory: memoryPage,
  train: trainPage,
  generate: generatePage,
  leap: leapPage,
  kernels: kernelsPage,
};

function routeOf(hash: string): string {
  const name = hash.replace(/^#\/?/, '');
  return name in ROUTES ? name : 'memory';
}

async function start(): Promise<void> {
  installGlobalErrorHandlers();
  const preference: DevicePreference = new URLSearchParams(location.search).get('device') === 'cpu' ? 'cpu' : 'auto';
  const worker = new Worker(new URL('./worker/demo-worker.ts', import.meta.url), { type: 'module', name: 'lightattn' });
  const client = new WorkerClient(worker, (e) => showError('Worker', e));
  const status = document.getElementById('device-status')!;
  const device = await client.call('init', { device: preference });
  status.textContent = `${device.type === 'webgpu' ? 'WebGPU' : 'CPU'}: ${device.description}`;
  status.dataset.type = device.type;
  if (device.fallbackReason) {
    const notice = document.getElementById('notice')!;
    notice.textContent = `Running on the CPU device, which is much slower: ${device.fallbackReason}. Use a browser with WebGPU (Chrome or Edge 113+, or Chromium with --enable-unsafe-webgpu) for the GPU.`;
    notice.hidden = false;
  }

  const ctx: AppContext = { client, device, models: new EventTarget() };
  const container = document.getElementById('pages')!;
  const mounted = new Map<string, Page>();
  const show = () => {
    const route = routeOf(location.hash);
    let page = mounted.get(route);
    if (!page) {
      page = ROUTES[route]!(ctx);
      mounted.set(route, page);
      container.append(page.element);
    }
    for (const [name, p] of mounted) p.element.hidden = name !== route;
    for (const a of Array.from(document.querySelectorAll<HTMLAnchorElement>('#nav a'))) a.classList.toggle('active', a.dataset.route === route);
    page.shown?.();
    document.body.dataset.route = route;
  };
  window.addEventListener('hashchange', show);
  show();
  document.body.dataset.ready = 'true';
}

start().catch((e) => {
  showError('Starting the demo', e);
  document.body.dataset.ready = 'failed';
});
