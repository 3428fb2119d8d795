import * as tc from '@lightattn/tensor-core';
import { ShapeError, type Tensor } from '@lightattn/tensor-core';
import type { LeapWindow } from './config.js';
import { leapScanOp } from './focus-scan.js';

/** A window's summary: log Σ w and the w-weighted mean, for every (batch, head). */
interface Summary {
  lse: Tensor; // (B, H)
  mean: Tensor; // (B, H, C)
}

/** (lse, mean) of the union of two disjoint ranges: L = logaddexp(l₁, l₂), mean = e^(l₁−L)·m₁ + e^(l₂−L)·m₂. */
function merge(a: Summary, b: Summary): Summary {
  const L = tc.add(tc.maximum(a.lse, b.lse), tc.log1p(tc.exp(tc.neg(tc.abs(tc.sub(a.lse, b.lse))))));
  const wa = tc.unsqueeze(tc.exp(tc.sub(a.lse, L)), -1);
  const wb = tc.unsqueeze(tc.exp(tc.sub(b.lse, L)), -1);
  return { lse: L, mean: tc.add(tc.mul(wa, a.mean), tc.mul(wb, b.mean)) };
}

/**
 * The focus scan one position at a time (LEAP's recurrent form, for generation). Every step
 * returns exactly what the parallel scan gives at that position, with the same stability: no sum is
 * ever subtracted.
 *
 * - Global windows keep one summary (lse, mean) per head: O(1) memory in the sequence length.
 * - Windows of w keep a ring buffer of the current block's w (log-weight, value) pairs and the
 *   suffix summaries of the previous block: O(w). Position k·w + q is the running prefix of block k
 *   merged with the suffix [q + 1, w) of block k − 1, as in the parallel kernels; the suffixes are
 *   one reverse scan of the ring buffer when a block completes (O(w) once per w steps).
 *
 * State tensors are kept out of the caller's scopes; call dispose() when done.
 */
export class FocusRecurrence {
  /** Positions consumed so far. */
  position = 0;
  private prefix: Summary | null = null;
  private readonly ringLogWeights: Tensor | null = null; // (B, H, w)
  private readonly ringValues: Tensor | null = null; // (B, H, w, C)
  private suffix: Summary | null = null; // (B, H, w), (B, H, w, C)

  constructor(
    readonly window: LeapWindow,
    readonly shape: { batch: number; heads: number; channels: number },
    readonly device: tc.Device,
  ) {
    if (window !== 'global') {
      const { batch: B, heads: H, channels: C } = shape;
      this.ringLogWeights = tc.keep(tc.zeros([B, H, window], { device }));
      this.ringValues = tc.keep(tc.zeros([B, H, window, C], { device }));
    }
  }

  /** Feeds log-weights [B, H] and values [B, H, C] of the next position; returns its (mean, lse). */
  step(logWeights: Tensor, values: Tensor): { mean: Tensor; lse: Tensor } {
    const { batch: B, heads: H, channels: C } = this.shape;
    if (logWeights.shape.join() !== [B, H].join() || values.shape.join() !== [B, H, C].join()) {
      throw new ShapeError(
        `FocusRecurrence.step: expected log-weights [${B}, ${H}] and values [${B}, ${H}, ${C}], got [${logWeights.shape.join(', ')}] and [${values.shape.join(', ')}]`,
      );
    }
    const w = this.window;
    const q = w === 'global' ? this.position : this.position % w;
    if (w !== 'global' && q === 0 && this.position > 0) this.closeBlock();
    const incoming = { lse: logWeights, mean: values };
    if (w !== 'global') {
      tc.setSlice(this.ringLogWeights!, tc.unsqueeze(logWeights, -1), [0, 0, q]);
      tc.setSlice(this.ringValues!, tc.unsqueeze(values, 2), [0, 0, q, 0]);
    }
    const restart = this.prefix === null || (w !== 'global' && q === 0);
    this.replacePrefix(restart ? tc.scope(() => ({ lse: tc.clone(logWeights), mean: tc.clone(values) })) : tc.scope(() => merge(this.prefix!, incoming)));
    this.position++;
    const useSuffix = w !== 'global' && this.suffix !== null && q + 1 < w;
    const out = useSuffix
      ? tc.scope(() =>
          merge(this.prefix!, { lse: tc.squeeze(tc.narrow(this.suffix!.lse, 2, q + 1, 1), 2), mean: tc.squeeze(tc.narrow(this.suffix!.mean, 2, q + 1, 1), 2) }),
        )
      : { lse: this.prefix!.lse.view(this.prefix!.lse.shape), mean: this.prefix!.mean.view(this.prefix!.mean.shape) };
    return { mean: out.mean, lse: out.lse };
  }

  /** Frees the state. */
  dispose(): void {
    for (const s of [this.prefix, this.suffix]) {
      s?.lse.dispose();
      s?.mean.dispose();
    }
    this.ringLogWeights?.dispose();
    this.ringValues?.dispose();
    this.prefix = this.suffix = null;
  }

  /** A block of w positions is complete: its suffix summaries, by one reverse scan over the ring. */
  private closeBlock(): void {
    const [mean, lse] = leapScanOp(this.ringLogWeights!, this.ringValues!, 2, 'global', true);
    this.suffix?.lse.dispose();
    this.suffix?.mean.dispose();
    this.suffix = tc.keep({ lse, mean });
  }

  private replacePrefix(next: Summary): void {
    this.prefix?.lse.dispose();
    this.prefix?.mean.dispose();
    this.prefix = tc.keep(next);
  }
}
