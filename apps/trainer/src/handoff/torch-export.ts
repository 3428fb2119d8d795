import { createMetaDevice, parseSafetensors, serializeSafetensors, type SafetensorsTensor, type Tensor } from '@lightattn/tensor-core';
import type { CheckpointFiles, TrainerState } from '../checkpoint/checkpoint.js';
import { CliError } from '../errors.js';
import type { FileEntry } from '../checkpoint/atomic-dir.js';
import { buildModel, modelConfigFromJson, type ModelKind } from '../model-factory.js';
import { createOptimizer } from '../train/optimizer.js';

/**
 * The hand-off of a training run to PyTorch (`lightattn export-torch`): everything a PyTorch run
 * needs to continue as if it had never left, in files Python reads without this project's code.
 *
 *   config.json, model.safetensors, tokenizer.json   the checkpoint's model, as it is (Hugging Face names)
 *   optimizer_torch.safetensors                       AdamW's moments and steps in torch.optim's state_dict
 *                                                     layout: tensors state.<i>.exp_avg / exp_avg_sq / step,
 *                                                     metadata param_groups (PyTorch's keys) and param_names
 *   train_tokens.i32, val_tokens.i32                  the run's token ids (little-endian int32), so the batch
 *                                                     order continues without re-tokenizing
 *   handoff.json                                      step, data-loader position, schedule, run settings,
 *                                                     the trainer state to write back, the LEAP windows
 *
 * The parameter index i is PyTorch's: parameters numbered across the optimizer's groups in order
 * (matrices with weight decay, then vectors without), and param_names[i] is its name in the state dict.
 */
export const HANDOFF_FORMAT = 'lightattn.torch-handoff/1';

export interface HandoffJson {
  format: typeof HANDOFF_FORMAT;
  kind: ModelKind;
  /** Optimizer steps done. */
  step: number;
  /** The step count the learning-rate schedule decays over (null: constant after warmup). */
  totalSteps: number | null;
  /** Batches of one epoch, as the loader counts them (it depends only on the token count, batch and seq). */
  batchesPerEpoch: number;
  /** The trainer state of the exported checkpoint: the PyTorch side writes it back with the step and position moved on. */
  trainerState: TrainerState;
  /** The per-layer LEAP windows (a size, or 'global'); null for GPT-2. */
  leapWindows: (number | 'global')[] | null;
  files: { trainTokens: string; valTokens: string; optimizer: string };
}

/** The optimizer's parameters in PyTorch's index order, with their state-dict names and groups. */
function parameterIndex(config: string, weights: Uint8Array): { names: string[]; groups: { weightDecay: number; indices: number[] }[] } {
  const lm = buildModel(modelConfigFromJson(config, {}, weights), createMetaDevice(), 0, 'none');
  try {
    const nameOf = new Map<Tensor, string>(lm.model.namedParameters().map(([n, p]) => [p, n]));
    const optimizer = createOptimizer(lm, { lr: 0, weightDecay: 0 });
    const names: string[] = [];
    const groups = optimizer.paramGroups.map((g) => ({
      weightDecay: g.weightDecay,
      indices: g.params.map((p) => names.push(nameOf.get(p)!) - 1),
    }));
    return { names, groups };
  } finally {
    lm.model.dispose();
  }
}

interface LightattnGroup {
  lr: number;
  initialLr: number;
  betas: [number, number];
  eps: number;
  weightDecay: number;
  params: number[];
}

const f32Scalar = (x: number): SafetensorsTensor => ({ dtype: 'F32', shape: [], bytes: new Uint8Array(new Float32Array([x]).buffer) });

/**
 * AdamW's state in torch.optim's layout: the same tensors under the same `state.<i>.<name>` keys
 * (lightattn numbers parameters across groups as PyTorch does), plus each parameter's step as a
 * 0-d float32 tensor (as torch keeps it), and param_groups with PyTorch's keys.
 */
export function torchOptimizerState(optimizer: Uint8Array, config: string, weights: Uint8Array): Uint8Array {
  const file = parseSafetensors(optimizer);
  const { names, groups } = parameterIndex(config, weights);
  if (file.metadata.kind !== 'AdamW') throw new CliError(`export-torch: the optimizer state is ${JSON.stringify(file.metadata.kind)}, not AdamW`);
  const saved = JSON.parse(file.metadata.param_groups ?? '[]') as LightattnGroup[];
  const steps = JSON.parse(file.metadata.steps ?? '{}') as Record<string, number>;
  if (saved.length !== groups.length || saved.some((g, i) => g.params.length !== groups[i]!.indices.length)) {
    throw new CliError(
      `export-torch: the optimizer state has groups of ${JSON.stringify(saved.map((g) => g.params.length))} parameters, the model ${JSON.stringify(groups.map((g) => g.indices.length))}`,
    );
  }
  const entries = new Map<string, SafetensorsTensor>();
  for (const [key, entry] of file.entries) {
    const m = /^state\.(\d+)\.(exp_avg|exp_avg_sq)$/.exec(key);
    if (!m || Number(m[1]) >= names.length) throw new CliError(`export-torch: unexpected tensor "${key}" in the optimizer state`);
    entries.set(key, { dtype: entry.dtype, shape: [...entry.shape], bytes: entry.bytes.slice() });
    entries.set(`state.${m[1]}.step`, f32Scalar(steps[m[1]!] ?? 0));
  }
  const paramGroups = saved.map((g) => ({
    lr: g.lr,
    initial_lr: g.initialLr,
    betas: g.betas,
    eps: g.eps,
    weight_decay: g.weightDecay,
    amsgrad: false,
    maximize: false,
    foreach: null,
    capturable: false,
    differentiable: false,
    fused: null,
    decoupled_weight_decay: true,
    params: g.params,
  }));
  return serializeSafetensors(entries, { format: 'pt', param_groups: JSON.stringify(paramGroups), param_names: JSON.stringify(names) });
}

const int32Bytes = (ids: Int32Array): Uint8Array => new Uint8Array(ids.buffer.slice(ids.byteOffset, ids.byteOffset + ids.byteLength));

/** The files of a hand-off folder for a checkpoint with training state, its token data and its loader's epoch length. */
export function handoffFiles(files: CheckpointFiles, data: { train: Int32Array; val: Int32Array }, batchesPerEpoch: number): FileEntry[] {
  const state = files.state;
  if (!state || !files.optimizer) {
    throw new CliError(
      'export-torch: the checkpoint has no training state (trainer_state.json, optimizer.safetensors)',
      undefined,
      'export a --ckpt-dir written by lightattn train, or one of its step-NNNNNN folders',
    );
  }
  const spec = modelConfigFromJson(files.config, {}, files.weights);
  const s = state.settings;
  const handoff: HandoffJson = {
    format: HANDOFF_FORMAT,
    kind: spec.kind,
    step: state.step,
    totalSteps: s.steps ?? (s.epochs !== null ? s.epochs * batchesPerEpoch : null),
    batchesPerEpoch,
    trainerState: state,
    leapWindows: spec.kind === 'leap' ? [...spec.config.windows] : null,
    files: { trainTokens: 'train_tokens.i32', valTokens: 'val_tokens.i32', optimizer: 'optimizer_torch.safetensors' },
  };
  return [
    { name: 'config.json', data: files.config },
    { name: 'model.safetensors', data: files.weights },
    { name: 'tokenizer.json', data: JSON.stringify(files.tokenizer) },
    { name: handoff.files.optimizer, data: torchOptimizerState(files.optimizer, files.config, files.weights) },
    { name: handoff.files.trainTokens, data: int32Bytes(data.train) },
    { name: handoff.files.valTokens, data: int32Bytes(data.val) },
    { name: 'handoff.json', data: JSON.stringify(handoff, null, 2) },
  ];
}
