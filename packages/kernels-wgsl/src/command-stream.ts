/// <reference types="@webgpu/types" />
import { BindGroupCache } from './bind-group-cache.js';
import type { TimestampProfiler } from './profiler.js';

/**
 * Command batching: dispatches are encoded into one command encoder (one compute pass while not
 * profiling) and submitted together at sync points — reads, sync(), a full uniform chunk, or every
 * `maxDispatchesPerSubmit` dispatches — because a submit per op costs more than the op at small sizes.
 * A batch open for `maxBatchMs` of host time is submitted too, so that the GPU starts on long kernels
 * while the host is still encoding the rest of a step instead of idling until the next sync. Each
 * such submit doubles the wait for the next one until a sync point (syncPoint(): the host waits for
 * the GPU there, so the GPU is idle after it), because a submit costs the host a large fraction of a
 * small step (docs/benchmarks.md, "Submitting early"): work that keeps the host busy for T ms between
 * syncs pays about log₂(T / maxBatchMs) submits, not T / maxBatchMs. A dispatch marked `submitAfter`
 * (a kernel expected to run longer than a submit costs) is submitted at once, so the GPU does not sit
 * idle before it waiting for a batch whose doubled wait the host's recording outlasts.
 *
 * The trap: `queue.writeBuffer` is ordered before command buffers submitted after it, so it overtakes
 * work that is encoded but not yet submitted. The stream tracks every buffer its open batch touches;
 * the device flushes before writing to one of them (a pooled buffer freed and handed out again may
 * still be read by pending work).
 *
 * Uniforms of a batch live in one chunk buffer, each dispatch's struct at an aligned offset; the
 * chunk is uploaded with writeBuffer just before the submit (it is never in flight then: chunks are
 * reused only after the GPU finished the batch that used them).
 */

export interface StreamOptions {
  maxDispatchesPerSubmit: number;
  /** Submit after a dispatch once the batch has been open this many milliseconds, doubling after each such submit until the next syncPoint() (Infinity: never). */
  maxBatchMs: number;
  /** Honour `submitAfter` on dispatches (default true). */
  submitLongDispatches?: boolean;
  /** The clock of maxBatchMs (tests pass their own). */
  now?: () => number;
  uniformChunkBytes: number;
  uniformAlignment: number;
  /** Called with the batch's validation / out-of-memory error, if any. */
  onBatchError: (kind: string, message: string, kernels: readonly string[]) => void;
  /** Registers asynchronous work the device's sync() must wait for. */
  track: (p: Promise<unknown>) => void;
}

interface UniformChunk {
  buffer: GPUBuffer;
  used: number;
}

export class CommandStream {
  private encoder: GPUCommandEncoder | null = null;
  private pass: GPUComputePassEncoder | null = null;
  private count = 0;
  /** When the open batch began (the clock of maxBatchMs). */
  private openedAt = 0;
  /** How long the open batch may stay open: maxBatchMs, doubled by each timed submit since the last syncPoint(). */
  private batchMs: number;
  private kernels: string[] = [];
  private readonly now: () => number;
  private readonly touched = new Set<GPUBuffer>();
  private uniform: UniformChunk | null = null;
  /** Host copy of the open chunk, uploaded at submit (writeBuffer copies it, so one array serves every batch). */
  private readonly host: Uint8Array;
  private readonly freeChunks: GPUBuffer[] = [];
  private chunkCount = 0;
  private afterSubmit: (() => void)[] = [];
  /** Set while profiling: each dispatch then gets its own timed pass. */
  profiler: TimestampProfiler | null = null;
  private readonly bindGroups: BindGroupCache;

  constructor(
    private readonly device: GPUDevice,
    private readonly options: StreamOptions,
  ) {
    this.host = new Uint8Array(options.uniformChunkBytes);
    this.bindGroups = new BindGroupCache(device);
    this.batchMs = options.maxBatchMs;
    this.now = options.now ?? (() => performance.now());
  }

  /** Bytes of uniform chunks the stream holds (reported as reserved). */
  get reservedBytes(): number {
    return this.chunkCount * this.options.uniformChunkBytes;
  }

  get pendingDispatches(): number {
    return this.count;
  }

  /** Whether encoded, unsubmitted work uses `buffer`. */
  touches(buffer: GPUBuffer): boolean {
    return this.touched.has(buffer);
  }

  /** Runs `fn` after the current batch is submitted (to destroy staging buffers it uses). */
  onSubmit(fn: () => void): void {
    if (this.encoder) this.afterSubmit.push(fn);
    else fn();
  }

  dispatch(
    name: string,
    pipeline: GPUComputePipeline,
    layout: GPUBindGroupLayout,
    uniforms: Uint8Array,
    buffers: readonly GPUBuffer[],
    workgroups: readonly [number, number, number],
    submitAfter = false,
  ): void {
    const size = Math.max(16, uniforms.byteLength);
    if (size > this.options.uniformChunkBytes)
      throw new RangeError(`${name}: a ${size}-byte uniform struct exceeds the ${this.options.uniformChunkBytes}-byte chunk`);
    if (this.count >= this.options.maxDispatchesPerSubmit || (this.profiler?.full ?? false)) this.flush();
    let chunk = this.uniform;
    const align = this.options.uniformAlignment;
    let at = chunk ? Math.ceil(chunk.used / align) * align : 0;
    if (chunk && at + size > this.host.byteLength) {
      this.flush();
      at = 0;
    }
    const encoder = this.begin();
    chunk = this.uniform!;
    this.host.set(uniforms, at);
    chunk.used = at + size;
    for (const buffer of buffers) this.touched.add(buffer);
    const bindGroup = this.bindGroups.get(layout, chunk.buffer, at, size, buffers);
    let pass = this.pass;
    if (this.profiler) {
      pass?.end();
      pass = encoder.beginComputePass({ timestampWrites: this.profiler.nextPass(name) });
    } else if (!pass) pass = encoder.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup);
    pass.dispatchWorkgroups(workgroups[0], workgroups[1], workgroups[2]);
    if (this.profiler) {
      pass.end();
      this.pass = null;
    } else this.pass = pass;
    this.count++;
    this.kernels.push(name);
    // A long dispatch is submitted at once and leaves the timer's doubling as it was: its submit is
    // paid for by the GPU's work on it, not by work the host is waiting to record.
    if (submitAfter && this.options.submitLongDispatches !== false) this.flush();
    else if (this.batchMs !== Infinity && this.now() - this.openedAt >= this.batchMs) {
      this.flush();
      this.batchMs *= 2;
    }
  }

  /** copyBufferToBuffer in stream order (offsets and size multiples of 4). */
  copy(src: GPUBuffer, srcOffset: number, dst: GPUBuffer, dstOffset: number, size: number): void {
    if (size === 0) return;
    const encoder = this.begin();
    this.endPass();
    encoder.copyBufferToBuffer(src, srcOffset, dst, dstOffset, size);
    this.touched.add(src);
    this.touched.add(dst);
  }

  /** The open encoder, for device-internal commands (readbacks); opens a batch if needed. */
  commandEncoder(): GPUCommandEncoder {
    const encoder = this.begin();
    this.endPass();
    return encoder;
  }

  /**
   * Submits the open batch before the host waits for the GPU (a readback): the GPU is idle after it,
   * so the next batch goes after maxBatchMs again.
   */
  syncPoint(): void {
    this.batchMs = this.options.maxBatchMs;
    this.flush();
  }

  /** Submits the open batch, if any (before a host write into a buffer it uses, and the like). */
  flush(): void {
    const encoder = this.encoder;
    if (!encoder) return;
    this.endPass();
    const readTimestamps = this.profiler?.encodeResolve(encoder) ?? null;
    const chunk = this.uniform!;
    const kernels = this.kernels;
    if (chunk.used > 0) this.device.queue.writeBuffer(chunk.buffer, 0, this.host.buffer, 0, Math.ceil(chunk.used / 4) * 4);
    this.device.queue.submit([encoder.finish()]);
    const oom = this.device.popErrorScope();
    const validation = this.device.popErrorScope();
    this.track(oom, 'out-of-memory', kernels);
    this.track(validation, 'validation', kernels);
    readTimestamps?.();
    const done = this.device.queue.onSubmittedWorkDone().then(() => this.freeChunks.push(chunk.buffer));
    this.options.track(done);
    const after = this.afterSubmit;
    this.encoder = null;
    this.uniform = null;
    this.count = 0;
    this.kernels = [];
    this.afterSubmit = [];
    this.touched.clear();
    for (const fn of after) fn();
  }

  /** Destroys the uniform chunks no batch is using, and forgets cached bind groups (emptyCache). */
  releaseIdle(): void {
    this.bindGroups.clear();
    for (const b of this.freeChunks) b.destroy();
    this.chunkCount -= this.freeChunks.length;
    this.freeChunks.length = 0;
  }

  private track(p: Promise<GPUError | null>, kind: string, kernels: readonly string[]): void {
    this.options.track(
      p.then(
        (err) => {
          if (err) this.options.onBatchError(kind, err.message, kernels);
        },
        () => undefined,
      ),
    );
  }

  private begin(): GPUCommandEncoder {
    if (this.encoder) return this.encoder;
    // Everything the batch encodes is checked together when it is submitted (popped in flush()).
    this.device.pushErrorScope('validation');
    this.device.pushErrorScope('out-of-memory');
    this.encoder = this.device.createCommandEncoder({ label: 'lightattn batch' });
    if (this.batchMs !== Infinity) this.openedAt = this.now();
    let buffer = this.freeChunks.pop();
    if (!buffer) {
      buffer = this.device.createBuffer({
        size: this.options.uniformChunkBytes,
        usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
        label: 'lightattn uniforms',
      });
      this.chunkCount++;
    }
    this.uniform = { buffer, used: 0 };
    return this.encoder;
  }

  private endPass(): void {
    this.pass?.end();
    this.pass = null;
  }
}
