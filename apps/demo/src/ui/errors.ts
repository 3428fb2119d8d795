import { h } from './dom.js';

/**
 * Drops a prefix that repeats where the error is shown: a worker error "generate: the prompt is
 * empty" shown under "Generate" reads "the prompt is empty", not "Generate: generate: …".
 */
export function withoutPrefix(where: string, message: string): string {
  const word = where.split(/[\s(]/)[0]!.toLowerCase();
  const m = /^([\w-]+(?: [\w-]+)?):\s+/.exec(message);
  return m && m[1]!.toLowerCase().startsWith(word) ? message.slice(m[0].length) : message;
}

function messageOf(where: string, error: unknown): string {
  // Specific error classes (ShapeError, CheckpointFilesError, …) say what kind of problem it is; the generic ones add nothing.
  const generic = new Set(['Error', 'LightattnError']);
  if (!(error instanceof Error)) return withoutPrefix(where, String(error));
  const name = error.name && !generic.has(error.name) ? `${error.name}: ` : '';
  return `${name}${withoutPrefix(where, error.message)}`;
}

/**
 * Every failure is shown in the page (the #errors region, an alert for screen readers) with where
 * it happened, never only in the console. One banner per place: a new error from the same place
 * replaces the old one, and clearErrors(where) removes it once that place succeeds.
 */
export function showError(where: string, error: unknown): void {
  const region = document.getElementById('errors');
  const message = messageOf(where, error);
  if (!region) {
    document.body.prepend(h('pre', { class: 'error' }, `${where}: ${message}`));
    return;
  }
  const item = h('div', { class: 'error', 'data-where': where }, h('strong', {}, `${where}: `), h('span', { class: 'error-message' }, message));
  item.append(h('button', { class: 'dismiss', type: 'button', 'aria-label': 'Dismiss', onclick: () => item.remove() }, '×'));
  const old = Array.from(region.children).find((e) => (e as HTMLElement).dataset.where === where);
  if (old) old.replaceWith(item);
  else region.append(item);
}

/** Removes the banners of `where` (every banner whose place starts with it, e.g. "Generate" and "Generate (load checkpoint)"). */
export function clearErrors(where: string): void {
  for (const e of Array.from(document.querySelectorAll<HTMLElement>('#errors .error'))) if (e.dataset.where?.startsWith(where)) e.remove();
}

export function installGlobalErrorHandlers(): void {
  window.addEventListener('error', (e) => showError('Unexpected error', e.error ?? e.message));
  window.addEventListener('unhandledrejection', (e) => showError('Unexpected error', e.reason));
}

/** Runs an async action of a page: its old banner goes when it starts, its error (if any) is shown under `where`. */
export async function guarded<T>(where: string, action: () => Promise<T>): Promise<T | undefined> {
  clearErrors(where);
  try {
    return await action();
  } catch (e) {
    if (e instanceof Error && e.name === 'JobCancelled') return undefined;
    showError(where, e);
    return undefined;
  }
}
