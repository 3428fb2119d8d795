import { defineFunction } from '@lightattn/autograd';
import * as tc from '@lightattn/tensor-core';
import { normalizeAxis, type Tensor } from '@lightattn/tensor-core';

/**
 * LightSoftmax: y = softmax(x) along `dim`, saving only the output y; the backward is
 * dx = y ⊙ (g − Σ g ⊙ y) (tensor-core's `softmaxBackward`, a fused kernel on every device), since
 * ∂y_j/∂x_i = y_j(δ_ij − y_i) needs nothing but y. Saved bytes: one tensor the size of x.
 */
const lightSoftmaxFunction = defineFunction({
  name: 'lightSoftmax',
  forward(ctx, x: Tensor, axis: number) {
    ctx.save({ outputs: [0], values: { axis } });
    return tc.softmax(x, axis);
  },
  backward: ({ saved }, [g]) => [tc.softmaxBackward(saved.output(0), g!, saved.value<number>('axis')), null],
});

/** LightSoftmax: softmax along `dim` that saves only its output; dx = y ⊙ (g − Σ g ⊙ y). */
export function lightSoftmax(x: Tensor, dim = -1): Tensor {
  return lightSoftmaxFunction(x, normalizeAxis(dim, x.rank, 'lightSoftmax'));
}

/**
 * softmax over the last axis of attention scores where only `keep` positions take part:
 * y = softmax(where(keep, s, −Inf)), and rows with no kept position are zeros (not NaN). Its
 * gradient is the light softmax backward unchanged: y is 0 at dropped positions, so
 * dx = y ⊙ (g − Σ g ⊙ y) is 0 there too and the mask need not be saved.
 */
function maskedSoftmaxValue(s: Tensor, keep: Tensor | null): Tensor {
  if (!keep) return tc.softmax(s, -1);
  return tc.scope(() => {
    const masked = tc.where(keep, s, tc.full([], -Infinity, { device: s.device }));
    const probs = tc.softmax(masked, -1);
    masked.dispose(); // score-sized temporaries go as soon as they are read
    // A row with no kept position is all −Inf, which softmax turns into NaN: zero it.
    const out = tc.where(keep, probs, tc.full([], 0, { device: s.device }));
    probs.dispose();
    return out;
  });
}

const lightMaskedSoftmax = defineFunction({
  name: 'lightSoftmax',
  forward(ctx, s: Tensor, keep: Tensor | null) {
    ctx.save({ outputs: [0] });
    return maskedSoftmaxValue(s, keep);
  },
  backward: ({ saved }, [g]) => [tc.softmaxBackward(saved.output(0), g!, -1), null],
});

/**
 * The softmax of eager PyTorch ≤ 1.10, whose backward `_softmax_backward_data(grad, output, dim,
 * self)` also took the input: it saves the scores as well as the probabilities. The vanilla
 * attention uses it to reproduce what Light Attention's "vanilla" column measured.
 */
const eagerMaskedSoftmax = defineFunction({
  name: 'softmax (eager, saves input)',
  forward(ctx, s: Tensor, keep: Tensor | null) {
    ctx.save({ inputs: [0], outputs: [0] });
    return maskedSoftmaxValue(s, keep);
  },
  backward: ({ saved }, [g]) => [tc.softmaxBackward(saved.output(0), g!, -1), null],
});

/** Masked softmax of attention scores, recorded as LightSoftmax (saves y) or eager softmax (saves s and y). */
export function maskedSoftmax(s: Tensor, keep: Tensor | null, kind: 'light' | 'eager'): Tensor {
  return (kind === 'light' ? lightMaskedSoftmax : eagerMaskedSoftmax)(s, keep);
}

/**
 * The same values computed without recording, freeing the scores as soon as they are read: the
 * chunked forward's working set is then two score-sized tensors (plus the keep mask), not three.
 * Takes ownership of `s`.
 */
export function consumingMaskedSoftmax(s: Tensor, keep: Tensor | null): Tensor {
  if (!keep) {
    const probs = tc.softmax(s, -1);
    s.dispose();
    return probs;
  }
  const negInf = tc.full([], -Infinity, { device: s.device });
  const masked = tc.where(keep, s, negInf);
  s.dispose();
  negInf.dispose();
  const raw = tc.softmax(masked, -1);
  masked.dispose();
  const zero = tc.full([], 0, { device: raw.device });
  const probs = tc.where(keep, raw, zero);
  raw.dispose();
  zero.dispose();
  return probs;
}
