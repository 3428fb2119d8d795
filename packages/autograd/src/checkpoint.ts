import { Tensor, withMemoryTag, type Generator, type RngState } from '@lightattn/tensor-core';
import { backward } from './engine.js';
import { enableGrad, isGradEnabled, noGrad } from './grad-mode.js';
import { recordNode } from './record.js';
import { replayRng, trackRngDraws } from './rng.js';

/**
 * Activation checkpointing: runs `fn` without recording, keeping only its tensor inputs and the
 * RNG states it drew (through `drawRngState`, as `dropout` does). The backward resets those
 * generators, recomputes `fn` with recording on (so dropout draws the same masks), backpropagates
 * through the recomputed graph — parameters used inside get their `.grad` there — and hands the
 * inputs' gradients on. Saved bytes: the inputs only, whatever `fn` would have kept.
 *
 * `fn` must be deterministic given its inputs and those RNG states.
 */
export function checkpoint<A extends readonly unknown[], R extends Tensor | readonly Tensor[]>(fn: (...inputs: A) => R, ...inputs: A): R {
  if (!isGradEnabled()) return fn(...inputs);
  const tensors = inputs.map((a) => (a instanceof Tensor ? a : null));
  const { result, states } = trackRngDraws(() => noGrad(() => fn(...inputs)));
  const list = (Array.isArray(result) ? result : [result]) as Tensor[];
  const outputs = list.map((o) => (tensors.includes(o) ? o.view(o.shape) : o));
  recordNode({
    name: 'checkpoint',
    inputs: tensors,
    outputs,
    // Parameters used inside fn may require grad even when no input does: the node is recorded
    // whenever recording is on, and its backward reaches them through the recomputation.
    always: true,
    save: { inputs: tensors.flatMap((t, i) => (t ? [i] : [])), values: { rngStates: [...states] } },
    backward: ({ saved, needsInputGrad }, grads) => {
      const rngStates = new Map(saved.value<[Generator, RngState][]>('rngStates'));
      const leaves = tensors.map((t, i) => {
        if (!t) return null;
        const leaf = saved.input(i).view(t.shape);
        leaf.requiresGrad = needsInputGrad[i]!;
        return leaf;
      });
      const args = inputs.map((a, i) => leaves[i] ?? a) as unknown as A;
      const recomputed = withMemoryTag('activation', () => replayRng(rngStates, () => enableGrad(() => fn(...args))));
      const outs = (Array.isArray(recomputed) ? recomputed : [recomputed]) as Tensor[];
      const roots = outs.flatMap((o, i) => (o.gradFn || o.requiresGrad ? [{ o, g: grads[i]! }] : []));
      if (roots.length) {
        backward(
          roots.map((r) => r.o),
          roots.map((r) => r.g),
        );
      }
      const inputGrads = leaves.map((leaf) => {
        const g = leaf?.grad ?? null;
        if (leaf) leaf.grad = null;
        return g;
      });
      for (const o of outs) if (!leaves.includes(o)) o.dispose();
      for (const leaf of leaves) leaf?.dispose();
      return inputGrads;
    },
  });
  return (Array.isArray(result) ? outputs : outputs[0]) as unknown as R;
}
