/// <reference types="@webgpu/types" />
import { DeviceError } from '@lightattn/tensor-core';
import type { KernelBinding, KernelDispatch } from './kernel-api.js';

/**
 * One compute pipeline per kernel variant (the dispatch's `key`), with an explicit bind-group layout
 * built from the binding list (an 'auto' layout would drop bindings a variant does not use and make
 * the bind group invalid). WGSL errors come back asynchronously: the device gets them as sticky errors
 * carrying the line and the offending source line, and a later use of the broken variant throws at once.
 * `LIGHTATTN_PRINT_SHADERS=1` prints every shader when it is first compiled.
 */

export interface CachedPipeline {
  readonly pipeline: GPUComputePipeline;
  readonly layout: GPUBindGroupLayout;
  /** Set when compilation failed: the formatted message. */
  error: string | null;
}

function printShaders(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.LIGHTATTN_PRINT_SHADERS === '1';
}

function layoutEntry(b: KernelBinding, binding: number): GPUBindGroupLayoutEntry {
  const type: GPUBufferBindingType = b.kind === 'errors' || b.access === 'read_write' ? 'storage' : 'read-only-storage';
  return { binding, visibility: GPUShaderStage.COMPUTE, buffer: { type } };
}

/** Formats compilation messages: `line 12:5: error: …`, the source line, and a caret under the column. */
export function formatCompilationMessages(source: string, messages: readonly GPUCompilationMessage[]): string {
  const lines = source.split('\n');
  return messages
    .map((m) => {
      const head = `line ${m.lineNum}:${m.linePos}: ${m.type}: ${m.message}`;
      const text = m.lineNum > 0 ? lines[m.lineNum - 1] : undefined;
      if (text === undefined) return head;
      const gutter = `${m.lineNum} | `;
      return `${head}\n    ${gutter}${text}\n    ${' '.repeat(gutter.length + Math.max(0, m.linePos - 1))}^`;
    })
    .join('\n');
}

export class PipelineCache {
  private readonly pipelines = new Map<string, CachedPipeline>();
  private compiled = 0;

  constructor(
    private readonly device: GPUDevice,
    /** Receives the message of a pipeline that failed to build (the device rethrows it at its next sync). */
    private readonly onError: (error: DeviceError) => void,
    /** Where asynchronous checks register, so sync() can wait for them. */
    private readonly track: (p: Promise<unknown>) => void,
  ) {}

  get size(): number {
    return this.pipelines.size;
  }

  get compileCount(): number {
    return this.compiled;
  }

  get(d: KernelDispatch): CachedPipeline {
    const hit = this.pipelines.get(d.key);
    if (hit) {
      if (hit.error) throw new DeviceError(hit.error);
      return hit;
    }
    const source = d.source();
    if (printShaders()) console.log(`// ---- lightattn shader ${d.name} (${d.key}) ----\n${source}`);
    const entries: GPUBindGroupLayoutEntry[] = [
      { binding: 0, visibility: GPUShaderStage.COMPUTE, buffer: { type: 'uniform' } },
      ...d.bindings.map((b, i) => layoutEntry(b, i + 1)),
    ];
    this.device.pushErrorScope('validation');
    const module = this.device.createShaderModule({ code: source, label: d.name });
    const layout = this.device.createBindGroupLayout({ entries, label: d.name });
    const pipeline = this.device.createComputePipeline({
      layout: this.device.createPipelineLayout({ bindGroupLayouts: [layout] }),
      compute: { module, entryPoint: 'main' },
      label: d.key,
    });
    const entry: CachedPipeline = { pipeline, layout, error: null };
    this.pipelines.set(d.key, entry);
    this.compiled++;
    this.track(
      this.device.popErrorScope().then(async (err) => {
        if (!err) return;
        const info = await module.getCompilationInfo();
        const errors = info.messages.filter((m) => m.type === 'error');
        const detail = errors.length ? formatCompilationMessages(source, errors) : err.message;
        entry.error = `webgpu: kernel '${d.name}' failed to compile (variant ${d.key}):\n${detail}\n(set LIGHTATTN_PRINT_SHADERS=1 to print every shader)`;
        this.onError(new DeviceError(entry.error));
      }),
    );
    return entry;
  }
}
