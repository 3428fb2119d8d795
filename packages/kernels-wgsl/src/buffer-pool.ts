/// <reference types="@webgpu/types" />

/**
 * The caching allocator: GPU buffers are kept after their tensor is freed and handed out again for
 * any request of the same size class, as PyTorch's CUDA caching allocator does, because creating a
 * buffer is slow and training allocates the same sizes every step. Classes are sizes with four
 * significant bits (…, 8·2^e, 9·2^e, …, 15·2^e), at least 256 bytes: at most 12.5 % is wasted.
 */

const MIN_CLASS = 256;

/** The size class of a request: rounded up to four significant bits, never above `cap` (the binding limit). */
export function sizeClass(byteLength: number, cap: number): number {
  const n = Math.max(MIN_CLASS, byteLength);
  const e = Math.floor(Math.log2(n)) - 3;
  const step = 2 ** Math.max(0, e);
  const rounded = Math.ceil(n / step) * step;
  // Never round past the limit; a request at the limit still fits (4-byte aligned).
  return rounded <= cap ? rounded : Math.ceil(byteLength / 4) * 4;
}

export interface PooledBuffer {
  readonly buffer: GPUBuffer;
  /** The buffer's real size (the class), ≥ what was asked. */
  readonly size: number;
}

export class BufferPool {
  private readonly free = new Map<number, GPUBuffer[]>();
  /** Bytes of every buffer the pool created and has not destroyed, in use or not. */
  private total = 0;
  private idle = 0;

  constructor(
    private readonly create: (size: number) => GPUBuffer,
    private readonly cap: () => number,
  ) {}

  get reservedBytes(): number {
    return this.total;
  }

  get idleBytes(): number {
    return this.idle;
  }

  acquire(byteLength: number): PooledBuffer {
    const size = sizeClass(byteLength, this.cap());
    const list = this.free.get(size);
    const reused = list?.pop();
    if (reused) {
      this.idle -= size;
      return { buffer: reused, size };
    }
    const buffer = this.create(size);
    this.total += size;
    return { buffer, size };
  }

  release(p: PooledBuffer): void {
    let list = this.free.get(p.size);
    if (!list) this.free.set(p.size, (list = []));
    list.push(p.buffer);
    this.idle += p.size;
  }

  /** Forgets a buffer that failed to create (it never held memory). */
  discard(p: PooledBuffer): void {
    this.total -= p.size;
  }

  /** Destroys every idle buffer (work already submitted that uses one finishes first, per WebGPU). */
  emptyCache(): void {
    for (const list of this.free.values()) for (const b of list) b.destroy();
    this.free.clear();
    this.total -= this.idle;
    this.idle = 0;
  }
}
