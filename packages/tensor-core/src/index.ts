// @lightattn/tensor-core: tensors, dtypes, the Device contract, the op set, CPU and meta devices,
// the memory accountant and safetensors I/O. Explicit named exports only.

export { LightattnError, ShapeError, DTypeError, DeviceError, DisposedError, IndexError, SafetensorsError } from './errors.js';
export { noGrad, enableGrad, isGradEnabled, setGradEnabled, runTaped, GraphCutError } from './grad-mode.js';
export type { DType, StorageDType, TypedArrayFor, AnyTypedArray } from './dtype.js';
export {
  DTYPES,
  itemsize,
  isDType,
  isFloat,
  f16BitsToNumber,
  numberToF16Bits,
  bf16BitsToNumber,
  numberToBf16Bits,
  f16ToF32,
  f32ToF16,
  bf16ToF32,
  f32ToBf16,
} from './dtype.js';
export type { MatmulGeometry, Shape } from './shape.js';
export {
  formatShape,
  numel,
  contiguousStrides,
  broadcastShapes,
  broadcastStrides,
  matmulGeometry,
  normalizeAxis,
  normalizeAxes,
  shapesEqual,
  resolveReshape,
  resolveSliceRanges,
  transposePerm,
} from './shape.js';
export type { Device, DeviceBuffer, DeviceInfo, DeviceType, TensorRef } from './device.js';
export type { MemoryTag, MemorySnapshot, TrackedAllocation } from './memory.js';
export { MemoryAccountant, formatBytes } from './memory.js';
export { Storage, withMemoryTag, currentMemoryTag } from './storage.js';
export type { GradFn } from './tensor.js';
export { Tensor } from './tensor.js';
export type { LeakReport } from './lifetime.js';
export { scope, keep, setDebug, isDebug, leakReport, resetLeakReport } from './lifetime.js';
export { getDefaultDevice, setDefaultDevice } from './default-device.js';
export type { CreateOptions, RandomOptions, FromArrayOptions } from './creation.js';
export { full, zeros, ones, fullLike, zerosLike, onesLike, arange, fromArray, scalar, rand, randn, dropoutMask } from './creation.js';
export {
  Generator,
  getDefaultGenerator,
  manualSeed,
  philox4x32,
  philox4x32Words,
  mulhi32,
  philoxUniformFill,
  philoxNormalFill,
  wordToUniform,
} from './rng/philox.js';

// The op set
export type { OpName, OpParams, OpParamsMap, UnaryFn, BinaryFn, CompareFn, LogicalFn, ReduceFn, ArgReduceFn, RngState } from './ops/op-params.js';
export { OP_NAMES, UNARY_FNS, BINARY_FNS, COMPARE_FNS, LOGICAL_FNS, REDUCE_FNS, INTEGER_UNARY_FNS } from './ops/op-params.js';
export type { OpDef, TensorMeta } from './ops/op-set.js';
export { OP_SET } from './ops/op-set.js';
export type { DifferentiableOpName } from './ops/op-set.js';
export { runOp, runOp1, commonDevice } from './dispatch.js';
export {
  unary,
  unaryBackward,
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
  where,
  cast,
  clone,
} from './ops/elementwise.js';
export type { ReduceOptions } from './ops/reduce.js';
export { reduce, sum, mean, max, min, logsumexp, argmax, argmin, cumsum } from './ops/reduce.js';
export type { MatmulOptions } from './ops/linalg.js';
export { matmul } from './ops/linalg.js';
export { reshape, flatten, unsqueeze, squeeze, permute, transpose, concat, slice, narrow, split, pad, setSlice, expand } from './ops/layout.js';
export type { LayerNormResult, CrossEntropyResult } from './ops/nn.js';
export {
  softmax,
  logSoftmax,
  softmaxBackward,
  logSoftmaxBackward,
  layerNorm,
  layerNormBackward,
  gather,
  scatterAdd,
  crossEntropy,
  crossEntropyBackward,
} from './ops/nn.js';
export { adamwUpdate } from './ops/optim.js';

// Devices
export type { CpuDeviceOptions } from './cpu/cpu-device.js';
export { CpuDevice, createCpuDevice } from './cpu/cpu-device.js';
export type { CpuTensor, CpuKernel, CpuKernelTable } from './cpu/cpu-tensor.js';
export { CPU_KERNELS } from './cpu/kernels/index.js';
export { UNARY_FN_DEFS, type UnaryFnDef } from './cpu/kernels/unary-fns.js';
export { toFloat64Array, fromFloat64Array } from './cpu/float64.js';
export { MetaDevice, createMetaDevice } from './meta/meta-device.js';

// safetensors
export type { SafetensorsDType, SafetensorsTensor, SafetensorsEntry, SafetensorsFile } from './safetensors/format.js';
export { SAFETENSORS_DTYPES, SAFETENSORS_ITEMSIZE, isSafetensorsDType } from './safetensors/format.js';
export { parseSafetensors } from './safetensors/parse.js';
export type { SafetensorsInput } from './safetensors/serialize.js';
export { serializeSafetensors } from './safetensors/serialize.js';
export type { TensorData } from './safetensors/decode.js';
export { decodeToTensorData, float8ToNumber, TENSOR_DTYPE_FOR } from './safetensors/decode.js';
export type { LoadSafetensorsOptions, LoadedSafetensors, SaveSafetensorsOptions } from './safetensors/tensor-io.js';
export { loadSafetensors, saveSafetensors } from './safetensors/tensor-io.js';
