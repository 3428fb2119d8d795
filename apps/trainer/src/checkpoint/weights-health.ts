import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeToTensorData, parseSafetensors } from '@lightattn/tensor-core';
import { listCheckpoints } from './checkpoint.js';

/**
 * Largest weight magnitude a checkpoint may hold and still be called good after a divergence.
 * Trained GPT-2 weights stay within a few tens; an AdamW step moves a weight by at most about
 * the learning rate, so 10⁶ is reached only by a run that is diverging (e.g. --lr 1e4 for a hundred
 * steps) — at 1e30 the next matmuls overflow float32 (3.4e38) within a few layers.
 */
export const MAX_GOOD_WEIGHT = 1e6;

export interface WeightsHealth {
  /** NaN and ±Infinity values, over all tensors. */
  nonFinite: number;
  /** Largest finite |w|. */
  maxAbs: number;
  /** A tensor holding the first bad value (non-finite, or above MAX_GOOD_WEIGHT), if any. */
  worst: string | null;
}

/** Scans every floating-point tensor of a safetensors file. */
export function weightsHealth(bytes: Uint8Array): WeightsHealth {
  const out: WeightsHealth = { nonFinite: 0, maxAbs: 0, worst: null };
  for (const [name, entry] of parseSafetensors(bytes).entries) {
    const { data } = decodeToTensorData({ ...entry, name });
    if (!(data instanceof Float32Array)) continue;
    let bad = false;
    for (const v of data) {
      if (!Number.isFinite(v)) {
        out.nonFinite++;
        bad = true;
      } else {
        const a = Math.abs(v);
        if (a > out.maxAbs) out.maxAbs = a;
        if (a > MAX_GOOD_WEIGHT) bad = true;
      }
    }
    if (bad && out.worst === null) out.worst = name;
  }
  return out;
}

export const isHealthy = (h: WeightsHealth) => h.nonFinite === 0 && h.maxAbs <= MAX_GOOD_WEIGHT;

export interface Vouched {
  step: number;
  path: string;
}

/**
 * After the loss became non-finite at step `badStep` (computed from the weights after
 * `badStep − 1` updates, i.e. exactly those of a checkpoint of step badStep − 1, which a resume
 * would reproduce bit for bit): the newest checkpoint in `dir` that can be called good — one of
 * step ≤ badStep − 2, whose weights a later step turned into a finite loss, and whose weights are
 * all finite and at most MAX_GOOD_WEIGHT in magnitude. `rejected` lists the newer ones and why.
 */
export function lastGoodCheckpoint(dir: string, badStep: number): { good: Vouched | null; rejected: string[] } {
  const rejected: string[] = [];
  for (const c of listCheckpoints(dir).reverse()) {
    if (c.step >= badStep - 1) {
      rejected.push(`step ${c.step} holds the weights that gave this loss`);
      continue;
    }
    let health: WeightsHealth;
    try {
      health = weightsHealth(new Uint8Array(readFileSync(join(c.path, 'model.safetensors'))));
    } catch (e) {
      rejected.push(`step ${c.step} cannot be read (${(e as Error).message})`);
      continue;
    }
    if (isHealthy(health)) return { good: c, rejected };
    rejected.push(
      health.nonFinite
        ? `step ${c.step} has ${health.nonFinite} non-finite weights (first in ${health.worst})`
        : `step ${c.step} has weights of magnitude ${health.maxAbs.toExponential(1)} (in ${health.worst}), beyond ${MAX_GOOD_WEIGHT.toExponential(0)}`,
    );
  }
  return { good: null, rejected };
}
