import { IndexError, LightattnError, philox4x32, wordToUniform } from '@lightattn/tensor-core';

/**
 * How the next token is picked from the logits, in HF's order: temperature, then top-k, then
 * top-p, then a draw. Without `doSample` it is greedy (argmax), as HF's default.
 */
export interface SamplingOptions {
  /** Draw from the distribution instead of taking the argmax. Default false. */
  doSample?: boolean;
  /** Logits are divided by it before the softmax: < 1 sharpens, > 1 flattens. Default 1. */
  temperature?: number;
  /** Keep the k most likely tokens (ties with the k-th kept too). Default: all. */
  topK?: number;
  /** Keep the most likely tokens whose probabilities add up to at least p (nucleus sampling). Default 1. */
  topP?: number;
}

/** Invalid sampling options (temperature, top-k, top-p). */
export class SamplingError extends LightattnError {
  override name = 'SamplingError';
}

/** Uniform numbers in [0, 1) from Philox at (seed, draw index): the same seed gives the same tokens on every device. */
export class SamplingRng {
  private draws = 0;
  private readonly words = new Uint32Array(4);

  constructor(readonly seed: number) {
    if (!Number.isSafeInteger(seed) || seed < 0) throw new IndexError(`SamplingRng: seed must be a non-negative safe integer, got ${seed}`);
  }

  /** The next number in [0, 1). */
  uniform(): number {
    const i = this.draws++;
    philox4x32(this.seed, 0x5a3d, Math.floor(i / 4), this.words);
    return wordToUniform(this.words[i % 4]!);
  }
}

export function checkSamplingOptions(o: SamplingOptions): void {
  if (o.temperature !== undefined && !(o.temperature > 0 && Number.isFinite(o.temperature))) {
    throw new SamplingError(`sampling: temperature must be a positive number, got ${o.temperature} (use doSample: false for greedy decoding)`);
  }
  if (o.topK !== undefined && !(Number.isSafeInteger(o.topK) && o.topK >= 1))
    throw new SamplingError(`sampling: topK must be a positive integer, got ${o.topK}`);
  if (o.topP !== undefined && !(o.topP > 0 && o.topP <= 1)) throw new SamplingError(`sampling: topP must be in (0, 1], got ${o.topP}`);
}

/** Index of the largest logit (the first of ties); NaN logits are never picked. */
export function argmax(logits: ArrayLike<number>): number {
  let best = -1;
  let bestValue = -Infinity;
  for (let i = 0; i < logits.length; i++) {
    const v = logits[i]!;
    if (v > bestValue || (best < 0 && v === -Infinity)) {
      best = i;
      bestValue = v;
    }
  }
  if (best < 0) throw new SamplingError(`sampling: every one of the ${logits.length} logits is NaN; the model produced no usable distribution`);
  return best;
}

/**
 * The candidate tokens and their probabilities after temperature, top-k and top-p, most likely
 * first (probabilities renormalised to sum to 1). NaN logits are dropped.
 */
export function filteredDistribution(logits: ArrayLike<number>, options: SamplingOptions): { ids: number[]; probs: number[] } {
  const t = options.temperature ?? 1;
  const order: number[] = [];
  for (let i = 0; i < logits.length; i++) if (!Number.isNaN(logits[i]!) && logits[i]! > -Infinity) order.push(i);
  if (!order.length) throw new SamplingError(`sampling: none of the ${logits.length} logits is a finite number or +Inf`);
  order.sort((a, b) => logits[b]! - logits[a]! || a - b);
  let kept = order;
  if (options.topK !== undefined && options.topK < order.length) {
    // HF removes logits strictly below the k-th largest, so ties with it stay.
    const kth = logits[order[options.topK - 1]!]!;
    kept = order.filter((i) => logits[i]! >= kth);
  }
  const top = logits[kept[0]!]! / t;
  let weights = kept.map((i) => (top === Infinity ? (logits[i] === Infinity ? 1 : 0) : Math.exp(logits[i]! / t - top)));
  let total = weights.reduce((s, w) => s + w, 0);
  if (options.topP !== undefined && options.topP < 1) {
    // Keep the shortest most-likely prefix whose mass reaches topP (at least one token).
    let mass = 0;
    let n = 0;
    while (n < weights.length && (n === 0 || mass < options.topP * total)) mass += weights[n++]!;
    kept = kept.slice(0, n);
    weights = weights.slice(0, n);
    total = mass;
  }
  return { ids: kept, probs: weights.map((w) => w / total) };
}

/** The next token for one row of logits. */
export function sampleToken(logits: ArrayLike<number>, options: SamplingOptions, rng: SamplingRng | null): number {
  if (!options.doSample) return argmax(logits);
  if (!rng) throw new SamplingError('sampling: doSample needs a seeded SamplingRng');
  const { ids, probs } = filteredDistribution(logits, options);
  const u = rng.uniform();
  let acc = 0;
  for (let i = 0; i < ids.length; i++) {
    acc += probs[i]!;
    if (u < acc) return ids[i]!;
  }
  return ids[ids.length - 1]!;
}
