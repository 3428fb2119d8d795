import { philox4x32 } from '@lightattn/tensor-core';
import { CliError } from '../errors.js';

/** Where the loader is: the epoch, and the next batch within it. Saved in checkpoints. */
export interface LoaderPosition {
  epoch: number;
  batch: number;
}

/** A stream of random draws from Philox at (seed, stream): the same numbers on every machine. */
class Draws {
  private i = 0;
  private readonly words = new Uint32Array(4);
  constructor(
    private readonly seed: number,
    private readonly stream: number,
  ) {}

  /** A uniform integer in [0, n) (n < 2³²; the modulo bias is below 2⁻¹⁶ for the sizes used here). */
  below(n: number): number {
    const k = this.i++;
    philox4x32(this.seed, this.stream, Math.floor(k / 4), this.words);
    return this.words[k % 4]! % n;
  }
}

/**
 * Batches of `batch` windows of `seq` tokens from a token array, epoch by epoch. Each epoch cuts
 * the tokens into windows at a random phase (so successive epochs see different boundaries) and
 * visits them in a random order; both come from Philox at (seed, epoch), so the order depends only
 * on the seed and the position, and a resumed run continues with exactly the batches the
 * uninterrupted run would have seen. The last windows of an epoch that do not fill a batch are skipped.
 */
export class BatchLoader {
  private order: Int32Array | null = null;
  private orderEpoch = -1;
  position: LoaderPosition = { epoch: 0, batch: 0 };

  constructor(
    readonly tokens: Int32Array,
    readonly batch: number,
    readonly seq: number,
    readonly seed: number,
  ) {
    const windows = Math.floor(tokens.length / seq);
    if (windows < batch) {
      throw new CliError(
        `the training data has ${tokens.length} tokens: ${windows} window${windows === 1 ? '' : 's'} of --seq ${seq}, fewer than --batch ${batch}`,
        undefined,
        `lower --batch or --seq, or give more text (--data); a batch needs ${batch * seq} tokens`,
      );
    }
  }

  private get windows(): number {
    return Math.floor(this.tokens.length / this.seq);
  }

  /** Whether epochs after the first shift their cuts: only when losing a window to the shift keeps every batch. */
  private get phased(): boolean {
    return Math.floor((this.windows - 1) / this.batch) >= 1;
  }

  /** Batches in an epoch, the same for every epoch (a shifted cut has one window fewer). */
  get batchesPerEpoch(): number {
    return Math.floor((this.phased ? this.windows - 1 : this.windows) / this.batch);
  }

  /** Window start offsets of `epoch`, in visiting order. */
  private epochOrder(epoch: number): Int32Array {
    if (this.orderEpoch === epoch && this.order) return this.order;
    const draws = new Draws(this.seed, 0x10ad + epoch);
    // Epoch 0 starts at the text's beginning; later epochs shift the cuts by 0 … seq − 1 tokens.
    const phase = epoch === 0 || !this.phased ? 0 : draws.below(this.seq);
    const count = Math.floor((this.tokens.length - phase) / this.seq);
    const order = Int32Array.from({ length: count }, (_, i) => phase + i * this.seq);
    for (let i = count - 1; i > 0; i--) {
      // Fisher–Yates
      const j = draws.below(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    this.order = order;
    this.orderEpoch = epoch;
    return order;
  }

  /** The next batch [batch × seq] as row-major token ids; advances the position. */
  next(): Int32Array {
    if (this.position.batch >= this.batchesPerEpoch) this.position = { epoch: this.position.epoch + 1, batch: 0 };
    const order = this.epochOrder(this.position.epoch);
    const out = new Int32Array(this.batch * this.seq);
    for (let b = 0; b < this.batch; b++) {
      const start = order[this.position.batch * this.batch + b]!;
      out.set(this.tokens.subarray(start, start + this.seq), b * this.seq);
    }
    this.position = { epoch: this.position.epoch, batch: this.position.batch + 1 };
    return out;
  }
}

/**
 * Consecutive windows covering `tokens` for evaluation: each window predicts its tokens 1 … seq−1
 * from the ones before, so together they score every token but the first of each window.
 */
export function* evalWindows(tokens: Int32Array, seq: number, batch: number, maxBatches = Infinity): Generator<{ ids: Int32Array; rows: number }> {
  const windows = Math.floor(tokens.length / seq);
  let emitted = 0;
  for (let w = 0; w < windows && emitted < maxBatches; w += batch, emitted++) {
    const rows = Math.min(batch, windows - w);
    yield { ids: tokens.slice(w * seq, (w + rows) * seq), rows };
  }
}
