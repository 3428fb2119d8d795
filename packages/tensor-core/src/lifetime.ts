/**
 * Tensor lifetimes: explicit `dispose()`, `scope(fn)` that frees everything created inside except
 * what it returns, and a FinalizationRegistry safety net that frees and counts tensors that were
 * garbage-collected without being disposed (in debug mode it also remembers where each was made).
 */
import type { Storage } from './storage.js';
import { formatShape } from './shape.js';

/** What lifetime tracking needs of a tensor (avoids an import cycle with tensor.ts). */
export interface Tracked {
  readonly isDisposed: boolean;
  dispose(): void;
}

const scopeStack: Set<Tracked>[] = [];
let debug = typeof process !== 'undefined' && !!process.env?.LIGHTATTN_DEBUG;

/** In debug mode every tensor remembers the stack where it was created (for leak and use-after-dispose reports). */
export function setDebug(on: boolean): void {
  debug = on;
}

/** Whether debug mode (`LIGHTATTN_DEBUG=1` or `setDebug(true)`) records where tensors are created. */
export function isDebug(): boolean {
  return debug;
}

export function creationSite(): string | undefined {
  if (!debug) return undefined;
  const stack = new Error().stack ?? '';
  // Drop the Error line and the frames inside tensor-core's own constructors.
  return stack
    .split('\n')
    .slice(1)
    .filter((l) => !/tensor-core[\\/]src[\\/](tensor|lifetime|dispatch|creation)\.ts/.test(l))
    .slice(0, 6)
    .join('\n');
}

/** Registers a new tensor with the innermost scope, if any. */
export function trackInScope(t: Tracked): void {
  const top = scopeStack[scopeStack.length - 1];
  if (top) top.add(t);
}

/** Exempts tensors from disposal by every enclosing scope; returns its argument. */
export function keep<T>(value: T): T {
  forEachTracked(value, (t) => {
    for (const s of scopeStack) s.delete(t);
  });
  return value;
}

function forEachTracked(value: unknown, fn: (t: Tracked) => void, seen = new Set<unknown>()): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (isTracked(value)) {
    fn(value);
    return;
  }
  if (Array.isArray(value)) for (const v of value) forEachTracked(v, fn, seen);
  else if (value instanceof Map) for (const v of value.values()) forEachTracked(v, fn, seen);
  else if (Object.getPrototypeOf(value) === Object.prototype) for (const v of Object.values(value)) forEachTracked(v, fn, seen);
}

function isTracked(v: object): v is Tracked {
  return 'dispose' in v && 'isDisposed' in v && typeof (v as Tracked).dispose === 'function';
}

function closeScope(own: Set<Tracked>, result: unknown): void {
  const i = scopeStack.lastIndexOf(own);
  if (i >= 0) scopeStack.splice(i, 1);
  const kept = new Set<Tracked>();
  forEachTracked(result, (t) => kept.add(t));
  for (const t of own) if (!kept.has(t) && !t.isDisposed) t.dispose();
  // What the scope returns now belongs to the enclosing scope, if any.
  const parent = scopeStack[scopeStack.length - 1];
  if (parent) for (const t of kept) if (own.has(t)) parent.add(t);
}

/**
 * Runs `fn` and disposes every tensor created inside it except those it returns (found in arrays,
 * plain objects and Map values) and those passed to `keep()`. With an async `fn` the scope closes
 * when its promise settles; tensors created by other code while it awaits land in it too, so do not
 * run unrelated async scopes concurrently.
 */
export function scope<T>(fn: () => T): T {
  const own = new Set<Tracked>();
  scopeStack.push(own);
  let result: T;
  try {
    result = fn();
  } catch (e) {
    closeScope(own, undefined);
    throw e;
  }
  if (result instanceof Promise) {
    return result.then(
      (v) => (closeScope(own, v), v),
      (e) => {
        closeScope(own, undefined);
        throw e;
      },
    ) as T;
  }
  closeScope(own, result);
  return result;
}

// ---- the garbage-collection safety net ----

interface LeakRecord {
  storage: Storage;
  site: string | undefined;
  /** The tensor's shape and dtype, formatted only if it leaks (every op creates a record). */
  shape: readonly number[];
  dtype: string;
}

let leaked = 0;
const leakSites = new Map<string, number>();

const registry =
  typeof FinalizationRegistry !== 'undefined'
    ? new FinalizationRegistry<LeakRecord>((rec) => {
        leaked++;
        const key = `${formatShape(rec.shape)} ${rec.dtype}${rec.site ? `\n${rec.site}` : ''}`;
        leakSites.set(key, (leakSites.get(key) ?? 0) + 1);
        rec.storage.device.memory.onTensorReleased();
        rec.storage.release();
      })
    : null;

export function watchForLeak(t: object, rec: LeakRecord): void {
  registry?.register(t, rec, t);
}

export function unwatch(t: object): void {
  registry?.unregister(t);
}

/** Tensors the garbage collector freed without `dispose()`, see {@link leakReport}. */
export interface LeakReport {
  /** Tensors collected by the garbage collector without `dispose()`; their memory was freed then. */
  leaked: number;
  /** Where they were created (debug mode), with counts. */
  sites: { site: string; count: number }[];
}

/** How many tensors were garbage-collected without `dispose()` and, in debug mode, where they were created. */
export function leakReport(): LeakReport {
  return { leaked, sites: [...leakSites.entries()].map(([site, count]) => ({ site, count })) };
}

/** Clears the counts {@link leakReport} returns. */
export function resetLeakReport(): void {
  leaked = 0;
  leakSites.clear();
}
