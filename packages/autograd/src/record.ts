import type { Tensor } from '@lightattn/tensor-core';
import { edgeOf, OutputRef } from './engine.js';
import { AutogradError } from './errors.js';
import { isGradEnabled } from './grad-mode.js';
import { noteSaved } from './ledger.js';
import { currentModulePath } from './module-scope.js';
import { infoOf, Node, SavedTensors, type BackwardFn, type Edge, type SaveSpec } from './node.js';

export interface RecordSpec {
  name: string;
  /** The function's inputs by position; null for arguments that are not tensors. */
  inputs: readonly (Tensor | null)[];
  /** All of its outputs, auxiliary ones included (positions as in `SaveSpec.outputs`). */
  outputs: readonly Tensor[];
  /** Outputs gradients flow into; default every f32 output. Integer and bool outputs never do. */
  differentiableOutputs?: readonly number[];
  /** What to keep, given which inputs need a gradient (save only what those gradients read). */
  save: SaveSpec | ((needsInputGrad: readonly boolean[]) => SaveSpec);
  backward: BackwardFn;
  /** Record even when no input requires grad (checkpoint: parameters inside may). Recording must be on. */
  always?: boolean;
}

/** The edges of `inputs`, or null when recording is off or no input requires grad. */
export function gradEdges(inputs: readonly (Tensor | null)[], always = false): Edge[] | null {
  if (!isGradEnabled()) return null;
  const edges = inputs.map((t) => (t && t.dtype === 'f32' ? edgeOf(t) : null));
  return always || edges.some((e) => e !== null) ? edges : null;
}

/**
 * Records one call of a differentiable function on the tape: keeps what `save` declares, and makes
 * each differentiable output require grad with a GradFn that leads back here. Does nothing (and
 * returns null) when recording is off or no input requires grad.
 */
export function recordNode(spec: RecordSpec): Node | null {
  const edges = gradEdges(spec.inputs, spec.always);
  if (!edges) return null;
  const diff = new Set(spec.differentiableOutputs ?? spec.outputs.map((_, i) => i));
  for (const [i, out] of spec.outputs.entries()) {
    if (out.dtype !== 'f32') diff.delete(i);
    if (spec.inputs.includes(out)) {
      throw new AutogradError(
        `${spec.name}: output ${i} is one of its inputs; a differentiable function must return new tensors (return x.view(x.shape) for an identity)`,
      );
    }
  }
  if (diff.size === 0) return null;
  const needs = edges.map((e) => e !== null);
  const declared = typeof spec.save === 'function' ? spec.save(needs) : spec.save;
  const saved = new SavedTensors(spec.name, declared, spec.inputs, spec.outputs);
  const module = currentModulePath();
  const node = new Node(
    spec.name,
    module,
    edges,
    spec.inputs.map((t) => (t ? infoOf(t) : null)),
    spec.outputs.map(infoOf),
    diff,
    saved,
    spec.backward,
  );
  noteSaved(spec.name, module, saved.tensors);
  for (const i of diff) {
    const out = spec.outputs[i]!;
    out.requiresGrad = true;
    out.gradFn = new OutputRef(node, i);
  }
  return node;
}
