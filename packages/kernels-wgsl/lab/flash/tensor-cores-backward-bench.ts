/**
 * The tensor-core flash-attention backward against the f32 one on the same device (meant for the
 * GPU machine, see ../../../docs/benchmarks.md): causal, fp32 tensors, B 4, H 12, D 64. Each variant is
 * first checked against the CPU device (causal T 256), then the backward kernels (f16 copies, D,
 * dQ, dK/dV) are timed with timestamp queries after a warm-up. TFLOP/s as FlashAttention counts the
 * backward (2.5× the forward's 2·B·H·T²·D, causal: 5·B·H·T²·D), though both recompute the scores.
 *
 *   bash .gpu/run.sh .gpu/app/flash-attention-tensor-cores-backward-bench.mjs [--json out.json] [--tiny]
 */
import { writeFileSync } from 'node:fs';
import { createCpuDevice, fromArray, full, randn, runOp, zeros, type OpParams, type Tensor } from '@lightattn/tensor-core';
import type { KernelCall, KernelDispatch } from '../../src/kernel-api.js';
import { flashAttentionBackwardSteps } from '../../src/kernels/flash/backward.js';
import { selectFlashConfig } from '../../src/kernels/flash/config.js';
import {
  flashAttentionTensorCoreBackwardSteps,
  tensorCoreBackwardBytes,
  type TensorCoreBackwardOptions,
} from '../../src/kernels/flash/tensor-cores-backward.js';
import { flashAttentionDispatch } from '../../src/kernels/flash/forward.js';
import { tensorCoreDevice } from './tensor-core-device.js';

const args = process.argv.slice(2);
const jsonPath = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const tiny = args.includes('--tiny');
const [B, H, D] = tiny ? [1, 2, 64] : [4, 12, 64];
const TS = tiny ? [64, 130] : args.includes('--short') ? [1024, 4096] : [1024, 4096, 16384];

type Backward = KernelCall<'flashAttentionBackward'>;
type Variant = { label: string; steps: (call: Backward) => KernelDispatch[] };

async function main() {
  const { device, subgroupMatrices } = await tensorCoreDevice();
  const emulate = !subgroupMatrices;
  const info = device.info();
  console.log(`device: ${info.description}; subgroup matrices: ${subgroupMatrices ? 'yes' : 'no, emulated'}`);
  const config = selectFlashConfig(D, D, device.kernelInfo);
  const variants: Variant[] = [{ label: `f32 ${JSON.stringify({ dq: config.dq, dkdv: config.dkdv })}`, steps: (c) => flashAttentionBackwardSteps(c, config) }];
  // [split, subgroups, bc]: the tiles selected now (split and f16 at 4 × 16), then larger f16 ones;
  // --all adds the smaller ones measured on 2026-11-22 (all slower).
  const tiles: [boolean, number, number][] = [
    [true, 4, 16],
    [false, 4, 16],
    [false, 8, 16],
    [false, 4, 32],
    ...(args.includes('--all')
      ? ([
          [true, 2, 16],
          [true, 2, 32],
          [true, 1, 32],
          [false, 2, 32],
        ] as [boolean, number, number][])
      : []),
  ];
  for (const [split, subgroups, bc] of tiny ? tiles.slice(0, 2) : tiles) {
    const o: TensorCoreBackwardOptions = { emulate, split, subgroups, bc };
    if (tensorCoreBackwardBytes(o, emulate ? 4 : 2, split, D, D) > device.kernelInfo.limits.maxComputeWorkgroupStorageSize) continue;
    variants.push({
      label: `tensor cores ${split ? 'split' : 'f16'}${emulate ? ' EMULATED' : ''} sg${subgroups} bc${bc}`,
      steps: (c) => flashAttentionTensorCoreBackwardSteps(c, o),
    });
  }
  const report: Record<string, unknown> = { device: info, date: new Date().toISOString(), shape: { B, H, D } };

  // 1. Correctness against the CPU device: causal T 256 (the timed pipelines).
  const cpu = createCpuDevice();
  const T0 = 256;
  const values = (seed: number, s: number) => Float32Array.from({ length: 2 * T0 * D }, (_, i) => Math.sin(i * 12.9898 + seed * 78.233) * s);
  const params0: OpParams<'flashAttentionBackward'> = { causal: true, scale: 1 / Math.sqrt(D), p: 0, seed: 0, offset: 0, rowOffset: 0, rows: T0 };
  const on = (dev: ReturnType<typeof createCpuDevice> | typeof device): Tensor[] =>
    [1, 2, 3, 4].map((seed) => fromArray(values(seed, seed < 3 ? 1.5 : 1), { shape: [1, 2, T0, D], device: dev }));
  const [cq, ck, cv, cg] = on(cpu);
  const cmask = full([1, 1, 1, 1], 1, { dtype: 'bool', device: cpu });
  const [ro, rl] = runOp('flashAttention', [cq!, ck!, cv!, cmask], params0);
  const expected = await Promise.all(runOp('flashAttentionBackward', [cq!, ck!, cv!, cmask, ro!, rl!, cg!], params0).map((t) => t.toArray()));
  const [gq, gk, gv, gg] = on(device);
  const inputs0 = [
    gq!,
    gk!,
    gv!,
    full([1, 1, 1, 1], 1, { dtype: 'bool', device }),
    fromArray(await ro!.toArray(), { shape: ro!.shape, device }),
    fromArray(await rl!.toArray(), { shape: rl!.shape, device }),
    gg!,
  ];
  const errors: Record<string, unknown>[] = [];
  for (const v of variants) {
    const outputs = [zeros([1, 2, T0, D], { device }), zeros([1, 2, T0, D], { device }), zeros([1, 2, T0, D], { device })];
    const call = { op: 'flashAttentionBackward', inputs: inputs0, outputs, params: params0, device: device.kernelInfo, errorTag: 0 } as Backward;
    try {
      device.runSteps(call, v.steps(call));
      const got = await Promise.all(outputs.map((t) => t.toArray()));
      const err = got.map((a, n) => {
        let m = 0;
        for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(Number(a[i]) - Number(expected[n]![i])));
        return m;
      });
      const row = { variant: v.label, T: T0, maxAbsErrDq: err[0], maxAbsErrDk: err[1], maxAbsErrDv: err[2] };
      errors.push(row);
      console.log(JSON.stringify(row));
    } catch (e) {
      errors.push({ variant: v.label, error: (e as Error).message.split('\n').slice(0, 4).join(' | ') });
      console.log(`FAIL ${v.label}: ${(e as Error).message.split('\n').slice(0, 4).join(' | ')}`);
    }
    outputs.forEach((t) => t.dispose());
  }
  report.errors = errors;

  // 2. Backward GPU time per variant and T (median of profiled runs after a warm-up).
  const rows: Record<string, unknown>[] = [];
  for (const T of TS) {
    const params: OpParams<'flashAttentionBackward'> = { causal: true, scale: 1 / Math.sqrt(D), p: 0, seed: 0, offset: 0, rowOffset: 0, rows: T };
    const [q, k, v, g] = [1, 2, 3, 4].map((seed) => randn([B, H, T, D], { device, seed }));
    const mask = full([1, 1, 1, 1], 1, { dtype: 'bool', device });
    const [o, lse] = [zeros([B, H, T, D], { device }), zeros([B, H, T], { device })];
    const fwd = {
      op: 'flashAttention',
      inputs: [q!, k!, v!, mask],
      outputs: [o, lse],
      params,
      device: device.kernelInfo,
      errorTag: 0,
    } as KernelCall<'flashAttention'>;
    device.runSteps(fwd, flashAttentionDispatch(fwd, config.forward));
    const outputs = [zeros([B, H, T, D], { device }), zeros([B, H, T, D], { device }), zeros([B, H, T, D], { device })];
    const call = { op: 'flashAttentionBackward', inputs: [q!, k!, v!, mask, o, lse, g!], outputs, params, device: device.kernelInfo, errorTag: 0 } as Backward;
    for (const variant of variants) {
      try {
        const steps = variant.steps(call);
        const warm = performance.now();
        while (performance.now() - warm < (tiny ? 50 : 600)) {
          device.runSteps(call, steps);
          await device.sync();
        }
        const samples: { total: number; kernels: Record<string, number> }[] = [];
        for (let r = 0; r < (T >= 16384 ? 3 : 5); r++) {
          const { profile } = await device.profile(async () => {
            device.runSteps(call, steps);
            await device.sync();
          });
          samples.push({
            total: profile.kernels.reduce((s, x) => s + x.totalMs, 0),
            kernels: Object.fromEntries(profile.kernels.map((x) => [x.name, x.totalMs])),
          });
        }
        const median = samples.sort((a, b) => a.total - b.total)[Math.floor(samples.length / 2)]!;
        const row = { variant: variant.label, T, ms: median.total, kernels: median.kernels, tflops: (5 * B * H * T * T * D) / median.total / 1e9 };
        rows.push(row);
        console.log(`T ${T} ${variant.label}: ${median.total.toFixed(3)} ms, ${row.tflops.toFixed(2)} TFLOP/s ${JSON.stringify(median.kernels)}`);
      } catch (e) {
        rows.push({ variant: variant.label, T, error: (e as Error).message.split('\n')[0] });
        console.log(`FAIL timing ${variant.label} T ${T}: ${(e as Error).message.split('\n')[0]}`);
      }
    }
    [q!, k!, v!, g!, mask, o, lse, ...outputs].forEach((t) => t.dispose());
  }
  report.timings = rows;
  if (jsonPath) writeFileSync(jsonPath, JSON.stringify(report, null, 2));
  device.destroy();
}

await main();
