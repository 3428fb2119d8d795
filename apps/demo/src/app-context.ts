import type { JobWorker } from './client/job-worker.js';
import type { WorkerClient } from './client/worker-client.js';
import type { DeviceSummary } from './worker/protocol.js';

/** What every page gets: the worker, the device it runs on, and a channel for "the models changed". */
export interface AppContext {
  client: WorkerClient;
  device: DeviceSummary;
  /** Dispatches 'change' when a model is trained, stopped or loaded, so other pages refresh their choices. */
  models: EventTarget;
  /**
   * A worker of its own for a page's long jobs, which Stop terminates: `device: true` acquires the
   * page's device type in it (measurements, kernels); false gives one for the meta device only.
   */
  jobWorker(options: { device: boolean }): JobWorker;
  /** Goes to a page, with settings in the address (`#/memory?seq=16384`). */
  go(route: string, params?: Record<string, string | number | boolean>): void;
}

export interface Page {
  /** The page's root element; the router shows one at a time. */
  element: HTMLElement;
  /** Called every time the page is shown, with the settings given in the address (after `?`). */
  shown?(params: URLSearchParams): void;
}

/** `#/memory?seq=16384` → the route "memory" and its settings. */
export function parseRoute(hash: string): { route: string; params: URLSearchParams } {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  return { route: path, params: new URLSearchParams(query) };
}

export function routeHash(route: string, params: Record<string, string | number | boolean> = {}): string {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
  return `#/${route}${query ? `?${query}` : ''}`;
}
