import * as tc from '@lightattn/tensor-core';
import type { OpParams, Tensor } from '@lightattn/tensor-core';
import { GRAD_RULES } from './grad-rules.js';
import type { DifferentiableOpName, GradRule } from './grad-rule.js';
import { recordNode } from './record.js';

/** A readable name for the ledger and errors: the function for unary/binary/reduce ops, else the op. */
export function opLabel<K extends DifferentiableOpName>(op: K, params: OpParams<K>): string {
  switch (op) {
    case 'unary':
    case 'binary':
    case 'reduce':
      return (params as OpParams<'unary' | 'binary' | 'reduce'>).fn;
    case 'binaryScalar':
      return `${(params as OpParams<'binaryScalar'>).fn} (scalar)`;
    default:
      return op;
  }
}

/** Records `op` (already run, giving `outputs`) on the tape with its gradient rule, if anything requires grad. */
export function recordOp<K extends DifferentiableOpName>(op: K, inputs: readonly Tensor[], outputs: readonly Tensor[], params: OpParams<K>): void {
  const rule = GRAD_RULES[op] as GradRule<K>;
  recordNode({
    name: opLabel(op, params),
    inputs,
    outputs,
    differentiableOutputs: rule.differentiableOutputs,
    save: (needs) => rule.save(params, needs),
    backward: (ctx, grads) => rule.backward({ ...ctx, params }, grads),
  });
}

/** Runs a differentiable op and records it: the building block of every differentiable wrapper. */
export function applyOp<K extends DifferentiableOpName>(op: K, inputs: readonly Tensor[], params: OpParams<K>): Tensor[] {
  // Recorded just below, so tensor-core's graph-cut check does not apply.
  const outputs = tc.runTaped(() => tc.runOp(op, inputs, params));
  recordOp(op, inputs, outputs, params);
  return outputs;
}

export function applyOp1<K extends DifferentiableOpName>(op: K, inputs: readonly Tensor[], params: OpParams<K>): Tensor {
  return applyOp(op, inputs, params)[0]!;
}
