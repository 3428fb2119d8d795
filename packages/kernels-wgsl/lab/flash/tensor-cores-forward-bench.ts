/**
 * The tensor-core flash-attention forward against the f32 one on the same device (meant for the
 * GPU machine, see ../../../docs/benchmarks.md): causal, fp32 tensors, B 4, H 12, D 64. It first checks
 * every variant against the CPU device (causal; --check-all adds dropout and a key-padding mask) and prints the
 * largest error of each, then times the forward kernels with timestamp queries; TFLOP/s as
 * FlashAttention counts the forward (2·B·H·T²·D, causal), though the tensor-core kernel takes the
 * scores twice.
 *
 *   bash .gpu/run.sh .gpu/app/flash-attention-tensor-cores-bench.mjs [--json out.json] [--tiny] [--all] [--check-all]
 */
import { writeFileSync } from 'node:fs';
import { createCpuDevice, fromArray, full, randn, runOp, zeros, type OpParams, type Tensor } from '@lightattn/tensor-core';
import type { KernelCall, KernelDispatch } from '../../src/kernel-api.js';
import { selectFlashConfig } from '../../src/kernels/flash/config.js';
import { directForwardBytes, flashAttentionTensorCoreDirectSteps, type DirectOptions } from './tensor-cores-direct.js';
import { flashAttentionTensorCoreDispatch, tensorCoreForwardBytes, type TensorCoreOptions } from './tensor-cores-two-stage.js';
import { flashAttentionDispatch } from '../../src/kernels/flash/forward.js';
import type { WebGPUDevice } from '../../src/index.js';
import { tensorCoreDevice } from './tensor-core-device.js';

const args = process.argv.slice(2);
const jsonPath = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const tiny = args.includes('--tiny');
const [B, H, D] = tiny ? [1, 2, 64] : [4, 12, 64];
const TS = tiny ? [64, 130] : args.includes('--short') ? [1024, 4096] : [1024, 4096, 16384];

type Variant = { label: string; dispatch: (call: KernelCall<'flashAttention'>) => KernelDispatch | KernelDispatch[] };

async function main() {
  const { device, subgroupMatrices } = await tensorCoreDevice();
  const info = device.info();
  const emulate = !subgroupMatrices;
  console.log(`device: ${info.description}; subgroup matrices f16 → f32 16×16×16 with subgroups of 32: ${subgroupMatrices ? 'yes' : 'no, emulated'}`);
  const f32Tile = selectFlashConfig(D, D, device.kernelInfo).forward;
  const variants: Variant[] = [{ label: `f32 ${JSON.stringify(f32Tile)}`, dispatch: (c) => flashAttentionDispatch(c, f32Tile) }];
  // The staged form (lab/flash/tensor-cores-two-stage.ts) was measured on 2026-11-22 (docs/benchmarks.md);
  // --all adds its best tile again. Then the direct form: k/v fragments from storage or staged tiles.
  if (args.includes('--all')) {
    for (const split of [true, false]) {
      const o: TensorCoreOptions = { emulate, split, subgroups: 4, bc: 16 };
      if (tensorCoreForwardBytes(o, D, D, emulate ? 4 : 2, split) > device.kernelInfo.limits.maxComputeWorkgroupStorageSize) continue;
      variants.push({
        label: `staged ${split ? 'split' : 'f16'}${emulate ? ' EMULATED' : ''} sg4 bc16`,
        dispatch: (c) => flashAttentionTensorCoreDispatch(c, o),
      });
    }
  }
  // [split, subgroups, rows, bc, kv, separate cross accumulators, one pass]. The two-pass tiles of
  // 2026-11-22's "Second round" (the best split and f16 ones; --all adds the others), then one pass.
  type Tile = [boolean, number, number, number, 'direct' | 'staged', boolean, boolean];
  const direct: Tile[] = [
    [true, 8, 16, 16, 'staged', false, false],
    [false, 8, 16, 16, 'staged', false, false],
    [true, 8, 16, 16, 'staged', false, true],
    [true, 8, 16, 16, 'staged', true, true],
    [true, 4, 16, 32, 'staged', false, true],
    [false, 8, 16, 16, 'staged', false, true],
    [false, 4, 16, 32, 'staged', false, true],
    [false, 8, 16, 32, 'staged', false, true],
    [false, 4, 32, 16, 'staged', false, true],
    [true, 8, 16, 16, 'direct', false, true],
    [false, 8, 16, 16, 'direct', false, true],
    [false, 4, 32, 32, 'direct', false, true],
    ...(args.includes('--all')
      ? ([
          [true, 8, 16, 16, 'staged', true, false],
          [true, 4, 16, 16, 'staged', true, false],
          [true, 4, 16, 32, 'staged', true, false],
          [true, 4, 32, 16, 'staged', true, false],
          [true, 2, 32, 32, 'direct', true, false],
        ] as Tile[])
      : []),
  ];
  for (const [split, subgroups, rows, bc, kv, separateCross, onePass] of direct) {
    const o: DirectOptions = { emulate, split, subgroups, rows, bc, kv, separateCross, onePass };
    if (directForwardBytes(o, emulate ? 4 : 2, split, D) > device.kernelInfo.limits.maxComputeWorkgroupStorageSize) continue;
    variants.push({
      label: `direct ${onePass ? 'one-pass' : 'two-pass'} ${split ? 'split' : 'f16'}${emulate ? ' EMULATED' : ''} sg${subgroups} rows${rows} bc${bc} kv ${kv}${separateCross ? ' cross' : ''}`,
      dispatch: (c) => flashAttentionTensorCoreDirectSteps(c, o),
    });
  }
  const report: Record<string, unknown> = { device: info, date: new Date().toISOString(), shape: { B, H, D } };

  // 1. Correctness against the CPU device.
  const cpu = createCpuDevice();
  const errors: Record<string, unknown>[] = [];
  // Each case compiles its own pipelines (seconds each on the real GPU): by default the causal case
  // the timings use, and the same with keys growing along the sequence (key row j times 1 + 12·j/T:
  // the row maxima keep growing, so one pass rescales accumulators that already hold sums);
  // --check-all adds dropout and a padding mask (the unit tests cover them emulated).
  type Case = readonly [T: number, causal: boolean, p: number, padded: boolean, ramp: number];
  const cases: readonly Case[] = [
    [256, true, 0, false, 0],
    [256, true, 0, false, 12],
    ...(args.includes('--check-all')
      ? ([
          [130, true, 0.1, false, 0],
          [67, false, 0, true, 0],
        ] as const)
      : []),
  ];
  for (const [T, causal, p, padded, ramp] of cases) {
    const growth = (seed: number, i: number) => (seed === 2 ? 1 + (ramp * (Math.floor(i / D) % T)) / T : 1);
    const values = (seed: number, s: number) => Float32Array.from({ length: 2 * T * D }, (_, i) => Math.sin(i * 12.9898 + seed * 78.233) * s * growth(seed, i));
    const maskData = padded ? Array.from({ length: T }, (_, j) => (j % 7 === 3 ? 0 : 1)) : [1];
    const on = (dev: WebGPUDevice | ReturnType<typeof createCpuDevice>): Tensor[] => [
      fromArray(values(1, 1.5), { shape: [1, 2, T, D], device: dev }),
      fromArray(values(2, 1.5), { shape: [1, 2, T, D], device: dev }),
      fromArray(values(3, 1), { shape: [1, 2, T, D], device: dev }),
      fromArray(maskData, { shape: padded ? [1, 1, 1, T] : [1, 1, 1, 1], dtype: 'bool', device: dev }),
    ];
    const params: OpParams<'flashAttention'> = { causal, scale: 1 / Math.sqrt(D), p, seed: 7, offset: 3, rowOffset: 0, rows: T };
    const [ro, rl] = runOp('flashAttention', on(cpu), params);
    const [eo, el] = [await ro!.toArray(), await rl!.toArray()];
    const inputs = on(device);
    for (const v of variants) {
      const [o, lse] = [zeros([1, 2, T, D], { device }), zeros([1, 2, T], { device })];
      const call = { op: 'flashAttention', inputs, outputs: [o, lse], params, device: device.kernelInfo, errorTag: 0 } as KernelCall<'flashAttention'>;
      try {
        device.runSteps(call, v.dispatch(call));
        const [ao, al] = [await o.toArray(), await lse.toArray()];
        const maxDiff = (a: ArrayLike<number>, e: ArrayLike<number>) => {
          let m = 0;
          for (let i = 0; i < a.length; i++) m = Math.max(m, e[i] === a[i] ? 0 : Math.abs(a[i]! - e[i]!));
          return m;
        };
        const row = { variant: v.label, T, causal, p, padded, ramp, maxAbsErrO: maxDiff(ao, eo), maxAbsErrLse: maxDiff(al, el) };
        errors.push(row);
        console.log(JSON.stringify(row));
      } catch (e) {
        errors.push({ variant: v.label, T, error: (e as Error).message.split('\n').slice(0, 4).join(' | ') });
        console.log(`FAIL ${v.label} T ${T}: ${(e as Error).message.split('\n').slice(0, 4).join(' | ')}`);
      }
      o.dispose();
      lse.dispose();
    }
    inputs.forEach((t) => t.dispose());
  }
  report.errors = errors;

  // 2. Forward GPU time per variant and T (median of 5 profiled runs, after a warm-up).
  const rows: Record<string, unknown>[] = [];
  for (const T of TS) {
    const params: OpParams<'flashAttention'> = { causal: true, scale: 1 / Math.sqrt(D), p: 0, seed: 0, offset: 0, rowOffset: 0, rows: T };
    const inputs = [
      randn([B, H, T, D], { device, seed: 1 }),
      randn([B, H, T, D], { device, seed: 2 }),
      randn([B, H, T, D], { device, seed: 3 }),
      full([1, 1, 1, 1], 1, { dtype: 'bool', device }),
    ];
    const [o, lse] = [zeros([B, H, T, D], { device }), zeros([B, H, T], { device })];
    const call = { op: 'flashAttention', inputs, outputs: [o, lse], params, device: device.kernelInfo, errorTag: 0 } as KernelCall<'flashAttention'>;
    for (const v of variants) {
      try {
        const step = v.dispatch(call);
        const warm = performance.now();
        while (performance.now() - warm < (tiny ? 50 : 600)) {
          device.runSteps(call, step);
          await device.sync();
        }
        const samples: number[] = [];
        const stageMs: number[] = [];
        for (let r = 0; r < (T >= 16384 ? 3 : 5); r++) {
          const { profile } = await device.profile(async () => {
            device.runSteps(call, step);
            await device.sync();
          });
          samples.push(profile.kernels.reduce((s, k) => s + k.totalMs, 0));
          // The direct form's f16 copies of q, k and v (included in ms).
          stageMs.push(profile.kernels.filter((k) => k.name === 'flashAttentionTCStage').reduce((s, k) => s + k.totalMs, 0));
        }
        const ms = samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
        const row = {
          variant: v.label,
          T,
          ms,
          stageMs: stageMs.sort((a, b) => a - b)[Math.floor(stageMs.length / 2)],
          tflops: (2 * B * H * T * T * D) / ms / 1e9,
        };
        rows.push(row);
        console.log(`T ${T} ${v.label}: ${ms.toFixed(3)} ms, ${row.tflops.toFixed(2)} TFLOP/s`);
      } catch (e) {
        rows.push({ variant: v.label, T, error: (e as Error).message.split('\n')[0] });
        console.log(`FAIL timing ${v.label} T ${T}: ${(e as Error).message.split('\n')[0]}`);
      }
    }
    [...inputs, o, lse].forEach((t) => t.dispose());
  }
  report.timings = rows;
  if (jsonPath) writeFileSync(jsonPath, JSON.stringify(report, null, 2));
  device.destroy();
}

await main();
