import './styles.css';
import { parseRoute, routeHash, type AppContext, type Page } from './app-context.js';
import { JobWorker } from './client/job-worker.js';
import { WorkerClient } from './client/worker-client.js';
import { generatePage } from './pages/generate-page.js';
import { homePage } from './pages/home-page.js';
import { kernelsPage } from './pages/kernels-page.js';
import { leapPage } from './pages/leap-page.js';
import { memoryPage } from './pages/memory-page.js';
import { trainPage } from './pages/train-page.js';
import { h } from './ui/dom.js';
import { installGlobalErrorHandlers, showError } from './ui/errors.js';
import type { DevicePreference, DeviceSummary } from './worker/protocol.js';

const ROUTES: Record<string, (ctx: AppContext) => Page> = {
  home: homePage,
  memory: memoryPage,
  train: trainPage,
  generate: generatePage,
  leap: leapPage,
  kernels: kernelsPage,
};

/** The worker (a chunk of its own, fetched when the site starts it, not with the page). */
const spawnWorker = (name: string) => new Worker(new URL('./worker/demo-worker.ts', import.meta.url), { type: 'module', name });

function preferenceOf(search: string): DevicePreference {
  const asked = new URLSearchParams(search).get('device');
  return asked === 'cpu' || asked === 'wasm' || asked === 'webgpu' ? asked : 'auto';
}

/** The device's name in the header: which device runs the site. */
export function deviceLabel(device: DeviceSummary): string {
  const kind = device.backend === 'webgpu' ? 'WebGPU' : device.backend === 'wasm' ? 'CPU (WebAssembly)' : 'CPU (JavaScript)';
  return `${kind}: ${device.description}`;
}

/** Why the WebAssembly device runs on one thread, as a sentence for the notice (empty when it uses every core). */
function threadSentence(device: DeviceSummary): string {
  if (!device.threadNote) return '';
  return ` It runs on one thread: ${device.threadNote}; a host that sends the two headers in the README gives it every core.`;
}

/** The line under the header when the site runs on a CPU device (or was told which device): which, and why. */
export function deviceNotice(device: DeviceSummary): string | null {
  const threads = threadSentence(device);
  if (!device.fallbackReason) return threads ? threads.trim() : null;
  const which =
    device.backend === 'wasm'
      ? `the WebAssembly CPU device (f32 SIMD on ${device.threads} thread${device.threads === 1 ? '' : 's'})`
      : 'the JavaScript CPU device (float64, one thread)';
  if (device.softwareAdapter) return `Running on ${which}: ${device.fallbackReason}. Add ?device=webgpu to the address to use the adapter anyway.${threads}`;
  if (/\?device=(cpu|wasm)/.test(device.fallbackReason)) return `Running on ${which}: ${device.fallbackReason}. Remove it to choose automatically.${threads}`;
  return `Running on ${which}, as WebGPU is not available here (${device.fallbackReason.replace(/^WebGPU is not available: /, '')}). Small models train fine; for larger ones use a browser with WebGPU (Chrome or Edge 113+, or Chromium with --enable-unsafe-webgpu).${threads}`;
}

async function start(): Promise<void> {
  installGlobalErrorHandlers();
  const preference = preferenceOf(location.search);
  const client = new WorkerClient(spawnWorker('lightattn'), (e) => showError('Worker', e));
  const status = document.getElementById('device-status')!;
  const device = await client.call('init', { device: preference });
  status.textContent = deviceLabel(device);
  status.title = status.textContent;
  status.dataset.type = device.type;
  status.dataset.backend = device.backend;
  status.dataset.threads = String(device.threads ?? '');
  const noticeText = deviceNotice(device);
  if (noticeText) {
    const notice = document.getElementById('notice')!;
    // Address switches as code, kept on one line.
    notice.replaceChildren(...noticeText.split(/(\?device=\w+)/).map((part, i) => (i % 2 ? h('code', {}, part) : part)));
    notice.hidden = false;
  }

  // Job workers take the same kind of device as the page's worker.
  const jobPreference: DevicePreference = device.backend === 'webgpu' ? 'webgpu' : device.backend === 'wasm' ? 'wasm' : 'cpu';
  const ctx: AppContext = {
    client,
    device,
    models: new EventTarget(),
    jobWorker: ({ device: needsDevice }) =>
      new JobWorker(
        () => spawnWorker('lightattn-job'),
        needsDevice ? jobPreference : null,
        (e) => showError('Worker', e),
      ),
    go: (route, params) => void (location.hash = routeHash(route, params)),
  };
  const container = document.getElementById('pages')!;
  const mounted = new Map<string, Page>();
  const show = () => {
    const parsed = parseRoute(location.hash);
    const route = parsed.route in ROUTES ? parsed.route : 'home';
    let page = mounted.get(route);
    if (!page) {
      page = ROUTES[route]!(ctx);
      mounted.set(route, page);
      container.append(page.element);
    }
    for (const [name, p] of mounted) p.element.hidden = name !== route;
    for (const a of Array.from(document.querySelectorAll<HTMLAnchorElement>('#nav a'))) a.classList.toggle('active', a.dataset.route === route);
    page.shown?.(parsed.params);
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
