/// <reference types="@webgpu/types" />
import { DeviceError, type TensorRef } from '@lightattn/tensor-core';
import type { BufferPool, PooledBuffer } from './buffer-pool.js';
import type { CommandStream } from './command-stream.js';
import { elementBytes, type KernelDeviceInfo, type KernelDispatch, type KernelStep } from './kernel-api.js';
import type { PipelineCache } from './pipeline-cache.js';

/** What encoding a call's steps needs from the device. */
export interface StepContext {
  readonly op: string;
  readonly gpu: GPUDevice;
  readonly pool: BufferPool;
  readonly pipelines: PipelineCache;
  readonly stream: CommandStream;
  readonly info: KernelDeviceInfo;
  readonly errorBuffer: GPUBuffer;
  bufferOf(t: TensorRef): { readonly gpuBuffer: GPUBuffer; readonly freed: boolean };
  /** Called when a dispatch binds the error buffer, with what it reports. */
  recordError(message: string): void;
}

/**
 * A linear workgroup count as a grid within maxComputeWorkgroupsPerDimension: x·y·z ≥ count with
 * fewer than y·z extra workgroups (kernels guard against them); explicit grids are checked.
 */
export function dispatchGrid(workgroups: KernelDispatch['workgroups'], info: KernelDeviceInfo): [number, number, number] {
  const max = info.limits.maxComputeWorkgroupsPerDimension;
  if (typeof workgroups !== 'number') {
    const [x, y, z] = workgroups;
    if (x > max || y > max || z > max) throw new DeviceError(`dispatch of [${x}, ${y}, ${z}] workgroups exceeds maxComputeWorkgroupsPerDimension (${max})`);
    return [x, y, z];
  }
  const count = workgroups;
  let x = count;
  let y = 1;
  let z = 1;
  if (x > max) {
    y = Math.ceil(count / max);
    x = Math.ceil(count / y);
  }
  if (y > max) {
    z = Math.ceil(y / max);
    y = Math.ceil(Math.ceil(count / x) / z);
  }
  if (z > max) throw new DeviceError(`dispatch of ${count} workgroups exceeds ${max}³ (maxComputeWorkgroupsPerDimension cubed)`);
  return [x, y, z];
}

function isEmpty(w: KernelDispatch['workgroups']): boolean {
  return typeof w === 'number' ? w === 0 : w[0] === 0 || w[1] === 0 || w[2] === 0;
}

/**
 * Encodes a call's steps into the stream. Scratch buffers come from the pool (reserved, not
 * allocated) and go back after the call: later users are ordered after this work on the queue.
 */
export function encodeSteps(steps: readonly KernelStep[], ctx: StepContext): void {
  const scratch = new Map<string, PooledBuffer>();
  const temps: PooledBuffer[] = [];
  const live = (t: TensorRef): GPUBuffer => {
    const b = ctx.bufferOf(t);
    if (b.freed) throw new DeviceError(`${ctx.op}: a tensor's buffer was freed before the op ran`);
    return b.gpuBuffer;
  };
  try {
    for (const step of steps) {
      if (step.kind === 'copy') {
        const s = elementBytes(step.src.dtype);
        const d = elementBytes(step.dst.dtype);
        const from = (step.src.offset + step.srcElement) * s;
        const to = (step.dst.offset + step.dstElement) * d;
        const size = step.count * s;
        if (from % 4 || to % 4 || size % 4)
          throw new DeviceError(`${ctx.op}: buffer copy of ${size} bytes from byte ${from} to byte ${to} is not 4-byte aligned (check canCopyBuffer first)`);
        ctx.stream.copy(live(step.src), from, live(step.dst), to, size);
        continue;
      }
      if (step.kind === 'write') {
        const at = step.tensor.offset * elementBytes(step.tensor.dtype);
        if (step.tensor.dtype === 'bool' || at % 4 || step.data.byteLength % 4)
          throw new DeviceError(`${ctx.op}: a write step needs a 4-byte aligned, non-bool range`);
        if (step.data.byteLength === 0) continue;
        const staging = ctx.gpu.createBuffer({ size: step.data.byteLength, usage: GPUBufferUsage.COPY_SRC, mappedAtCreation: true });
        new Uint8Array(staging.getMappedRange()).set(step.data);
        staging.unmap();
        ctx.stream.copy(staging, 0, live(step.tensor), at, step.data.byteLength);
        ctx.stream.onSubmit(() => staging.destroy());
        continue;
      }
      if (isEmpty(step.workgroups)) continue;
      const pipeline = ctx.pipelines.get(step);
      const buffers = step.bindings.map((b): GPUBuffer => {
        if (b.kind === 'tensor') return live(b.tensor);
        if (b.kind === 'errors') {
          ctx.recordError(b.message);
          return ctx.errorBuffer;
        }
        let s = scratch.get(b.name);
        if (!s || s.size < b.byteLength) {
          if (s) temps.push(s);
          s = ctx.pool.acquire(Math.max(4, Math.ceil(b.byteLength / 4) * 4));
          scratch.set(b.name, s);
        }
        return s.buffer;
      });
      // A buffer bound both read-only and writable is a usage conflict in WebGPU (an in-place op whose
      // source views its destination): read a copy taken just before the dispatch instead.
      const written = new Set(step.bindings.flatMap((b, i) => (b.kind === 'errors' || b.access === 'read_write' ? [buffers[i]!] : [])));
      step.bindings.forEach((b, i) => {
        if (b.kind === 'errors' || b.access !== 'read' || !written.has(buffers[i]!)) return;
        const original = buffers[i]!;
        const copy = ctx.pool.acquire(original.size);
        temps.push(copy);
        ctx.stream.copy(original, 0, copy.buffer, 0, original.size);
        buffers[i] = copy.buffer;
      });
      ctx.stream.dispatch(
        step.name,
        pipeline.pipeline,
        pipeline.layout,
        step.uniforms,
        buffers,
        dispatchGrid(step.workgroups, ctx.info),
        step.submitAfter ?? false,
      );
    }
  } finally {
    for (const s of scratch.values()) ctx.pool.release(s);
    for (const t of temps) ctx.pool.release(t);
  }
}
