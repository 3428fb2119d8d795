import { join, resolve } from 'node:path';
import { noGrad } from '@lightattn/autograd';
import { fromArray, type Device } from '@lightattn/tensor-core';
import { formatHelp, parseArgs, type FlagSpecs } from '../args.js';
import { type MatmulPrecision, selectDevice, type DeviceChoice } from '../device-select.js';
import { EXIT } from '../errors.js';
import { formatBytes, formatSi, formatTable } from '../format.js';
import type { CommandIo } from '../io.js';
import { buildModel, forwardLoss, type ModelConfig } from '../model-factory.js';
import { barChart } from '../plot/charts.js';
import { writeScene } from '../plot/write-plot.js';
import { createOptimizer } from '../train/optimizer.js';
import { BENCH_IMPLS, benchSpec, defaultVocab, implLabel, parseImpls, type BenchImpl } from './bench-common.js';
import { DEBUG_FLAG, DEVICE_FLAG, MODEL_FLAGS, modelFlagsOf } from './model-flags.js';

export const BENCH_SPEED_FLAGS = {
  ...MODEL_FLAGS,
  batch: { type: 'int', min: 1, default: 4, placeholder: 'B', help: 'sequences per step' },
  seq: { type: 'int', min: 2, default: 128, placeholder: 'T', help: 'tokens per sequence' },
  vocab: { type: 'int', min: 2, placeholder: 'V', help: 'vocabulary size (default 50257 for the OpenAI sizes, else 256)' },
  impls: { type: 'list', default: [...BENCH_IMPLS], placeholder: 'LIST', help: `rows to time, from ${BENCH_IMPLS.join(',')}` },
  steps: { type: 'int', min: 1, default: 3, placeholder: 'N', help: 'timed training steps per row' },
  warmup: { type: 'int', min: 0, default: 1, placeholder: 'N', help: 'untimed steps first (pipeline compilation, buffer pool)' },
  ...DEVICE_FLAG,
  plot: { type: 'boolean', help: 'write bench-speed.svg and .png (bars of tokens/s)' },
  out: { type: 'string', default: '.', placeholder: 'DIR', help: 'folder for --plot' },
  json: { type: 'boolean', help: 'print the rows as JSON' },
  ...DEBUG_FLAG,
} as const satisfies FlagSpecs;

export const BENCH_SPEED_HELP = formatHelp(
  'lightattn bench speed [options]',
  'Tokens per second of training steps (forward, backward, AdamW) and of the forward alone, per attention implementation and for LEAP, on the chosen device.',
  BENCH_SPEED_FLAGS,
);

export interface SpeedRow {
  impl: BenchImpl;
  label: string;
  trainTokensPerSecond: number;
  forwardTokensPerSecond: number;
  msPerStep: number;
  peak: number;
}

/** Times `steps` training steps and `steps` forwards after `warmup` of each; waits for the device before reading the clock. */
export async function timeImpl(
  spec: ModelConfig,
  device: Device,
  o: { batch: number; seq: number; steps: number; warmup: number },
): Promise<Omit<SpeedRow, 'impl' | 'label'>> {
  const lm = buildModel(spec, device, 0);
  const optimizer = createOptimizer(lm, { lr: 1e-4, weightDecay: 0.1 });
  const ids = fromArray(
    Int32Array.from({ length: o.batch * o.seq }, (_, i) => (i * 7919) % spec.config.vocab_size),
    { shape: [o.batch, o.seq], device },
  );
  const trainStep = async () => {
    optimizer.zeroGrad();
    const loss = forwardLoss(lm, ids, null);
    loss.backward();
    optimizer.step();
    await loss.item();
    loss.dispose();
  };
  const forward = async () => {
    const loss = noGrad(() => forwardLoss(lm, ids, null));
    await loss.item();
    loss.dispose();
  };
  try {
    device.memory.resetPeak();
    for (let i = 0; i < o.warmup; i++) await trainStep();
    await device.sync();
    let start = performance.now();
    for (let i = 0; i < o.steps; i++) await trainStep();
    await device.sync();
    const trainMs = performance.now() - start;
    const peak = device.memory.peak;
    lm.model.eval();
    for (let i = 0; i < o.warmup; i++) await forward();
    start = performance.now();
    for (let i = 0; i < o.steps; i++) await forward();
    await device.sync();
    const forwardMs = performance.now() - start;
    const tokens = o.batch * o.seq * o.steps;
    return { trainTokensPerSecond: (tokens * 1000) / trainMs, forwardTokensPerSecond: (tokens * 1000) / forwardMs, msPerStep: trainMs / o.steps, peak };
  } finally {
    optimizer.zeroGrad();
    optimizer.dispose();
    ids.dispose();
    lm.model.dispose();
  }
}

/** `lightattn bench speed`. */
export async function benchSpeedCommand(argv: readonly string[], io: CommandIo, cwd = process.cwd()): Promise<number> {
  const a = parseArgs(argv, BENCH_SPEED_FLAGS, 'bench speed', { positionals: 0 });
  const f = a.flags;
  if (f.help) {
    io.stdout.write(`${BENCH_SPEED_HELP}\n`);
    return EXIT.ok;
  }
  const impls = parseImpls(f.impls!);
  const flags = modelFlagsOf(a.flags);
  const vocab = f.vocab ?? defaultVocab(f.preset!);
  const o = { batch: f.batch!, seq: f.seq!, steps: f.steps!, warmup: f.warmup! };
  const specs = impls.map((impl) => ({ impl, spec: benchSpec(flags, impl, vocab, o.seq) }));
  const selected = await selectDevice(f.device as DeviceChoice, {
    tensorCores: f['tensor-cores'],
    matmulPrecision: f['matmul-precision'] as MatmulPrecision | undefined,
  });
  const rows: SpeedRow[] = [];
  try {
    for (const { impl, spec } of specs) {
      if (!f.json) io.stderr.write(`timing ${implLabel(impl, spec)} …\n`);
      rows.push({ impl, label: implLabel(impl, spec), ...(await timeImpl(spec, selected.device, o)) });
    }
  } finally {
    selected.release();
  }
  if (f.json) {
    io.stdout.write(`${JSON.stringify({ ...o, vocab, preset: f.preset, device: selected.reason, rows }, null, 2)}\n`);
    return EXIT.ok;
  }
  const out = [
    `${f.config ?? f.preset}, vocab ${vocab}, batch ${o.batch} × seq ${o.seq}, ${o.steps} timed steps after ${o.warmup} warmup, on ${selected.reason}`,
    '',
  ];
  out.push(
    formatTable(
      ['configuration', 'train tok/s', 'ms/step', 'forward tok/s', 'peak memory'],
      rows.map((r) => [r.label, formatSi(r.trainTokensPerSecond), r.msPerStep.toFixed(1), formatSi(r.forwardTokensPerSecond), formatBytes(r.peak)]),
    ),
  );
  if (f.plot) {
    const scene = barChart({
      title: `tokens/s, ${f.preset} batch ${o.batch} x seq ${o.seq} on ${selected.device.type}`,
      yLabel: 'tokens per second',
      groups: rows.map((r) => r.label),
      series: [
        { name: 'training step', values: rows.map((r) => r.trainTokensPerSecond) },
        { name: 'forward only', values: rows.map((r) => r.forwardTokensPerSecond) },
      ],
    });
    out.push(`plots: ${writeScene(scene, join(resolve(cwd, f.out!), 'bench-speed')).join(', ')}`);
  }
  io.stdout.write(`${out.join('\n')}\n`);
  return EXIT.ok;
}
