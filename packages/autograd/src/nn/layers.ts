import type { Device, Generator, Tensor } from '@lightattn/tensor-core';
import { gelu as geluOp, geluErf, add } from '../ops-elementwise.js';
import { matmul } from '../ops-reduce.js';
import { gather, layerNorm } from '../ops-nn.js';
import { dropout, type DropoutMaskMode } from '../dropout.js';
import { kaimingUniform, normal, ones, uniform, zeros } from './init.js';
import { Module } from './module.js';

/** How {@link Linear} initialises its weight and bias (see {@link LinearOptions.init}). */
export type LinearInit = 'pytorch' | { std: number } | 'none';

/** Options of {@link Linear}: bias, weight layout, initialisation, device. */
export interface LinearOptions {
  /** Default true. */
  bias?: boolean;
  /**
   * How the weight is stored: 'out-in' is PyTorch's nn.Linear, [out, in], y = x·Wᵀ + b; 'in-out' is
   * GPT-2's Conv1D, [in, out], y = x·W + b (HF GPT-2 checkpoints load without a transpose).
   */
  layout?: 'out-in' | 'in-out';
  /**
   * 'pytorch' (default): W and b ~ U(±1/√in), nn.Linear's reset_parameters; { std }: W ~ N(0, std²)
   * and b = 0, GPT-2's initialisation (std 0.02); 'none': W = 0 and b = 0 without drawing from the
   * generator, for weights a checkpoint overwrites next (random numbers would be wasted time).
   */
  init?: LinearInit;
  generator?: Generator;
  device?: Device;
}

/** y = x·Wᵀ + b over the last axis of x, with the weight layout chosen by `layout`. */
export class Linear extends Module {
  readonly weight: Tensor;
  readonly bias: Tensor | null;
  readonly layout: 'out-in' | 'in-out';

  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
    options: LinearOptions = {},
  ) {
    super();
    this.layout = options.layout ?? 'out-in';
    const shape = this.layout === 'out-in' ? [outFeatures, inFeatures] : [inFeatures, outFeatures];
    const init = options.init ?? 'pytorch';
    const o = { generator: options.generator, device: options.device };
    const bound = 1 / Math.sqrt(inFeatures);
    this.weight = this.param(
      'weight',
      init === 'none'
        ? zeros(shape, o)
        : init === 'pytorch'
          ? kaimingUniform(shape, { ...o, a: Math.sqrt(5), fans: { fanIn: inFeatures, fanOut: outFeatures } })
          : normal(shape, { ...o, std: init.std }),
    );
    this.bias =
      options.bias === false
        ? null
        : this.param('bias', init === 'pytorch' ? uniform([outFeatures], { ...o, low: -bound, high: bound }) : zeros([outFeatures], o));
  }

  /** y = x·Wᵀ + b ('out-in') or x·W + b ('in-out') over the last axis. */
  override forward(x: Tensor): Tensor {
    const y = matmul(x, this.weight, { transB: this.layout === 'out-in' });
    if (!this.bias) return y;
    const out = add(y, this.bias);
    y.dispose();
    return out;
  }
}

/** Options of {@link Embedding}: initialisation, device. */
export interface EmbeddingOptions {
  /** Std of the normal init. Default 1, as PyTorch (GPT-2 uses 0.02). */
  std?: number;
  /** 'normal' (default): N(0, std²); 'none': zeros without drawing from the generator, for a table a checkpoint overwrites next. */
  init?: 'normal' | 'none';
  generator?: Generator;
  device?: Device;
}

/** Rows of a [num, dim] table by integer ids. Default init N(0, 1) as PyTorch (GPT-2 uses std 0.02). */
export class Embedding extends Module {
  readonly weight: Tensor;

  constructor(
    readonly numEmbeddings: number,
    readonly embeddingDim: number,
    options: EmbeddingOptions = {},
  ) {
    super();
    const shape = [numEmbeddings, embeddingDim];
    const o = { generator: options.generator, device: options.device };
    this.weight = this.param('weight', options.init === 'none' ? zeros(shape, o) : normal(shape, { ...o, std: options.std ?? 1 }));
  }

  /** The rows of the weight at integer `ids`: [...ids.shape, embeddingDim]. */
  override forward(ids: Tensor): Tensor {
    return gather(this.weight, ids);
  }
}

/** Layer norm over the last axis, weight 1 and bias 0 initially. */
export class LayerNorm extends Module {
  readonly weight: Tensor;
  readonly bias: Tensor;

  constructor(
    readonly normalizedShape: number,
    readonly options: { eps?: number; device?: Device } = {},
  ) {
    super();
    this.weight = this.param('weight', ones([normalizedShape], options));
    this.bias = this.param('bias', zeros([normalizedShape], options));
  }

  /** Layer norm over the last axis with this module's weight and bias. */
  override forward(x: Tensor): Tensor {
    return layerNorm(x, this.weight, this.bias, this.options.eps ?? 1e-5);
  }
}

/**
 * Dropout in training mode, identity in eval mode. The mask is regenerated in backward unless
 * `mask: 'stored'` keeps it (1 byte per element, as PyTorch's nn.Dropout).
 */
export class Dropout extends Module {
  constructor(
    readonly p: number,
    readonly options: { generator?: Generator; mask?: DropoutMaskMode } = {},
  ) {
    super();
  }

  /** Dropout with this module's probability; the identity in eval mode. */
  override forward(x: Tensor): Tensor {
    return dropout(x, this.p, { training: this.training, generator: this.options.generator, mask: this.options.mask });
  }
}

/**
 * GELU: GPT-2's tanh approximation by default, or with `approximate: 'none'` the exact x·Φ(x)
 * (PyTorch's `nn.GELU()` default, which the original LEAP code uses).
 */
export class GELU extends Module {
  constructor(readonly approximate: 'tanh' | 'none' = 'tanh') {
    super();
  }

  /** GELU, elementwise, in the form chosen at construction. */
  override forward(x: Tensor): Tensor {
    return this.approximate === 'none' ? geluErf(x) : geluOp(x);
  }
}
