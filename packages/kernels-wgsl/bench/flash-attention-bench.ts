/**
 * Flash-attention kernel benchmark for the WebGPU device, meant for a GPU machine (see
 * ../../../docs/benchmarks.md): causal, fp32, B 4, H 12, D 64. GPU times of each kernel from
 * timestamp queries; TFLOP/s as FlashAttention counts them (forward 2·B·H·T²·D, forward + backward
 * 7·B·H·T²·D, causal). With --sweep it first times candidate tiles of each kernel at T 4096 (each
 * kernel's own products: forward 2, dQ 3, dK/dV 4 of B·H·T²·D/2) — how the tiles of
 * src/kernels/flash-attention-config.ts were chosen. It checks the flash ops' cases of the shared op
 * suite on the device first, and every tile it times against the CPU device.
 *
 *   node --conditions=source --import tsx packages/kernels-wgsl/bench/flash-attention-bench.ts [--json out.json] [--sweep] [--tiny]
 */
import { writeFileSync } from 'node:fs';
import { createCpuDevice, fromArray, full, randn, runOp, zeros, type OpParams, type Tensor } from '@lightattn/tensor-core';
import { assertAllClose, opTestCases, toleranceFor } from '@lightattn/tensor-core/testing';
import type { KernelCall, KernelStep } from '../src/kernel-api.js';
import { flashAttentionBackwardSteps } from '../src/kernels/flash/backward.js';
import { flashTileFits, selectFlashConfig, type FlashConfig, type FlashTile } from '../src/kernels/flash/config.js';
import { flashAttentionDispatch } from '../src/kernels/flash/forward.js';
import { createWebGPUDevice, type WebGPUDevice } from '../src/index.js';

const args = process.argv.slice(2);
const jsonPath = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
/** --tiny: B 1, H 2, T 64 / 130, to check the script on SwiftShader before a GPU run. */
const tiny = args.includes('--tiny');
const [B, H, D] = tiny ? [1, 2, 64] : [4, 12, 64];
const TS = tiny ? [64, 130] : [1024, 4096, 16384];
const SWEEP_T = tiny ? 130 : 4096;

type Kind = keyof FlashConfig;
const fast = (br: number, bc: number, threads: number): FlashTile => ({ br, bc, threads, unroll: true, prefetch: true });
const CANDIDATES: Record<Kind, FlashTile[]> = {
  forward: [fast(32, 32, 64), fast(32, 32, 128), fast(32, 64, 128), fast(64, 32, 128), fast(64, 16, 128), { br: 32, bc: 32, threads: 64, unroll: true }],
  dq: [fast(32, 32, 128), fast(32, 32, 64), fast(64, 16, 256), fast(16, 64, 128), fast(64, 16, 128), { br: 32, bc: 32, threads: 128, unroll: true }],
  dkdv: [fast(32, 32, 128), fast(32, 32, 64), fast(32, 32, 256), fast(16, 32, 128), fast(8, 64, 128), { br: 32, bc: 32, threads: 128, unroll: true }],
};

/** The forward and backward calls of one problem, with their outputs. */
function makeCalls(device: WebGPUDevice, inputs: { q: Tensor; k: Tensor; v: Tensor; mask: Tensor; g: Tensor }, params: OpParams<'flashAttention'>) {
  const { q, k, v, mask, g } = inputs;
  const [o, lse] = [zeros(g.shape, { device }), zeros(q.shape.slice(0, 3), { device })];
  const [dq, dk, dv] = [zeros(q.shape, { device }), zeros(k.shape, { device }), zeros(v.shape, { device })];
  const common = { params, device: device.kernelInfo, errorTag: 0 };
  const fwd = { op: 'flashAttention', inputs: [q, k, v, mask], outputs: [o, lse], ...common } as KernelCall<'flashAttention'>;
  const bwd = { op: 'flashAttentionBackward', inputs: [q, k, v, mask, o, lse, g], outputs: [dq, dk, dv], ...common } as KernelCall<'flashAttentionBackward'>;
  return { fwd, bwd, outputs: { o, lse, dq, dk, dv }, dispose: () => [o, lse, dq, dk, dv].forEach((t) => t.dispose()) };
}

const steps = (calls: ReturnType<typeof makeCalls>, config: FlashConfig, backward: boolean): [KernelCall<never>, KernelStep | readonly KernelStep[]][] => [
  [calls.fwd as KernelCall<never>, flashAttentionDispatch(calls.fwd, config.forward)],
  ...(backward ? [[calls.bwd as KernelCall<never>, flashAttentionBackwardSteps(calls.bwd, config)] as [KernelCall<never>, readonly KernelStep[]]] : []),
];

/** Median GPU ms per kernel name over `reps` profiled runs of the forward (and backward). */
async function time(device: WebGPUDevice, T: number, config: FlashConfig, backward: boolean, reps: number): Promise<Record<string, number>> {
  const inputs = {
    q: randn([B, H, T, D], { device, seed: 1 }),
    k: randn([B, H, T, D], { device, seed: 2 }),
    v: randn([B, H, T, D], { device, seed: 3 }),
    g: randn([B, H, T, D], { device, seed: 4 }),
    mask: full([1, 1, 1, 1], 1, { dtype: 'bool', device }),
  };
  const calls = makeCalls(device, inputs, { causal: true, scale: 1 / Math.sqrt(D), p: 0, seed: 0, offset: 0, rowOffset: 0, rows: T });
  const run = () => steps(calls, config, backward).forEach(([call, s]) => device.runSteps(call, s));
  run();
  await device.sync();
  const samples: Record<string, number[]> = {};
  for (let r = 0; r < reps; r++) {
    const { profile } = await device.profile(async () => {
      run();
      await device.sync();
    });
    if (!profile.available) throw new Error('timestamp queries are not available on this device');
    for (const k of profile.kernels) (samples[k.name] ??= []).push(k.totalMs);
  }
  calls.dispose();
  Object.values(inputs).forEach((t) => t.dispose());
  return Object.fromEntries(Object.entries(samples).map(([name, s]) => [name, s.sort((a, b) => a - b)[Math.floor(s.length / 2)]!]));
}

/** Compares a configuration with the CPU device: causal with dropout, and a key-padding mask. */
async function check(device: WebGPUDevice, config: FlashConfig, label: string): Promise<string[]> {
  const cpu = createCpuDevice();
  const failures: string[] = [];
  for (const [T, causal, p, padded] of [
    [130, true, 0.1, false],
    [67, false, 0, true],
  ] as const) {
    const values = (seed: number) => Float32Array.from({ length: 2 * T * D }, (_, i) => Math.sin(i * 12.9898 + seed * 78.233) * 1.5);
    const maskData = padded ? Array.from({ length: T }, (_, j) => (j % 7 === 3 ? 0 : 1)) : [1];
    const on = (dev: WebGPUDevice | ReturnType<typeof createCpuDevice>) => ({
      q: fromArray(values(1), { shape: [1, 2, T, D], device: dev }),
      k: fromArray(values(2), { shape: [1, 2, T, D], device: dev }),
      v: fromArray(values(3), { shape: [1, 2, T, D], device: dev }),
      g: fromArray(values(4), { shape: [1, 2, T, D], device: dev }),
      mask: fromArray(maskData, { shape: padded ? [1, 1, 1, T] : [1, 1, 1, 1], dtype: 'bool', device: dev }),
    });
    const params: OpParams<'flashAttention'> = { causal, scale: 1 / Math.sqrt(D), p, seed: 7, offset: 3, rowOffset: 0, rows: T };
    const r = on(cpu);
    const [o, lse] = runOp('flashAttention', [r.q, r.k, r.v, r.mask], params);
    const [dq, dk, dv] = runOp('flashAttentionBackward', [r.q, r.k, r.v, r.mask, o!, lse!, r.g], params);
    const calls = makeCalls(device, on(device), params);
    steps(calls, config, true).forEach(([call, s]) => device.runSteps(call, s));
    const expected = { o, lse, dq, dk, dv };
    try {
      for (const [name, t] of Object.entries(calls.outputs)) {
        const tolerance =
          name === 'o' || name === 'lse' ? toleranceFor('flashAttention', { k: T + D }) : toleranceFor('flashAttentionBackward', { k: 2 * T + D });
        assertAllClose(await t.toArray(), await expected[name as keyof typeof expected]!.toArray(), tolerance, `${label} T ${T} ${name}`);
      }
    } catch (e) {
      failures.push((e as Error).message.split('\n')[0]!);
    }
    calls.dispose();
  }
  return failures;
}

const tflops = (productsOfHalf: number, T: number, ms: number) => (productsOfHalf * B * H * T * T * D) / ms / 1e9;

async function main() {
  const device = await createWebGPUDevice({ powerPreference: 'high-performance', dawnToggles: ['disable-dawn-features=timestamp_quantization'] });
  const info = device.info();
  console.log(`device: ${info.description ?? info.name}`);
  const report: Record<string, unknown> = { device: info, date: new Date().toISOString(), shape: { B, H, D } };
  const defaults = selectFlashConfig(D, D, device.kernelInfo);

  // 1. Correctness on this device.
  const failures: string[] = [];
  for (const c of opTestCases({ ops: ['flashAttention', 'flashAttentionBackward'] }))
    await c.run(device).catch((e: Error) => failures.push(`${c.name}: ${e.message.split('\n')[0]}`));
  failures.push(...(await check(device, defaults, 'default tiles')));
  const sweep = args.includes('--sweep');
  const candidates = (kind: Kind) => CANDIDATES[kind].filter((t) => flashTileFits(kind, t, D, D, device.kernelInfo));
  if (sweep)
    for (const kind of ['forward', 'dq', 'dkdv'] as const)
      for (const t of candidates(kind)) failures.push(...(await check(device, { ...defaults, [kind]: t }, `${kind} ${JSON.stringify(t)}`)));
  console.log(`correctness: ${failures.length} failed`);
  failures.forEach((f) => console.log(`  FAIL ${f}`));
  report.failures = failures;

  // 2. The GPU ramps its clocks up under load: ~2.5 s of flash attention first.
  const warm = performance.now();
  while (performance.now() - warm < (tiny ? 100 : 2500)) await time(device, SWEEP_T, defaults, true, 1);

  // 3. Tile sweep, one kernel at a time (the others keep the default tiles).
  if (sweep) {
    const rows: Record<string, unknown>[] = [];
    for (const kind of ['forward', 'dq', 'dkdv'] as const) {
      for (const t of candidates(kind)) {
        const ms = await time(device, SWEEP_T, { ...defaults, [kind]: t }, kind !== 'forward', 5);
        const kernelMs = ms[kind === 'forward' ? 'flashAttention' : `flashAttentionBackward-${kind}`]!;
        const row = { kernel: kind, tile: t, ms: kernelMs, tflops: tflops({ forward: 2, dq: 3, dkdv: 4 }[kind], SWEEP_T, kernelMs) };
        rows.push(row);
        console.log(`sweep ${kind} T ${SWEEP_T} ${JSON.stringify(t)}: ${kernelMs.toFixed(3)} ms, ${row.tflops.toFixed(2)} TFLOP/s`);
      }
    }
    report.sweep = rows;
  }

  // 4. The default tiles at every T.
  const rows: Record<string, unknown>[] = [];
  for (const T of TS) {
    const ms = await time(device, T, defaults, true, T >= 16384 ? 2 : 5);
    const fwd = ms['flashAttention']!;
    const total = Object.entries(ms).reduce((s, [name, x]) => (name.startsWith('flashAttention') ? s + x : s), 0);
    const row = { T, kernels: ms, forwardMs: fwd, forwardTflops: tflops(2, T, fwd), totalMs: total, totalTflops: tflops(7, T, total) };
    rows.push(row);
    console.log(
      `T ${T}: forward ${fwd.toFixed(2)} ms ${row.forwardTflops.toFixed(2)} TFLOP/s; forward + backward ${total.toFixed(2)} ms ${row.totalTflops.toFixed(2)} TFLOP/s ${JSON.stringify(ms)}`,
    );
  }
  report.timings = rows;
  if (jsonPath) writeFileSync(jsonPath, JSON.stringify(report, null, 2));
  device.destroy();
}

await main();
