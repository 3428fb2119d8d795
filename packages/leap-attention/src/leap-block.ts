import * as ag from '@lightattn/autograd';
import { Dropout, LayerNorm, Linear, Module, moduleScope } from '@lightattn/autograd';
import type { Device, Generator, Tensor } from '@lightattn/tensor-core';
import { leapConfig, LeapConfigError, type LeapConfig, type LeapConfigInput, type LeapWindow } from './config.js';
import type { LeapCoreResult } from './leap-core.js';
import { LeapState } from './leap-state.js';
import { MultiheadLeap } from './multihead-leap.js';

/** Options of {@link LeapBlock}: the generator for weights and dropout, the device, and whether to draw the initial weights. */
export interface LeapBlockOptions {
  generator?: Generator;
  device?: Device;
  /** 'normal' (default): weights N(0, initializer_range²), biases 0, as the original; 'none': zeros, nothing drawn, for weights loaded next. */
  init?: 'normal' | 'none';
}

/**
 * One LEAP decoder layer, as the original package's `LeapBlock`, with its parameter names so a
 * PyTorch state dict loads as is. Per layer i of `LeapForCausalLM` the names are
 * `leap_model.decoders.{i}.` + the names below (PyTorch shapes; nn.Linear stores [out, in]):
 *
 *   seed                         v2                            shape
 *   pre_norm.weight / .bias      attn_norm.weight / .bias      [d]
 *   projections.weight           projections.weight            [4d, d]   rows: Q | F1 | F2 | V  (v2: Q | F | K | V)
 *   boom.weight                  boom.weight, boom.bias        [4d, d], [4d]
 *   unboom.weight                unboom.weight, unboom.bias    [d, 4d], [d]
 *   boom_norm.weight / .bias     boom_norm.weight / .bias      [d]
 *
 * (the model around it: word_embedding.weight [V, d], tied to proj_logits.weight;
 * leap_model.position_embeddings.weight [n_positions, d]; last_norm.weight/.bias [d]).
 * `leap` (MultiheadLeap) and the dropouts have no parameters.
 *
 * forward, as the original code runs it (x: [B, T, d], bias: [B, T], 0 or −10000):
 *   seed: x ← x + leap(split₄(W·pre_norm(x)));  x ← x + Drop(unboom(gelu(boom(boom_norm(pre_norm(x))))))
 *   v2:   x ← x + leap(split₄(W·attn_norm(x))); x ← x + Drop(unboom(gelu(boom(boom_norm(x)))))
 * The seed code normalises twice before the feed-forward (pre_norm, then boom_norm): kept, since
 * its checkpoints were trained that way. gelu is config.hidden_act: 'gelu' is the original's exact
 * nn.GELU(), x·Φ(x); 'gelu_pytorch_tanh' the tanh form (they differ by < 5e-4).
 */
export class LeapBlock extends Module {
  readonly config: LeapConfig;
  readonly window: LeapWindow;
  readonly attnNorm: LayerNorm;
  readonly projections: Linear;
  readonly leap: MultiheadLeap;
  readonly boom: Linear;
  readonly unboom: Linear;
  readonly boomNorm: LayerNorm;
  readonly boomDrop: Dropout;

  constructor(config: LeapConfig | LeapConfigInput, layer: number, options: LeapBlockOptions = {}) {
    super();
    const c = 'windows' in config ? (config as LeapConfig) : leapConfig(config);
    if (!(Number.isInteger(layer) && layer >= 0 && layer < c.n_layer))
      throw new LeapConfigError(`LeapBlock: layer ${layer} is out of range for n_layer ${c.n_layer}`);
    this.config = c;
    this.window = c.windows[layer]!;
    const d = c.hidden_size;
    const init = options.init === 'none' ? 'none' : { std: c.initializer_range };
    const o = { generator: options.generator, device: options.device };
    const v2 = c.variant === 'v2';
    this.attnNorm = this.module(v2 ? 'attn_norm' : 'pre_norm', new LayerNorm(d, { device: options.device }));
    this.projections = this.module('projections', new Linear(d, 4 * d, { bias: false, init, ...o }));
    this.leap = this.module(
      'leap',
      new MultiheadLeap({
        hiddenSize: d,
        nHeads: c.n_heads,
        window: this.window,
        variant: c.variant,
        rescaleValue: c.rescale_value,
        dropout: c.hidden_dropout_prob,
        generator: options.generator,
      }),
    );
    this.boom = this.module('boom', new Linear(d, 4 * d, { bias: v2, init, ...o }));
    this.unboom = this.module('unboom', new Linear(4 * d, d, { bias: v2, init, ...o }));
    this.boomNorm = this.module('boom_norm', new LayerNorm(d, { device: options.device }));
    this.boomDrop = this.module('boom_drop', new Dropout(c.hidden_dropout_prob, { generator: options.generator }));
  }

  /** x [B, T, d] and an optional padding bias from `maskBias` → [B, T, d]. */
  override forward(x: Tensor, bias: Tensor | null = null): Tensor {
    return this.run(x, bias, false).output;
  }

  /** forward, also returning this layer's focus weights (detached). */
  forwardWithFocus(x: Tensor, bias: Tensor | null = null): LeapCoreResult {
    return moduleScope(this.path, () => this.run(x, bias, true));
  }

  /** The recurrent form of this layer for `batchSize` sequences (see LeapState); eval mode only. */
  initState(batchSize: number): LeapState {
    return new LeapState(this, batchSize);
  }

  /** The feed-forward half on the residual stream after attention (shared with the recurrent form). */
  feedForward(x: Tensor): Tensor {
    const normed = this.config.variant === 'seed' ? this.boomNorm.forward(this.attnNorm.forward(x)) : this.boomNorm.forward(x);
    const boomed = this.boom.forward(normed);
    const activated = this.config.hidden_act === 'gelu' ? ag.geluErf(boomed) : ag.gelu(boomed);
    return ag.add(x, this.boomDrop.forward(this.unboom.forward(activated)));
  }

  /** Q, A, B, V [.., d] each from the pre-normed input (the projection's four row blocks). */
  project(x: Tensor): [Tensor, Tensor, Tensor, Tensor] {
    const d = this.config.hidden_size;
    return ag.split(this.projections.forward(this.attnNorm.forward(x)), d, -1) as [Tensor, Tensor, Tensor, Tensor];
  }

  private run(x: Tensor, bias: Tensor | null, focus: boolean): LeapCoreResult {
    const [q, a, b, v] = this.project(x);
    const attended = focus ? this.leap.forwardWithFocus(q, a, b, v, bias) : { output: this.leap.forward(q, a, b, v, bias), focus: null };
    return { output: this.feedForward(ag.add(x, attended.output)), focus: attended.focus };
  }
}
