/**
 * How a WGSL kernel is defined. One function per op of the op set (`WgslKernelTable`, exhaustive, so a
 * missing kernel is a compile error) turns a call (inputs, outputs, params) into steps — usually one
 * compute dispatch — that the WebGPU device encodes, batches and submits.
 *
 * A dispatch says:
 * - `key`: the pipeline cache key: kernel name + variant (fn, flags) + the binding and uniform
 *   signature (dtypes, access). Never shapes: sizes, strides and offsets travel as uniforms, so one
 *   pipeline serves every shape (onnxruntime-web's cache hint, not tfjs's shape-baked programs).
 * - `source()`: the WGSL of that variant, only called on a cache miss.
 * - `uniforms`: the packed uniform struct, at @group(0) @binding(0) as `u`.
 * - `bindings`: tensors (bound whole; the element offset is a uniform), scratch buffers shared by the
 *   steps of one call, and the device-wide error flag; binding i of the list is @binding(i + 1).
 * - `workgroups`: a count (the device spreads counts past maxComputeWorkgroupsPerDimension over y and
 *   z; `linear_workgroup()` gives the flat index back) or an explicit [x, y, z].
 *
 * `DispatchBuilder` writes all of that for the common case. Example (f32 unary exp):
 *
 *   export const expKernel: WgslKernel<'unary'> = (call) => {
 *     const b = new DispatchBuilder(call, 'exp');
 *     const x = b.input('x', call.inputs[0]!);       // x_get(i), offset uniform x_offset
 *     const y = b.output('y', call.outputs[0]!);     // y_set(i, v)
 *     const n = numel(y.tensor.shape);
 *     b.u32('n', n);
 *     return b.build(ceilDiv(n, 256), (decls) => `${decls}
 *   ${elementwiseMain(256, 'y_set(i, exp(x_get(i)));')}`);
 *   };
 *
 * Element access: f32/i32/u32 tensors are `array<T>`; bool tensors are packed four per u32 word
 * (one byte each, as on the CPU device) at any element offset, so `x_get(i)` unpacks a byte and
 * `y_set(i, v)` clears and sets it with two atomics (different invocations may own bytes of one word).
 * Tensors are bound whole, at offset 0, so offsets need no 256-byte alignment.
 *
 * Out-of-range indices (gather ids, cross-entropy targets): `b.errors(message)` binds the device's
 * error buffer and defines `report_error(bad_value: u32)`; the device throws IndexError naming the op
 * and `message` at the next read or sync (the CPU device throws at once).
 *
 * Import everything from this file; the builders and WGSL snippets live in dispatch-builder.ts,
 * uniform-builder.ts and wgsl-helpers.ts and are re-exported here.
 */
import type { OpName, OpParams, TensorRef } from '@lightattn/tensor-core';

export { DispatchBuilder, vec4Aligned, type PlainElement, type TensorArg, type TensorArgOptions } from './dispatch-builder.js';
export { UniformBuilder } from './uniform-builder.js';
export {
  MAX_RANK,
  ceilDiv,
  elementBytes,
  wgslType,
  canCopyBuffer,
  arrayAt,
  WGSL_LINEAR_WORKGROUP,
  elementwiseMain,
  stridedOffsetFn,
  WGSL_FLOAT_BITS,
} from './wgsl-helpers.js';

/** What a kernel may know about the device it is compiled for (variants must be part of the key). */
export interface KernelDeviceInfo {
  readonly limits: {
    readonly maxComputeInvocationsPerWorkgroup: number;
    readonly maxComputeWorkgroupStorageSize: number;
    readonly maxComputeWorkgroupSizeX: number;
    readonly maxComputeWorkgroupSizeY: number;
    readonly maxComputeWorkgroupSizeZ: number;
    readonly maxComputeWorkgroupsPerDimension: number;
    readonly maxStorageBuffersPerShaderStage: number;
    readonly maxStorageBufferBindingSize: number;
  };
  readonly features: {
    /** `enable subgroups;` is allowed (WGSL subgroupAdd, subgroupMax, …). */
    readonly subgroups: boolean;
    readonly shaderF16: boolean;
  };
  /** Subgroup sizes from the adapter info, when it says (0 when unknown). */
  readonly subgroupMinSize: number;
  readonly subgroupMaxSize: number;
  /** Flash attention on tensor cores with f16 operands (the device option `tensorCores`, checked at creation). */
  readonly tensorCores?: boolean;
  /** How `matmul` runs (the device option `matmulPrecision`, already 'highest' where tensor cores are missing); absent means 'highest'. */
  readonly matmulPrecision?: 'highest' | 'high' | 'medium';
}

/** What a kernel is called with: the op, its inputs, outputs and params, the device's limits and features, and its error tag. */
export interface KernelCall<K extends OpName> {
  readonly op: K;
  readonly inputs: readonly TensorRef[];
  readonly outputs: readonly TensorRef[];
  readonly params: OpParams<K>;
  readonly device: KernelDeviceInfo;
  /** Identifies this call in the error buffer; `DispatchBuilder.errors()` passes it as a uniform. */
  readonly errorTag: number;
}

/**
 * What a dispatch is built for: an op's call, or a custom call made with
 * `WebGPUDevice.customCall(name)` for kernels outside the op set.
 */
export interface CallIdentity {
  /** The op (or custom kernel) name, shown in errors. */
  readonly op: string;
  readonly errorTag: number;
}

/** How a kernel accesses a bound buffer. */
export type BindingAccess = 'read' | 'read_write';

/** One buffer bound to a dispatch: a tensor's whole buffer, a scratch buffer shared by the call's steps, or the error flags. */
export type KernelBinding =
  /** A tensor's whole buffer; the kernel adds the tensor's element offset (a uniform). */
  | { readonly kind: 'tensor'; readonly tensor: TensorRef; readonly access: BindingAccess }
  /**
   * Device-owned temporary memory (counted as reserved, not allocated), shared by name between the
   * steps of one call and released after it; contents undefined at the start.
   */
  | { readonly kind: 'scratch'; readonly name: string; readonly byteLength: number; readonly access: BindingAccess }
  /** The device-wide error buffer, `array<atomic<u32>, 4>`; `message` says what was out of range. */
  | { readonly kind: 'errors'; readonly message: string };

/** A compute dispatch: pipeline key, WGSL source, uniforms, bindings and workgroup count. */
export interface KernelDispatch {
  readonly kind: 'dispatch';
  /** Name shown by the profiler and in errors, e.g. `unary` or `matmul-tiled`. */
  readonly name: string;
  /** Pipeline cache key (see the file comment). Equal keys must give equal `source()` and binding layouts. */
  readonly key: string;
  /** string; => The WGSL source, generated only when the key misses the pipeline cache. */
  readonly source: () => string;
  /** Bytes of the uniform struct `u` at @binding(0) (a multiple of 16; may be empty when unused). */
  readonly uniforms: Uint8Array;
  /** Binding i is @group(0) @binding(i + 1). */
  readonly bindings: readonly KernelBinding[];
  /**
   * A workgroup count or an explicit [x, y, z]; 0 skips the dispatch. A count past
   * maxComputeWorkgroupsPerDimension is spread over [x, y, z] with x·y·z ≥ count: use
   * `linear_workgroup()` and return early from the extra workgroups (index ≥ size).
   */
  readonly workgroups: number | readonly [number, number, number];
  /**
   * Submit the batch right after this dispatch: set (through `DispatchBuilder.expectFlops`) for work
   * that keeps the GPU busy longer than a submit costs the host, so that the GPU starts on it while
   * the host records what follows instead of waiting for the batch's timer (command-stream.ts).
   */
  readonly submitAfter?: boolean;
}

/**
 * Floating-point operations from which a dispatch gets a submit of its own (`submitAfter`): 4·10⁹
 * operations take at least 0.1 ms even at 40 TFLOP/s, longer than a submit costs the host, so the
 * submit hides behind the GPU's work where the alternative was the GPU idling until the next timed
 * submit (docs/benchmarks.md, "Long kernels submitted at once").
 */
export const LONG_DISPATCH_FLOPS = 4e9;

/**
 * A buffer-to-buffer copy in stream order: `count` elements from `src` (starting `srcElement` past its
 * offset) to `dst`. Byte offsets and size must be multiples of 4 (`canCopyBuffer` checks).
 */
export interface KernelCopy {
  readonly kind: 'copy';
  readonly src: TensorRef;
  readonly dst: TensorRef;
  readonly srcElement: number;
  readonly dstElement: number;
  readonly count: number;
}

/**
 * Host data written into `tensor`'s elements in stream order (after earlier steps, before later
 * ones). For values only the host computes exactly (float64 arange). Not for bool tensors.
 */
export interface KernelWrite {
  readonly kind: 'write';
  readonly tensor: TensorRef;
  readonly data: Uint8Array;
}

/** One step of a kernel, in stream order: a dispatch, a buffer copy or a host write. */
export type KernelStep = KernelDispatch | KernelCopy | KernelWrite;

/** A WebGPU kernel for one op: the steps that compute it, in order. May return [] (nothing to do). */
export type WgslKernel<K extends OpName> = (call: KernelCall<K>) => KernelStep | readonly KernelStep[];

/** One kernel per op: a missing op is a compile error. */
export type WgslKernelTable = { readonly [K in OpName]: WgslKernel<K> };
