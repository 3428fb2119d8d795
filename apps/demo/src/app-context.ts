import type { WorkerClient } from './client/worker-client.js';
import type { DeviceSummary } from './worker/protocol.js';

/** What every page gets: the worker, the device it runs on, and a channel for "the models changed". */
export interface AppContext {
  client: WorkerClient;
  device: DeviceSummary;
  /** Dispatches 'change' when a model is trained, stopped or loaded, so other pages refresh their choices. */
  models: EventTarget;
}

export interface Page {
  /** The page's root element; the router shows one at a time. */
  element: HTMLElement;
  /** Called every time the page is shown. */
  shown?(): void;
}
