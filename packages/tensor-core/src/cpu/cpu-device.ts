import type { Device, DeviceBuffer, DeviceInfo, TensorRef } from '../device.js';
import { itemsize, viewTyped, type AnyTypedArray, type DType } from '../dtype.js';
import { DeviceError } from '../errors.js';
import { formatBytes, MemoryAccountant } from '../memory.js';
import type { OpName, OpParams } from '../ops/op-params.js';
import { numel } from '../shape.js';
import type { CpuTensor } from './cpu-tensor.js';
import { CPU_KERNELS } from './kernels/index.js';

/** A host buffer; on a float64 device, f32 elements are held as doubles in `f64`. */
interface CpuBuffer extends DeviceBuffer {
  readonly dtype: DType;
  readonly bytes: Uint8Array;
  readonly f64: Float64Array | null;
}

/** Options of {@link createCpuDevice}. */
export interface CpuDeviceOptions {
  name?: string;
  /**
   * `'f64'` keeps f32 tensors as float64 internally (kernels already compute in float64), so
   * finite-difference gradient checks run in double precision. Accounting still counts 4 bytes
   * per f32 element, like every other device. Default `'f32'`.
   */
  precision?: 'f32' | 'f64';
}

let cpuCount = 0;

/**
 * The CPU reference device: typed arrays in host memory and plain-JavaScript kernels. It is the
 * reference the WebGPU kernels are tested against, and the fallback where there is no WebGPU.
 */
export class CpuDevice implements Device {
  readonly type = 'cpu' as const;
  readonly name: string;
  readonly memory = new MemoryAccountant();
  readonly holdsData = true;
  readonly precision: 'f32' | 'f64';

  constructor(options: CpuDeviceOptions = {}) {
    this.precision = options.precision ?? 'f32';
    const base = this.precision === 'f64' ? 'cpu-f64' : 'cpu';
    this.name = options.name ?? (cpuCount++ === 0 ? base : `${base}:${cpuCount - 1}`);
  }

  createBuffer(byteLength: number, dtype: DType): DeviceBuffer {
    const wide = this.precision === 'f64' && dtype === 'f32';
    try {
      const bytes = new Uint8Array(wide ? 0 : byteLength);
      const f64 = wide ? new Float64Array(byteLength / 4) : null;
      const buffer: CpuBuffer = { byteLength, dtype, bytes, f64 };
      return buffer;
    } catch (e) {
      throw new DeviceError(
        `${this.name}: out of memory: could not allocate ${formatBytes(byteLength)} (${(e as Error).message}); ${formatBytes(this.memory.allocated)} are allocated now — use a smaller batch or sequence, or free tensors with dispose()/scope()`,
      );
    }
  }

  /** Frees a buffer; host memory goes back to the garbage collector. */
  destroyBuffer(_buffer: DeviceBuffer): void {
    // Host memory goes back to the garbage collector once no storage references it.
  }

  writeBuffer(buffer: DeviceBuffer, byteOffset: number, data: Uint8Array): void {
    const b = buffer as CpuBuffer;
    if (byteOffset + data.byteLength > b.byteLength) {
      throw new DeviceError(`${this.name}: write of ${data.byteLength} bytes at ${byteOffset} overruns a ${b.byteLength}-byte buffer`);
    }
    if (b.f64) {
      const src = new Float32Array(new Uint8Array(data).buffer);
      b.f64.set(src, byteOffset / 4);
    } else b.bytes.set(data, byteOffset);
  }

  readBufferSync(buffer: DeviceBuffer, byteOffset: number, byteLength: number): Uint8Array {
    const b = buffer as CpuBuffer;
    if (b.f64) return new Uint8Array(Float32Array.from(b.f64.subarray(byteOffset / 4, (byteOffset + byteLength) / 4)).buffer);
    return b.bytes.slice(byteOffset, byteOffset + byteLength);
  }

  readBuffer(buffer: DeviceBuffer, byteOffset: number, byteLength: number): Promise<Uint8Array> {
    return Promise.resolve(this.readBufferSync(buffer, byteOffset, byteLength));
  }

  run<K extends OpName>(op: K, inputs: readonly TensorRef[], outputs: readonly TensorRef[], params: OpParams<K>): void {
    const kernel = CPU_KERNELS[op];
    kernel(inputs.map(toCpuTensor), outputs.map(toCpuTensor), params);
  }

  sync(): Promise<void> {
    return Promise.resolve();
  }

  emptyCache(): void {}

  /** What this device is, for logs and the CLI's `info` command. */
  info(): DeviceInfo {
    return { type: 'cpu', name: this.name, description: `CPU reference device (JavaScript, ${this.precision === 'f64' ? 'float64' : 'float32'} storage)` };
  }
}

/** The elements of a CPU tensor as they are held: a Float64Array view on a float64 device. */
export function cpuElements(t: TensorRef): AnyTypedArray | Float64Array {
  const b = t.storage.buffer as CpuBuffer;
  const n = numel(t.shape);
  if (b.f64) return b.f64.subarray(t.offset, t.offset + n);
  return viewTyped(t.dtype, b.bytes.buffer, b.bytes.byteOffset + t.offset * itemsize(t.dtype), n);
}

function toCpuTensor(t: TensorRef): CpuTensor {
  return { data: cpuElements(t), shape: t.shape, dtype: t.dtype };
}

/** Creates a CPU reference device (`{ precision: 'f64' }` for float64 gradient checks). */
export function createCpuDevice(options?: CpuDeviceOptions): CpuDevice {
  return new CpuDevice(options);
}
