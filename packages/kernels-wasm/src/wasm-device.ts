import {
  CPU_KERNELS,
  DeviceError,
  MemoryAccountant,
  numel,
  type CpuTensor,
  type Device,
  type DeviceBuffer,
  type DeviceInfo,
  type DType,
  type OpName,
  type OpParams,
  type TensorRef,
} from '@lightattn/tensor-core';
import { WasmHeap, WASM32_MAX_BYTES } from './heap.js';
import { engineFeatures, KERNEL_NAMES, kernelModuleBytes, type KernelName } from './kernel-module.js';
import type { KernelContext } from './ops/kernel-context.js';
import {
  binaryScalarWasm,
  binaryWasm,
  crossEntropyBackwardWasm,
  crossEntropyWasm,
  geluWasm,
  sumWasm,
  layerNormWasm,
  softmaxBackwardWasm,
  softmaxWasm,
  whereWasm,
} from './ops/elementwise-ops.js';
import { flashBackwardWasm, flashForwardWasm } from './ops/attention-ops.js';
import { permuteWasm } from './ops/layout-ops.js';
import { matmulWasm } from './ops/matmul-op.js';
import { TASK_TABLE_BYTES, CTL_BYTES } from './task-runner.js';
import { ThreadPool, type Job } from './thread-pool.js';
import { MAX_PAGES } from './wasm/module-builder.js';

/** A block of the device's WebAssembly memory. */
interface WasmBuffer extends DeviceBuffer {
  readonly ptr: number;
  readonly dtype: DType;
}

/** Options of {@link createWasmDevice}. */
export interface WasmDeviceOptions {
  name?: string;
  /**
   * Threads that run kernels, the calling one included. Default: every core the host reports
   * (`os.availableParallelism()` in Node, `navigator.hardwareConcurrency` in browsers); 1 where
   * shared memory is not allowed (a page that is not cross-origin isolated).
   */
  threads?: number;
  /** Use relaxed-SIMD fused multiply-add: `'auto'` (default) where the engine validates it. */
  relaxedSimd?: boolean | 'auto';
}

/**
 * Ops the device runs as WebAssembly kernels (binary and binaryScalar: add, sub, mul, div, maximum,
 * minimum on f32, same shape, a scalar or a trailing row; unary and unaryBackward: gelu; softmax
 * and softmaxBackward: the last axis; where: f32 with a full or trailing-row mask and full or
 * single-value branches; crossEntropy and its backward; permute of 4-byte dtypes up to four merged dims;
 * flashAttention and its backward without dropout; reduce: sum over leading or trailing axes);
 * every other op, and other cases of these, runs its f32 JavaScript kernel over
 * the same memory.
 */
export const WASM_OPS: readonly OpName[] = [
  'matmul',
  'binary',
  'binaryScalar',
  'unary',
  'unaryBackward',
  'softmax',
  'softmaxBackward',
  'layerNorm',
  'where',
  'crossEntropyBackward',
  'permute',
  'flashAttention',
  'flashAttentionBackward',
  'reduce',
  'crossEntropy',
];

const isNode = typeof process !== 'undefined' && !!process.versions?.node;

async function hostCores(): Promise<number> {
  if (isNode) {
    const os = await import('node:os');
    return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  }
  return (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 1;
}

function typedView(buffer: ArrayBufferLike, dtype: DType, byteOffset: number, length: number): CpuTensor['data'] {
  switch (dtype) {
    case 'f32':
      return new Float32Array(buffer, byteOffset, length);
    case 'i32':
      return new Int32Array(buffer, byteOffset, length);
    case 'u32':
      return new Uint32Array(buffer, byteOffset, length);
    case 'bool':
      return new Uint8Array(buffer, byteOffset, length);
  }
}

let wasmCount = 0;

/**
 * The CPU device that uses the CPU: tensors live in one shared WebAssembly memory, matmul runs as
 * 128-bit SIMD WebAssembly on every core, and every other op runs the f32 JavaScript kernel of the
 * CPU reference device on views of that memory (so no op copies its tensors in or out). Results
 * are f32, like the WebGPU device; the float64 CPU device stays the reference for gradient checks.
 */
export class WasmDevice implements Device {
  readonly type = 'cpu' as const;
  readonly memory = new MemoryAccountant();
  readonly holdsData = true;
  private readonly heap: WasmHeap;
  private readonly ctx: KernelContext;
  private buffer: ArrayBufferLike;
  private bytes: Uint8Array;

  /** @internal Use {@link createWasmDevice}. */
  constructor(
    readonly name: string,
    readonly wasmMemory: WebAssembly.Memory,
    private readonly pool: ThreadPool,
    /** Whether the kernels use relaxed-SIMD fused multiply-add. */
    readonly relaxedSimd: boolean,
    /** Why the device runs on one thread, when it does for a reason other than being asked to. */
    readonly threadNote: string | null,
  ) {
    this.heap = new WasmHeap(wasmMemory, CTL_BYTES + TASK_TABLE_BYTES, name);
    this.memory.setReservedSource(() => this.memory.allocated + this.heap.reserved);
    this.buffer = wasmMemory.buffer;
    this.bytes = new Uint8Array(this.buffer);
    this.ctx = {
      address: (t) => (t.storage.buffer as WasmBuffer).ptr + t.offset * (t.dtype === 'bool' ? 1 : 4),
      alloc: (n) => this.heap.alloc(n, this.memory.allocated),
      free: (p, n) => this.heap.free(p, n),
      f32: (p) => new Float32Array(this.current(), p),
      kernel: (k: KernelName) => KERNEL_NAMES.indexOf(k),
      runJob: (job: Job, parallel: boolean) => this.pool.run(job, parallel),
      threads: pool.threads,
    };
  }

  /** Threads that run kernels, the calling one included. */
  get threads(): number {
    return this.pool.threads;
  }

  /** The largest memory this device can hold: wasm32 addresses 4 GiB. */
  get maxBytes(): number {
    return WASM32_MAX_BYTES;
  }

  /** The memory's current buffer: a new object after the memory grows, so views are made from this. */
  private current(): ArrayBufferLike {
    const b = this.wasmMemory.buffer;
    if (b.byteLength !== this.buffer.byteLength) {
      this.buffer = b;
      this.bytes = new Uint8Array(b);
    }
    return this.buffer;
  }

  createBuffer(byteLength: number, dtype: DType): DeviceBuffer {
    const ptr = this.heap.alloc(byteLength, this.memory.allocated);
    const buffer: WasmBuffer = { byteLength, dtype, ptr };
    return buffer;
  }

  destroyBuffer(buffer: DeviceBuffer): void {
    const b = buffer as WasmBuffer;
    this.heap.free(b.ptr, b.byteLength);
  }

  writeBuffer(buffer: DeviceBuffer, byteOffset: number, data: Uint8Array): void {
    const b = buffer as WasmBuffer;
    if (byteOffset + data.byteLength > b.byteLength) {
      throw new DeviceError(`${this.name}: write of ${data.byteLength} bytes at ${byteOffset} overruns a ${b.byteLength}-byte buffer`);
    }
    this.current();
    this.bytes.set(data, b.ptr + byteOffset);
  }

  readBufferSync(buffer: DeviceBuffer, byteOffset: number, byteLength: number): Uint8Array {
    const b = buffer as WasmBuffer;
    this.current();
    return this.bytes.slice(b.ptr + byteOffset, b.ptr + byteOffset + byteLength);
  }

  readBuffer(buffer: DeviceBuffer, byteOffset: number, byteLength: number): Promise<Uint8Array> {
    return Promise.resolve(this.readBufferSync(buffer, byteOffset, byteLength));
  }

  run<K extends OpName>(op: K, inputs: readonly TensorRef[], outputs: readonly TensorRef[], params: OpParams<K>): void {
    if (!this.runWasm(op, inputs, outputs, params)) this.runJs(op, inputs, outputs, params);
  }

  /** Runs `op` as a WebAssembly kernel if it has one for these dtypes, shapes and params. */
  private runWasm<K extends OpName>(op: K, inputs: readonly TensorRef[], outputs: readonly TensorRef[], params: OpParams<K>): boolean {
    const [x, y] = inputs;
    switch (op) {
      case 'matmul': {
        const p = params as OpParams<'matmul'>;
        matmulWasm(this.ctx, x!, y!, outputs[0]!, !!p.transA, !!p.transB);
        return true;
      }
      case 'binary':
        return binaryWasm(this.ctx, (params as OpParams<'binary'>).fn, x!, y!, outputs[0]!);
      case 'binaryScalar': {
        const p = params as OpParams<'binaryScalar'>;
        return binaryScalarWasm(this.ctx, p.fn, p.scalar, p.reverse, x!, outputs[0]!);
      }
      case 'unary':
        if ((params as OpParams<'unary'>).fn !== 'gelu') return false;
        geluWasm(this.ctx, x!, null, outputs[0]!);
        return true;
      case 'unaryBackward':
        if ((params as OpParams<'unaryBackward'>).fn !== 'gelu') return false;
        geluWasm(this.ctx, x!, y!, outputs[0]!);
        return true;
      case 'softmax':
        if ((params as OpParams<'softmax'>).axis !== x!.shape.length - 1) return false;
        softmaxWasm(this.ctx, x!, outputs[0]!);
        return true;
      case 'softmaxBackward':
        if ((params as OpParams<'softmaxBackward'>).axis !== x!.shape.length - 1) return false;
        softmaxBackwardWasm(this.ctx, x!, y!, outputs[0]!);
        return true;
      case 'where':
        return whereWasm(this.ctx, x!, y!, inputs[2]!, outputs[0]!);
      case 'crossEntropy': {
        const t = inputs[1]!;
        const targets = new Int32Array(this.current(), this.ctx.address(t), numel(t.shape));
        return crossEntropyWasm(this.ctx, x!, outputs[0]!, outputs[1]!, (params as OpParams<'crossEntropy'>).ignoreIndex, targets);
      }
      case 'crossEntropyBackward': {
        const t = inputs[1]!;
        const targets = new Int32Array(this.current(), this.ctx.address(t), numel(t.shape));
        return crossEntropyBackwardWasm(
          this.ctx,
          x!,
          t,
          inputs[2]!,
          inputs[3]!,
          outputs[0]!,
          (params as OpParams<'crossEntropyBackward'>).ignoreIndex,
          targets,
        );
      }
      case 'flashAttention':
        return flashForwardWasm(this.ctx, inputs, outputs, params as OpParams<'flashAttention'>);
      case 'flashAttentionBackward':
        return flashBackwardWasm(this.ctx, inputs, outputs, params as OpParams<'flashAttentionBackward'>);
      case 'reduce': {
        const p = params as OpParams<'reduce'>;
        return p.fn === 'sum' && sumWasm(this.ctx, x!, outputs[0]!, p.axes);
      }
      case 'permute':
        return permuteWasm(this.ctx, x!, outputs[0]!, (params as OpParams<'permute'>).perm);
      case 'layerNorm':
        layerNormWasm(this.ctx, x!, y!, inputs[2]!, outputs[0]!, outputs[1]!, outputs[2]!, (params as OpParams<'layerNorm'>).eps);
        return true;
      default:
        return false;
    }
  }

  /** Runs the CPU reference device's JavaScript kernel on f32 views of the device memory. */
  private runJs<K extends OpName>(op: K, inputs: readonly TensorRef[], outputs: readonly TensorRef[], params: OpParams<K>): void {
    const buffer = this.current();
    const view = (t: TensorRef): CpuTensor => ({
      data: typedView(buffer, t.dtype, (t.storage.buffer as WasmBuffer).ptr + t.offset * (t.dtype === 'bool' ? 1 : 4), numel(t.shape)),
      shape: t.shape,
      dtype: t.dtype,
    });
    CPU_KERNELS[op](inputs.map(view), outputs.map(view), params);
  }

  sync(): Promise<void> {
    return Promise.resolve();
  }

  /** Returns kept blocks to the free list so other sizes can reuse them (WebAssembly memory never shrinks). */
  emptyCache(): void {
    this.heap.trim();
  }

  info(): DeviceInfo {
    return {
      type: 'cpu',
      name: this.name,
      description: `WebAssembly SIMD (f32x4${this.relaxedSimd ? ', relaxed FMA' : ''}) on ${this.threads} thread${this.threads === 1 ? '' : 's'}${this.threadNote ? ` (${this.threadNote})` : ''}`,
      limits: { maxMemoryBytes: WASM32_MAX_BYTES, threads: this.threads },
      features: ['simd128', ...(this.relaxedSimd ? ['relaxed-simd'] : []), ...(this.threads > 1 ? ['threads'] : [])],
    };
  }

  /** Stops the worker threads; the device cannot run ops afterwards. */
  destroy(): void {
    this.pool.close();
  }
}

/**
 * Creates the WebAssembly device: compiles the kernel module (built in memory from TypeScript, no
 * toolchain), allocates a shared memory and starts `threads − 1` workers on it. Throws where the
 * engine lacks 128-bit SIMD.
 */
export async function createWasmDevice(options: WasmDeviceOptions = {}): Promise<WasmDevice> {
  const features = engineFeatures();
  if (!features.simd) throw new DeviceError('this JavaScript engine has no WebAssembly 128-bit SIMD; use the CPU reference device (createCpuDevice)');
  const relaxed = options.relaxedSimd === 'auto' || options.relaxedSimd === undefined ? features.relaxedSimd : options.relaxedSimd;
  if (relaxed && !features.relaxedSimd)
    throw new DeviceError('relaxedSimd: true, but this engine does not validate relaxed-SIMD WebAssembly; leave relaxedSimd at auto');
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
  let note: string | null = null;
  let threads = options.threads ?? (await hostCores());
  if (!Number.isInteger(threads) || threads < 1) throw new DeviceError(`threads must be a positive integer, got ${threads}`);
  if (threads > 1 && !features.threads) {
    note = 'shared WebAssembly memory is not available';
    threads = 1;
  } else if (threads > 1 && !isNode && isolated === false) {
    note = 'the page is not cross-origin isolated (COOP/COEP headers), so it cannot share memory with workers';
    threads = 1;
  }
  const shared = threads > 1 || features.threads;
  const memory = new WebAssembly.Memory({ initial: 256, maximum: MAX_PAGES, shared } as WebAssembly.MemoryDescriptor);
  const module = await WebAssembly.compile(kernelModuleBytes({ relaxed, shared }));
  const instance = await WebAssembly.instantiate(module, { env: { memory } });
  const fns = KERNEL_NAMES.map((n) => instance.exports[n] as (...args: number[]) => void);
  const pool = await ThreadPool.start(module, memory, KERNEL_NAMES, fns, threads);
  const name = options.name ?? (wasmCount++ === 0 ? 'wasm' : `wasm:${wasmCount - 1}`);
  return new WasmDevice(name, memory, pool, relaxed, note);
}
