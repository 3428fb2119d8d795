import type { TensorRef } from '@lightattn/tensor-core';
import type { KernelName } from '../kernel-module.js';
import type { Job } from '../thread-pool.js';

/** What the WebAssembly ops need of the device: addresses, scratch memory and the thread pool. */
export interface KernelContext {
  /** Byte address of a tensor's first element in the device's memory. */
  address(t: TensorRef): number;
  /** Scratch memory (not counted by the accountant); give it back with `free`. */
  alloc(byteLength: number): number;
  free(ptr: number, byteLength: number): void;
  /** An f32 view of `ptr` onward in the current memory. */
  f32(ptr: number): Float32Array;
  /** The function index of a kernel, for jobs. */
  kernel(name: KernelName): number;
  runJob(job: Job, parallel: boolean): void;
  readonly threads: number;
}
