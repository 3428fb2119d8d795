/**
 * Attention benchmark for the WebGPU device (meant for a GPU machine; see ../../../docs/benchmarks.md):
 * causal forward + backward, fp32, B 4, H 12, D 64, for each implementation at T 1024 / 4096 /
 * 16384: wall-clock time of a synchronised step, TFLOP/s (7·B·H·T²·D for causal forward + backward,
 * FlashAttention's convention), the GPU span of a step (timestamp queries, first kernel's start to
 * last kernel's end: what PyTorch's CUDA events measure), the device's peak allocated bytes above
 * the inputs, and the flash kernels' own GPU times. First it checks the fused ops on this GPU with the
 * shared op suite and compares every implementation with the CPU device at a small shape.
 *
 *   node --conditions=source --import tsx packages/light-ops/bench/attention-bench.ts [--json out.json] [--quick | --tiny] [--tensor-cores] [--only flash] [--batch-ms MS] [--no-long-submits] [--timeline] [--host-calls]
 *
 * --tensor-cores creates the device with `tensorCores` (flash attention on f16 tensor-core operands):
 * flash is then compared with the CPU at f16 tolerances and the fused-op suite skips the flash ops
 * (its fp32 tolerances are not what that mode promises). --only keeps the implementations named.
 * --timeline prints every kernel of one profiled step with its start and end on the GPU; --host-calls
 * the host's time per step inside WebGPU calls (submit, writeBuffer, createBindGroup, …).
 */
import { writeFileSync } from 'node:fs';
import { backward, Generator } from '@lightattn/autograd';
import { createWebGPUDevice, type WebGPUDevice } from '@lightattn/kernels-wgsl';
import * as tc from '@lightattn/tensor-core';
import { createCpuDevice } from '@lightattn/tensor-core';
import { opTestCases } from '@lightattn/tensor-core/testing';
import { attention, type AttentionOptions } from '../src/index.js';
import { expectClose, makeInputs, runAttention } from '../src/testing/run-attention.js';

const args = process.argv.slice(2);
const jsonPath = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const quick = args.includes('--quick');
/** --tiny: B 1, H 1 and T 64 / 128, to check the bundle on SwiftShader before a GPU run. */
const tiny = args.includes('--tiny');
const [B, H, D] = tiny ? [1, 1, 64] : [4, 12, 64];
const tensorCores = args.includes('--tensor-cores');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1]!.split(',') : null;
/** --batch-ms: the device's maxBatchMs (submit a batch open this long; without it, the device's default). --no-long-submits: submitLongDispatches false. */
const batchMs = args.includes('--batch-ms') ? Number(args[args.indexOf('--batch-ms') + 1]) : undefined;

const ALL_IMPLS: { name: string; options: AttentionOptions; maxT: number }[] = [
  { name: 'vanilla', options: { impl: 'vanilla' }, maxT: 4096 },
  { name: 'light', options: { impl: 'light' }, maxT: 4096 },
  { name: 'chunked (256 MB)', options: { impl: 'chunked', maxChunkSizeMb: 256 }, maxT: 16384 },
  { name: 'flash', options: { impl: 'flash' }, maxT: 16384 },
];
const IMPLS = ALL_IMPLS.filter((impl) => !only || only.includes(impl.name));

/**
 * --host-calls: host milliseconds spent inside the WebGPU calls the device makes while recording and
 * submitting (wrapped on this GPUDevice and its queue), to find what the host's share of a step is.
 */
const hostCalls = new Map<string, { n: number; ms: number }>();
function wrapHostCalls(device: WebGPUDevice): void {
  const wrap = (target: object, name: string, label: string) => {
    const t = target as Record<string, (...a: unknown[]) => unknown>;
    const original = t[name]!.bind(target);
    t[name] = (...a: unknown[]) => {
      const t0 = performance.now();
      try {
        return original(...a);
      } finally {
        const e = hostCalls.get(label) ?? { n: 0, ms: 0 };
        e.n++;
        e.ms += performance.now() - t0;
        hostCalls.set(label, e);
      }
    };
  };
  const gpu = device.gpuDevice;
  for (const m of ['submit', 'writeBuffer', 'onSubmittedWorkDone']) wrap(gpu.queue, m, `queue.${m}`);
  for (const m of ['createBindGroup', 'createCommandEncoder', 'createBuffer', 'pushErrorScope', 'popErrorScope']) wrap(gpu, m, `device.${m}`);
}

async function step(
  device: WebGPUDevice,
  T: number,
  options: AttentionOptions,
): Promise<{ ms: number; minMs: number; hostMs: number; gpuSpanMs: number | null; peak: number; reserved: number; kernels: Record<string, number> }> {
  const make = (seed: number) => {
    const t = tc.randn([B, H, T, D], { device, seed });
    t.requiresGrad = true;
    return t;
  };
  const [q, k, v] = [make(1), make(2), make(3)];
  const g = tc.randn([B, H, T, D], { device, seed: 4 });
  const once = () =>
    tc.scope(() => {
      const out = attention(q, k, v, { ...options, causal: true, generator: new Generator(5) });
      backward(out, g);
      for (const t of [q, k, v]) {
        t.grad?.dispose();
        t.grad = null;
      }
    });
  // Warm up for four seconds: an idle H100 sat at a 345 MHz SM clock, and under this load its driver
  // took about 3.5 s to raise it to 1980 MHz (nvidia-smi every 200 ms, docs/benchmarks-history.md, "One pass").
  const warm = performance.now();
  do {
    once();
    await device.sync();
  } while (performance.now() - warm < (tiny ? 0 : 4000));
  const base = device.memory.allocated;
  device.memory.resetPeak();
  const samples: number[] = [];
  // Host time: recording the step (autograd, kernel selection, encoding) before the sync waits.
  const host: number[] = [];
  hostCalls.clear();
  // Steps timed: --samples, else 2 for --quick and T 16384 (a median of two is the slower), else 9.
  const timed = args.includes('--samples') ? Number(args[args.indexOf('--samples') + 1]) : quick || T >= 16384 ? 2 : 9;
  for (let r = 0; r < timed; r++) {
    const t0 = performance.now();
    once();
    host.push(performance.now() - t0);
    await device.sync();
    samples.push(performance.now() - t0);
  }
  if (hostCalls.size > 0) {
    const per = [...hostCalls.entries()]
      .sort((a, b) => b[1].ms - a[1].ms)
      .map(([k, v]) => `${k} ${(v.n / samples.length).toFixed(1)}× ${(v.ms / samples.length).toFixed(3)} ms`);
    console.log(`  host calls per step: ${per.join(', ')}`);
  }
  const peak = device.memory.peak - base;
  // Everything the device holds in its buffer pool (tensors, scratch such as f16 copies, idle buffers).
  const reserved = device.memory.reserved;
  // Per-kernel GPU times, and the GPU span of the step (first kernel's start to last kernel's end, idle
  // gaps included): the measure of PyTorch's CUDA events (scripts/bench/torch_attention.py), which the
  // wall-clock step exceeds by the host's start and the sync's round trip. Median over a few steps.
  const spans: number[] = [];
  const kernels: Record<string, number> = {};
  for (let r = 0; r < Math.min(5, samples.length); r++) {
    const { profile } = await device.profile(async () => {
      once();
      await device.sync();
    });
    if (!profile.available) break;
    spans.push(profile.spanMs);
    if (r === 0) {
      for (const kt of profile.kernels) kernels[kt.name] = Number(kt.totalMs.toFixed(3));
      if (args.includes('--timeline'))
        console.log(
          `  timeline (ms from the first kernel's start): ${profile.timeline.map((p) => `${p.name} ${p.startMs.toFixed(3)}–${p.endMs.toFixed(3)}`).join(', ')}`,
        );
    }
  }
  spans.sort((a, b) => a - b);
  for (const t of [q, k, v, g]) t.dispose();
  if (args.includes('--samples')) console.log(`  samples (ms, in order): ${samples.map((x) => x.toFixed(1)).join(' ')}`);
  samples.sort((a, b) => a - b);
  host.sort((a, b) => a - b);
  return {
    ms: samples[Math.floor(samples.length / 2)]!,
    minMs: samples[0]!,
    hostMs: host[Math.floor(host.length / 2)]!,
    gpuSpanMs: spans.length ? spans[Math.floor(spans.length / 2)]! : null,
    peak,
    reserved,
    kernels,
  };
}

async function main() {
  // Dawn quantises timestamps by default (a browser privacy measure); kernel times need them exact.
  const device = await createWebGPUDevice({
    powerPreference: 'high-performance',
    dawnToggles: ['disable-dawn-features=timestamp_quantization'],
    tensorCores,
    maxBatchMs: batchMs,
    submitLongDispatches: !args.includes('--no-long-submits'),
  });
  if (args.includes('--host-calls')) wrapHostCalls(device);
  const info = device.info();
  console.log(`device: ${info.description ?? info.name}`);
  const report: Record<string, unknown> = {
    device: info,
    date: new Date().toISOString(),
    shape: { B, H, D },
    tensorCores,
    maxBatchMs: batchMs ?? null,
    submitLongDispatches: !args.includes('--no-long-submits'),
  };

  // 1. Correctness here: the fused ops' cases of the shared suite, and every implementation against the CPU.
  const failures: string[] = [];
  const cases = opTestCases({
    ops: ['dropMatmul', 'dropMatmulBackward', ...(tensorCores ? [] : (['flashAttention', 'flashAttentionBackward'] as const)), 'softmaxBackward'],
  });
  for (const c of cases) await c.run(device).catch((e: Error) => failures.push(`${c.name}: ${e.message.split('\n')[0]}`));
  const cpu = createCpuDevice();
  for (const [T, d] of [
    [130, 64],
    [67, 128],
    [33, 256],
  ] as const) {
    const inputs = makeInputs(1, 2, T, T, d, T);
    const reference = await runAttention(cpu, inputs, { impl: 'vanilla', causal: true, dropout: 0.1 });
    for (const impl of IMPLS) {
      const result = await runAttention(device, inputs, { ...impl.options, causal: true, dropout: 0.1 });
      try {
        // f16 operands (tensorCores, head sizes ≤ 128): about 1e-3 forward, a few 1e-3 in the gradients.
        const f16 = tensorCores && impl.name === 'flash' && d <= 128;
        const tol = f16
          ? { forward: { rtol: 1e-2, atol: 5e-3 }, backward: { rtol: 5e-2, atol: 2e-2 } }
          : { forward: { rtol: 1e-4, atol: 1e-5 }, backward: { rtol: 1e-3, atol: 1e-4 } };
        expectClose(result, reference, tol, `${impl.name} T ${T} D ${d}`);
      } catch (e) {
        failures.push((e as Error).message);
      }
    }
  }
  console.log(`correctness on ${info.name}: ${cases.length} op cases + ${3 * IMPLS.length} attention comparisons, ${failures.length} failed`);
  for (const f of failures) console.log(`  FAIL ${f}`);
  report.failures = failures;

  // 2. Timings.
  const rows: Record<string, unknown>[] = [];
  const only_t = args.includes('--t') ? [Number(args[args.indexOf('--t') + 1])] : null;
  for (const T of only_t ?? (tiny ? [64, 128] : quick ? [1024] : [1024, 4096, 16384])) {
    const flops = 7 * B * H * T * T * D;
    for (const impl of IMPLS) {
      if (T > impl.maxT) continue;
      try {
        const r = await step(device, T, impl.options);
        const span = r.gpuSpanMs;
        const row = {
          impl: impl.name,
          T,
          ms: Number(r.ms.toFixed(2)),
          minMs: Number(r.minMs.toFixed(2)),
          hostMs: Number(r.hostMs.toFixed(2)),
          tflops: Number((flops / r.ms / 1e9).toFixed(2)),
          gpuSpanMs: span === null ? null : Number(span.toFixed(2)),
          gpuSpanTflops: span === null ? null : Number((flops / span / 1e9).toFixed(2)),
          extraMiB: Number((r.peak / 2 ** 20).toFixed(1)),
          reservedMiB: Number((r.reserved / 2 ** 20).toFixed(1)),
          kernels: r.kernels,
        };
        rows.push(row);
        const spanText = span === null ? '' : `, GPU span ${row.gpuSpanMs} ms (${row.gpuSpanTflops} TFLOP/s)`;
        console.log(
          `T ${T} ${impl.name}: ${row.ms} ms (min ${row.minMs}, host ${row.hostMs}), ${row.tflops} TFLOP/s${spanText}, extra ${row.extraMiB} MiB, pool ${row.reservedMiB} MiB${impl.name === 'flash' ? ` ${JSON.stringify(r.kernels)}` : ''}`,
        );
      } catch (e) {
        console.log(`T ${T} ${impl.name}: failed: ${(e as Error).message.split('\n')[0]}`);
        rows.push({ impl: impl.name, T, error: (e as Error).message.split('\n')[0] });
      }
    }
  }
  report.timings = rows;
  if (jsonPath) writeFileSync(jsonPath, JSON.stringify(report, null, 2));
  device.destroy();
}

await main();
