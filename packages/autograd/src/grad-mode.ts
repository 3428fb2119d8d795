/**
 * Whether differentiable functions record the graph: `noGrad`, `enableGrad`, `isGradEnabled` and
 * `setGradEnabled`. The flag lives in @lightattn/tensor-core, whose ops check it so that a
 * tensor-core op on a tensor that requires grad fails instead of cutting the graph
 * (docs/decisions/0004-one-op-namespace.md).
 */
export { enableGrad, isGradEnabled, noGrad, setGradEnabled } from '@lightattn/tensor-core';
