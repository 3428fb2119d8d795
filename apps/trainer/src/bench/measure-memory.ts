import * as ag from '@lightattn/autograd';
import { createCpuDevice, createMetaDevice, fromArray, keep, withMemoryTag, zeros, zerosLike, type Device } from '@lightattn/tensor-core';
import { buildModel, forwardLoss, type ModelConfig } from '../model-factory.js';
import { createOptimizer } from '../train/optimizer.js';

/** Bytes of one training step, as the memory accountant and the saved-bytes ledger see them. */
export interface StepMemory {
  /** Highest allocated bytes during the step (forward, backward, AdamW update), weights and optimizer state included. */
  peak: number;
  /** Highest bytes the device held, pooled buffers included (equal to allocated on devices that do not pool). */
  reserved: number;
  /** Bytes saved for the backward pass (the ledger's total). */
  activations: number;
  /** Bytes of the weights. */
  parameters: number;
  /** Bytes of AdamW's moments. */
  optimizer: number;
}

export interface MeasureOptions {
  batch: number;
  seq: number;
  lossChunkTokens?: number | null;
  /** Clip the gradient norm as training does (its temporaries count toward the peak). */
  clip?: number | null;
  seed?: number;
}

/**
 * Runs two AdamW training steps of the model on `device` and reports the second (the first creates
 * the optimizer state, as in a training loop). The accountant counts the same allocations on every
 * device, so the meta device (shapes only, no arithmetic) predicts what the CPU or a GPU allocates;
 * `reserved` is where they differ, since the WebGPU device pools buffers. On a device without data
 * the first step is replaced by allocating AdamW's moments directly (all a first step leaves behind
 * there, where no pool warms up), which halves the cost of a prediction.
 */
export async function measureStepMemory(spec: ModelConfig, device: Device, options: MeasureOptions): Promise<StepMemory> {
  const { batch, seq } = options;
  device.emptyCache();
  const base = device.memory.allocated;
  const baseReserved = device.memory.reserved;
  const lm = buildModel(spec, device, options.seed ?? 0);
  const optimizer = createOptimizer(lm, { lr: 1e-4, weightDecay: 0.1 });
  const ids = device.holdsData
    ? fromArray(
        Int32Array.from({ length: batch * seq }, (_, i) => (i * 7919) % spec.config.vocab_size),
        { shape: [batch, seq], device },
      )
    : zeros([batch, seq], { dtype: 'i32', device });
  const parameters = lm.model.parameters().reduce((s, p) => s + p.nbytes, 0);
  let result: StepMemory | null = null;
  try {
    if (!device.holdsData) {
      for (const p of lm.model.parameters()) p.grad = keep(withMemoryTag('gradient', () => zerosLike(p)));
      optimizer.step();
    }
    for (let step = device.holdsData ? 0 : 1; step < 2; step++) {
      optimizer.zeroGrad();
      await device.sync();
      device.memory.resetPeak();
      let reserved = device.memory.reserved;
      const sample = () => (reserved = Math.max(reserved, device.memory.reserved));
      const { result: loss, ledger } = ag.withLedger(() => forwardLoss(lm, ids, options.lossChunkTokens ?? null));
      sample();
      loss.backward();
      sample();
      if (options.clip) {
        ag.clipGradNorm(
          optimizer.paramGroups.flatMap((g) => g.params),
          options.clip,
        ).dispose();
        sample();
      }
      optimizer.step();
      sample();
      loss.dispose();
      const activations = ledger.total;
      ledger.close();
      await device.sync();
      sample();
      const optimizerBytes = device.memory.snapshot().byTag.find((t) => t.tag === 'optimizer')?.bytes ?? 0;
      // A device holds at least what is allocated, so its highest reservation is at least the peak
      // (and equal to it on devices that do not pool).
      const peak = device.memory.peak - base;
      result = { peak, reserved: Math.max(reserved - baseReserved, peak), activations, parameters, optimizer: optimizerBytes };
    }
  } finally {
    optimizer.zeroGrad();
    optimizer.dispose();
    ids.dispose();
    lm.model.dispose();
  }
  return result!;
}

/** measureStepMemory on a fresh meta device: a prediction that costs no arithmetic. */
export function predictStepMemory(spec: ModelConfig, options: MeasureOptions): Promise<StepMemory> {
  return measureStepMemory(spec, createMetaDevice(), options);
}

/** measureStepMemory on a fresh CPU device (its own accountant, so nothing else is counted). */
export function measureOnCpu(spec: ModelConfig, options: MeasureOptions): Promise<StepMemory> {
  return measureStepMemory(spec, createCpuDevice(), options);
}

/**
 * Floating-point operations of one training step, roughly: 6 per parameter per token (forward and
 * backward matmuls) plus attention's 12·L·B·T²·C (QKᵀ and PV, forward and backward). Used to decide
 * whether measuring on the CPU device takes seconds or hours.
 */
export function stepFlops(spec: ModelConfig, batch: number, seq: number): number {
  const c = spec.kind === 'gpt2' ? spec.config : { n_layer: spec.config.n_layer, n_embd: spec.config.hidden_size, vocab_size: spec.config.vocab_size };
  const params = 12 * c.n_layer * c.n_embd ** 2 + c.vocab_size * c.n_embd;
  return 6 * params * batch * seq + 12 * c.n_layer * batch * seq * seq * c.n_embd;
}
