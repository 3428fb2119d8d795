import { h } from './dom.js';

/**
 * Every failure is shown in the page (the #errors region, an alert for screen readers) with where
 * it happened, never only in the console.
 */
export function showError(where: string, error: unknown): void {
  const region = document.getElementById('errors');
  // Specific error classes (ShapeError, CheckpointFilesError, …) say what kind of problem it is; the generic ones add nothing.
  const generic = new Set(['Error', 'LightattnError']);
  const message = error instanceof Error ? `${error.name && !generic.has(error.name) ? `${error.name}: ` : ''}${error.message}` : String(error);
  if (!region) {
    document.body.prepend(h('pre', { class: 'error' }, `${where}: ${message}`));
    return;
  }
  const item = h('div', { class: 'error' }, h('strong', {}, `${where}: `), h('span', { class: 'error-message' }, message));
  item.append(h('button', { class: 'dismiss', type: 'button', 'aria-label': 'Dismiss', onclick: () => item.remove() }, '×'));
  region.append(item);
}

export function installGlobalErrorHandlers(): void {
  window.addEventListener('error', (e) => showError('Unexpected error', e.error ?? e.message));
  window.addEventListener('unhandledrejection', (e) => showError('Unexpected error', e.reason));
}

/** Runs an async action of a page, showing its error (if any) under `where`. */
export async function guarded<T>(where: string, action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (e) {
    showError(where, e);
    return undefined;
  }
}
