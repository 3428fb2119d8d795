import { clipGradNorm, type AdamW } from '@lightattn/autograd';
import { fromArray, type Device } from '@lightattn/tensor-core';
import type { WriteHooks } from '../checkpoint/atomic-dir.js';
import { isHealthy, lastGoodCheckpoint, weightsHealth } from '../checkpoint/weights-health.js';
import { saveCheckpoint, TRAINER_STATE_FORMAT, type RunSettings, type TrainerState } from '../checkpoint/checkpoint.js';
import { BatchLoader } from '../data/batch-loader.js';
import type { DataSpec, TokenData } from '../data/text-data.js';
import { NanLossError } from '../errors.js';
import { formatDuration } from '../format.js';
import { forwardLoss, modelFiles, type LanguageModel } from '../model-factory.js';
import { evaluateLoss, type EvalResult } from './evaluate.js';
import type { MetricsLog } from './metrics-log.js';
import { applySchedule, lrSchedule } from './optimizer.js';
import { Progress, type Output } from './progress.js';

export interface TrainerOptions {
  lm: LanguageModel;
  device: Device;
  optimizer: AdamW;
  data: TokenData;
  dataSpec: DataSpec;
  settings: RunSettings;
  ckptDir: string;
  /** Checkpoint every this many steps (0: only at the end and on Ctrl-C). */
  ckptInterval: number;
  keep: number;
  log: MetricsLog;
  out: Output;
  /** Plain (non-terminal) progress lines every this many steps. */
  logInterval: number;
  /** Set by the SIGINT handler; the loop checkpoints and stops after the current step. */
  interrupt: { requested: boolean };
  /** The state of the checkpoint being resumed (the optimizer state is loaded by the caller). */
  resumeState: TrainerState | null;
  /** The checkpoint folder being resumed. */
  resumePath?: string;
  /** Test hooks: called after each step; and around checkpoint file writes. */
  onStep?: (step: number, loss: number, lm: LanguageModel) => void;
  checkpointHooks?: WriteHooks;
}

export interface TrainResult {
  status: 'done' | 'interrupted';
  step: number;
  tokensSeen: number;
  /** Training time of all runs so far (a resumed run adds to it). */
  elapsedMs: number;
  /** Wall time of this run (evaluations and checkpoints included). */
  runMs: number;
  /** Time of this run's training steps alone (no evaluation or checkpoint writing). */
  stepMs: number;
  runTokens: number;
  lastLoss: number | null;
  lastEval: (EvalResult & { step: number }) | null;
  bestValLoss: number | null;
  checkpoint: string | null;
  peak: number;
}

/** Yields to the event loop, so a pending SIGINT handler runs between steps. */
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The training loop: AdamW steps on batches from the loader, with the learning-rate schedule,
 * gradient clipping, evaluation, checkpoints, progress and the metrics log. Stops at the step,
 * epoch or time budget, or after the current step on Ctrl-C (with a checkpoint). A NaN or
 * infinite loss stops it before the update, so no checkpoint ever holds the diverged weights.
 */
export async function trainLoop(o: TrainerOptions): Promise<TrainResult> {
  const { lm, device, optimizer, settings: s } = o;
  const loader = new BatchLoader(o.data.train, s.batch, s.seq, s.seed);
  const totalSteps = s.steps ?? (s.epochs !== null ? s.epochs * loader.batchesPerEpoch : null);
  const schedule = lrSchedule(s.schedule, s.warmup, totalSteps, s.minLrRatio);
  const resumed = o.resumeState;
  let step = resumed?.step ?? 0;
  let tokensSeen = resumed?.tokensSeen ?? 0;
  let bestValLoss = resumed?.bestValLoss ?? null;
  let lastLoss = resumed?.lastLoss ?? null;
  if (resumed) {
    loader.position = { ...resumed.loader };
    lm.initGenerator.setState(resumed.generators.init);
    lm.dropoutGenerator.setState(resumed.generators.dropout);
  }
  const elapsedBefore = resumed?.elapsedMs ?? 0;
  const runStart = performance.now();
  const elapsed = () => elapsedBefore + (performance.now() - runStart);
  const progress = new Progress(o.out, totalSteps, o.logInterval);
  const recent: number[] = [];
  let lastEval: TrainResult['lastEval'] = null;
  let lastSaved: { step: number; path: string } | null = resumed ? { step, path: o.resumePath ?? o.ckptDir } : null;
  let peak = 0;
  let stepMs = 0;

  const state = (): TrainerState => ({
    format: TRAINER_STATE_FORMAT,
    step,
    tokensSeen,
    elapsedMs: Math.round(elapsed()),
    loader: { ...loader.position },
    generators: { init: lm.initGenerator.getState(), dropout: lm.dropoutGenerator.getState() },
    settings: s,
    data: o.dataSpec,
    lastLoss,
    bestValLoss,
    savedAt: new Date().toISOString(),
  });
  const save = async (reason: string) => {
    const files = await modelFiles(lm);
    // Never write (and rotate good checkpoints away for) weights that have already diverged: an
    // update can turn them NaN or huge while the loss that preceded it was finite.
    const health = weightsHealth(files.weights);
    if (!isHealthy(health)) {
      progress.clear();
      const { good } = lastGoodCheckpoint(o.ckptDir, step + 1);
      const what = health.nonFinite ? `${health.nonFinite} non-finite values` : `values of magnitude ${health.maxAbs.toExponential(1)}`;
      throw new NanLossError(
        `after step ${step} the weights hold ${what} (first in ${health.worst}); training stopped without writing this checkpoint, and ${good ? `the last good checkpoint is step ${good.step} (${good.path})` : `no checkpoint in ${o.ckptDir} can be called good`}`,
        'lower --lr, add --warmup steps, or clip gradients (--clip 1), in a new run',
      );
    }
    const path = saveCheckpoint(
      o.ckptDir,
      { ...files, tokenizer: o.data.tokenizerSpec, optimizer: await optimizer.stateDict(), state: state() },
      { keep: o.keep, hooks: o.checkpointHooks },
    );
    lastSaved = { step, path };
    o.log.append({ type: 'checkpoint', step, path, reason });
    return path;
  };
  const evaluate = async () => {
    const r = await evaluateLoss(lm, o.data.val, { seq: s.seq, batch: s.batch, maxBatches: s.evalBatches, lossChunkTokens: s.lossChunkTokens });
    if (!r.tokens) return;
    lastEval = { ...r, step };
    if (bestValLoss === null || r.loss < bestValLoss) bestValLoss = r.loss;
    o.log.append({ type: 'eval', step, valLoss: r.loss, valPerplexity: r.perplexity, tokens: r.tokens, elapsedMs: Math.round(elapsed()) });
    progress.message(`step ${step}: validation loss ${r.loss.toFixed(4)}, perplexity ${r.perplexity.toFixed(2)} (${r.tokens} tokens)`);
  };

  if (resumed && totalSteps !== null && step >= totalSteps) {
    progress.message(
      `note: the checkpoint is at step ${step}, which already reaches the run's ${s.steps !== null ? `--steps ${s.steps}` : `--epochs ${s.epochs} (${totalSteps} steps)`}: nothing to train (give a larger --steps or --epochs to continue)`,
    );
  }
  lm.model.train();
  let status: TrainResult['status'] = 'done';
  for (;;) {
    if (totalSteps !== null && step >= totalSteps) break;
    if (s.maxTimeMs !== null && elapsed() >= s.maxTimeMs) break;
    if (o.interrupt.requested) {
      status = 'interrupted';
      break;
    }
    const t0 = performance.now();
    optimizer.zeroGrad();
    device.memory.resetPeak();
    const lr = applySchedule(optimizer, schedule, step);
    const ids = fromArray(loader.next(), { shape: [s.batch, s.seq], device });
    const loss = forwardLoss(lm, ids, s.lossChunkTokens);
    loss.backward();
    const value = await loss.item();
    loss.dispose();
    ids.dispose();
    if (!Number.isFinite(value)) {
      progress.clear();
      optimizer.zeroGrad();
      // The weights this loss came from are those after `step` updates: a checkpoint of `step` holds
      // them (and a resume would repeat them exactly), so only older checkpoints whose weights are
      // sound can be called good (lastGoodCheckpoint).
      const { good, rejected } = lastGoodCheckpoint(o.ckptDir, step + 1);
      const kept = good
        ? `the last good checkpoint is step ${good.step} (${good.path}; its weights are finite and gave a finite loss)`
        : `no checkpoint in ${o.ckptDir} can be called good`;
      throw new NanLossError(
        `the loss is ${value} at step ${step + 1} (learning rate ${lr.toExponential(2)}); training stopped before the update, and ${kept}${rejected.length ? `; ${rejected.join('; ')}` : ''}`,
        `lower --lr, add --warmup steps, or clip gradients (--clip 1), in a new run (--resume keeps the settings, so it would repeat these steps)${good ? `; sample or eval the good checkpoint with \`lightattn sample ${good.path}\`` : ''}`,
      );
    }
    let gradNorm: number | null = null;
    if (s.clip > 0) {
      const norm = clipGradNorm(
        optimizer.paramGroups.flatMap((g) => g.params),
        s.clip,
      );
      gradNorm = await norm.item();
      norm.dispose();
    }
    optimizer.step();
    step++;
    tokensSeen += s.batch * s.seq;
    lastLoss = value;
    peak = Math.max(peak, device.memory.peak);
    const dt = performance.now() - t0;
    stepMs += dt;
    recent.push(dt);
    if (recent.length > 20) recent.shift();
    const msPerStep = recent.reduce((a, b) => a + b, 0) / recent.length;
    const tokensPerSecond = (s.batch * s.seq * 1000) / msPerStep;
    const etaSteps = totalSteps !== null ? (totalSteps - step) * msPerStep : Infinity;
    const etaTime = s.maxTimeMs !== null ? s.maxTimeMs - elapsed() : Infinity;
    const etaMs = Math.min(etaSteps, etaTime);
    const m = device.memory;
    progress.update({
      step,
      loss: value,
      lr,
      tokensPerSecond,
      allocated: m.allocated,
      peak: m.peak,
      etaMs: Number.isFinite(etaMs) ? Math.max(0, etaMs) : null,
      epoch: loader.position.epoch,
    });
    o.log.append({
      type: 'train',
      step,
      epoch: loader.position.epoch,
      loss: value,
      lr,
      gradNorm,
      tokens: tokensSeen,
      tokensPerSecond,
      allocated: m.allocated,
      peak: m.peak,
      reserved: m.reserved,
      elapsedMs: Math.round(elapsed()),
    });
    o.onStep?.(step, value, lm);
    if (s.evalInterval > 0 && step % s.evalInterval === 0) await evaluate();
    if (o.ckptInterval > 0 && step % o.ckptInterval === 0) await save('interval');
    await tick();
  }
  progress.clear();
  if (status === 'done' && s.evalInterval > 0 && (lastEval as TrainResult['lastEval'])?.step !== step && step > 0) await evaluate();
  const saved = lastSaved as { step: number; path: string } | null;
  const checkpoint = saved?.step === step ? saved.path : await save(status === 'interrupted' ? 'interrupt' : 'final');
  if (status === 'interrupted') progress.message(`interrupted at step ${step} after ${formatDuration(elapsed())}: checkpoint in ${checkpoint}`);
  const runMs = performance.now() - runStart;
  return {
    status,
    step,
    tokensSeen,
    elapsedMs: elapsed(),
    runMs,
    stepMs,
    runTokens: tokensSeen - (resumed?.tokensSeen ?? 0),
    lastLoss,
    lastEval,
    bestValLoss,
    checkpoint,
    peak,
  };
}
