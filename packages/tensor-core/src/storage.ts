import type { Device, DeviceBuffer } from './device.js';
import type { DType } from './dtype.js';
import { DeviceError } from './errors.js';
import type { MemoryTag, TrackedAllocation } from './memory.js';

let nextStorageId = 1;
const tagStack: MemoryTag[] = [];

/** The tag new storages get: the innermost `withMemoryTag`, else `activation`. */
export function currentMemoryTag(): MemoryTag {
  return tagStack.length ? tagStack[tagStack.length - 1]! : 'activation';
}

/** Runs `fn` with every storage created inside it tagged `tag` (for snapshots). Works with async fns. */
export function withMemoryTag<T>(tag: MemoryTag, fn: () => T): T {
  tagStack.push(tag);
  let popNow = true;
  try {
    const out = fn();
    if (out instanceof Promise) {
      popNow = false;
      return out.finally(() => popTag(tag)) as T;
    }
    return out;
  } finally {
    if (popNow) popTag(tag);
  }
}

function popTag(tag: MemoryTag): void {
  const i = tagStack.lastIndexOf(tag);
  if (i >= 0) tagStack.splice(i, 1);
}

/**
 * A block of device memory shared by a tensor and its views, freed when the last one lets go.
 * Creating and freeing a storage is what the memory accountant counts.
 */
export class Storage implements TrackedAllocation {
  readonly id = nextStorageId++;
  readonly device: Device;
  readonly byteLength: number;
  readonly dtype: DType;
  tag: MemoryTag;
  private handle: DeviceBuffer | null;
  private refs = 0;

  constructor(device: Device, byteLength: number, dtype: DType, tag: MemoryTag = currentMemoryTag()) {
    this.device = device;
    this.byteLength = byteLength;
    this.dtype = dtype;
    this.tag = tag;
    this.handle = device.createBuffer(byteLength, dtype);
    device.memory.onAllocate(this);
  }

  get buffer(): DeviceBuffer {
    if (!this.handle) throw new DeviceError(`storage ${this.id} (${this.byteLength} bytes on ${this.device.name}) has been freed`);
    return this.handle;
  }

  get isFreed(): boolean {
    return this.handle === null;
  }

  get refCount(): number {
    return this.refs;
  }

  /** Adds a reference (a new view of this storage). */
  retain(): void {
    this.refs++;
  }

  /** Drops a reference; the last one frees the buffer and tells the accountant. */
  release(): void {
    if (this.refs <= 0 || !this.handle) return;
    this.refs--;
    if (this.refs === 0) {
      this.device.destroyBuffer(this.handle);
      this.handle = null;
      this.device.memory.onFree(this);
    }
  }
}
