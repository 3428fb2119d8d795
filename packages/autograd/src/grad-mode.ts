/**
 * Whether differentiable functions record the graph. Recording is on by default; `noGrad` turns it
 * off for evaluation and optimizer updates, `enableGrad` turns it back on inside (checkpoint's
 * recomputation runs under the engine's no-grad backward and needs it).
 */

let enabled = true;

/** Whether differentiable functions record the graph now (false inside `noGrad`). */
export function isGradEnabled(): boolean {
  return enabled;
}

/** Sets the mode globally and returns the previous one (prefer the scoped forms below). */
export function setGradEnabled(on: boolean): boolean {
  const previous = enabled;
  enabled = on;
  return previous;
}

function withGradMode<T>(on: boolean, fn: () => T): T {
  const previous = setGradEnabled(on);
  let restoreNow = true;
  try {
    const out = fn();
    if (out instanceof Promise) {
      // An async fn keeps the mode until it settles; do not interleave it with other autograd work.
      restoreNow = false;
      return out.finally(() => setGradEnabled(previous)) as T;
    }
    return out;
  } finally {
    if (restoreNow) setGradEnabled(previous);
  }
}

/** Runs `fn` without recording: no graph, nothing saved, outputs do not require grad. */
export function noGrad<T>(fn: () => T): T {
  return withGradMode(false, fn);
}

/** Runs `fn` with recording on, even inside `noGrad`. */
export function enableGrad<T>(fn: () => T): T {
  return withGradMode(true, fn);
}
