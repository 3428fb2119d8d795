// @lightattn/autograd: reverse-mode autodiff whose functions declare what they save, the saved-bytes
// ledger, gradcheck, checkpointing, nn modules and optimizers. Explicit named exports only.

// The tape
export { AutogradError, GradcheckError } from './errors.js';
export { noGrad, enableGrad, isGradEnabled, setGradEnabled } from './grad-mode.js';
export type { BackwardOptions, GradientsOptions } from './engine.js';
export { backward, gradients, releaseGraph } from './engine.js';
export type { SaveSpec, TensorInfo, BackwardContext, BackwardFn } from './node.js';
export { SavedTensors } from './node.js';
export type { ForwardContext, FunctionDefinition } from './function.js';
export { defineFunction } from './function.js';
export type { GradOptions } from './functional.js';
export { param, requiresGrad, detach, grad, valueAndGrad } from './functional.js';
export { drawRngState } from './rng.js';
export { checkpoint } from './checkpoint.js';
export { moduleScope, currentModulePath } from './module-scope.js';
export type { LedgerEntry, LedgerFunctionRow, LedgerModuleRow, LedgerData } from './ledger.js';
export { SavedBytesLedger, withLedger } from './ledger.js';
export type { GradcheckInput, GradcheckOptions, GradcheckResult } from './gradcheck.js';
export { gradcheck, gradcheckDevice, randomInput } from './gradcheck.js';

// Gradient rules
export type { DifferentiableOpName, GradRule, GradRuleContext, GradRuleTable } from './grad-rule.js';
export { sumToShape } from './grad-rule.js';
export { GRAD_RULES } from './grad-rules.js';
export { applyOp, recordOp } from './apply-op.js';

// Differentiable ops (same names and signatures as tensor-core's)
export {
  unary,
  neg,
  abs,
  sign,
  square,
  sqrt,
  rsqrt,
  reciprocal,
  exp,
  log,
  log1p,
  sin,
  cos,
  tanh,
  sigmoid,
  relu,
  gelu,
  geluErf,
  elu,
  silu,
  floor,
  ceil,
  binary,
  add,
  sub,
  mul,
  div,
  pow,
  maximum,
  minimum,
  where,
  cast,
  clone,
} from './ops-elementwise.js';
export { reduce, sum, mean, max, min, logsumexp, cumsum, matmul, argmax, argmin } from './ops-reduce.js';
export { reshape, flatten, unsqueeze, squeeze, permute, transpose, concat, slice, narrow, split, pad, expand, setSlice } from './ops-layout.js';
export type { CrossEntropyLossOptions } from './ops-nn.js';
export { softmax, logSoftmax, layerNorm, gather, scatterAdd, crossEntropy, crossEntropyLoss, mseLoss } from './ops-nn.js';
export type { DropoutOptions, DropoutMaskMode } from './dropout.js';
export { dropout } from './dropout.js';

// nn
export type { LoadStateDictResult, StateDict } from './nn/module.js';
export { Module, StateDictError } from './nn/module.js';
export type { LinearInit, LinearOptions, EmbeddingOptions } from './nn/layers.js';
export { Linear, Embedding, LayerNorm, Dropout, GELU } from './nn/layers.js';
export { ModuleList, Sequential } from './nn/containers.js';
export type { InitOptions, Fans, Nonlinearity, KaimingOptions } from './nn/init.js';
export {
  normal as initNormal,
  uniform as initUniform,
  zeros as initZeros,
  ones as initOnes,
  xavierUniform,
  xavierNormal,
  kaimingUniform,
  kaimingNormal,
  computeFans,
  calculateGain,
} from './nn/init.js';

// optim
export type { BaseHyperparameters, ParamGroup, ParamGroupInput, ParamState } from './optim/optimizer.js';
export { Optimizer, OptimizerStateError } from './optim/optimizer.js';
export type { AdamWHyperparameters } from './optim/adamw.js';
export { AdamW } from './optim/adamw.js';
export type { SGDHyperparameters } from './optim/sgd.js';
export { SGD } from './optim/sgd.js';
export { clipGradNorm } from './optim/clip.js';
export type { Schedule } from './optim/schedules.js';
export { LRScheduler, constantSchedule, linearWarmup, cosineDecay, linearDecay, sequentialSchedule } from './optim/schedules.js';

// Re-exported from @lightattn/tensor-core for convenience: tensors, creation, lifetimes, devices,
// and the ops that have no gradient (comparisons and logic give bool tensors).
export type { Shape, DType, Device, RngState, UnaryFn, BinaryFn, ReduceFn, ReduceOptions, MatmulOptions } from '@lightattn/tensor-core';
export {
  Tensor,
  full,
  zeros,
  ones,
  fullLike,
  zerosLike,
  onesLike,
  arange,
  fromArray,
  scalar,
  rand,
  randn,
  dropoutMask,
  scope,
  keep,
  Generator,
  manualSeed,
  getDefaultGenerator,
  getDefaultDevice,
  setDefaultDevice,
  createCpuDevice,
  withMemoryTag,
  compare,
  eq,
  ne,
  lt,
  le,
  gt,
  ge,
  logical,
  logicalAnd,
  logicalOr,
  logicalXor,
  logicalNot,
} from '@lightattn/tensor-core';
