import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatHelp, parseArgs, type FlagSpecs } from '../args.js';
import { BROWN_CORPUS } from '../data/brown-corpus.js';
import { ensureWritableDir } from '../checkpoint/ensure-dir.js';
import { MAX_SEED } from '../checkpoint/trainer-state.js';
import { loadTokenData, resolveSources, type DataSpec, type TokenizerName } from '../data/text-data.js';
import { type MatmulPrecision, selectDevice, type DeviceChoice } from '../device-select.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { formatBytes, formatDuration, formatMarkdownTable, formatSi, formatTable } from '../format.js';
import type { CommandIo } from '../io.js';
import { buildModel, describeModel, modelConfigFromFlags, type ModelKind } from '../model-factory.js';
import { lineChart } from '../plot/charts.js';
import { lossSeries } from '../plot/loss-plot.js';
import { PALETTE } from '../plot/scene.js';
import { writeScene } from '../plot/write-plot.js';
import { evaluateLoss } from '../train/evaluate.js';
import { isMetricsLog, MetricsLog } from '../train/metrics-log.js';
import { createOptimizer } from '../train/optimizer.js';
import { trainLoop } from '../train/trainer.js';
import { DEBUG_FLAG, DEVICE_FLAG } from './model-flags.js';

export const EXPERIMENT_FLAGS = {
  data: { type: 'list', placeholder: 'FILE', help: 'text to train on (the last --val-fraction is validation); --quick alone uses part of the Brown corpus' },
  quick: { type: 'boolean', help: 'a tiny setting that runs in about a minute on a CPU (d 32, 2 heads, 2 layers, seq 64, 30 steps)' },
  tokenizer: { type: 'string', choices: ['char', 'gpt2'], default: 'char', help: 'character-level, or GPT-2 BPE' },
  steps: { type: 'int', min: 1, placeholder: 'N', help: 'optimizer steps for each model (default 2000)' },
  seq: { type: 'int', min: 2, placeholder: 'T', help: 'tokens per sequence (default 256)' },
  batch: { type: 'int', min: 1, placeholder: 'B', help: 'sequences per step (default 16)' },
  'n-embd': { type: 'int', min: 2, placeholder: 'D', help: 'width of both models (default 128)' },
  'n-head': { type: 'int', min: 1, placeholder: 'H', help: 'heads of both models (default 4)' },
  'n-layer': { type: 'int', min: 1, placeholder: 'L', help: 'layers of both models (default 6)' },
  attn: { type: 'string', choices: ['vanilla', 'light', 'chunked', 'flash'], default: 'flash', help: "GPT-2's attention implementation" },
  lr: { type: 'number', min: 0, default: 1e-3, help: 'peak learning rate (cosine decay to 10%, 5% warmup)' },
  dropout: { type: 'number', min: 0, default: 0.1, help: 'dropout of both models' },
  'val-fraction': { type: 'number', min: 0, default: 0.1, help: 'share of the text held out' },
  'eval-interval': { type: 'int', min: 1, placeholder: 'N', help: 'validate every N steps (default: 10 times per run)' },
  'eval-batches': { type: 'int', min: 1, placeholder: 'N', help: 'batches per periodic validation (default 20)' },
  'final-eval-batches': { type: 'int', min: 1, placeholder: 'N', help: 'batches of the final validation (default: the whole split)' },
  seed: { type: 'int', min: 0, max: MAX_SEED, default: 0, help: 'seed of weights, dropout and batch order (the same for both)' },
  ...DEVICE_FLAG,
  out: { type: 'string', default: 'experiments/leap-vs-gpt2', placeholder: 'DIR', help: 'results.json, results.md, the logs, checkpoints and the plot' },
  ...DEBUG_FLAG,
} as const satisfies FlagSpecs;

export const EXPERIMENT_HELP = formatHelp(
  'lightattn experiment leap-vs-gpt2 [options]',
  "The original LEAP code's experiment: GPT-2 and LEAP of equal size (d 128, 4 heads, 6 layers, seq 256) trained for equal steps on the same text, compared by validation perplexity, time and a plot of the loss curves.",
  EXPERIMENT_FLAGS,
);

export interface ExperimentRow {
  model: ModelKind;
  description: string;
  parameters: number;
  valLoss: number;
  valPerplexity: number;
  valTokens: number;
  trainMs: number;
  tokensPerSecond: number;
  peakBytes: number;
  steps: number;
}

/** `lightattn experiment leap-vs-gpt2`. */
export async function experimentCommand(argv: readonly string[], io: CommandIo, cwd = process.cwd()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === 'help' || name === undefined) {
    io.stdout.write(`${EXPERIMENT_HELP}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name !== 'leap-vs-gpt2') throw new UsageError(`experiment: unknown experiment ${JSON.stringify(name)}; the one there is: leap-vs-gpt2`);
  const a = parseArgs(rest, EXPERIMENT_FLAGS, 'experiment leap-vs-gpt2', { positionals: 0 });
  const f = a.flags;
  if (f.help) {
    io.stdout.write(`${EXPERIMENT_HELP}\n`);
    return EXIT.ok;
  }
  if (!f.data?.length && !f.quick)
    throw new UsageError('experiment leap-vs-gpt2: give the text with --data FILE (e.g. tinyshakespeare.txt), or --quick for a tiny run on the Brown corpus');
  const q = f.quick === true;
  const steps = f.steps ?? (q ? 30 : 2000);
  const seq = f.seq ?? (q ? 64 : 256);
  const batch = f.batch ?? (q ? 4 : 16);
  const sizes = { nEmbd: f['n-embd'] ?? (q ? 32 : 128), nHead: f['n-head'] ?? (q ? 2 : 4), nLayer: f['n-layer'] ?? (q ? 2 : 6) };
  const evalInterval = f['eval-interval'] ?? Math.max(1, Math.round(steps / 10));
  const evalBatches = f['eval-batches'] ?? (q ? 2 : 20);
  const dataSpec: DataSpec = {
    sources: f.data?.length ? resolveSources(f.data.map((p) => resolve(cwd, p))) : [BROWN_CORPUS],
    valSources: null,
    valFraction: f['val-fraction']!,
    maxChars: f.data?.length ? null : 200_000,
  };
  const data = loadTokenData(dataSpec, f.tokenizer as TokenizerName, (t) => io.stdout.write(`${t}\n`));
  const outDir = resolve(cwd, f.out!);
  ensureWritableDir(outDir, '--out');
  // Each model's log is emptied for this run: only ever one this command wrote.
  for (const kind of ['gpt2', 'leap']) {
    const logPath = join(outDir, kind, 'metrics.jsonl');
    if (existsSync(logPath) && !isMetricsLog(logPath)) {
      throw new CliError(`--out: ${logPath} exists and is not a lightattn metrics log, so it is left as it is`, undefined, 'pick another --out folder');
    }
  }
  const selected = await selectDevice(f.device as DeviceChoice, {
    tensorCores: f['tensor-cores'],
    matmulPrecision: f['matmul-precision'] as MatmulPrecision | undefined,
  });
  const say = (t: string) => io.stdout.write(`${t}\n`);
  say(`device: ${selected.reason}`);
  say(
    `data: ${formatSi(data.train.length)} training and ${formatSi(data.val.length)} validation tokens (${data.tokenizerSpec.type}, vocabulary ${data.tokenizer.vocabSize})`,
  );
  const rows: ExperimentRow[] = [];
  try {
    for (const kind of ['gpt2', 'leap'] as const) {
      const spec = modelConfigFromFlags(
        { model: kind, preset: 'gpt2-micro', ...sizes, nPositions: seq, attn: kind === 'gpt2' ? (f.attn as 'flash') : undefined, dropout: f.dropout },
        data.tokenizer.vocabSize,
        seq,
      );
      const lm = buildModel(spec, selected.device, f.seed!);
      const optimizer = createOptimizer(lm, { lr: f.lr!, weightDecay: 0.1 });
      const log = new MetricsLog(join(outDir, kind, 'metrics.jsonl'));
      log.truncateAfter(-1);
      say('');
      say(`${kind}: ${describeModel(lm)}`);
      log.append({ type: 'start', step: 0, device: selected.device.name, model: describeModel(lm), resumedFrom: null, time: new Date().toISOString() });
      try {
        const settings = {
          seq,
          batch,
          steps,
          epochs: null,
          maxTimeMs: null,
          lr: f.lr!,
          schedule: 'cosine' as const,
          warmup: Math.min(100, Math.round(steps * 0.05)),
          minLrRatio: 0.1,
          weightDecay: 0.1,
          clip: 1,
          seed: f.seed!,
          evalInterval,
          evalBatches,
          lossChunkTokens: null,
        };
        const r = await trainLoop({
          lm,
          device: selected.device,
          optimizer,
          data,
          dataSpec,
          settings,
          ckptDir: join(outDir, kind),
          ckptInterval: 0,
          keep: 1,
          log,
          out: io.stdout,
          logInterval: Math.max(1, Math.round(steps / 10)),
          interrupt: io.interrupt,
          resumeState: null,
        });
        say(`${kind}: final validation over ${f['final-eval-batches'] ? `${f['final-eval-batches']} batches` : 'the whole split'} …`);
        const final = await evaluateLoss(lm, data.val, { seq, batch, maxBatches: f['final-eval-batches'] });
        rows.push({
          model: kind,
          description: describeModel(lm),
          parameters: lm.model.numParameters(),
          valLoss: final.loss,
          valPerplexity: final.perplexity,
          valTokens: final.tokens,
          trainMs: r.stepMs,
          tokensPerSecond: (r.runTokens * 1000) / Math.max(1, r.stepMs),
          peakBytes: r.peak,
          steps: r.step,
        });
        if (r.status === 'interrupted') break;
      } finally {
        optimizer.dispose();
        lm.model.dispose();
      }
    }
  } finally {
    selected.release();
  }
  const header = ['model', 'parameters', 'val loss', 'val perplexity', 'training time', 'tokens/s', 'peak memory'];
  const cells = rows.map((r) => [
    r.model === 'gpt2' ? `GPT-2 (${f.attn})` : 'LEAP',
    formatSi(r.parameters),
    r.valLoss.toFixed(4),
    r.valPerplexity.toFixed(2),
    formatDuration(r.trainMs),
    formatSi(r.tokensPerSecond),
    formatBytes(r.peakBytes),
  ]);
  const setting = `d ${sizes.nEmbd}, ${sizes.nHead} heads, ${sizes.nLayer} layers, seq ${seq}, batch ${batch}, ${steps} steps, ${data.tokenizerSpec.type} tokenizer, on ${selected.device.type}`;
  const scene = lineChart({
    title: `LEAP vs GPT-2: ${setting.split(', on')[0]}`,
    xLabel: 'step',
    yLabel: 'loss (nats/token)',
    series: rows.flatMap((r, i) =>
      lossSeries(join(outDir, r.model, 'metrics.jsonl'), r.model === 'gpt2' ? 'GPT-2' : 'LEAP').map((s) => ({ ...s, color: PALETTE[i] })),
    ),
  });
  const plots = writeScene(scene, join(outDir, 'leap-vs-gpt2'));
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify({ setting, data: dataSpec.sources, rows }, null, 2)}\n`);
  writeFileSync(join(outDir, 'results.md'), `${setting}\n\n${formatMarkdownTable(header, cells)}\n\n![loss curves](leap-vs-gpt2.png)\n`);
  say('');
  say(setting);
  say(formatTable(header, cells));
  say(`results: ${join(outDir, 'results.md')}, ${join(outDir, 'results.json')}; plots: ${plots.join(', ')}`);
  return io.interrupt.requested ? EXIT.interrupted : EXIT.ok;
}
