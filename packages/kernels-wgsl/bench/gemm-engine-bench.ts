/**
 * The GEMM engine (src/kernels/gemm/) against the f32 kernels, per precision, on 4096³ and GPT-2
 * small's products at B·T 8192 (forward x·W and both backward transposes), with GPU time from
 * timestamp queries: the whole matmul (max passes, f16 copies, GEMM) and the GEMM kernel alone.
 * Each precision is first checked on the GPU against a float64 reference (largest error relative to
 * Σ|a·b|). The peer, cuBLAS on the same shapes, is scripts/bench/torch_gemm.py --shapes.
 *
 *   bash .gpu/run.sh .gpu/app/gemm-engine-bench.mjs [--json out.json] [--quick] [--configs] [--smoke]
 */
import { writeFileSync } from 'node:fs';
import { fromArray, randn, zeros, type Tensor } from '@lightattn/tensor-core';
import type { KernelCall, KernelStep } from '../src/kernel-api.js';
import { GEMM_CONFIGS, type GemmConfig } from '../src/kernels/gemm/gemm-config.js';
import type { MatmulPrecision } from '../src/kernels/gemm/gemm-precision.js';
import { gemmSteps } from '../src/kernels/gemm/gemm-steps.js';
import { matmulDispatch, selectMatmulConfig } from '../src/kernels/matmul.js';
import { createWebGPUDevice, type WebGPUDevice } from '../src/index.js';

const args = process.argv.slice(2);
const jsonPath = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const quick = args.includes('--quick');
/** Accuracy checks and one 128³ timing only (to try the bundle on a software adapter). */
const smoke = args.includes('--smoke');

interface Shape {
  readonly label: string;
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly transA: boolean;
  readonly transB: boolean;
}

const shapes: Shape[] = [{ label: '4096³', m: 4096, n: 4096, k: 4096, transA: false, transB: false }];
// GPT-2 small at B·T = 8192: each Linear's forward (x·W), input gradient (dY·Wᵀ) and weight gradient (xᵀ·dY).
for (const [name, c, f] of [
  ['qkv 768→2304', 768, 2304],
  ['mlp proj 3072→768', 3072, 768],
  ['lm head 768→50257', 768, 50257],
] as const) {
  shapes.push({ label: `${name} forward`, m: 8192, k: c, n: f, transA: false, transB: name.startsWith('lm') });
  shapes.push({ label: `${name} dX`, m: 8192, k: f, n: c, transA: false, transB: !name.startsWith('lm') });
  shapes.push({ label: `${name} dW`, m: name.startsWith('lm') ? f : c, k: 8192, n: name.startsWith('lm') ? c : f, transA: true, transB: false });
}

function call(device: WebGPUDevice, a: Tensor, b: Tensor, out: Tensor, transA: boolean, transB: boolean): KernelCall<'matmul'> {
  const id = device.customCall('matmul');
  return {
    op: 'matmul',
    inputs: [a, b],
    outputs: [out],
    params: { transA, transB },
    device: id.device,
    errorTag: id.errorTag,
  } as unknown as KernelCall<'matmul'>;
}

function steps(c: KernelCall<'matmul'>, precision: MatmulPrecision, config?: GemmConfig): KernelStep[] {
  if (precision === 'highest') {
    const o = c.outputs[0]!;
    const r = matmulDispatch(c, selectMatmulConfig(o.shape[0]!, o.shape[1]!, 1, c.device));
    return Array.isArray(r) ? r : [r as KernelStep];
  }
  return gemmSteps(c, { precision, ...(config ? { config } : {}) });
}

/** Median GPU time of one matmul: all its kernels, and the GEMM kernel (`gemm` or `matmul`) alone. */
async function time(device: WebGPUDevice, run: () => void, reps: number): Promise<{ ms: number; gemmMs: number; kernels: Record<string, number> }> {
  for (let i = 0; i < 2; i++) run();
  await device.sync();
  const all: number[] = [];
  const main: number[] = [];
  const kernels: Record<string, number[]> = {};
  for (let r = 0; r < reps; r++) {
    const { profile } = await device.profile(async () => {
      run();
      await device.sync();
    });
    if (!profile.available) throw new Error(profile.reason);
    all.push(profile.totalMs);
    main.push(profile.kernels.filter((k) => k.name === 'gemm' || k.name === 'matmul').reduce((s, k) => s + k.totalMs, 0));
    for (const k of profile.kernels) (kernels[k.name] ??= []).push(k.totalMs);
  }
  const med = (x: number[]) => x.sort((p, q) => p - q)[Math.floor(x.length / 2)]!;
  return { ms: med(all), gemmMs: med(main), kernels: Object.fromEntries(Object.entries(kernels).map(([k, v]) => [k, med(v)])) };
}

/** Largest |c − ref| / Σ|a·b| of one precision on an edge-sized product (float64 reference on the host). */
async function accuracy(device: WebGPUDevice, precision: MatmulPrecision, s: Shape): Promise<number> {
  const rnd = (n: number, seed: number) => Float32Array.from({ length: n }, (_, i) => (Math.sin(i * 12.9898 + seed * 78.233) * 43758.5453) % 1);
  const a = rnd(s.m * s.k, 1);
  const b = rnd(s.k * s.n, 2);
  const ta = fromArray(a, { shape: s.transA ? [s.k, s.m] : [s.m, s.k], device });
  const tb = fromArray(b, { shape: s.transB ? [s.n, s.k] : [s.k, s.n], device });
  const out = zeros([s.m, s.n], { device });
  const c = call(device, ta, tb, out, s.transA, s.transB);
  device.runSteps(c, steps(c, precision));
  const got = await out.toArray();
  let worst = 0;
  for (let i = 0; i < s.m; i++) {
    for (let j = 0; j < s.n; j++) {
      let sum = 0;
      let abs = 0;
      for (let p = 0; p < s.k; p++) {
        const x = a[s.transA ? p * s.m + i : i * s.k + p]! * b[s.transB ? j * s.k + p : p * s.n + j]!;
        sum += x;
        abs += Math.abs(x);
      }
      if (abs > 0) worst = Math.max(worst, Math.abs(got[i * s.n + j]! - sum) / abs);
    }
  }
  for (const t of [ta, tb, out]) t.dispose();
  return worst;
}

async function main(): Promise<void> {
  const device = await createWebGPUDevice({
    matmulPrecision: 'high',
    powerPreference: 'high-performance',
    dawnToggles: ['disable-dawn-features=timestamp_quantization'],
  });
  const info = device.info();
  const tc = info.matmulPrecision === 'high';
  console.log(JSON.stringify({ adapter: info.description, tensorCores: tc }));
  const precisions: MatmulPrecision[] = tc ? ['highest', 'high', 'medium'] : ['highest'];
  const rows: unknown[] = [];
  const emit = (row: object) => {
    rows.push(row);
    console.log(JSON.stringify(row));
  };
  for (const p of precisions) {
    for (const s of [
      { label: 'check 127×65×300', m: 127, n: 65, k: 300, transA: false, transB: false },
      { label: 'check 200×129×1000 Aᵀ Bᵀ', m: 200, n: 129, k: 1000, transA: true, transB: true },
    ]) {
      try {
        emit({ precision: p, shape: s.label, errRelToAbsSum: await accuracy(device, p, s) });
      } catch (e) {
        emit({ precision: p, shape: s.label, error: String((e as Error).message).slice(0, 2000) });
      }
    }
  }
  const reps = quick ? 3 : 5;
  // Warm-up: in a fresh process the first tensor-core kernels ran up to 5× slower for about half a
  // second (docs/benchmarks.md), so a 4096³ product runs for a second before anything is timed.
  if (tc && !smoke) {
    const a = randn([4096, 4096], { device, seed: 3 });
    const out = zeros([4096, 4096], { device });
    const c = call(device, a, a, out, false, false);
    const t0 = performance.now();
    while (performance.now() - t0 < 1000) {
      for (let i = 0; i < 20; i++) device.runSteps(c, steps(c, 'medium'));
      await device.sync();
    }
    a.dispose();
    out.dispose();
  }
  // 4096³ again at the end: a second round shows whether the first was still warming up.
  const timed = smoke
    ? [{ label: '128³', m: 128, n: 128, k: 128, transA: false, transB: false }]
    : quick
      ? shapes.slice(0, 4)
      : [...shapes, { ...shapes[0]!, label: '4096³ again' }];
  for (const s of timed) {
    const a = randn(s.transA ? [s.k, s.m] : [s.m, s.k], { device, seed: 1 });
    const b = randn(s.transB ? [s.n, s.k] : [s.k, s.n], { device, seed: 2 });
    const out = zeros([s.m, s.n], { device });
    const c = call(device, a, b, out, s.transA, s.transB);
    const flops = 2 * s.m * s.n * s.k;
    const configs: (GemmConfig | undefined)[] = args.includes('--configs') && s.label === '4096³' ? [undefined, ...Object.values(GEMM_CONFIGS)] : [undefined];
    for (const p of precisions) {
      for (const config of p === 'highest' ? [undefined] : configs) {
        try {
          const t = await time(device, () => device.runSteps(c, steps(c, p, config)), reps);
          emit({
            precision: p,
            shape: s.label,
            m: s.m,
            n: s.n,
            k: s.k,
            transA: s.transA,
            transB: s.transB,
            config: config ?? 'selected',
            ms: t.ms,
            gemmMs: t.gemmMs,
            tflops: flops / t.ms / 1e9,
            gemmTflops: flops / t.gemmMs / 1e9,
            kernels: t.kernels,
          });
        } catch (e) {
          emit({ precision: p, shape: s.label, config: config ?? 'selected', error: String((e as Error).message).slice(0, 400) });
        }
      }
    }
    for (const t of [a, b, out]) t.dispose();
    await device.sync();
  }
  if (jsonPath) writeFileSync(jsonPath, JSON.stringify({ date: new Date().toISOString(), adapter: info.description, rows }, null, 1));
  device.destroy();
}

await main();
