// @lightattn/kernels-wgsl: the WebGPU device (every op of the op set as a WGSL kernel) and the API
// kernels are written against. Explicit named exports only.

export type { WebGPUDeviceOptions, WebGPUDeviceInfo, ProfileResult } from './webgpu-device.js';
export { isSoftwareAdapter } from './software-adapter.js';
export { WebGPUDevice, WebGPUBuffer, createWebGPUDevice } from './webgpu-device.js';
export { MATMUL_PRECISIONS, type MatmulPrecision } from './kernels/gemm/gemm-precision.js';
export type { KernelTime, PassTime } from './profiler.js';
export type { AcquireOptions } from './acquire.js';
export type {
  KernelDeviceInfo,
  KernelCall,
  CallIdentity,
  KernelBinding,
  BindingAccess,
  KernelDispatch,
  KernelCopy,
  KernelWrite,
  KernelStep,
  WgslKernel,
  WgslKernelTable,
  TensorArg,
  TensorArgOptions,
  PlainElement,
} from './kernel-api.js';
export {
  MAX_RANK,
  LONG_DISPATCH_FLOPS,
  DispatchBuilder,
  vec4Aligned,
  UniformBuilder,
  ceilDiv,
  elementBytes,
  wgslType,
  canCopyBuffer,
  arrayAt,
  elementwiseMain,
  stridedOffsetFn,
  WGSL_LINEAR_WORKGROUP,
  WGSL_FLOAT_BITS,
} from './kernel-api.js';
export { WGSL_KERNELS } from './kernels/index.js';
export { UNARY_WGSL, type UnaryWgsl } from './kernels/wgsl/unary-fns.js';
