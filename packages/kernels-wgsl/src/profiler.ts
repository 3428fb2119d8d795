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

/** One timed dispatch: milliseconds from the start of the profile's first pass. */
export interface PassTime {
  readonly name: string;
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * Per-kernel GPU times from `device.profile()`, or why they are not available (no `timestamp-query`).
 * `spanMs` is the GPU time from the start of the first timed pass to the end of the last, idle gaps
 * between them included: what CUDA events recorded around the same work measure (PyTorch's usual
 * step time), where `totalMs` adds up the kernels alone. `timeline` lists every dispatch in start
 * order, so the gaps (the GPU waiting for the host's next submit) can be found.
 */
export type ProfileResult =
  | {
      readonly available: true;
      readonly kernels: readonly KernelTime[];
      readonly totalMs: number;
      readonly spanMs: number;
      readonly timeline: readonly PassTime[];
    }
  | {
      readonly available: false;
      readonly reason: string;
      readonly kernels: readonly KernelTime[];
      readonly totalMs: 0;
      readonly spanMs: 0;
      readonly timeline: readonly PassTime[];
    };

/** The passes read back so far; per-name totals, span and timeline are all derived from them. */
export class PassTimes {
  private readonly passes: { name: string; begin: bigint; end: bigint }[] = [];

  /** Adds one batch: `t[2k]`, `t[2k + 1]` are the begin and end timestamps (ns) of the pass named `names[k]`. */
  add(names: readonly string[], t: BigInt64Array): void {
    names.forEach((name, k) => this.passes.push({ name, begin: t[2 * k]!, end: t[2 * k + 1]! }));
  }

  /** The totals, longest first, their sum, the span from the first begin to the last end, and the timeline. */
  result(): { kernels: KernelTime[]; totalMs: number; spanMs: number; timeline: PassTime[] } {
    const totals = new Map<string, { count: number; ns: number }>();
    for (const p of this.passes) {
      const e = totals.get(p.name) ?? { count: 0, ns: 0 };
      e.count++;
      // Dawn may report 0 (or a negative difference after quantisation) for very short passes.
      e.ns += Math.max(0, Number(p.end - p.begin));
      totals.set(p.name, e);
    }
    const kernels = [...totals.entries()].map(([name, v]) => ({ name, count: v.count, totalMs: v.ns / 1e6 })).sort((a, b) => b.totalMs - a.totalMs);
    if (this.passes.length === 0) return { kernels, totalMs: 0, spanMs: 0, timeline: [] };
    const first = this.passes.reduce((m, p) => (p.begin < m ? p.begin : m), this.passes[0]!.begin);
    const last = this.passes.reduce((m, p) => (p.end > m ? p.end : m), this.passes[0]!.end);
    const timeline = this.passes
      .map((p) => ({ name: p.name, startMs: Number(p.begin - first) / 1e6, endMs: Number(p.end - first) / 1e6 }))
      .sort((a, b) => a.startMs - b.startMs);
    return { kernels, totalMs: kernels.reduce((s, k) => s + k.totalMs, 0), spanMs: Math.max(0, Number(last - first)) / 1e6, timeline };
  }
}

/** Query pairs per resolve; the device submits when a batch has used them all. */
export const PROFILER_SLOTS = 1024;

export class TimestampProfiler {
  private readonly querySet: GPUQuerySet;
  private readonly resolveBuffer: GPUBuffer;
  private names: string[] = [];
  private readonly times = new PassTimes();
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
            this.times.add(names, t);
          },
          () => readback.destroy(),
        ),
      );
    };
  }

  /** Waits for every readback and returns the totals, longest first, and the span. */
  async result(): Promise<ProfileResult> {
    await Promise.all(this.reads.splice(0));
    return { available: true, ...this.times.result() };
  }

  destroy(): void {
    this.querySet.destroy();
    this.resolveBuffer.destroy();
  }
}
