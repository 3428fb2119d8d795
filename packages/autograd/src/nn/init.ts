import * as tc from '@lightattn/tensor-core';
import { ShapeError, formatShape, type Device, type Generator, type Shape, type Tensor } from '@lightattn/tensor-core';

/**
 * Parameter initialisers, drawing from Philox (identical values on every device for a given
 * generator state). Fans follow PyTorch's `_calculate_fan_in_and_fan_out` for an (out, in, ...)
 * weight; pass `fans` for other layouts (GPT-2's Conv1D weight is (in, out)).
 */
export interface InitOptions {
  generator?: Generator;
  device?: Device;
}

/** Fan-in and fan-out of a weight, as PyTorch's `_calculate_fan_in_and_fan_out` computes them. */
export interface Fans {
  fanIn: number;
  fanOut: number;
}

/** Nonlinearities whose gain the Kaiming and Xavier initialisers know. */
export type Nonlinearity = 'linear' | 'sigmoid' | 'tanh' | 'relu' | 'leaky_relu';

/** A zero tensor (for biases). */
export function zeros(shape: Shape, options: InitOptions = {}): Tensor {
  return tc.zeros(shape, { device: options.device });
}

/** A tensor of ones (for layer-norm weights). */
export function ones(shape: Shape, options: InitOptions = {}): Tensor {
  return tc.ones(shape, { device: options.device });
}

/** N(mean, std²). */
export function normal(shape: Shape, options: InitOptions & { mean?: number; std?: number } = {}): Tensor {
  return tc.randn(shape, { device: options.device, generator: options.generator, mean: options.mean ?? 0, std: options.std ?? 1 });
}

/** U[low, high). */
export function uniform(shape: Shape, options: InitOptions & { low?: number; high?: number } = {}): Tensor {
  return tc.rand(shape, { device: options.device, generator: options.generator, low: options.low ?? 0, high: options.high ?? 1 });
}

/** PyTorch's fan_in = shape[1]·receptive, fan_out = shape[0]·receptive, receptive = Π shape[2:]. */
export function computeFans(shape: Shape): Fans {
  if (shape.length < 2) throw new ShapeError(`init: fans need a weight of rank ≥ 2, got ${formatShape(shape)}`);
  const receptive = shape.slice(2).reduce((a, b) => a * b, 1);
  return { fanIn: shape[1]! * receptive, fanOut: shape[0]! * receptive };
}

/** torch.nn.init.calculate_gain: linear/sigmoid 1, tanh 5/3, relu √2, leaky_relu √(2/(1 + a²)). */
export function calculateGain(nonlinearity: Nonlinearity, a = 0.01): number {
  switch (nonlinearity) {
    case 'linear':
    case 'sigmoid':
      return 1;
    case 'tanh':
      return 5 / 3;
    case 'relu':
      return Math.SQRT2;
    case 'leaky_relu':
      return Math.sqrt(2 / (1 + a * a));
  }
}

/** Glorot: U(±gain·√(6/(fan_in + fan_out))). */
export function xavierUniform(shape: Shape, options: InitOptions & { gain?: number; fans?: Fans } = {}): Tensor {
  const { fanIn, fanOut } = options.fans ?? computeFans(shape);
  const bound = (options.gain ?? 1) * Math.sqrt(6 / (fanIn + fanOut));
  return uniform(shape, { ...options, low: -bound, high: bound });
}

/** Glorot: N(0, gain²·2/(fan_in + fan_out)). */
export function xavierNormal(shape: Shape, options: InitOptions & { gain?: number; fans?: Fans } = {}): Tensor {
  const { fanIn, fanOut } = options.fans ?? computeFans(shape);
  return normal(shape, { ...options, std: (options.gain ?? 1) * Math.sqrt(2 / (fanIn + fanOut)) });
}

export interface KaimingOptions extends InitOptions {
  /** Negative slope for leaky_relu. Default 0. */
  a?: number;
  mode?: 'fanIn' | 'fanOut';
  nonlinearity?: Nonlinearity;
  fans?: Fans;
}

function kaimingStd(shape: Shape, o: KaimingOptions): number {
  const fans = o.fans ?? computeFans(shape);
  const fan = o.mode === 'fanOut' ? fans.fanOut : fans.fanIn;
  return calculateGain(o.nonlinearity ?? 'leaky_relu', o.a ?? 0) / Math.sqrt(fan);
}

/** He: U(±√3·gain/√fan). PyTorch's Linear default is this with a = √5, i.e. U(±1/√fan_in). */
export function kaimingUniform(shape: Shape, options: KaimingOptions = {}): Tensor {
  const bound = Math.sqrt(3) * kaimingStd(shape, options);
  return uniform(shape, { ...options, low: -bound, high: bound });
}

/** He: N(0, (gain/√fan)²). */
export function kaimingNormal(shape: Shape, options: KaimingOptions = {}): Tensor {
  return normal(shape, { ...options, std: kaimingStd(shape, options) });
}
