import { LightattnError } from './errors.js';
import { OP_SET } from './ops/op-set.js';
import type { OpName, OpParams } from './ops/op-params.js';
import type { Tensor } from './tensor.js';

/**
 * Whether differentiable functions record the graph. Recording is on by default; `noGrad` turns it
 * off for evaluation and optimizer updates, `enableGrad` turns it back on inside (checkpoint's
 * recomputation runs under the engine's no-grad backward and needs it). The flag lives here, below
 * @lightattn/autograd (which re-exports these functions), so that `runOp` can refuse an op that would
 * silently cut the graph (see `checkNotCuttingGraph`).
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

/** Thrown when a tensor-core op is called where only its @lightattn/autograd form keeps the gradient. */
export class GraphCutError extends LightattnError {
  override readonly name = 'GraphCutError';
}

/** Ops with no `differentiable` flag whose differentiable form lives above autograd. */
const COMPOSED: Partial<Record<OpName, string>> = {
  flashAttention: "@lightattn/light-ops' flashAttention (or attention(..., { impl: 'flash' }))",
  dropMatmul: "@lightattn/light-ops' dropMatmul",
  leapScan: "@lightattn/leap-attention's leapAttention",
};

let taping = 0;

/**
 * Runs `fn`, whose ops the caller records on the tape itself (autograd's `applyOp`), with the
 * graph-cut check off.
 */
export function runTaped<T>(fn: () => T): T {
  taping++;
  try {
    return fn();
  } finally {
    taping--;
  }
}

/** The public function name of a call: the function for unary/binary/reduce ops, else the op. */
function functionName<K extends OpName>(op: K, params: OpParams<K>): string {
  const fn = (params as { fn?: unknown }).fn;
  return typeof fn === 'string' && (op === 'unary' || op === 'binary' || op === 'binaryScalar' || op === 'reduce') ? fn : op;
}

/**
 * tensor-core's ops do not record: called on a tensor that requires grad while recording is on,
 * the result would silently have no gradient path to it (every parameter upstream keeps grad null).
 * That is refused, naming the op to use instead. Inside `noGrad`, inside autograd's own wrappers
 * and differentiable functions, and for ops without a gradient (comparisons, argmax, …) it is allowed.
 */
export function checkNotCuttingGraph<K extends OpName>(op: K, inputs: readonly Tensor[], params: OpParams<K>): void {
  if (!enabled || taping > 0) return;
  const composed = COMPOSED[op];
  if (!OP_SET[op].differentiable && !composed) return;
  const t = inputs.find((x) => x.requiresGrad);
  if (!t) return;
  const name = functionName(op, params);
  const instead = composed ?? `@lightattn/autograd's ${name}`;
  throw new GraphCutError(
    `${name}: ${t.describe()} requires grad and recording is on, but tensor-core's ${name} does not record, so its result would have no gradient; use ${instead}, or run it inside noGrad() (or on t.detach()) if no gradient should flow`,
  );
}
