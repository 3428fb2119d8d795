import type { Device, DeviceBuffer, DeviceInfo, TensorRef } from '../device.js';
import type { DType } from '../dtype.js';
import { DeviceError } from '../errors.js';
import { MemoryAccountant } from '../memory.js';
import type { OpName, OpParams } from '../ops/op-params.js';

let metaCount = 0;

/**
 * A device that holds no data: ops run their shape rules only (in the dispatcher), and storages are
 * accounted exactly as on a real device. A whole training step of GPT-2 at any size runs here in
 * milliseconds and reports the bytes it would allocate, peak included.
 */
export class MetaDevice implements Device {
  readonly type = 'meta' as const;
  readonly name: string;
  readonly memory = new MemoryAccountant();
  readonly holdsData = false;
  private ops = 0;

  constructor(name?: string) {
    this.name = name ?? (metaCount++ === 0 ? 'meta' : `meta:${metaCount - 1}`);
  }

  createBuffer(byteLength: number, _dtype: DType): DeviceBuffer {
    return { byteLength };
  }

  /** Nothing to free: meta buffers hold no data. */
  destroyBuffer(_buffer: DeviceBuffer): void {}

  writeBuffer(_buffer: DeviceBuffer, _byteOffset: number, _data: Uint8Array): void {
    // Meta tensors created from data keep only their shape: writes are accepted and dropped.
  }

  readBuffer(): Promise<Uint8Array> {
    return Promise.reject(new DeviceError('the meta device holds no data: run the program on a cpu or webgpu device to read values'));
  }

  run<K extends OpName>(_op: K, _inputs: readonly TensorRef[], _outputs: readonly TensorRef[], _params: OpParams<K>): void {
    // Shapes were inferred and outputs allocated by the dispatcher; there is nothing to compute.
    this.ops++;
  }

  /**
   * How many ops this device has been asked to run. Each costs microseconds of bookkeeping whatever
   * its sizes, so this is what a program costs here: it should depend on the program's structure
   * (layers, steps), never on batch, sequence length or element counts.
   */
  get opsRun(): number {
    return this.ops;
  }

  sync(): Promise<void> {
    return Promise.resolve();
  }

  emptyCache(): void {}

  /** What this device is: shapes and bytes only. */
  info(): DeviceInfo {
    return { type: 'meta', name: this.name, description: 'shapes and bytes only, no data' };
  }
}

/** Creates a meta device: ops run their shape rules and allocate bytes in the accountant, but compute nothing. */
export function createMetaDevice(name?: string): MetaDevice {
  return new MetaDevice(name);
}
