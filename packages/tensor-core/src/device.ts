import type { DType } from './dtype.js';
import type { MemoryAccountant } from './memory.js';
import type { OpName, OpParams } from './ops/op-params.js';
import type { Shape } from './shape.js';
import type { Storage } from './storage.js';

/** The kinds of device: the CPU reference, the meta device (shapes and bytes only) and WebGPU. */
export type DeviceType = 'cpu' | 'meta' | 'webgpu';

/** A device's own handle for a block of memory; only the device that made it looks inside. */
export interface DeviceBuffer {
  readonly byteLength: number;
}

/**
 * What a kernel sees of a tensor: its storage, element offset into it, shape and dtype.
 * Every tensor is row-major and contiguous from `offset`. `Tensor` satisfies this interface.
 */
export interface TensorRef {
  readonly storage: Storage;
  /** Offset of the first element, in elements of `dtype`. */
  readonly offset: number;
  readonly shape: Shape;
  readonly dtype: DType;
}

/** A device's self-description: type, name and, where known, adapter description, limits and features. */
export interface DeviceInfo {
  type: DeviceType;
  name: string;
  /** Adapter or runtime description (vendor, architecture), when known. */
  description?: string;
  limits?: Record<string, number>;
  features?: string[];
}

/**
 * The contract every device implements. Allocation accounting is done by `Storage` through the
 * device's `memory` accountant, identically for every device, so a program allocates the same
 * bytes on the meta, CPU and WebGPU devices.
 */
export interface Device {
  readonly type: DeviceType;
  /** A short unique name such as `cpu`, `meta` or `webgpu:0`. */
  readonly name: string;
  readonly memory: MemoryAccountant;
  /** False for the meta device, which keeps shapes and bytes only. */
  readonly holdsData: boolean;
  /**
   * A buffer for `byteLength` bytes of `dtype` elements; contents are undefined until written.
   * (The dtype lets a device choose a representation, e.g. the float64 CPU device.)
   */
  createBuffer(byteLength: number, dtype: DType): DeviceBuffer;
  /** Frees a buffer made by `createBuffer` (accounting is done by `Storage`, not here). */
  destroyBuffer(buffer: DeviceBuffer): void;
  /** Copies `data` into the buffer at `byteOffset`. */
  writeBuffer(buffer: DeviceBuffer, byteOffset: number, data: Uint8Array): void;
  /** Reads `byteLength` bytes at `byteOffset`, after all work queued so far. */
  readBuffer(buffer: DeviceBuffer, byteOffset: number, byteLength: number): Promise<Uint8Array>;
  /** Synchronous read, for devices that can (the CPU device). */
  readBufferSync?(buffer: DeviceBuffer, byteOffset: number, byteLength: number): Uint8Array;
  /**
   * Runs one op of the op set. Outputs were allocated by the caller with the shapes the op's
   * shape rule gave; in-place ops get no outputs and write into the inputs the rule names.
   */
  run<K extends OpName>(op: K, inputs: readonly TensorRef[], outputs: readonly TensorRef[], params: OpParams<K>): void;
  /** Resolves when all queued work has finished (and rejects with the device's error, if any). */
  sync(): Promise<void>;
  /** Releases pooled, unused buffers (devices that pool). */
  emptyCache(): void;
  /** What this device is: type, name, adapter, limits and features. */
  info(): DeviceInfo;
}
