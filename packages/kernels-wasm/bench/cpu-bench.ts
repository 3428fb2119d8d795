/**
 * The CPU devices side by side: the JavaScript reference device, the WebAssembly device on one
 * thread and on every core, and TensorFlow.js's WebAssembly backend (tfjs-backend-wasm, SIMD; one
 * thread, as its Node entry runs) in the same process, on matmul in every layout at 1024³ and at
 * GPT-2 block shapes (B·T = 1024 rows, width 768), softmax [4096, 1024] and layer norm [4096, 768].
 * Runs alternate between the implementations, round after round, and the median is reported, so a
 * machine shared with other work slows them alike. Prints `uptime` first.
 *
 *   node --conditions=source --import tsx packages/kernels-wasm/bench/cpu-bench.ts [--rounds 5] [--json out.json] [--quick]
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import * as tf from '@tensorflow/tfjs-core';
import { getThreadsCount, setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { createCpuDevice, fromArray, layerNorm, matmul, softmax, type Device } from '@lightattn/tensor-core';
import { createWasmDevice } from '../src/index.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.indexOf(`--${name}`);
const rounds = flag('rounds') >= 0 ? Number(args[flag('rounds') + 1]) : 5;
const jsonOut = flag('json') >= 0 ? args[flag('json') + 1] : undefined;
const quick = flag('quick') >= 0;

console.log(`uptime: ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}`);

setThreadsCount(2);
await tf.setBackend('wasm');
await tf.ready();
const tfThreads = getThreadsCount();

const reference = createCpuDevice();
const one = await createWasmDevice({ threads: 1, name: 'wasm-1' });
const all = await createWasmDevice({ name: 'wasm-all' });
console.log(`wasm: ${all.info().description}; tfjs-backend-wasm: ${tfThreads} thread(s)`);

/** `reference`/`tfjsRounds`: how many timed rounds the JavaScript device and tfjs get (they are 10–100× slower on some cases). */
type Op = { flops: number; ours: (d: Device) => () => void; tfjs: () => () => void; reference: boolean; tfjsRounds?: number };
const values = (n: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.37));
const size = (s: number[]) => s.reduce((a, b) => a * b, 1);

function matmulOp(aShape: number[], bShape: number[], transA: boolean, transB: boolean): Op {
  const m = transA ? aShape.at(-1)! : aShape.at(-2)!;
  const k = transA ? aShape.at(-2)! : aShape.at(-1)!;
  const n = transB ? bShape.at(-2)! : bShape.at(-1)!;
  const batch = Math.max(size(aShape.slice(0, -2)), size(bShape.slice(0, -2)));
  const a = values(size(aShape));
  const b = values(size(bShape));
  return {
    flops: 2 * batch * m * n * k,
    reference: 2 * batch * m * n * k <= 3e9,
    // tfjs-backend-wasm transposes through a slow path (about 0.1–2 GFLOP/s): one timed round.
    tfjsRounds: transA || transB ? 1 : undefined,
    ours: (d) => {
      const ta = fromArray(a, { shape: aShape, device: d });
      const tb = fromArray(b, { shape: bShape, device: d });
      return () => matmul(ta, tb, { transA, transB }).dispose();
    },
    tfjs: () => {
      const ta = tf.tensor(a, aShape);
      const tb = tf.tensor(b, bShape);
      return () => tf.matMul(ta, tb, transA, transB).dispose();
    },
  };
}

function softmaxOp(shape: number[]): Op {
  const x = values(size(shape));
  return {
    flops: 0,
    reference: true,
    ours: (d) => {
      const t = fromArray(x, { shape, device: d });
      return () => softmax(t, -1).dispose();
    },
    tfjs: () => {
      const t = tf.tensor(x, shape);
      return () => tf.softmax(t).dispose();
    },
  };
}

function layerNormOp(shape: number[]): Op {
  const x = values(size(shape));
  const c = shape.at(-1)!;
  const w = values(c);
  return {
    flops: 0,
    reference: true,
    ours: (d) => {
      const t = fromArray(x, { shape, device: d });
      const tw = fromArray(w, { shape: [c], device: d });
      return () => {
        const r = layerNorm(t, tw, tw, 1e-5);
        r.y.dispose();
        r.mean.dispose();
        r.rstd.dispose();
      };
    },
    // tfjs has no fused layer norm: moments, then (x − mean)·rsqrt(var + eps)·w + b.
    tfjs: () => {
      const t = tf.tensor(x, shape);
      const tw = tf.tensor(w, [c]);
      return () =>
        tf
          .tidy(() => {
            const { mean, variance } = tf.moments(t, -1, true);
            return tf.add(tf.mul(tf.mul(tf.sub(t, mean), tf.rsqrt(tf.add(variance, 1e-5))), tw), tw);
          })
          .dispose();
    },
  };
}

const CASES: [string, Op][] = [
  ['matmul 1024³', matmulOp([1024, 1024], [1024, 1024], false, false)],
  ['matmul 1024³ aᵀ', matmulOp([1024, 1024], [1024, 1024], true, false)],
  ['matmul 1024³ bᵀ', matmulOp([1024, 1024], [1024, 1024], false, true)],
  ['matmul 256³', matmulOp([256, 256], [256, 256], false, false)],
  ['matmul 256³ batched ×8', matmulOp([8, 256, 256], [8, 256, 256], false, false)],
  ['qkv [1024×768]·[768×2304]', matmulOp([1024, 768], [768, 2304], false, false)],
  ['fc [1024×768]·[768×3072]', matmulOp([1024, 768], [768, 3072], false, false)],
  ['proj [1024×3072]·[3072×768]', matmulOp([1024, 3072], [3072, 768], false, false)],
  ['dx [1024×2304]·[768×2304]ᵀ', matmulOp([1024, 2304], [768, 2304], false, true)],
  ['dW [1024×768]ᵀ·[1024×2304]', matmulOp([1024, 768], [1024, 2304], true, false)],
  ['scores [96,128,64]·[96,128,64]ᵀ', matmulOp([96, 128, 64], [96, 128, 64], false, true)],
  ['softmax [4096, 1024]', softmaxOp([4096, 1024])],
  ['layer norm [4096, 768]', layerNormOp([4096, 768])],
];

const IMPLS = ['lightattn cpu', 'wasm 1 thread', `wasm ${all.threads} threads`, `tfjs-wasm ${tfThreads} thread${tfThreads === 1 ? '' : 's'}`] as const;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const results: { case: string; impl: string; ms: number; gflops: number | null }[] = [];

for (const [name, op] of quick ? CASES.slice(0, 2) : CASES) {
  const runners = [op.reference ? op.ours(reference) : null, op.ours(one), op.ours(all), op.tfjs()];
  const times: number[][] = runners.map(() => []);
  // One untimed run each (first-use allocation), then alternating timed rounds.
  runners.forEach((r, i) => (i === 3 && op.tfjsRounds ? undefined : r?.()));
  const cap = [Math.min(rounds, op.flops > 1e9 ? 1 : 3), rounds, rounds, op.tfjsRounds ?? rounds];
  for (let round = 0; round < rounds; round++) {
    runners.forEach((r, i) => {
      if (!r || round >= cap[i]!) return;
      const t0 = performance.now();
      r();
      times[i]!.push(performance.now() - t0);
    });
  }
  const row = IMPLS.map((impl, i) => {
    if (!times[i]!.length) return `${impl}: –`;
    const ms = median(times[i]!);
    const gflops = op.flops ? op.flops / ms / 1e6 : null;
    results.push({ case: name, impl, ms, gflops });
    return `${impl}: ${gflops ? `${gflops.toFixed(1)} GFLOP/s` : `${ms.toFixed(2)} ms`}`;
  });
  console.log(`${name.padEnd(34)} ${row.join(' | ')}`);
}
console.log(`uptime: ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ rounds, tfThreads, threads: all.threads, results }, null, 2));
one.destroy();
all.destroy();
