/**
 * The memory accountant: the equivalent of torch.cuda's memory_allocated / max_memory_allocated /
 * memory_reserved / memory_snapshot, for any device. Storages report here when they are created
 * and freed, the same way on every device, so the meta device predicts a real device's numbers.
 */

/** Tags group live bytes in snapshots. Anything else is a label set with `withMemoryTag`. */
export type MemoryTag = 'parameter' | 'gradient' | 'optimizer' | 'activation' | (string & {});

/** One allocation as the accountant sees it: an id, its bytes and its memory tag. */
export interface TrackedAllocation {
  readonly id: number;
  readonly byteLength: number;
  tag: MemoryTag;
}

/** The accountant's numbers at one moment, with live bytes grouped by tag. */
export interface MemorySnapshot {
  /** Bytes held by live storages. */
  allocated: number;
  /** Highest `allocated` since creation or the last `resetPeak()`. */
  peak: number;
  /** Bytes the device holds, pooled but unused included (equal to `allocated` for devices that do not pool). */
  reserved: number;
  liveTensors: number;
  liveStorages: number;
  /** Live bytes and storage counts by tag, largest first. */
  byTag: { tag: MemoryTag; bytes: number; count: number }[];
}

/** Counts a device's allocated, peak and reserved bytes and its live tensors, identically on every device. */
export class MemoryAccountant {
  private allocatedBytes = 0;
  private peakBytes = 0;
  private reservedOverride: (() => number) | null = null;
  private readonly live = new Map<number, TrackedAllocation>();
  private tensors = 0;

  /** Bytes held by live storages now. */
  get allocated(): number {
    return this.allocatedBytes;
  }

  /** Peak of `allocated` since creation or `resetPeak()`. */
  get peak(): number {
    return this.peakBytes;
  }

  /** Bytes reserved by the device (its pool included). */
  get reserved(): number {
    return this.reservedOverride ? this.reservedOverride() : this.allocatedBytes;
  }

  get liveTensors(): number {
    return this.tensors;
  }

  get liveStorages(): number {
    return this.live.size;
  }

  /** Devices that pool buffers report their reserved bytes through this. */
  setReservedSource(source: () => number): void {
    this.reservedOverride = source;
  }

  /** Starts a new peak measurement from the bytes allocated now. */
  resetPeak(): void {
    this.peakBytes = this.allocatedBytes;
  }

  /** Called by `Storage` when it allocates: adds the bytes and raises the peak. */
  onAllocate(a: TrackedAllocation): void {
    this.live.set(a.id, a);
    this.allocatedBytes += a.byteLength;
    if (this.allocatedBytes > this.peakBytes) this.peakBytes = this.allocatedBytes;
  }

  /** Called by `Storage` when it frees; a second call for the same allocation is ignored. */
  onFree(a: TrackedAllocation): void {
    if (!this.live.delete(a.id)) return;
    this.allocatedBytes -= a.byteLength;
  }

  /** Called when a tensor is created (counts live tensors). */
  onTensorCreated(): void {
    this.tensors++;
  }

  /** Called when a tensor is disposed or collected. */
  onTensorReleased(): void {
    this.tensors--;
  }

  /** The current numbers, with live bytes and storage counts by tag, largest first. */
  snapshot(): MemorySnapshot {
    const tags = new Map<MemoryTag, { bytes: number; count: number }>();
    for (const a of this.live.values()) {
      const e = tags.get(a.tag) ?? { bytes: 0, count: 0 };
      e.bytes += a.byteLength;
      e.count++;
      tags.set(a.tag, e);
    }
    return {
      allocated: this.allocatedBytes,
      peak: this.peakBytes,
      reserved: this.reserved,
      liveTensors: this.tensors,
      liveStorages: this.live.size,
      byTag: [...tags.entries()].map(([tag, v]) => ({ tag, ...v })).sort((a, b) => b.bytes - a.bytes),
    };
  }

  /** A plain-text table of the snapshot, for logs and the CLI. */
  report(title = 'memory'): string {
    const s = this.snapshot();
    const rows: [string, string, string][] = [
      ['allocated', formatBytes(s.allocated), ''],
      ['peak', formatBytes(s.peak), ''],
      ['reserved', formatBytes(s.reserved), ''],
      ['live tensors', String(s.liveTensors), `${s.liveStorages} storage${s.liveStorages === 1 ? '' : 's'}`],
      ...s.byTag.map((t): [string, string, string] => [`  ${t.tag}`, formatBytes(t.bytes), `${t.count} storage${t.count === 1 ? '' : 's'}`]),
    ];
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    return [title, ...rows.map(([a, b, c]) => `  ${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`.trimEnd())].join('\n');
  }
}

/** Human-readable bytes with binary prefixes (1 KiB = 1024 B). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let u = 0;
  while (Math.abs(v) >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${v} B` : `${v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2)} ${units[u]}`;
}
