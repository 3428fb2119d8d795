import { Tensor } from '@lightattn/tensor-core';
import { AutogradError } from './errors.js';
import { noGrad } from './grad-mode.js';
import type { BackwardFn, SaveSpec } from './node.js';
import { gradEdges, recordNode } from './record.js';

/** What a {@link defineFunction} forward receives: which gradients are wanted, and `save` to declare what the backward reads. */
export interface ForwardContext {
  /** Per argument position: whether its gradient will be asked for. Save only what those need. */
  readonly needsInputGrad: readonly boolean[];
  /** Declares what the backward may read (call once). Input and output positions are argument and output indices. */
  save(spec: SaveSpec): void;
  /** Outputs that gradients never flow into (auxiliary results, indices…). */
  markNonDifferentiable(...outputIndices: number[]): void;
}

/** A differentiable function for {@link defineFunction}: its name, forward and backward. */
export interface FunctionDefinition<A extends readonly unknown[], R extends Tensor | readonly Tensor[]> {
  /** Shown in the ledger and in errors. */
  name: string;
  /** Computes the outputs (without recording: ops inside build no graph) and declares what to save. */
  forward(ctx: ForwardContext, ...args: A): R;
  /** One gradient per argument (null for non-tensors and inputs that need none). */
  backward: BackwardFn;
}

/**
 * A differentiable function with a hand-written backward: the way fused ops (LightSoftmax,
 * DropMatmul, flash attention) keep less memory than the composition of their parts. Tensor
 * arguments are its inputs; other arguments are passed through to forward.
 *
 *   const square = defineFunction({
 *     name: 'square',
 *     forward: (ctx, x: Tensor) => (ctx.save({ inputs: [0] }), tc.mul(x, x)),
 *     backward: ({ saved }, [g]) => [tc.mul(tc.mul(g, saved.input(0)), 2)], // d(x²) = 2x·g
 *   });
 */
export function defineFunction<A extends readonly unknown[], R extends Tensor | readonly Tensor[]>(def: FunctionDefinition<A, R>): (...args: A) => R {
  const apply = (...args: A): R => {
    const inputs = args.map((a) => (a instanceof Tensor ? a : null));
    const edges = gradEdges(inputs);
    let spec: SaveSpec = {};
    let saveCalls = 0;
    const nonDifferentiable = new Set<number>();
    const ctx: ForwardContext = {
      needsInputGrad: inputs.map((_, i) => !!edges?.[i]),
      save(s) {
        spec = s;
        saveCalls++;
      },
      markNonDifferentiable: (...idx) => idx.forEach((i) => nonDifferentiable.add(i)),
    };
    const result = noGrad(() => def.forward(ctx, ...args));
    if (saveCalls > 1) throw new AutogradError(`${def.name}: forward called ctx.save() ${saveCalls} times; declare everything in one call`);
    if (!edges) return result;
    const list = (Array.isArray(result) ? result : [result]) as Tensor[];
    // An output that is an input (an identity) becomes a view, so it can carry its own gradFn.
    const outputs = list.map((o) => (inputs.includes(o) ? o.view(o.shape) : o));
    recordNode({
      name: def.name,
      inputs,
      outputs,
      differentiableOutputs: outputs.map((_, i) => i).filter((i) => !nonDifferentiable.has(i)),
      save: spec,
      backward: def.backward,
    });
    return (Array.isArray(result) ? outputs : outputs[0]) as unknown as R;
  };
  Object.defineProperty(apply, 'name', { value: def.name });
  return apply;
}
