import * as ag from '@lightattn/autograd';
import { attention, type AttentionImpl } from '@lightattn/light-ops';
import * as tc from '@lightattn/tensor-core';
import { LightattnError, type Device, type Tensor } from '@lightattn/tensor-core';

export type KernelCase =
  { op: 'matmul'; n: number } | { op: 'attention'; batch: number; heads: number; seq: number; headDim: number; impl: AttentionImpl; backward: boolean };

export interface BenchResult {
  label: string;
  device: string;
  /** Mean milliseconds per run (after a warm-up run and a probe run). */
  ms: number;
  runs: number;
  flops: number;
  gflops: number;
}

export function caseLabel(c: KernelCase): string {
  if (c.op === 'matmul') return `matmul ${c.n}×${c.n}×${c.n}`;
  return `attention ${c.impl}${c.backward ? ' fwd+bwd' : ''} B${c.batch} H${c.heads} T${c.seq} D${c.headDim}`;
}

/**
 * Floating-point operations of one run: 2n³ for a matmul; for causal attention
 * QKᵀ and P·V are 2·B·H·T²·D each, halved by the mask: 2·B·H·T²·D forward, and the backward is
 * counted as 2.5× the forward (FlashAttention's convention: five T×T matmuls against two).
 */
export function caseFlops(c: KernelCase): number {
  if (c.op === 'matmul') return 2 * c.n ** 3;
  const forward = 2 * c.batch * c.heads * c.seq * c.seq * c.headDim;
  return c.backward ? 3.5 * forward : forward;
}

function checkCase(c: KernelCase): void {
  const dims = c.op === 'matmul' ? { n: c.n } : { batch: c.batch, heads: c.heads, seq: c.seq, headDim: c.headDim };
  for (const [name, v] of Object.entries(dims)) {
    if (!(Number.isSafeInteger(v) && v >= 1 && v <= 16384)) throw new LightattnError(`kernels: ${name} must be an integer in [1, 16384], got ${v}`);
  }
}

/**
 * Times one case on `device`: inputs drawn once, one warm-up run (pipelines compile, pools fill),
 * one timed probe run, then as many runs as the probe says fit in `budgetMs` (at least 1, at most
 * `maxRuns`), timed to the device's sync so the GPU's queue is included.
 */
export async function benchCase(device: Device, c: KernelCase, options: { budgetMs?: number; maxRuns?: number } = {}): Promise<BenchResult> {
  checkCase(c);
  const budget = options.budgetMs ?? 1000;
  const maxRuns = options.maxRuns ?? 20;
  const inputs =
    c.op === 'matmul'
      ? [tc.randn([c.n, c.n], { device, seed: 1 }), tc.randn([c.n, c.n], { device, seed: 2 })]
      : [1, 2, 3].map((seed) => tc.randn([c.batch, c.heads, c.seq, c.headDim], { device, seed }));
  if (c.op === 'attention' && c.backward) for (const t of inputs) ag.param(t);
  const once = () => {
    if (c.op === 'matmul') tc.matmul(inputs[0]!, inputs[1]!).dispose();
    else if (!c.backward) ag.noGrad(() => attention(inputs[0]!, inputs[1]!, inputs[2]!, { impl: c.impl, causal: true }).dispose());
    else {
      tc.scope(() => ag.sum(attention(inputs[0]!, inputs[1]!, inputs[2]!, { impl: c.impl, causal: true })).backward());
      for (const t of inputs) {
        t.grad?.dispose();
        t.grad = null;
      }
    }
  };
  try {
    once(); // compiles pipelines and fills the buffer pool
    await device.sync();
    const probeStart = performance.now();
    once();
    await device.sync();
    const probe = performance.now() - probeStart;
    const runs = Math.max(1, Math.min(maxRuns, Math.floor(budget / Math.max(probe, 0.01))));
    const start = performance.now();
    for (let i = 0; i < runs; i++) once();
    await device.sync();
    const ms = (performance.now() - start) / runs;
    const flops = caseFlops(c);
    return { label: caseLabel(c), device: device.name, ms, runs, flops, gflops: flops / (ms * 1e6) };
  } finally {
    for (const t of inputs as Tensor[]) t.dispose();
  }
}

/** "64, 128 256" → [64, 128, 256]: the matmul sizes typed on the Kernels page. */
export function parseSizeList(text: string): number[] {
  const sizes = text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
  if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 16384)) {
    throw new LightattnError(`matmul sizes must be integers in [1, 16384] separated by commas or spaces, got "${text}"`);
  }
  return sizes;
}
