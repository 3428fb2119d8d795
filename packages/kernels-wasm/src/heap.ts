import { DeviceError, formatBytes } from '@lightattn/tensor-core';
import { MAX_PAGES, WASM_PAGE } from './wasm/module-builder.js';

/** Blocks are 64-byte aligned (a cache line; f32x4 loads want 16). */
const ALIGN = 64;
/** The largest memory wasm32 can address: 4 GiB. */
export const WASM32_MAX_BYTES = MAX_PAGES * WASM_PAGE;

const roundUp = (n: number) => Math.ceil(Math.max(n, 1) / ALIGN) * ALIGN;

/**
 * The allocator of the device's WebAssembly memory. A training loop allocates the same sizes step
 * after step, so a freed block is kept by its exact (rounded) size and handed to the next request
 * of that size; those kept blocks are the device's `reserved` bytes. `trim()` (the device's
 * `emptyCache`) returns them to an address-ordered free list, where neighbours merge and any size
 * can be carved out first-fit. Memory grows in pages and never shrinks (WebAssembly cannot); past
 * 4 GiB, the wasm32 bound, a request fails with a clear error.
 */
export class WasmHeap {
  /** First byte past the highest block ever handed out. */
  private top: number;
  private readonly bySize = new Map<number, number[]>();
  private cachedBytes = 0;
  /** Free ranges [start, end), sorted by start, never adjacent. */
  private readonly ranges: { start: number; end: number }[] = [];

  constructor(
    private readonly memory: WebAssembly.Memory,
    /** Bytes below this are the device's own (thread control block, task table). */
    base: number,
    private readonly owner: string,
  ) {
    this.top = roundUp(base);
  }

  /** Bytes kept for reuse (freed, not trimmed). */
  get reserved(): number {
    return this.cachedBytes;
  }

  alloc(byteLength: number, liveBytes: number): number {
    const size = roundUp(byteLength);
    const kept = this.bySize.get(size);
    if (kept?.length) {
      this.cachedBytes -= size;
      return kept.pop()!;
    }
    for (let i = 0; i < this.ranges.length; i++) {
      const r = this.ranges[i]!;
      if (r.end - r.start < size) continue;
      const ptr = r.start;
      r.start += size;
      if (r.start === r.end) this.ranges.splice(i, 1);
      return ptr;
    }
    const ptr = this.top;
    const end = ptr + size;
    if (end > WASM32_MAX_BYTES) {
      throw new DeviceError(
        `${this.owner}: cannot allocate ${formatBytes(byteLength)}: WebAssembly memory (wasm32) addresses at most 4 GiB and ${formatBytes(liveBytes)} are live (${formatBytes(this.top)} used so far) — use a smaller model, batch or sequence, or the WebGPU device`,
      );
    }
    const have = this.memory.buffer.byteLength;
    if (end > have) {
      const pages = Math.ceil((end - have) / WASM_PAGE);
      // Grow by at least an eighth of what there is, so a growing run does not grow every step.
      const want = Math.min(MAX_PAGES - have / WASM_PAGE, Math.max(pages, Math.ceil(have / WASM_PAGE / 8)));
      try {
        this.memory.grow(want);
      } catch {
        try {
          this.memory.grow(pages);
        } catch (e) {
          throw new DeviceError(
            `${this.owner}: the host refused to grow WebAssembly memory to ${formatBytes(end)} (${(e as Error).message}); ${formatBytes(liveBytes)} are live — use a smaller model, batch or sequence`,
          );
        }
      }
    }
    this.top = end;
    return ptr;
  }

  free(ptr: number, byteLength: number): void {
    const size = roundUp(byteLength);
    let kept = this.bySize.get(size);
    if (!kept) this.bySize.set(size, (kept = []));
    kept.push(ptr);
    this.cachedBytes += size;
  }

  /** Moves every kept block to the free list, merging neighbours, so other sizes can use it. */
  trim(): void {
    for (const [size, ptrs] of this.bySize) for (const ptr of ptrs) this.ranges.push({ start: ptr, end: ptr + size });
    this.bySize.clear();
    this.cachedBytes = 0;
    this.ranges.sort((a, b) => a.start - b.start);
    const merged: { start: number; end: number }[] = [];
    for (const r of this.ranges) {
      const last = merged[merged.length - 1];
      if (last && last.end === r.start) last.end = r.end;
      else merged.push({ ...r });
    }
    // A free range that reaches the top is given back to the bump pointer.
    const last = merged[merged.length - 1];
    if (last && last.end === this.top) {
      this.top = last.start;
      merged.pop();
    }
    this.ranges.splice(0, this.ranges.length, ...merged);
  }
}
