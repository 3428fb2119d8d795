/// <reference types="@webgpu/types" />
import {
  DeviceError,
  formatBytes,
  MemoryAccountant,
  type Device,
  type DeviceBuffer,
  type DeviceInfo,
  type DType,
  type OpName,
  type OpParams,
  type TensorRef,
} from '@lightattn/tensor-core';
import {
  checkTensorCores,
  requestAdapter,
  requestDevice,
  REQUESTED_LIMITS,
  TENSOR_CORE_DAWN_TOGGLES,
  tensorCoresMissing,
  type AcquireOptions,
} from './acquire.js';
import { checkMatmulPrecision, resolveMatmulPrecision, type MatmulPrecision } from './kernels/gemm/gemm-precision.js';
import { BufferPool, type PooledBuffer } from './buffer-pool.js';
import { CommandStream } from './command-stream.js';
import { DeviceErrorState, ERROR_BUFFER_INIT, ERROR_WORDS } from './device-errors.js';
import type { CallIdentity, KernelCall, KernelDeviceInfo, KernelStep } from './kernel-api.js';
import { WGSL_KERNELS } from './kernels/index.js';
import { PipelineCache } from './pipeline-cache.js';
import { TimestampProfiler, type ProfileResult } from './profiler.js';
import { dispatchGrid, encodeSteps } from './step-encoder.js';
import { writeBytesDispatch } from './write-bytes.js';

/** Options of {@link createWebGPUDevice}: an existing device or adapter, submit batching and lower limits for tests. */
export interface WebGPUDeviceOptions extends AcquireOptions {
  /** Use this GPUDevice (its limits and features as granted) instead of requesting one. */
  device?: GPUDevice;
  /** Request the device from this adapter. */
  adapter?: GPUAdapter;
  name?: string;
  /** Submit after this many encoded dispatches even without a sync point (default 256). */
  maxDispatchesPerSubmit?: number;
  /**
   * Submit a batch once it has been open this many milliseconds of host time, so that the GPU starts
   * on long kernels while the host is still encoding the rest of a step; each such submit doubles the
   * wait for the next until a sync point (command-stream.ts). Default 0.25; Infinity submits only at
   * sync points and every maxDispatchesPerSubmit dispatches.
   */
  maxBatchMs?: number;
  /**
   * Submit the batch right after a dispatch expected to run long (≥ LONG_DISPATCH_FLOPS, 4·10⁹: the
   * flash attention kernels from B·H·T² ≈ 3·10⁷ at head size 64, e.g. T 1024 with B·H 32), so that
   * the GPU starts on it at once instead of after the batch's timer. Default true; false leaves the
   * submits to maxBatchMs, maxDispatchesPerSubmit and sync points.
   */
  submitLongDispatches?: boolean;
  /** Enforce lower limits than the device has (to test limit handling without huge buffers). */
  limits?: { maxStorageBufferBindingSize?: number; maxBufferSize?: number; maxComputeWorkgroupsPerDimension?: number };
  /**
   * Run flash attention (forward and backward) on tensor cores through Dawn's experimental subgroup
   * matrices, with q·scale, k, v and dO (scaled by a power of two per matrix) rounded to f16: about
   * twice as fast as the f32 kernels (docs/benchmarks.md, Attention), at TF32-like precision with
   * f16's range (docs/attention/flash.md). Needs f16 → f32
   * 16×16×16 subgroup matrices with subgroups of 32; creating the device fails clearly where the
   * GPU or browser has none. Values of magnitude ≥ 65504
   * are reported as errors. Default false: everything in f32. Also the alias of `matmulPrecision:
   * 'medium'` when that option is not given; unlike it, it fails where tensor cores are missing.
   */
  tensorCores?: boolean;
  /**
   * How every `matmul` runs, named as PyTorch's `torch.set_float32_matmul_precision`: 'highest'
   * (default) f32 FMAs; 'high' tensor cores with operands split in two f16 (fp32-accurate, about 22
   * bits); 'medium' one f16 product (TF32-like, 11 bits), which also puts flash attention on tensor
   * cores as `tensorCores` does. See docs/precision.md. Where the adapter has no f16 subgroup
   * matrices the device says so once (console.warn) and runs 'highest'.
   */
  matmulPrecision?: MatmulPrecision;
}

/** {@link DeviceInfo} of a WebGPU device, with the adapter's identity, limits and features. */
export interface WebGPUDeviceInfo extends DeviceInfo {
  type: 'webgpu';
  /** The matmul precision the device runs (after falling back to 'highest' where tensor cores are missing). */
  matmulPrecision: MatmulPrecision;
  limits: Record<string, number>;
  features: string[];
  adapter: { vendor: string; architecture: string; device: string; description: string };
}

export type { ProfileResult } from './profiler.js';

/** A tensor's GPU memory: a pooled buffer, of which the first `byteLength` bytes are the storage's. */
export class WebGPUBuffer implements DeviceBuffer {
  freed = false;
  constructor(
    readonly byteLength: number,
    readonly dtype: DType,
    readonly pooled: PooledBuffer,
  ) {}

  get gpuBuffer(): GPUBuffer {
    return this.pooled.buffer;
  }
}

const STORAGE_USAGE = () => GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
const ceil4 = (n: number) => Math.ceil(n / 4) * 4;
let deviceCount = 0;

/**
 * The WebGPU device: every op of the op set as a WGSL kernel (see kernel-api.ts), batched into
 * command buffers, with a caching allocator, a pipeline cache and late error reporting (device-errors.ts).
 */
export class WebGPUDevice implements Device {
  readonly type = 'webgpu' as const;
  readonly name: string;
  readonly memory = new MemoryAccountant();
  readonly holdsData = true;
  readonly kernelInfo: KernelDeviceInfo;
  private readonly errors: DeviceErrorState;
  private readonly pool: BufferPool;
  private readonly pipelines: PipelineCache;
  private readonly stream: CommandStream;
  private readonly errorBuffer: GPUBuffer;
  private readonly errorInit: GPUBuffer;
  /**
   * Mappable buffers of READBACK_POOL_BYTES for small readbacks (every sync reads the error words):
   * creating a mappable buffer is a slow host call before the sync's submit, so they are reused.
   */
  private readonly smallReadbacks: GPUBuffer[] = [];
  private profiling = false;

  constructor(
    readonly gpuDevice: GPUDevice,
    private readonly adapterInfo: GPUAdapterInfo | null,
    options: WebGPUDeviceOptions = {},
    /** Whether `destroy()` destroys the GPUDevice too (not one passed in through the options). */
    private readonly ownsGpuDevice = false,
  ) {
    this.name = options.name ?? `webgpu:${deviceCount++}`;
    const l = gpuDevice.limits;
    const o = options.limits ?? {};
    const low = (v: number, override?: number) => (override !== undefined ? Math.min(v, override) : v);
    const requested =
      options.matmulPrecision !== undefined ? checkMatmulPrecision(options.matmulPrecision, 'createWebGPUDevice') : options.tensorCores ? 'medium' : 'highest';
    const resolved = resolveMatmulPrecision(requested, requested === 'highest' ? null : tensorCoresMissing(gpuDevice.features, adapterInfo), this.name);
    if (resolved.notice) console.warn(resolved.notice);
    this.kernelInfo = {
      limits: {
        maxComputeInvocationsPerWorkgroup: l.maxComputeInvocationsPerWorkgroup,
        maxComputeWorkgroupStorageSize: l.maxComputeWorkgroupStorageSize,
        maxComputeWorkgroupSizeX: l.maxComputeWorkgroupSizeX,
        maxComputeWorkgroupSizeY: l.maxComputeWorkgroupSizeY,
        maxComputeWorkgroupSizeZ: l.maxComputeWorkgroupSizeZ,
        maxComputeWorkgroupsPerDimension: low(l.maxComputeWorkgroupsPerDimension, o.maxComputeWorkgroupsPerDimension),
        maxStorageBuffersPerShaderStage: l.maxStorageBuffersPerShaderStage,
        maxStorageBufferBindingSize: low(
          Math.min(l.maxStorageBufferBindingSize, l.maxBufferSize),
          Math.min(o.maxStorageBufferBindingSize ?? Infinity, o.maxBufferSize ?? Infinity),
        ),
      },
      features: { subgroups: gpuDevice.features.has('subgroups'), shaderF16: gpuDevice.features.has('shader-f16') },
      tensorCores: !!options.tensorCores || resolved.precision === 'medium',
      matmulPrecision: resolved.precision,
      subgroupMinSize: (adapterInfo as { subgroupMinSize?: number } | null)?.subgroupMinSize ?? 0,
      subgroupMaxSize: (adapterInfo as { subgroupMaxSize?: number } | null)?.subgroupMaxSize ?? 0,
    };
    this.errors = new DeviceErrorState(this.name, gpuDevice.lost);
    const track = (p: Promise<unknown>) => this.errors.track(p);
    gpuDevice.onuncapturederror = (event: GPUUncapturedErrorEvent) => this.errors.add(new DeviceError(`${this.name}: ${event.error.message}`));
    this.pool = new BufferPool(
      (size) => this.createGpuBuffer(size),
      () => this.kernelInfo.limits.maxStorageBufferBindingSize,
    );
    this.pipelines = new PipelineCache(gpuDevice, (e) => this.errors.addRootCause(e), track);
    this.stream = new CommandStream(gpuDevice, {
      maxDispatchesPerSubmit: options.maxDispatchesPerSubmit ?? 256,
      maxBatchMs: batchMs(options.maxBatchMs),
      submitLongDispatches: options.submitLongDispatches ?? true,
      uniformChunkBytes: Math.min(65536, l.maxUniformBufferBindingSize),
      uniformAlignment: l.minUniformBufferOffsetAlignment,
      onBatchError: (kind, message, kernels) =>
        this.errors.add(
          new DeviceError(
            `${this.name}: ${kind} error in a batch of ${kernels.length} dispatches (${[...new Set(kernels)].join(', ')}): ${message}${kind === 'out-of-memory' ? `\n${this.memory.report()}` : ''}`,
          ),
        ),
      track,
    });
    this.errorBuffer = gpuDevice.createBuffer({ size: 4 * ERROR_WORDS, usage: STORAGE_USAGE(), label: 'lightattn errors' });
    this.errorInit = gpuDevice.createBuffer({ size: 4 * ERROR_WORDS, usage: GPUBufferUsage.COPY_SRC, mappedAtCreation: true, label: 'lightattn errors init' });
    new Uint32Array(this.errorInit.getMappedRange()).set(ERROR_BUFFER_INIT);
    this.errorInit.unmap();
    gpuDevice.queue.writeBuffer(this.errorBuffer, 0, ERROR_BUFFER_INIT);
    this.memory.setReservedSource(() => this.pool.reservedBytes + this.stream.reservedBytes);
  }

  createBuffer(byteLength: number, dtype: DType): DeviceBuffer {
    this.errors.checkAlive();
    const limit = this.kernelInfo.limits.maxStorageBufferBindingSize;
    if (byteLength > limit) {
      throw new DeviceError(
        `${this.name}: a ${dtype} tensor of ${formatBytes(byteLength)} (${byteLength} bytes) exceeds the device's maxStorageBufferBindingSize of ${formatBytes(limit)} (${limit} bytes): kernels bind whole tensors, so use smaller tensors (a smaller batch or sequence, or split this one)`,
      );
    }
    return new WebGPUBuffer(byteLength, dtype, this.pool.acquire(Math.max(4, ceil4(byteLength))));
  }

  /** Returns a buffer to the pool for reuse; `emptyCache()` gives pooled buffers back to the GPU. */
  destroyBuffer(buffer: DeviceBuffer): void {
    const b = this.own(buffer);
    if (b.freed) return;
    b.freed = true;
    // Pending work that reads it stays correct: later users are ordered after it on the queue.
    this.pool.release(b.pooled);
  }

  writeBuffer(buffer: DeviceBuffer, byteOffset: number, data: Uint8Array): void {
    this.errors.checkAlive();
    const b = this.own(buffer);
    const end = byteOffset + data.byteLength;
    if (byteOffset < 0 || end > b.byteLength)
      throw new DeviceError(`${this.name}: write of ${data.byteLength} bytes at ${byteOffset} overruns a ${b.byteLength}-byte buffer`);
    if (data.byteLength === 0) return;
    // Past the storage's last byte is the buffer's padding, which a whole-word write may overwrite.
    if (byteOffset % 4 === 0 && (end % 4 === 0 || end === b.byteLength)) {
      // writeBuffer overtakes encoded work; submit that work first if it uses this buffer.
      if (this.stream.touches(b.gpuBuffer)) this.stream.flush();
      const padded = data.byteLength % 4 === 0 ? data : new Uint8Array(ceil4(data.byteLength));
      if (padded !== data) padded.set(data);
      this.gpuDevice.queue.writeBuffer(b.gpuBuffer, byteOffset, padded.buffer, padded.byteOffset, padded.byteLength);
      return;
    }
    // Unaligned range (packed bools): stage the bytes and merge them word by word on the GPU.
    const first = Math.floor(byteOffset / 4) * 4;
    const staging = this.gpuDevice.createBuffer({ size: ceil4(end - first), usage: GPUBufferUsage.STORAGE, mappedAtCreation: true });
    new Uint8Array(staging.getMappedRange()).set(data, byteOffset - first);
    staging.unmap();
    const d = writeBytesDispatch(byteOffset, end);
    const p = this.pipelines.get(d);
    this.stream.dispatch(d.name, p.pipeline, p.layout, d.uniforms, [staging, b.gpuBuffer], dispatchGrid(d.workgroups, this.kernelInfo));
    this.stream.onSubmit(() => staging.destroy());
  }

  async readBuffer(buffer: DeviceBuffer, byteOffset: number, byteLength: number): Promise<Uint8Array> {
    this.errors.checkAlive();
    const b = this.own(buffer);
    if (b.freed) throw new DeviceError(`${this.name}: read from a freed buffer`);
    const start = Math.floor(byteOffset / 4) * 4;
    const size = ceil4(byteOffset + byteLength) - start;
    const words = await this.readback(size, (encoder, readback) => {
      if (size > 0) encoder.copyBufferToBuffer(b.gpuBuffer, start, readback, 0, size);
    });
    return new Uint8Array(words.buffer, byteOffset - start, byteLength).slice();
  }

  run<K extends OpName>(op: K, inputs: readonly TensorRef[], outputs: readonly TensorRef[], params: OpParams<K>): void {
    this.errors.checkAlive();
    const kernel = WGSL_KERNELS[op];
    const call: KernelCall<K> = { op, inputs, outputs, params, device: this.kernelInfo, errorTag: this.errors.nextTag() };
    this.runSteps(call, kernel(call));
  }

  /** A call identity for kernels outside the op set: build with `new DispatchBuilder(device.customCall('name'), …)`. */
  customCall(name: string): CallIdentity & { readonly device: KernelDeviceInfo } {
    return { op: name, errorTag: this.errors.nextTag(), device: this.kernelInfo };
  }

  /**
   * Runs kernel steps in stream order: an op's (from `run`) or a custom kernel's (benchmarks, lab
   * variants). Tensors bound must live on this device.
   */
  runSteps(call: CallIdentity, steps: KernelStep | readonly KernelStep[]): void {
    this.errors.checkAlive();
    const tag = call.errorTag;
    encodeSteps(Array.isArray(steps) ? steps : [steps as KernelStep], {
      op: call.op,
      gpu: this.gpuDevice,
      pool: this.pool,
      pipelines: this.pipelines,
      stream: this.stream,
      info: this.kernelInfo,
      errorBuffer: this.errorBuffer,
      bufferOf: (t) => this.own(t.storage.buffer),
      recordError: (message) => this.errors.record(tag, call.op, message),
    });
  }

  async sync(): Promise<void> {
    this.errors.checkAlive();
    await this.readback(0, () => undefined);
  }

  emptyCache(): void {
    // Idle buffers may still be bound by encoded work; destroying them is only safe once it is submitted.
    this.stream.flush();
    this.pool.emptyCache();
    this.stream.releaseIdle();
  }

  /** The adapter's identity, the device's limits and its features. */
  info(): WebGPUDeviceInfo {
    const limits: Record<string, number> = {};
    const l = this.gpuDevice.limits as unknown as Record<string, number>;
    for (const k of [...REQUESTED_LIMITS, 'minUniformBufferOffsetAlignment', 'maxBindGroups']) limits[k] = l[k]!;
    Object.assign(limits, {
      maxStorageBufferBindingSize: this.kernelInfo.limits.maxStorageBufferBindingSize,
      maxComputeWorkgroupsPerDimension: this.kernelInfo.limits.maxComputeWorkgroupsPerDimension,
    });
    const a = this.adapterInfo;
    const adapter = { vendor: a?.vendor ?? '', architecture: a?.architecture ?? '', device: a?.device ?? '', description: a?.description ?? '' };
    const description = [adapter.vendor, adapter.architecture, adapter.device, adapter.description].filter(Boolean).join(' / ') || 'WebGPU adapter';
    return {
      type: 'webgpu',
      name: this.name,
      matmulPrecision: this.kernelInfo.matmulPrecision ?? 'highest',
      description,
      limits,
      features: [...this.gpuDevice.features].map(String).sort(),
      adapter,
    };
  }

  /**
   * Runs `fn` with per-kernel GPU timing (timestamp queries; every dispatch gets its own pass, so
   * batching is a little slower meanwhile). Without the timestamp-query feature the result says so.
   */
  async profile<T>(fn: () => T | Promise<T>): Promise<{ result: T; profile: ProfileResult }> {
    this.errors.checkAlive();
    if (!this.gpuDevice.features.has('timestamp-query')) {
      const result = await fn();
      return {
        result,
        profile: {
          available: false,
          reason: `timestamp-query unavailable on ${this.name} (the adapter does not offer the feature)`,
          kernels: [],
          totalMs: 0,
          spanMs: 0,
          timeline: [],
        },
      };
    }
    if (this.profiling) throw new DeviceError(`${this.name}: profile() calls cannot nest`);
    this.stream.flush();
    const profiler = new TimestampProfiler(this.gpuDevice);
    this.profiling = true;
    this.stream.profiler = profiler;
    try {
      const result = await fn();
      await this.sync();
      return { result, profile: await this.errors.race(profiler.result()) };
    } finally {
      this.stream.flush();
      this.stream.profiler = null;
      this.profiling = false;
      profiler.destroy();
    }
  }

  /** Releases this device's GPU memory, and the GPUDevice itself when createWebGPUDevice requested it (not one passed in). */
  destroy(): void {
    if (this.errors.isLost) return;
    this.emptyCache();
    this.errorBuffer.destroy();
    this.errorInit.destroy();
    for (const b of this.smallReadbacks.splice(0)) b.destroy();
    if (this.ownsGpuDevice) this.gpuDevice.destroy();
  }

  /** Copies the error words (and `size` bytes that `encode` copies to offset 0) back, then reports errors. */
  private async readback(size: number, encode: (encoder: GPUCommandEncoder, readback: GPUBuffer) => void): Promise<Uint32Array> {
    const mark = this.errors.tagMark;
    const total = size + 4 * ERROR_WORDS;
    const small = total <= READBACK_POOL_BYTES;
    const readback =
      (small ? this.smallReadbacks.pop() : undefined) ??
      this.gpuDevice.createBuffer({ size: small ? READBACK_POOL_BYTES : total, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    const encoder = this.stream.commandEncoder();
    encode(encoder, readback);
    encoder.copyBufferToBuffer(this.errorBuffer, 0, readback, size, 4 * ERROR_WORDS);
    // Reset in stream order, so flags raised by work encoded after this read belong to the next check.
    encoder.copyBufferToBuffer(this.errorInit, 0, this.errorBuffer, 0, 4 * ERROR_WORDS);
    this.stream.syncPoint();
    let words: Uint32Array;
    try {
      await this.errors.race(readback.mapAsync(GPUMapMode.READ, 0, total));
      words = new Uint32Array(readback.getMappedRange(0, total).slice(0));
      readback.unmap();
    } catch (e) {
      readback.destroy();
      throw e;
    }
    if (small) this.smallReadbacks.push(readback);
    else readback.destroy();
    await this.errors.settle();
    this.errors.checkFlags(words.subarray(size / 4), mark);
    this.errors.throwKept();
    return words;
  }

  private createGpuBuffer(size: number): GPUBuffer {
    const gpu = this.gpuDevice;
    const allocatedThen = this.memory.allocated;
    gpu.pushErrorScope('out-of-memory');
    gpu.pushErrorScope('validation');
    const buffer = gpu.createBuffer({ size, usage: STORAGE_USAGE() });
    const validation = gpu.popErrorScope();
    const oom = gpu.popErrorScope();
    this.errors.track(
      Promise.all([oom, validation]).then(([o, v]) => {
        const err = o ?? v;
        if (!err) return;
        // A root cause: batches that bind the invalid buffer fail after it.
        this.errors.addRootCause(
          new DeviceError(
            `${this.name}: could not allocate a ${formatBytes(size)} buffer (${o ? 'out of memory' : 'validation error'}: ${err.message}); ${formatBytes(allocatedThen)} were allocated then. Free tensors (dispose()/scope()), call emptyCache(), or use a smaller batch or sequence.\n${this.memory.report(`${this.name} memory now`)}`,
          ),
        );
      }),
    );
    return buffer;
  }

  private own(buffer: DeviceBuffer): WebGPUBuffer {
    if (!(buffer instanceof WebGPUBuffer)) throw new DeviceError(`${this.name}: a buffer of another device was passed; move the tensor to this device first`);
    return buffer;
  }
}

/** Creates the WebGPU device: navigator.gpu in browsers, Dawn (npm `webgpu`) in Node. */
export async function createWebGPUDevice(options: WebGPUDeviceOptions = {}): Promise<WebGPUDevice> {
  if (options.device) {
    const info = (options.device as { adapterInfo?: GPUAdapterInfo }).adapterInfo ?? options.adapter?.info ?? null;
    if (options.tensorCores) checkTensorCores(options.device.features, info);
    return new WebGPUDevice(options.device, info, options);
  }
  const wantsTensorCores = !!options.tensorCores || (options.matmulPrecision !== undefined && options.matmulPrecision !== 'highest');
  const acquire = wantsTensorCores ? { ...options, dawnToggles: [...(options.dawnToggles ?? []), ...TENSOR_CORE_DAWN_TOGGLES] } : options;
  const adapter = options.adapter ?? (await requestAdapter(acquire));
  return new WebGPUDevice(
    await requestDevice(adapter, { tensorCores: options.tensorCores, tensorCoresIfPresent: wantsTensorCores }),
    adapter.info ?? null,
    options,
    true,
  );
}

/**
 * How long a batch of dispatches may stay open before it is submitted: long enough that a submit's
 * host cost is spread over many dispatches, short enough that the GPU starts on a step's first
 * kernels while the host still records the rest (measured in docs/benchmarks.md, "Submitting early").
 */
const DEFAULT_MAX_BATCH_MS = 0.25;

/** Readbacks up to this many bytes (the error words of a sync, scalars) reuse pooled mappable buffers. */
const READBACK_POOL_BYTES = 4096;

function batchMs(ms: number | undefined): number {
  if (ms === undefined) return DEFAULT_MAX_BATCH_MS;
  if (!(ms >= 0)) throw new RangeError(`createWebGPUDevice: maxBatchMs must be a number of milliseconds ≥ 0 (or Infinity), got ${ms}`);
  return ms;
}
