import { join, resolve } from 'node:path';
import { REFERENCE_FIGURES } from '@lightattn/gpt2-model';
import { createCpuDevice } from '@lightattn/tensor-core';
import { formatHelp, parseArgs, type FlagSpecs } from '../args.js';
import { measureStepMemory, predictStepMemory, stepFlops, type StepMemory } from '../bench/measure-memory.js';
import { type MatmulPrecision, selectDevice, type DeviceChoice, type SelectedDevice } from '../device-select.js';
import { EXIT } from '../errors.js';
import { formatTable, sizeUnit } from '../format.js';
import type { CommandIo } from '../io.js';
import { barChart } from '../plot/charts.js';
import { writeScene } from '../plot/write-plot.js';
import { BENCH_IMPLS, benchSpec, defaultVocab, implLabel, parseImpls, type BenchImpl } from './bench-common.js';
import { DEBUG_FLAG, DEVICE_FLAG, MODEL_FLAGS, modelFlagsOf } from './model-flags.js';

export const BENCH_MEMORY_FLAGS = {
  ...MODEL_FLAGS,
  preset: { ...MODEL_FLAGS.preset, default: 'gpt2' },
  batch: { type: 'int', min: 1, default: 4, placeholder: 'B', help: 'sequences per step' },
  seq: { type: 'int', min: 2, default: 1024, placeholder: 'T', help: 'tokens per sequence' },
  vocab: { type: 'int', min: 2, placeholder: 'V', help: 'vocabulary size (default 50257 for the OpenAI sizes, else 256)' },
  impls: { type: 'list', default: [...BENCH_IMPLS], placeholder: 'LIST', help: `rows to measure, from ${BENCH_IMPLS.join(',')}` },
  'loss-chunk': { type: 'int', min: 1, placeholder: 'TOKENS', help: 'chunk the LM loss over this many tokens' },
  measure: {
    type: 'string',
    choices: ['auto', 'always', 'never'],
    default: 'auto',
    help: 'run the steps on the device too: auto = on a GPU, or on the CPU when a step is small (< 1 GFLOP)',
  },
  ...DEVICE_FLAG,
  plot: { type: 'boolean', help: 'write bench-memory.svg and .png (bars of peak and activation memory)' },
  out: { type: 'string', default: '.', placeholder: 'DIR', help: 'folder for --plot' },
  json: { type: 'boolean', help: 'print the rows as JSON' },
  ...DEBUG_FLAG,
} as const satisfies FlagSpecs;

export const BENCH_MEMORY_HELP = formatHelp(
  'lightattn bench memory [options]',
  "Memory of one AdamW training step per attention implementation and for LEAP: peak allocated, reserved, and activations (bytes saved for the backward). The meta device predicts every row (no arithmetic); a real device measures it too. Default: Light Attention's table, GPT-2 small, batch 4, seq 1024.",
  BENCH_MEMORY_FLAGS,
);

export interface MemoryRow {
  impl: BenchImpl;
  label: string;
  predicted: StepMemory;
  measured: StepMemory | null;
  /** (measured − predicted) / predicted of the peak. */
  peakDifference: number | null;
}

/** CPU time of a step above which `--measure auto` skips the CPU device (≈ 2–4 s per step here). */
const CPU_MEASURE_FLOPS = 1e9;

/** `lightattn bench memory`. */
export async function benchMemoryCommand(argv: readonly string[], io: CommandIo, cwd = process.cwd()): Promise<number> {
  const a = parseArgs(argv, BENCH_MEMORY_FLAGS, 'bench memory', { positionals: 0 });
  const f = a.flags;
  if (f.help) {
    io.stdout.write(`${BENCH_MEMORY_HELP}\n`);
    return EXIT.ok;
  }
  const impls = parseImpls(f.impls!);
  const flags = modelFlagsOf(a.flags);
  const vocab = f.vocab ?? defaultVocab(f.preset!);
  const { batch, seq } = { batch: f.batch!, seq: f.seq! };
  const specs = impls.map((impl) => ({ impl, spec: benchSpec(flags, impl, vocab, seq) }));
  let selected: SelectedDevice | null = null;
  let skipNote: string | null = null;
  if (f.measure !== 'never') {
    selected = await selectDevice(f.device as DeviceChoice, {
      tensorCores: f['tensor-cores'],
      matmulPrecision: f['matmul-precision'] as MatmulPrecision | undefined,
    });
    const flops = Math.max(...specs.map((s) => stepFlops(s.spec, batch, seq)));
    if (selected.device.type === 'cpu' && f.measure === 'auto' && flops > CPU_MEASURE_FLOPS) {
      skipNote = `not measured: a step is ≈ ${(flops / 1e9).toFixed(0)} GFLOP, too slow for the CPU device (--measure always runs it anyway; a GPU measures it with --device webgpu)`;
      selected.release();
      selected = null;
    }
  }
  const rows: MemoryRow[] = [];
  const options = { batch, seq, lossChunkTokens: f['loss-chunk'] ?? null };
  try {
    for (const { impl, spec } of specs) {
      const predicted = await predictStepMemory(spec, options);
      let measured: StepMemory | null = null;
      if (selected) {
        // A fresh CPU device per row, so its accountant counts this row only; a GPU is reused (and its pool emptied).
        const device = selected.device.type === 'cpu' ? createCpuDevice() : selected.device;
        measured = await measureStepMemory(spec, device, options);
      }
      rows.push({
        impl,
        label: implLabel(impl, spec),
        predicted,
        measured,
        peakDifference: measured ? (measured.peak - predicted.peak) / predicted.peak : null,
      });
    }
  } finally {
    selected?.release();
  }
  if (f.json) {
    io.stdout.write(`${JSON.stringify({ batch, seq, vocab, preset: f.preset, device: selected?.device.name ?? null, rows }, null, 2)}\n`);
    return EXIT.ok;
  }
  const base = specs[0]!.spec;
  const size =
    base.kind === 'gpt2'
      ? `${base.config.n_layer} layers × ${base.config.n_head} heads × ${base.config.n_embd}`
      : `${base.config.n_layer} layers × ${base.config.n_heads} heads × ${base.config.hidden_size}`;
  const unit = sizeUnit(Math.max(...rows.map((r) => Math.max(r.predicted.peak, r.measured?.peak ?? 0))));
  const mib = unit.format;
  const out: string[] = [
    `${f.config ?? f.preset} (${size}), vocab ${vocab}, batch ${batch} × seq ${seq}, AdamW; sizes in ${unit.name} (2^${unit.name === 'MiB' ? 20 : 10} bytes)`,
    '',
  ];
  const where = selected ? selected.device.name : 'device';
  const header = [
    'configuration',
    'peak',
    'reserved',
    'activations',
    ...(rows.some((r) => r.measured) ? [`${where} peak`, 'reserved', 'activations', 'Δ peak'] : []),
  ];
  const body = rows.map((r) => [
    r.label,
    mib(r.predicted.peak),
    mib(r.predicted.reserved),
    mib(r.predicted.activations),
    ...(r.measured
      ? [mib(r.measured.peak), mib(r.measured.reserved), mib(r.measured.activations), `${(100 * r.peakDifference!).toFixed(2)}%`]
      : rows.some((x) => x.measured)
        ? ['—', '—', '—', '—']
        : []),
  ]);
  out.push(`predicted by the meta device${rows.some((r) => r.measured) ? `, then measured on ${selected!.reason}` : ''}:`);
  out.push(formatTable(header, body));
  if (skipNote) out.push('', skipNote);
  const p = rows[0]!.predicted;
  out.push('', `weights ${mib(p.parameters)} ${unit.name} and AdamW state ${mib(p.optimizer)} ${unit.name} are inside every peak.`);
  if (f.preset === 'gpt2' && batch === 4 && seq === 1024 && !f.config) {
    const seed = REFERENCE_FIGURES;
    out.push(
      `Light Attention's table (GPT2Model without the LM head, A100): vanilla ${seed['seed vanilla'].activationsMiB} MiB, LightSoftmax + DropMatmul ${seed['seed light'].activationsMiB} MiB of activations; PyTorch 2.11 on an H200: eager ${seed['torch eager'].activationsMiB} MB, SDPA ${seed['torch sdpa'].activationsMiB} MB.`,
    );
  }
  if (f.plot) {
    const scene = barChart({
      title: `training-step memory, ${f.preset} batch ${batch} x seq ${seq}`,
      yLabel: unit.name,
      groups: rows.map((r) => r.label),
      series: [
        { name: 'peak (predicted)', values: rows.map((r) => r.predicted.peak / unit.scale) },
        { name: 'activations (predicted)', values: rows.map((r) => r.predicted.activations / unit.scale) },
        ...(rows.some((r) => r.measured) ? [{ name: `peak (${where})`, values: rows.map((r) => (r.measured ? r.measured.peak / unit.scale : NaN)) }] : []),
      ],
    });
    out.push(`plots: ${writeScene(scene, join(resolve(cwd, f.out!), 'bench-memory')).join(', ')}`);
  }
  io.stdout.write(`${out.join('\n')}\n`);
  return EXIT.ok;
}
