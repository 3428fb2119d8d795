import * as tc from '@lightattn/tensor-core';
import { formatShape, keep, scope, shapesEqual, withMemoryTag, type GradFn, type Tensor } from '@lightattn/tensor-core';
import { AutogradError } from './errors.js';
import { noGrad } from './grad-mode.js';
import { noteReleased } from './ledger.js';
import type { BackwardContext, Edge, Node } from './node.js';

/** What autograd attaches to each differentiable output: `tensor.backward()` lands here. */
export class OutputRef implements GradFn {
  constructor(
    readonly node: Node,
    readonly index: number,
  ) {}

  get name(): string {
    return this.node.name;
  }

  runBackward(root: Tensor, grad: Tensor | undefined, options: { retainGraph?: boolean }): void {
    backward(root, grad, options);
  }
}

/** Where a gradient for `t` goes: its producing node, its own `.grad` (a leaf), or nowhere. */
export function edgeOf(t: Tensor): Edge {
  if (t.gradFn instanceof OutputRef) return { kind: 'node', node: t.gradFn.node, index: t.gradFn.index };
  if (t.requiresGrad) return { kind: 'leaf', tensor: t };
  return null;
}

/** Options of {@link backward}. */
export interface BackwardOptions {
  /** Keep every saved tensor so backward can run through this graph again. Default false. */
  retainGraph?: boolean;
}

/**
 * Accumulates d(root)/d(leaf) into the `.grad` of every leaf that requires grad. `grad` is the
 * gradient of the root (dL/droot); omitted, the root must have one element and it is 1. Saved
 * tensors are freed as each function's backward finishes unless `retainGraph`. Accumulating into an
 * existing `.grad` replaces it with a new tensor (the sum) and frees the old one.
 */
export function backward(root: Tensor | readonly Tensor[], grad?: Tensor | readonly (Tensor | undefined)[], options: BackwardOptions = {}): void {
  const roots = Array.isArray(root) ? (root as readonly Tensor[]) : [root as Tensor];
  const grads = Array.isArray(grad) ? (grad as readonly (Tensor | undefined)[]) : [grad as Tensor | undefined];
  runEngine(prepareRoots(roots, grads, 'backward'), options.retainGraph ?? false, undefined);
}

/** Options of {@link gradients}: the gradients of the outputs. */
export interface GradientsOptions extends BackwardOptions {
  /** dL/doutput for each output; omitted entries need one-element outputs and mean 1. */
  gradOutputs?: readonly (Tensor | undefined)[];
}

/**
 * d(outputs)/d(inputs) (torch.autograd.grad): returns one gradient per input — zeros where an input
 * does not influence the outputs — and leaves every `.grad` untouched.
 */
export function gradients(outputs: Tensor | readonly Tensor[], inputs: readonly Tensor[], options: GradientsOptions = {}): Tensor[] {
  const outs = Array.isArray(outputs) ? (outputs as readonly Tensor[]) : [outputs as Tensor];
  for (const [i, t] of inputs.entries()) {
    if (!edgeOf(t))
      throw new AutogradError(
        `gradients(): input ${i} (${t.describe()}) does not require grad; mark it with param(t) or t.requiresGrad = true before the forward`,
      );
  }
  const captured = runEngine(prepareRoots(outs, options.gradOutputs ?? [], 'gradients'), options.retainGraph ?? false, inputs);
  return inputs.map((t) => captured.get(t) ?? withMemoryTag('gradient', () => tc.zerosLike(t)));
}

/** Frees every saved tensor of the graph behind `t` without running backward (e.g. after an evaluation that recorded). */
export function releaseGraph(t: Tensor): void {
  const start = edgeOf(t);
  if (start?.kind !== 'node') return;
  const seen = new Set<Node>([start.node]);
  const stack = [start.node];
  while (stack.length) {
    const node = stack.pop()!;
    release(node);
    for (const e of node.edges) {
      if (e?.kind === 'node' && !seen.has(e.node)) {
        seen.add(e.node);
        stack.push(e.node);
      }
    }
  }
}

interface Root {
  edge: Exclude<Edge, null>;
  /** Engine-owned gradient of the root. */
  grad: Tensor;
}

function prepareRoots(roots: readonly Tensor[], grads: readonly (Tensor | undefined)[], api: string): Root[] {
  return roots.map((t, i) => {
    if (t.isDisposed) throw new AutogradError(`${api}(): ${t.toString()} was disposed; call backward before the scope that made it closes`);
    const edge = edgeOf(t);
    if (!edge) {
      throw new AutogradError(
        `${api}(): ${t.describe()} does not require grad: it was not computed by @lightattn/autograd ops from tensors that require grad (mark leaves with param(t) or t.requiresGrad = true), or it was computed inside noGrad()`,
      );
    }
    const g = grads[i];
    if (g === undefined) {
      if (t.numel !== 1) {
        throw new AutogradError(
          `${api}(): ${t.describe()} has ${t.numel} elements; backward() without a gradient needs a one-element tensor (a loss). Reduce it first (sum/mean) or pass its gradient: y.backward(dy) with dy shaped ${formatShape(t.shape)}`,
        );
      }
      return { edge, grad: withMemoryTag('gradient', () => tc.onesLike(t)) };
    }
    if (g.device !== t.device)
      throw new AutogradError(
        `${api}(): the gradient is on ${g.device.name} but ${t.describe()} is on ${t.device.name}; create the gradient on the same device`,
      );
    if (!shapesEqual(g.shape, t.shape) || g.dtype !== t.dtype) {
      throw new AutogradError(
        `${api}(): the gradient ${formatShape(g.shape)} ${g.dtype} does not match ${t.describe()}; pass a gradient of the same shape and dtype`,
      );
    }
    return { edge, grad: g.share() };
  });
}

function freedError(node: Node): AutogradError {
  return new AutogradError(
    `backward(): '${node.name}'${node.modulePath ? ` (in ${node.modulePath})` : ''} already released its saved tensors in an earlier backward(). ` +
      'Pass { retainGraph: true } to the first backward() to run backward through a graph twice, or run the forward again.',
  );
}

function release(node: Node): void {
  node.released = true;
  if (node.saved) noteReleased(node.saved.release());
}

function addGrads(a: Tensor, b: Tensor): Tensor {
  const sum = withMemoryTag('gradient', () => noGrad(() => tc.add(a, b)));
  a.dispose();
  b.dispose();
  return sum;
}

/** Runs the graph behind `roots` in reverse topological order, iteratively (no recursion limits on long chains). */
function runEngine(roots: readonly Root[], retainGraph: boolean, capture: readonly Tensor[] | undefined): Map<Tensor, Tensor> {
  const captured = new Map<Tensor, Tensor>();
  const captureLeaves = new Set<Tensor>();
  const captureOutputs = new Map<Node, { index: number; tensor: Tensor }[]>();
  for (const t of capture ?? []) {
    const e = edgeOf(t);
    if (e?.kind === 'node') captureOutputs.set(e.node, [...(captureOutputs.get(e.node) ?? []), { index: e.index, tensor: t }]);
    else captureLeaves.add(t);
  }
  const pending = new Map<Node, (Tensor | undefined)[]>();

  const toLeaf = (leaf: Tensor, g: Tensor) => {
    if (capture) {
      if (!captureLeaves.has(leaf)) return g.dispose();
      const prev = captured.get(leaf);
      captured.set(leaf, prev ? addGrads(prev, g) : g);
      return;
    }
    if (leaf.isDisposed) return g.dispose();
    const acc = leaf.grad ? addGrads(leaf.grad, g) : g;
    acc.setMemoryTag('gradient');
    leaf.grad = keep(acc);
  };
  const deliver = (edge: Exclude<Edge, null>, g: Tensor) => {
    if (edge.kind === 'leaf') return toLeaf(edge.tensor, g);
    let slots = pending.get(edge.node);
    if (!slots) pending.set(edge.node, (slots = new Array<Tensor | undefined>(edge.node.outputs.length)));
    const prev = slots[edge.index];
    slots[edge.index] = prev ? addGrads(prev, g) : g;
  };

  // Count, for every reachable node, how many edges lead into it; check nothing needed was freed.
  const deps = new Map<Node, number>();
  const stack: Node[] = [];
  for (const r of roots) {
    if (r.edge.kind === 'node' && !deps.has(r.edge.node)) {
      deps.set(r.edge.node, 0);
      stack.push(r.edge.node);
    }
  }
  while (stack.length) {
    const node = stack.pop()!;
    if (node.released && node.saved && !node.saved.isEmpty) {
      for (const r of roots) r.grad.dispose();
      throw freedError(node);
    }
    for (const e of node.edges) {
      if (e?.kind !== 'node') continue;
      const seen = deps.has(e.node);
      deps.set(e.node, (deps.get(e.node) ?? 0) + 1);
      if (!seen) stack.push(e.node);
    }
  }
  for (const r of roots) deliver(r.edge, r.grad);

  const ready = new MaxHeap();
  for (const [node, n] of deps) if (n === 0) ready.push(node);
  while (ready.size) {
    const node = ready.pop();
    const slots = pending.get(node);
    pending.delete(node);
    for (const c of captureOutputs.get(node) ?? []) {
      const g = slots?.[c.index];
      if (g) captured.set(c.tensor, g.share());
    }
    if (slots?.some((g) => g)) runNode(node, slots, retainGraph, deliver);
    else if (!retainGraph) release(node);
    for (const e of node.edges) {
      if (e?.kind !== 'node') continue;
      const left = deps.get(e.node)! - 1;
      deps.set(e.node, left);
      if (left === 0) ready.push(e.node);
    }
  }
  return captured;
}

function runNode(node: Node, slots: (Tensor | undefined)[], retainGraph: boolean, deliver: (edge: Exclude<Edge, null>, g: Tensor) => void): void {
  const grads = node.outputs.map(
    (info, i) => slots[i] ?? (node.differentiableOutputs.has(i) ? withMemoryTag('gradient', () => tc.zeros(info.shape, { device: info.device })) : undefined),
  ) as Tensor[];
  const ctx: BackwardContext = { name: node.name, saved: node.saved!, needsInputGrad: node.needsInputGrad, inputs: node.inputs, outputs: node.outputs };
  let inputGrads: (Tensor | null | undefined)[];
  try {
    inputGrads = withMemoryTag('gradient', () => noGrad(() => scope(() => [...node.backward(ctx, grads)])));
  } catch (e) {
    for (const g of grads) g?.dispose();
    throw e;
  }
  // The engine owns each gradient exactly once: a rule may pass an incoming gradient (or a saved
  // tensor) straight through, or return one tensor for two inputs; those get their own handle.
  const owned = new Set<Tensor>(node.saved?.tensors ?? []);
  const claimed = new Set<Tensor>();
  const out = inputGrads.map((g, i) => {
    if (!g) return null;
    if (!node.edges[i]) {
      if (!grads.includes(g) && !owned.has(g)) g.dispose();
      return null;
    }
    const info = node.inputs[i]!;
    if (!shapesEqual(g.shape, info.shape)) {
      throw new AutogradError(
        `${node.name} backward returned a gradient of shape ${formatShape(g.shape)} for input ${i} of shape ${formatShape(info.shape)}; a gradient rule must return each input's shape`,
      );
    }
    const mine = claimed.has(g) || owned.has(g) ? g.share() : g;
    claimed.add(mine);
    return mine;
  });
  for (const g of grads) if (g && !claimed.has(g)) g.dispose();
  if (!retainGraph) release(node);
  out.forEach((g, i) => {
    if (g) deliver(node.edges[i]!, g);
  });
}

/** Ready nodes, latest-created first: that follows the forward in reverse and frees memory soonest. */
class MaxHeap {
  private readonly items: Node[] = [];

  get size(): number {
    return this.items.length;
  }

  push(node: Node): void {
    const a = this.items;
    a.push(node);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]!.seq >= a[i]!.seq) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }

  pop(): Node {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]!.seq > a[m]!.seq) m = l;
        if (r < a.length && a[r]!.seq > a[m]!.seq) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}
