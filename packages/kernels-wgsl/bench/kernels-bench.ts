/**
 * Kernel benchmark for the WebGPU device, meant for a GPU machine (see ../../../docs/benchmarks.md):
 * matmul TFLOP/s at 1024³, 4096³ and 8192×768×3072; softmax and layer norm GB/s beside a device copy
 * of the same bytes. GPU time comes from timestamp queries (the device's profiler); when they are not
 * available, wall-clock time around a synchronised batch is used instead and the output says so.
 *
 * It also runs the shared op test suite on the device first, so the numbers come from kernels that
 * were just checked against float64 references on the same GPU.
 *
 *   node --conditions=source --import tsx packages/kernels-wgsl/bench/kernels-bench.ts [--json out.json] [--quick]
 */
import { writeFileSync } from 'node:fs';
import { clone, layerNorm, matmul, ones, randn, softmax, zeros, type Tensor } from '@lightattn/tensor-core';
import { opTestCases } from '@lightattn/tensor-core/testing';
import { createWebGPUDevice, type WebGPUDevice } from '../src/index.js';

const args = process.argv.slice(2);
const jsonPath = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const quick = args.includes('--quick');

interface Timing {
  ms: number;
  source: 'timestamp-query' | 'wall-clock';
}

/** Median per-run GPU time of `run` (which must queue exactly one kernel named `kernel` per call, plus nothing timed else). */
async function timeKernel(device: WebGPUDevice, kernel: string, run: () => Tensor[], reps: number): Promise<Timing> {
  // Warm-up: pipeline compile and pool fill.
  for (let i = 0; i < 3; i++) for (const t of run()) t.dispose();
  await device.sync();
  const samples: number[] = [];
  let source: Timing['source'] = 'timestamp-query';
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    const { result, profile } = await device.profile(async () => {
      const outs = run();
      await device.sync();
      return outs;
    });
    const wall = performance.now() - t0;
    for (const t of result) t.dispose();
    const k = profile.available ? profile.kernels.find((x) => x.name.startsWith(kernel)) : undefined;
    if (k && k.count > 0) samples.push(k.totalMs / k.count);
    else {
      source = 'wall-clock';
      samples.push(wall);
    }
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)]!, source };
}

/**
 * A device-to-device copy of `x` (a buffer copy, which timestamp queries on compute passes do not
 * see): wall-clock time of 50 back-to-back copies between synchronisations, median over `reps`.
 */
async function timeDeviceCopy(device: WebGPUDevice, x: Tensor, reps: number): Promise<Timing> {
  const batch = 50;
  const samples: number[] = [];
  for (let r = 0; r < reps + 1; r++) {
    await device.sync();
    const t0 = performance.now();
    const outs = Array.from({ length: batch }, () => clone(x));
    await device.sync();
    const ms = (performance.now() - t0) / batch;
    for (const t of outs) t.dispose();
    if (r > 0) samples.push(ms); // the first round fills the pool
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)]!, source: 'wall-clock' };
}

async function main() {
  // Dawn quantises timestamps by default (a privacy measure for browsers); benchmarks need them exact.
  const device = await createWebGPUDevice({ powerPreference: 'high-performance', dawnToggles: ['disable-dawn-features=timestamp_quantization'] });
  const info = device.info();
  console.log(`device: ${info.description ?? info.name}`);
  const report: Record<string, unknown> = { device: info, date: new Date().toISOString(), suite: {}, matmul: [], bandwidth: [] };

  // 1. Correctness on this GPU: the shared op suite.
  let passed = 0;
  const failures: string[] = [];
  for (const c of opTestCases()) {
    try {
      await c.run(device);
      passed++;
    } catch (e) {
      failures.push(`${c.name}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  console.log(`op suite on ${info.name}: ${passed} passed, ${failures.length} failed`);
  for (const f of failures.slice(0, 20)) console.log(`  FAIL ${f}`);
  report.suite = { passed, failed: failures.length, failures };

  // 2. matmul. The GPU ramps its clocks up under load: ~2.5 s of large matmuls first.
  const reps = quick ? 3 : 15;
  if (!quick) {
    const a = randn([4096, 4096], { device, seed: 9 });
    const t0 = performance.now();
    while (performance.now() - t0 < 2500) {
      for (let i = 0; i < 10; i++) matmul(a, a).dispose();
      await device.sync();
    }
    a.dispose();
  }
  const shapes: [number, number, number][] = quick
    ? [[256, 256, 256]]
    : [
        [1024, 1024, 1024],
        [4096, 4096, 4096],
        [8192, 768, 3072],
      ];
  for (const [m, k, n] of shapes) {
    const a = randn([m, k], { device, seed: 1 });
    const b = randn([k, n], { device, seed: 2 });
    const t = await timeKernel(device, 'matmul', () => [matmul(a, b)], reps);
    const tflops = (2 * m * n * k) / (t.ms * 1e-3) / 1e12;
    console.log(`matmul ${m}×${k}×${n}: ${t.ms.toFixed(3)} ms, ${tflops.toFixed(2)} TFLOP/s (${t.source})`);
    (report.matmul as unknown[]).push({ m, k, n, ms: t.ms, tflops, timing: t.source });
    a.dispose();
    b.dispose();
  }

  // 3. Bandwidth-bound kernels against a device copy of the same bytes (one read + one write each).
  const bwShapes: ['softmax' | 'layernorm', number[]][] = quick
    ? [
        ['softmax', [512, 256]],
        ['layernorm', [512, 256]],
      ]
    : [
        ['softmax', [4 * 12 * 1024, 1024]],
        ['layernorm', [4 * 1024, 768]],
        ['layernorm', [65536, 768]],
      ];
  for (const [op, shape] of bwShapes) {
    const x = randn(shape, { device, seed: 3 });
    const c = shape[shape.length - 1]!;
    const w = ones([c], { device });
    const bias = zeros([c], { device });
    const bytes = x.nbytes * 2;
    const t =
      op === 'softmax'
        ? await timeKernel(device, 'softmax', () => [softmax(x)], reps)
        : await timeKernel(
            device,
            'layer',
            () => {
              const r = layerNorm(x, w, bias);
              return [r.y, r.mean, r.rstd];
            },
            reps,
          );
    const copy = await timeDeviceCopy(device, x, reps);
    const gbps = bytes / (t.ms * 1e-3) / 1e9;
    const copyGbps = bytes / (copy.ms * 1e-3) / 1e9;
    console.log(
      `${op} [${shape.join(', ')}]: ${t.ms.toFixed(3)} ms, ${gbps.toFixed(0)} GB/s (${t.source}); device copy ${copyGbps.toFixed(0)} GB/s (${copy.source})`,
    );
    (report.bandwidth as unknown[]).push({ op, shape, ms: t.ms, gbps, copyMs: copy.ms, copyGbps, timing: t.source, copyTiming: copy.source });
    for (const tt of [x, w, bias]) tt.dispose();
  }
  if (jsonPath) writeFileSync(jsonPath, JSON.stringify(report, null, 1));
  process.exit(failures.length ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
