import * as ag from '@lightattn/autograd';
import * as tc from '@lightattn/tensor-core';
import { LightattnError, ShapeError, type Tensor } from '@lightattn/tensor-core';
import { FocusRecurrence } from './focus-recurrence.js';
import { byHeads, focusInputs, gatedOutput, V2_EPS } from './leap-core.js';
import type { LeapBlock } from './leap-block.js';

/** The focus of the newest token at one step, per batch row and head ([B, H], detached). */
export interface StepFocus {
  /** log w_t of the new token. */
  readonly logWeight: Tensor;
  /** w_t / N_t: the weight it receives in its window (as FocusWeights.weights at that position). */
  readonly weight: Tensor;
}

const identity = (t: Tensor) => t;

/**
 * A LeapBlock run one token at a time (generation): `step(x_t)` gives the block's output for the
 * next position, equal to position t of the parallel forward. Memory does not grow with the
 * sequence: O(1) per head for a global layer, an O(window) ring buffer for a windowed one (see
 * FocusRecurrence). Inference only: the block must be in eval mode (no dropout).
 */
export class LeapState {
  private readonly recurrence: FocusRecurrence;
  private readonly heads: number;

  constructor(
    readonly block: LeapBlock,
    readonly batchSize: number,
  ) {
    const c = block.config;
    this.heads = c.n_heads;
    const channels = c.variant === 'v2' ? 2 * c.head_size : c.head_size;
    this.recurrence = new FocusRecurrence(block.window, { batch: batchSize, heads: c.n_heads, channels }, block.projections.weight.device);
  }

  /** Positions consumed so far. */
  get position(): number {
    return this.recurrence.position;
  }

  /** x_t [B, d] (and the padding bias of this position [B], 0 or −10000) → the block's output [B, d]. */
  step(x: Tensor, bias: Tensor | null = null): Tensor {
    return this.run(x, bias, false).output;
  }

  /** step, also returning the new token's focus. */
  stepWithFocus(x: Tensor, bias: Tensor | null = null): { output: Tensor; focus: StepFocus } {
    const r = this.run(x, bias, true);
    return { output: r.output, focus: r.focus! };
  }

  /** Frees the recurrent state's tensors. */
  dispose(): void {
    this.recurrence.dispose();
  }

  private run(x: Tensor, bias: Tensor | null, withFocus: boolean): { output: Tensor; focus: StepFocus | null } {
    const c = this.block.config;
    const [B, d, H] = [this.batchSize, c.hidden_size, this.heads];
    if (this.block.training)
      throw new LightattnError('LeapState: the recurrent form is for inference; call block.eval() first (dropout has no recurrent form)');
    if (x.shape.join() !== [B, d].join()) throw new ShapeError(`LeapState.step: x must be [${B}, ${d}], got [${x.shape.join(', ')}]`);
    return ag.noGrad(() =>
      tc.scope(() => {
        const x3 = tc.reshape(x, [B, 1, d]); // (B, 1, d)
        const [q, a, b, v] = this.block.project(x3);
        const { logWeights, values } = focusInputs(
          c.variant,
          byHeads(a!, H),
          byHeads(b!, H),
          byHeads(v!, H),
          bias ? tc.reshape(bias, [B, 1]) : null,
          c.rescale_value,
          identity,
        );
        const logWeight = tc.reshape(logWeights, [B, H]);
        const { mean, lse } = this.recurrence.step(logWeight, tc.reshape(values, [B, H, values.shape[3]!]));
        const out4 = gatedOutput(c.variant, byHeads(q!, H), tc.reshape(mean, [B, 1, H, mean.shape[2]!]), tc.reshape(lse, [B, 1, H]), identity);
        const output = tc.reshape(this.block.feedForward(tc.add(x3, tc.reshape(out4, [B, 1, d]))), [B, d]);
        if (!withFocus) return { output, focus: null };
        const logNormalizer =
          c.variant === 'seed' ? lse : tc.add(tc.maximum(lse, Math.log(V2_EPS)), tc.log1p(tc.exp(tc.neg(tc.abs(tc.sub(lse, Math.log(V2_EPS)))))));
        return { output, focus: { logWeight, weight: tc.exp(tc.sub(logWeight, logNormalizer)) } };
      }),
    );
  }
}
