/// <reference types="@webgpu/types" />
import { afterAll, describe, expect, it } from 'vitest';
import { CommandStream } from './command-stream.js';
import { webgpuTestDevice } from './test/webgpu-test-device.js';
import { createWebGPUDevice } from './webgpu-device.js';

const device = await webgpuTestDevice();

describe.skipIf(!device)('command stream: when batches are submitted', () => {
  const d = device!;
  afterAll(() => d.destroy());
  const gpu = d.gpuDevice;
  // y[0] += u.x: each dispatch adds its uniform, so the sum shows every dispatch ran once.
  const pipeline = gpu.createComputePipeline({
    layout: 'auto',
    compute: {
      module: gpu.createShaderModule({
        code: `struct U { x: u32 }
@group(0) @binding(0) var<uniform> u: U;
@group(0) @binding(1) var<storage, read_write> y: array<u32>;
@compute @workgroup_size(1) fn main() { y[0] = y[0] + u.x; }`,
      }),
      entryPoint: 'main',
    },
  });

  /**
   * Dispatches at the given clock times ('sync': a sync point, 'flush': a plain flush, { long: t }: a
   * dispatch marked submitAfter at t); the pending count after each step, and the sum y[0].
   */
  async function run(
    maxBatchMs: number,
    steps: (number | 'sync' | 'flush' | { long: number })[],
    submitLongDispatches = true,
  ): Promise<{ pending: number[]; sum: number }> {
    let t = 0;
    const tracked: Promise<unknown>[] = [];
    const stream = new CommandStream(gpu, {
      maxDispatchesPerSubmit: 256,
      maxBatchMs,
      submitLongDispatches,
      now: () => t,
      uniformChunkBytes: 4096,
      uniformAlignment: gpu.limits.minUniformBufferOffsetAlignment,
      onBatchError: (kind, message) => {
        throw new Error(`${kind}: ${message}`);
      },
      track: (p) => tracked.push(p),
    });
    const y = gpu.createBuffer({ size: 16, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC });
    const pending: number[] = [];
    let n = 0;
    for (const step of steps) {
      if (step === 'sync') stream.syncPoint();
      else if (step === 'flush') stream.flush();
      else {
        const long = typeof step === 'object';
        t = long ? step.long : step;
        n++;
        stream.dispatch('add', pipeline, pipeline.getBindGroupLayout(0), new Uint8Array(new Uint32Array([n, 0, 0, 0]).buffer), [y], [1, 1, 1], long);
      }
      pending.push(stream.pendingDispatches);
    }
    const read = gpu.createBuffer({ size: 16, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    stream.commandEncoder().copyBufferToBuffer(y, 0, read, 0, 16);
    stream.flush();
    await Promise.all(tracked);
    await read.mapAsync(GPUMapMode.READ);
    const sum = new Uint32Array(read.getMappedRange())[0]!;
    read.unmap();
    read.destroy();
    y.destroy();
    return { pending, sum };
  }

  it('submits a batch once it has been open maxBatchMs, then waits twice as long for each next one', async () => {
    // Opened at 0, submitted by the dispatch at 1.0; the next opens at 1.2 and may stay open 2 ms
    // (submitted at 3.2), the one after 4 ms.
    const { pending, sum } = await run(1, [0, 0.5, 1.0, 1.2, 1.5, 2.4, 3.2, 3.3, 7.2, 7.3]);
    expect(pending).toEqual([1, 2, 0, 1, 2, 3, 0, 1, 2, 0]);
    expect(sum).toBe(55);
  });

  it('starts again from maxBatchMs after a sync point, not after a plain flush', async () => {
    const { pending } = await run(1, [0, 1, 1.5, 3.5, 'sync', 4, 5]);
    expect(pending).toEqual([1, 0, 1, 0, 0, 1, 0]);
    // A flush (before a host write into a buffer the batch uses) keeps the doubled wait: 2 ms after 1.5.
    const flushed = await run(1, [0, 1, 1.5, 'flush', 2, 3, 4]);
    expect(flushed.pending).toEqual([1, 0, 1, 0, 1, 2, 0]);
  });

  it('submits right after a long dispatch without doubling the wait for the next batch', async () => {
    // The long dispatch at 0.1 goes at once; the batch opened at 0.2 is still submitted after 1 ms.
    const { pending, sum } = await run(1, [0, { long: 0.1 }, 0.2, 1.2, 2.0]);
    expect(pending).toEqual([1, 0, 1, 0, 1]);
    expect(sum).toBe(15);
    // Even with maxBatchMs Infinity (no timer at all).
    expect((await run(Infinity, [0, { long: 5 }, 10])).pending).toEqual([1, 0, 1]);
    // Not with submitLongDispatches false: the timer alone decides.
    expect((await run(1, [0, { long: 0.1 }, 0.2, 1.2, 2.0], false)).pending).toEqual([1, 2, 3, 0, 1]);
  });

  it('keeps everything in one batch until a sync point with maxBatchMs Infinity', async () => {
    const { pending, sum } = await run(Infinity, [0, 5, 10, 100]);
    expect(pending).toEqual([1, 2, 3, 4]);
    expect(sum).toBe(10);
  });

  it('submits every dispatch with maxBatchMs 0', async () => {
    const { pending } = await run(0, [0, 0, 0]);
    expect(pending).toEqual([0, 0, 0]);
  });

  it('refuses a maxBatchMs that is not a number of milliseconds ≥ 0', async () => {
    await expect(createWebGPUDevice({ device: gpu, maxBatchMs: -1 })).rejects.toThrow(/maxBatchMs must be a number of milliseconds ≥ 0/);
    await expect(createWebGPUDevice({ device: gpu, maxBatchMs: Number.NaN })).rejects.toThrow(/got NaN/);
  });
});
