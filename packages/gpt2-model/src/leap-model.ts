/**
 * LEAP as a causal language model: GPT-2's layout (token and learned position embeddings, a stack of
 * blocks, a final layer norm, a head tied to the token embeddings) with LEAP attention blocks from
 * @lightattn/leap-attention, under the original package's parameter names so its checkpoints load as
 * they are:
 *
 *   word_embedding.weight [V, d]              proj_logits.weight (tied to it), proj_logits.bias [V] (proj_logits_bias)
 *   leap_model.decoders.N.…  (LeapBlock)       leap_model.position_embeddings.weight [n_positions, d]
 *   last_norm.weight / .bias [d]
 */
import * as ag from '@lightattn/autograd';
import { Dropout, Embedding, LayerNorm, Linear, Module, ModuleList } from '@lightattn/autograd';
import { LeapBlock, leapConfig, maskBias, type LeapConfig, type LeapConfigInput, type LeapState } from '@lightattn/leap-attention';
import * as tc from '@lightattn/tensor-core';
import { formatShape, LightattnError, ShapeError, type Device, type Generator, type Tensor } from '@lightattn/tensor-core';
import type { DecodeState } from './generate.js';
import { lmHeadLoss, shiftLabels } from './lm-loss.js';
import type { CausalLMOutput } from './model.js';

/** Options of {@link LeapForCausalLM}: the device, the generator for weights and dropout, whether to draw the weights. */
export interface LeapModelOptions {
  device?: Device;
  /** Draws the initial weights and the dropout masks (the default generator when omitted). */
  generator?: Generator;
  /**
   * 'normal' (default): weights N(0, initializer_range²), biases 0, layer norms 1/0, as the
   * original. 'none': zeros and nothing drawn from `generator`, for a model whose weights are loaded
   * next (loadLeapPretrained).
   */
  init?: 'normal' | 'none';
  /** The end-of-text token generation stops at (LEAP's config has none). */
  eosTokenId?: number | null;
}

/** Options of {@link LeapForCausalLM.forward}: padding mask, labels, chunked loss, which logits, decode state. */
export interface LeapForwardOptions {
  /** [B, T] (or [B, past + T] with a state), 1 for tokens and 0 for padding. */
  attentionMask?: Tensor;
  /** Targets [B, T]; as the original, positions where attention_mask is 0 are ignored, then HF's shift. */
  labels?: Tensor;
  lossChunkTokens?: number;
  logits?: 'all' | 'last' | 'none';
  /** Decode recurrently: consumes the new tokens one at a time through each layer's LeapState. */
  cache?: LeapDecodeState;
}

/** The recurrent state of every layer: O(1) memory per token for global layers, O(window) for windowed ones. */
export class LeapDecodeState implements DecodeState {
  constructor(
    readonly layers: LeapState[],
    readonly batch: number,
  ) {}

  get position(): number {
    return this.layers[0]?.position ?? 0;
  }

  /** Frees every layer's recurrent state. */
  dispose(): void {
    for (const s of this.layers) s.dispose();
  }
}

class LeapDecoder extends Module {
  readonly decoders: ModuleList<LeapBlock>;
  readonly position_embeddings: Embedding;
  readonly dropout: Dropout;

  constructor(config: LeapConfig, options: LeapModelOptions) {
    super();
    const o = { device: options.device, generator: options.generator, init: options.init };
    this.decoders = this.module('decoders', new ModuleList(Array.from({ length: config.n_layer }, (_, i) => new LeapBlock(config, i, o))));
    this.position_embeddings = this.module(
      'position_embeddings',
      new Embedding(config.n_positions, config.hidden_size, { std: config.initializer_range, ...o }),
    );
    this.dropout = this.module('dropout', new Dropout(config.hidden_dropout_prob, { generator: options.generator }));
  }
}

/** A LEAP language model in GPT-2's layout, under the original LEAP package's parameter names. */
export class LeapForCausalLM extends Module {
  readonly config: LeapConfig & { eos_token_id: number | null };
  readonly word_embedding: Embedding;
  readonly proj_logits: Linear;
  readonly leap_model: LeapDecoder;
  readonly last_norm: LayerNorm;
  /** Learned positions: a sequence cannot grow past n_positions. */
  readonly boundedPositions = true;

  constructor(config: LeapConfig | LeapConfigInput, options: LeapModelOptions = {}) {
    super();
    const c = 'windows' in config ? (config as LeapConfig) : leapConfig(config);
    this.config = { ...c, eos_token_id: options.eosTokenId ?? null };
    const o = { device: options.device, generator: options.generator };
    this.word_embedding = this.module('word_embedding', new Embedding(c.vocab_size, c.hidden_size, { std: c.initializer_range, init: options.init, ...o }));
    // Drawn (unless init 'none') and dropped at once for the tie: kept so a seed gives the weights it always gave.
    // The original's head is nn.Linear(d, vocab) with a bias (zeros at init); proj_logits_bias says whether this one has it.
    this.proj_logits = this.module(
      'proj_logits',
      new Linear(c.hidden_size, c.vocab_size, { bias: c.proj_logits_bias, init: options.init === 'none' ? 'none' : { std: c.initializer_range }, ...o }),
    );
    this.proj_logits.weight.dispose();
    this.proj_logits.setParameter('weight', this.word_embedding.weight); // tied, as the original
    this.leap_model = this.module('leap_model', new LeapDecoder(c, options));
    this.last_norm = this.module('last_norm', new LayerNorm(c.hidden_size, { device: options.device }));
  }

  get device(): Device {
    return this.word_embedding.weight.device;
  }

  /** The recurrent state of every layer for `batch` sequences (the capacity is not needed). */
  createDecodeState(batch: number, _capacity: number): LeapDecodeState {
    return new LeapDecodeState(
      [...this.leap_model.decoders].map((block) => block.initState(batch)),
      batch,
    );
  }

  /** Token ids [B, T] (i32) → logits and, with labels, the loss. */
  override forward(inputIds: Tensor, options: LeapForwardOptions = {}): CausalLMOutput {
    if (inputIds.rank !== 2 || inputIds.dtype !== 'i32')
      throw new ShapeError(`LeapForCausalLM: expected token ids as an i32 tensor [B, T], got ${inputIds.describe()}`);
    const [b, t] = inputIds.shape as [number, number];
    const past = options.cache?.position ?? 0;
    if (past + t > this.config.n_positions) throw new ShapeError(`LeapForCausalLM: ${past + t} positions exceed n_positions ${this.config.n_positions}`);
    if (options.attentionMask && !tc.shapesEqual(options.attentionMask.shape, [b, past + t])) {
      throw new ShapeError(`LeapForCausalLM: attention_mask must be [${b}, ${past + t}], got ${formatShape(options.attentionMask.shape)}`);
    }
    const which = options.logits ?? (options.labels && options.lossChunkTokens ? 'none' : 'all');
    return tc.scope(() => {
      const hidden = options.cache ? this.recurrent(inputIds, options.cache, options.attentionMask) : this.parallel(inputIds, options.attentionMask); // (B, T, d) or (B, 1, d)
      let logits: Tensor | null = null;
      if (which === 'all')
        logits = this.proj_logits.forward(hidden); // (B, T, V)
      else if (which === 'last') logits = this.proj_logits.forward(ag.narrow(hidden, 1, hidden.shape[1]! - 1, 1)); // (B, 1, V)
      let loss: Tensor | null = null;
      if (options.labels) {
        if (options.cache) throw new LightattnError('LeapForCausalLM: labels with a recurrent state are not supported; train with the parallel form');
        if (!tc.shapesEqual(options.labels.shape, [b, t]))
          throw new ShapeError(`LeapForCausalLM: labels ${formatShape(options.labels.shape)} must match input ids ${formatShape(inputIds.shape)}`);
        // As the original: padding positions are not targets.
        const labels = options.attentionMask
          ? tc.where(
              tc.eq(options.attentionMask, tc.zeros([], { dtype: options.attentionMask.dtype, device: inputIds.device })),
              tc.full([], -100, { dtype: 'i32', device: inputIds.device }),
              options.labels,
            )
          : options.labels;
        const targets = shiftLabels(labels);
        loss =
          logits && which === 'all' && !options.lossChunkTokens
            ? ag.crossEntropyLoss(logits, targets)
            : lmHeadLoss(hidden, this.proj_logits.weight, targets, {
                chunkTokens: options.lossChunkTokens ?? Number.MAX_SAFE_INTEGER,
                bias: this.proj_logits.bias ?? undefined,
              });
      }
      return { logits, loss };
    });
  }

  /** The parallel form over a whole sequence: (B, T) → final hidden states (B, T, d). */
  private parallel(ids: Tensor, attentionMask?: Tensor): Tensor {
    const t = ids.shape[1]!;
    const positions = tc.arange(0, t, 1, { dtype: 'i32', device: ids.device }); // (T,)
    let x = this.leap_model.dropout.forward(ag.add(this.word_embedding.forward(ids), this.leap_model.position_embeddings.forward(positions))); // (B, T, d)
    const bias = attentionMask ? maskBias(attentionMask) : null; // (B, T): 0 or PAD_BIAS
    for (const block of this.leap_model.decoders) {
      const next = block.forward(x, bias);
      x.dispose();
      x = next;
    }
    return this.last_norm.forward(x);
  }

  /** The recurrent form: each new token through every layer's state; → the new tokens' hidden states (B, T, d). */
  private recurrent(ids: Tensor, state: LeapDecodeState, attentionMask?: Tensor): Tensor {
    if (ag.isGradEnabled()) throw new LightattnError('LeapForCausalLM: the recurrent state is for inference; run inside noGrad() (generate() does)');
    const [b, t] = ids.shape as [number, number];
    if (state.batch !== b) throw new ShapeError(`LeapForCausalLM: the state holds batch ${state.batch}, the input ids are ${formatShape(ids.shape)}`);
    const past = state.position;
    const d = this.config.hidden_size;
    const outputs: Tensor[] = [];
    for (let i = 0; i < t; i++) {
      const token = tc.reshape(tc.narrow(ids, 1, i, 1), [b]); // (B,)
      const position = tc.full([1], past + i, { dtype: 'i32', device: ids.device });
      let x = tc.add(this.word_embedding.forward(token), tc.reshape(this.leap_model.position_embeddings.forward(position), [d])); // (B, d)
      const bias = attentionMask ? tc.reshape(maskBias(tc.narrow(attentionMask, 1, past + i, 1)), [b]) : null; // (B,)
      for (const s of state.layers) x = s.step(x, bias);
      outputs.push(tc.reshape(this.last_norm.forward(x), [b, 1, d]));
    }
    return outputs.length === 1 ? outputs[0]! : tc.concat(outputs, 1); // (B, T, d)
  }
}
