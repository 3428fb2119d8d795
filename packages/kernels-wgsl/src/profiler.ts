/// <reference types="@webgpu/types" />

/**
 * Per-kernel GPU time from timestamp queries. While profiling, every dispatch gets its own compute
 * pass with begin/end timestamps (passes cost a little, so timing is opt-in); at each submit the
 * query set is resolved, read back, and the durations summed by kernel name. Buffer-to-buffer
 * copies (copy steps, aligned `copy`) run outside compute passes and are not timed. Dawn quantises
 * timestamps unless created with the toggle `disable-dawn-features=timestamp_quantization`
 * (`createWebGPUDevice({ dawnToggles: [...] })`): use it for measurements.
 */

export interface KernelTime {
  /** The dispatch's name, e.g. `unary` or `matmul`. */
  readonly name: string;
  readonly count: number;
  readonly totalMs: number;
}

/** Per-kernel GPU times from `device.profile()`, or why they are not available (no `timestamp-query`). */
export type ProfileResult =
  | { readonly available: true; readonly kernels: readonly KernelTime[]; readonly totalMs: number }
  | { readonly available: false; readonly reason: string; readonly kernels: readonly KernelTime[]; readonly totalMs: 0 };

/** Query pairs per resolve; the device submits when a batch has used them all. */
export const PROFILER_SLOTS = 1024;

export class TimestampProfiler {
  private readonly querySet: GPUQuerySet;
  private readonly resolveBuffer: GPUBuffer;
  private names: string[] = [];
  private readonly totals = new Map<string, { count: number; ns: number }>();
  private readonly reads: Promise<void>[] = [];

  constructor(private readonly device: GPUDevice) {
    this.querySet = device.createQuerySet({ type: 'timestamp', count: 2 * PROFILER_SLOTS, label: 'lightattn profiler' });
    this.resolveBuffer = device.createBuffer({ size: 16 * PROFILER_SLOTS, usage: GPUBufferUsage.QUERY_RESOLVE | GPUBufferUsage.COPY_SRC });
  }

  get full(): boolean {
    return this.names.length >= PROFILER_SLOTS;
  }

  /** The timestampWrites of the pass for the next dispatch, named `name`. */
  nextPass(name: string): GPUComputePassTimestampWrites {
    const slot = this.names.length;
    this.names.push(name);
    return { querySet: this.querySet, beginningOfPassWriteIndex: 2 * slot, endOfPassWriteIndex: 2 * slot + 1 };
  }

  /** Encodes the resolve and readback of this batch's timestamps; `afterSubmit` maps them once submitted. */
  encodeResolve(encoder: GPUCommandEncoder): (() => void) | null {
    const names = this.names;
    if (names.length === 0) return null;
    this.names = [];
    const bytes = 16 * names.length;
    encoder.resolveQuerySet(this.querySet, 0, 2 * names.length, this.resolveBuffer, 0);
    const readback = this.device.createBuffer({ size: bytes, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    encoder.copyBufferToBuffer(this.resolveBuffer, 0, readback, 0, bytes);
    return () => {
      this.reads.push(
        readback.mapAsync(GPUMapMode.READ).then(
          () => {
            const t = new BigInt64Array(readback.getMappedRange().slice(0));
            readback.destroy();
            names.forEach((name, k) => {
              const ns = Number(t[2 * k + 1]! - t[2 * k]!);
              const e = this.totals.get(name) ?? { count: 0, ns: 0 };
              e.count++;
              // Dawn may report 0 (or a negative difference after quantisation) for very short passes.
              e.ns += Math.max(0, ns);
              this.totals.set(name, e);
            });
          },
          () => readback.destroy(),
        ),
      );
    };
  }

  /** Waits for every readback and returns the totals, longest first. */
  async result(): Promise<ProfileResult> {
    await Promise.all(this.reads.splice(0));
    const kernels = [...this.totals.entries()]
      .map(([name, v]) => ({ name, count: v.count, totalMs: v.ns / 1e6 }))
      .sort((a, b) => b.totalMs - a.totalMs);
    return { available: true, kernels, totalMs: kernels.reduce((s, k) => s + k.totalMs, 0) };
  }

  destroy(): void {
    this.querySet.destroy();
    this.resolveBuffer.destroy();
  }
}
