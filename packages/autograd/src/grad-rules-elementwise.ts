import * as tc from '@lightattn/tensor-core';
import type { Tensor, UnaryFn } from '@lightattn/tensor-core';
import { constant, maskToFloat, sumToShape, type GradRule } from './grad-rule.js';

/** Unary functions whose derivative does not depend on x, so nothing is saved. */
const CONSTANT_DERIVATIVE: readonly UnaryFn[] = ['neg', 'sign', 'floor', 'ceil'];

/** y = cast(x), f32 → f32 (casts to i32/u32/bool are not differentiable): dx = g. */
export const castRule: GradRule<'cast'> = {
  save: () => ({}),
  backward: (_ctx, [g]) => [g],
};

/** y = copy(x): dx = g. */
export const copyRule: GradRule<'copy'> = {
  save: () => ({}),
  backward: (_ctx, [g]) => [g],
};

/**
 * y = f(x): dx = g · f′(x), fused in one unaryBackward kernel (reads x, writes only dx), with
 *   abs sign(x) · square 2x · sqrt 1/(2√x) · rsqrt −½x^(−3/2) · reciprocal −1/x² · exp eˣ · log 1/x ·
 *   log1p 1/(1 + x) · sin cos x · cos −sin x · tanh 1 − tanh²x · sigmoid σ(x)(1 − σ(x)) · relu [x > 0] ·
 *   gelu ½(1 + t) + ½x(1 − t²)·√(2/π)(1 + 3·0.044715x²), t = tanh(√(2/π)(x + 0.044715x³)) ·
 *   gelu_erf Φ(x) + x·φ(x), Φ(x) = ½(1 + erf(x/√2)), φ(x) = e^(−x²/2)/√(2π) ·
 *   elu 1 if x > 0 else eˣ · silu σ(x)(1 + x(1 − σ(x)));
 * neg −1, and sign/floor/ceil 0 (almost everywhere) need no x, so they save nothing.
 */
export const unaryRule: GradRule<'unary'> = {
  save: (p) => (CONSTANT_DERIVATIVE.includes(p.fn) ? {} : { inputs: [0] }),
  backward: ({ params, saved }, [g]) => {
    if (params.fn === 'neg') return [tc.neg(g!)];
    if (CONSTANT_DERIVATIVE.includes(params.fn)) return [tc.zerosLike(g!)];
    return [tc.unaryBackward(saved.input(0), g!, params.fn)];
  },
};

/**
 * Weight of a in max(a, b) (min: swap the comparison): [a > b] + ½[a = b]. Ties split the gradient
 * evenly, as PyTorch does; b's weight is 1 minus it.
 */
function winnerWeight(a: Tensor, b: Tensor, fn: 'maximum' | 'minimum'): Tensor {
  const wins = maskToFloat(fn === 'maximum' ? tc.gt(a, b) : tc.lt(a, b));
  const ties = maskToFloat(tc.eq(a, b));
  return tc.add(wins, tc.mul(ties, 0.5));
}

/**
 * out = f(a, b) with broadcasting; each gradient is summed back over the axes its operand was
 * broadcast along (sumToShape):
 *   add: da = g, db = g · sub: da = g, db = −g · mul: da = g·b, db = g·a ·
 *   div: da = g/b, db = −g·a/b² · pow: da = g·b·a^(b−1) (0 where b = 0), db = g·aᵇ·ln a (0 where a = 0, b ≥ 0) ·
 *   maximum/minimum: da = g·w, db = g·(1 − w), w = [a wins] + ½[tie].
 * Only the operands those formulas read are saved, and only for the gradients that are needed.
 */
export const binaryRule: GradRule<'binary'> = {
  save: (p, [needA, needB]) => {
    switch (p.fn) {
      case 'add':
      case 'sub':
        return {};
      case 'mul':
        return { inputs: [...(needB ? [0] : []), ...(needA ? [1] : [])] };
      case 'div':
        return { inputs: needB ? [0, 1] : [1] };
      case 'pow':
      case 'maximum':
      case 'minimum':
        return { inputs: [0, 1] };
    }
  },
  backward: ({ params, saved, inputs, needsInputGrad: [needA, needB] }, [g]) => {
    const aShape = inputs[0]!.shape;
    const bShape = inputs[1]!.shape;
    const a = () => saved.input(0);
    const b = () => saved.input(1);
    let da: Tensor | null = null;
    let db: Tensor | null = null;
    switch (params.fn) {
      case 'add':
        da = needA ? g! : null;
        db = needB ? g! : null;
        break;
      case 'sub':
        da = needA ? g! : null;
        db = needB ? tc.neg(g!) : null;
        break;
      case 'mul':
        da = needA ? tc.mul(g!, b()) : null;
        db = needB ? tc.mul(g!, a()) : null;
        break;
      case 'div':
        da = needA ? tc.div(g!, b()) : null;
        db = needB ? tc.neg(tc.div(tc.mul(g!, a()), tc.square(b()))) : null;
        break;
      case 'pow': {
        const zero = constant(0, g!);
        if (needA) da = tc.where(tc.eq(b(), zero), zero, tc.mul(g!, tc.mul(b(), tc.pow(a(), tc.sub(b(), 1)))));
        if (needB) {
          const baseZero = tc.logicalAnd(tc.eq(a(), zero), tc.ge(b(), zero));
          db = tc.where(baseZero, zero, tc.mul(g!, tc.mul(tc.pow(a(), b()), tc.log(a()))));
        }
        break;
      }
      case 'maximum':
      case 'minimum': {
        const w = winnerWeight(a(), b(), params.fn);
        da = needA ? tc.mul(g!, w) : null;
        db = needB ? tc.mul(g!, tc.sub(1, w)) : null;
        break;
      }
    }
    return [da && sumToShape(da, aShape), db && sumToShape(db, bShape)];
  },
};

/**
 * out = f(x, s) or, reversed, f(s, x), for a number s:
 *   add: g · sub: g (s − x: −g) · mul: g·s · div: g/s (s/x: −g·s/x²) ·
 *   pow: xˢ → g·s·x^(s−1) (0 when s = 0); sˣ → g·y·ln s, from the saved output y (0 when s = 0) ·
 *   maximum/minimum: g·([x wins] + ½[x = s]).
 */
export const binaryScalarRule: GradRule<'binaryScalar'> = {
  save: ({ fn, scalar, reverse }) => {
    if (fn === 'pow') return scalar === 0 ? {} : reverse ? { outputs: [0] } : { inputs: [0] };
    if ((fn === 'div' && reverse) || fn === 'maximum' || fn === 'minimum') return { inputs: [0] };
    return {};
  },
  backward: ({ params: { fn, scalar: s, reverse }, saved }, [g]) => {
    switch (fn) {
      case 'add':
        return [g];
      case 'sub':
        return [reverse ? tc.neg(g!) : g];
      case 'mul':
        return [tc.mul(g!, s)];
      case 'div':
        return [reverse ? tc.neg(tc.div(tc.mul(g!, s), tc.square(saved.input(0)))) : tc.div(g!, s)];
      case 'pow':
        if (s === 0) return [tc.zerosLike(g!)];
        if (reverse) return [tc.mul(g!, tc.mul(saved.output(0), Math.log(s)))];
        return [tc.mul(g!, tc.mul(tc.pow(saved.input(0), s - 1), s))];
      case 'maximum':
      case 'minimum':
        return [tc.mul(g!, winnerWeight(saved.input(0), constant(s, g!), fn))];
    }
  },
};

/** out = cond ? a : b (broadcast): da = Σ where(cond, g, 0), db = Σ where(cond, 0, g); saves cond (1 byte per element). */
export const whereRule: GradRule<'where'> = {
  save: () => ({ inputs: [0] }),
  backward: ({ saved, inputs, needsInputGrad: [, needA, needB] }, [g]) => {
    const cond = saved.input(0);
    const zero = constant(0, g!);
    return [null, needA ? sumToShape(tc.where(cond, g!, zero), inputs[1]!.shape) : null, needB ? sumToShape(tc.where(cond, zero, g!), inputs[2]!.shape) : null];
  },
};
