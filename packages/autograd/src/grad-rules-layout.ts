import * as tc from '@lightattn/tensor-core';
import { sumToShape, type GradRule } from './grad-rule.js';

/** y = permute(x, perm), y.shape[i] = x.shape[perm[i]]: dx = permute(g, perm⁻¹). Saves nothing. */
export const permuteRule: GradRule<'permute'> = {
  save: () => ({}),
  backward: ({ params: { perm } }, [g]) => {
    const inverse = new Array<number>(perm.length);
    perm.forEach((p, i) => (inverse[p] = i));
    return [tc.permute(g!, inverse)];
  },
};

/** y = concat(x₁ … xₙ) along an axis: dxᵢ = the slice of g where xᵢ landed. Saves nothing (input shapes only). */
export const concatRule: GradRule<'concat'> = {
  save: () => ({}),
  backward: ({ params: { axis }, inputs, needsInputGrad }, [g]) => {
    let at = 0;
    return inputs.map((info, i) => {
      const len = info!.shape[axis]!;
      const piece = needsInputGrad[i] ? tc.narrow(g!, axis, at, len) : null;
      at += len;
      return piece;
    });
  },
};

/** y = x[starts : ends]: dx = g padded with zeros back to x's shape. Saves nothing. */
export const sliceRule: GradRule<'slice'> = {
  save: () => ({}),
  backward: ({ params: { starts, ends }, inputs }, [g]) => [
    tc.pad(
      g!,
      starts,
      inputs[0]!.shape.map((d, i) => d - ends[i]!),
      0,
    ),
  ],
};

/** y = pad(x, before, after, value): dx = g[before : before + x.shape] (the padding value is a constant). Saves nothing. */
export const padRule: GradRule<'pad'> = {
  save: () => ({}),
  backward: ({ params: { before }, inputs }, [g]) => {
    const shape = inputs[0]!.shape;
    return [
      tc.slice(
        g!,
        before,
        shape.map((d, i) => before[i]! + d),
      ),
    ];
  },
};

/** y = expand(x, shape): dx = g summed over the broadcast axes. Saves nothing. */
export const expandRule: GradRule<'expand'> = {
  save: () => ({}),
  backward: ({ inputs }, [g]) => [sumToShape(g!, inputs[0]!.shape)],
};
