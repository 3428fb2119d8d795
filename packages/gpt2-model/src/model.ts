/**
 * GPT-2, in one readable file (nanoGPT's layout, Hugging Face's parameter names).
 *
 *   GPT2LMHeadModel
 *   ├─ transformer: GPT2Model
 *   │  ├─ wte  Embedding(vocab, C)        token embeddings, also the LM head's weight
 *   │  ├─ wpe  Embedding(n_positions, C)  learned positions
 *   │  ├─ drop Dropout(embd_pdrop)
 *   │  ├─ h.N  GPT2Block × n_layer: x + attn(ln_1(x)), then + mlp(ln_2(·))
 *   │  └─ ln_f LayerNorm
 *   └─ lm_head Linear(C, vocab, no bias), weight tied to wte
 *
 * Conv1D weights are stored (in, out) as in the checkpoints: y = x·W + b. The attention itself is
 * @lightattn/light-ops' `attention` (vanilla, light, chunked or flash, chosen by `attn_impl`).
 * Shapes: B batch, T tokens, C = n_embd, H = n_head, D = C / H, V = vocab_size.
 */
import * as ag from '@lightattn/autograd';
import { Dropout, Embedding, LayerNorm, Linear, Module, ModuleList, type LinearInit } from '@lightattn/autograd';
import { attention } from '@lightattn/light-ops';
import * as tc from '@lightattn/tensor-core';
import { formatShape, ShapeError, type Device, type Generator, type Tensor, type UnaryFn } from '@lightattn/tensor-core';
import { innerSize, type GPT2Config } from './config.js';
import { KVCache } from './kv-cache.js';
import { attentionOptions, recomputePolicy } from './memory-policy.js';
import { lmHeadLoss, shiftLabels } from './lm-loss.js';
import { activationLinear, mergeHeadsLinear } from './recompute.js';

/** Options of the GPT-2 modules: the device, the generators for weights and dropout, and whether to draw the weights. */
export interface GPT2ModelOptions {
  device?: Device;
  /** Draws the initial weights (the default generator when omitted). */
  generator?: Generator;
  /**
   * 'normal' (default): GPT-2's initialisation, weights N(0, initializer_range²) (residual
   * projections scaled, see GPT2Attention), biases 0, layer norms 1/0. 'none': weights and biases
   * are zeros and nothing is drawn from `generator`, for a model whose weights are loaded next
   * (loadPretrained): drawing 124M normals for GPT-2 small only to overwrite them costs seconds.
   */
  init?: 'normal' | 'none';
  /** Draws the dropout masks (the default generator when omitted). */
  dropoutGenerator?: Generator;
}

/** Linear's init for a weight of this std, or none when the model is built to be loaded. */
function linearInit(options: GPT2ModelOptions, std: number): LinearInit {
  return options.init === 'none' ? 'none' : { std };
}

/** What every block of one forward shares. */
interface ForwardContext {
  /** Padding as a bool key mask [B, 1, 1, T] (true = real token), or undefined. */
  keyMask?: Tensor;
  cache?: KVCache;
  /** With a cache: which key slots each new token sees, bool [B or 1, 1, T, capacity]. */
  allowed?: Tensor;
}

/** q, k, v [B, H, T, D] from the fused projection [B, T, 3C]: one permuted copy, of which q, k, v are views. */
const splitHeads = ag.defineFunction({
  name: 'splitHeads',
  forward(ctx, qkv: Tensor, nHead: number) {
    ctx.save({});
    const [b, t, c3] = qkv.shape as [number, number, number];
    const d = c3 / 3 / nHead;
    const heads = tc.permute(tc.reshape(qkv, [b, t, 3, nHead, d]), [2, 0, 3, 1, 4]); // (3, B, H, T, D)
    const size = b * nHead * t * d;
    const out = [0, 1, 2].map((i) => heads.view([b, nHead, t, d], heads.offset + i * size)); // 3 × (B, H, T, D)
    heads.dispose();
    return out;
  },
  // dqkv = the three gradients stacked back: (3, B, H, T, D) → (B, T, 3, H, D) → (B, T, 3C). Saves nothing.
  backward(_ctx, grads) {
    const [b, h, t, d] = grads[0]!.shape as [number, number, number, number];
    const stacked = tc.concat(
      grads.map((g) => tc.reshape(g, [1, b, h, t, d])),
      0,
    ); // (3, B, H, T, D)
    return [tc.reshape(tc.permute(stacked, [1, 3, 0, 2, 4]), [b, t, 3 * h * d]), null];
  },
});

/** GPT-2's attention block with HF parameter names: c_attn, the attention of the configured `attn_impl`, c_proj. */
export class GPT2Attention extends Module {
  readonly c_attn: Linear;
  readonly c_proj: Linear;
  readonly resid_dropout: Dropout;

  constructor(
    readonly config: GPT2Config,
    readonly options: GPT2ModelOptions = {},
  ) {
    super();
    const { n_embd: c, initializer_range: std, n_layer } = config;
    const o = { layout: 'in-out' as const, device: options.device, generator: options.generator };
    this.c_attn = this.module('c_attn', new Linear(c, 3 * c, { ...o, init: linearInit(options, std) }));
    // GPT-2 scales the init of residual projections by 1/√(2·n_layer) (two per block).
    this.c_proj = this.module('c_proj', new Linear(c, c, { ...o, init: linearInit(options, std / Math.sqrt(2 * Math.max(1, n_layer))) }));
    this.resid_dropout = this.module('resid_dropout', new Dropout(config.resid_pdrop, { generator: options.dropoutGenerator, mask: config.dropout_mask }));
  }

  /** x [B, T, C] of block `layer` → [B, T, C]. */
  override forward(x: Tensor, layer: number, ctx: ForwardContext): Tensor {
    const [b, t, c] = x.shape as [number, number, number];
    const { n_head: h } = this.config;
    return tc.scope(() => {
      const [q, k, v] = splitHeads(this.c_attn.forward(x), h); // each (B, H, T, D)
      const y = ctx.cache
        ? ctx.cache.attend(layer, q!, k!, v!, ctx.allowed!, attentionOptions(this.config, false)) // (B, H, T, D)
        : attention(q!, k!, v!, { ...attentionOptions(this.config, this.training, this.options.dropoutGenerator), causal: true, mask: ctx.keyMask }); // (B, H, T, D)
      const projected = recomputePolicy(this.config).projections
        ? mergeHeadsLinear(y, this.c_proj.weight, this.c_proj.bias!) // keeps y, not the merged copy
        : this.c_proj.forward(ag.reshape(ag.permute(y, [0, 2, 1, 3]), [b, t, c])); // (B, H, T, D) → (B, T, H, D) → (B, T, C)
      return this.resid_dropout.forward(projected); // (B, T, C)
    });
  }
}

/**
 * HF's NewGELUActivation (GPT-2's 'gelu_new') op by op, in its order:
 *   0.5·x · (1 + tanh(√(2/π)·(x + 0.044715·x³))).
 * Saves what eager PyTorch saves, four [..., n_inner] tensors: x (for x³), tanh's input (PyTorch
 * keeps tanh's output, the same size), 0.5·x and 1 + tanh (for their product); the products with
 * numbers and the sums save nothing. Each op rounds to f32 as PyTorch's do.
 */
function geluNew(x: Tensor): Tensor {
  return tc.scope(() => {
    const half = ag.mul(0.5, x);
    const inner = ag.mul(Math.sqrt(2 / Math.PI), ag.add(x, ag.mul(0.044715, ag.pow(x, 3))));
    return ag.mul(half, ag.add(1, ag.tanh(inner)));
  });
}

/**
 * The fused op that computes the activation named by the config (saving only its input). 'gelu_new'
 * runs as geluNew instead, except inside selective recomputation, which keeps no activation.
 */
function activation(name: GPT2Config['activation_function']): UnaryFn {
  switch (name) {
    case 'gelu_new':
    case 'gelu_pytorch_tanh':
    case 'gelu_fast':
      return 'gelu';
    case 'gelu':
      return 'gelu_erf';
    case 'relu':
      return 'relu';
    case 'silu':
    case 'swish':
      return 'silu';
  }
}

/** GPT-2's feed-forward block: c_fc, the activation, c_proj and dropout. */
export class GPT2MLP extends Module {
  readonly c_fc: Linear;
  readonly c_proj: Linear;
  readonly dropout: Dropout;
  private readonly act: UnaryFn;

  constructor(
    readonly config: GPT2Config,
    options: GPT2ModelOptions = {},
  ) {
    super();
    const { n_embd: c, initializer_range: std, n_layer } = config;
    const inner = innerSize(config);
    const o = { layout: 'in-out' as const, device: options.device, generator: options.generator };
    this.c_fc = this.module('c_fc', new Linear(c, inner, { ...o, init: linearInit(options, std) }));
    this.c_proj = this.module('c_proj', new Linear(inner, c, { ...o, init: linearInit(options, std / Math.sqrt(2 * Math.max(1, n_layer))) }));
    this.dropout = this.module('dropout', new Dropout(config.resid_pdrop, { generator: options.dropoutGenerator, mask: config.dropout_mask }));
    this.act = activation(config.activation_function);
  }

  /** x [B, T, C] → [B, T, C]. */
  override forward(x: Tensor): Tensor {
    return tc.scope(() => {
      const h = this.c_fc.forward(x); // (B, T, inner)
      const out = recomputePolicy(this.config).projections
        ? activationLinear(h, this.c_proj.weight, this.c_proj.bias!, this.act) // keeps h only
        : this.c_proj.forward(this.config.activation_function === 'gelu_new' ? geluNew(h) : ag.unary(h, this.act)); // (B, T, C)
      return this.dropout.forward(out);
    });
  }
}

/** One transformer block: x + attn(ln_1(x)), then + mlp(ln_2(·)). */
export class GPT2Block extends Module {
  readonly ln_1: LayerNorm;
  readonly attn: GPT2Attention;
  readonly ln_2: LayerNorm;
  readonly mlp: GPT2MLP;

  constructor(config: GPT2Config, options: GPT2ModelOptions = {}) {
    super();
    const ln = { eps: config.layer_norm_epsilon, device: options.device };
    this.ln_1 = this.module('ln_1', new LayerNorm(config.n_embd, ln));
    this.attn = this.module('attn', new GPT2Attention(config, options));
    this.ln_2 = this.module('ln_2', new LayerNorm(config.n_embd, ln));
    this.mlp = this.module('mlp', new GPT2MLP(config, options));
  }

  /** x [B, T, C] of block `layer` → [B, T, C]. */
  override forward(x: Tensor, layer: number, ctx: ForwardContext): Tensor {
    return tc.scope(() => {
      const h = ag.add(x, this.attn.forward(this.ln_1.forward(x), layer, ctx)); // (B, T, C)
      return ag.add(h, this.mlp.forward(this.ln_2.forward(h))); // (B, T, C)
    });
  }
}

/** Options of {@link GPT2Model.forward}: padding mask and KV cache. */
export interface GPT2ForwardOptions {
  /** [B, T] (or [B, past + T] with a cache), 1 for real tokens and 0 for padding; any dtype. */
  attentionMask?: Tensor;
  /** [B, T] or [T] i32 positions; default past … past + T − 1. */
  positionIds?: Tensor;
  /** Decode incrementally: reads and extends this cache (inference only). */
  cache?: KVCache;
}

/** GPT-2 without its head: token and position embeddings, the blocks and the final layer norm (HF's `transformer`). */
export class GPT2Model extends Module {
  readonly wte: Embedding;
  readonly wpe: Embedding;
  readonly drop: Dropout;
  readonly h: ModuleList<GPT2Block>;
  readonly ln_f: LayerNorm;

  constructor(
    readonly config: GPT2Config,
    options: GPT2ModelOptions = {},
  ) {
    super();
    const o = { std: config.initializer_range, init: options.init, device: options.device, generator: options.generator };
    this.wte = this.module('wte', new Embedding(config.vocab_size, config.n_embd, o));
    this.wpe = this.module('wpe', new Embedding(config.n_positions, config.n_embd, o));
    this.drop = this.module('drop', new Dropout(config.embd_pdrop, { generator: options.dropoutGenerator, mask: config.dropout_mask }));
    this.h = this.module('h', new ModuleList(Array.from({ length: config.n_layer }, () => new GPT2Block(config, options))));
    this.ln_f = this.module('ln_f', new LayerNorm(config.n_embd, { eps: config.layer_norm_epsilon, device: options.device }));
  }

  /** Token ids [B, T] (i32) → final hidden states [B, T, C]. */
  override forward(inputIds: Tensor, options: GPT2ForwardOptions = {}): Tensor {
    const { cache, attentionMask } = options;
    checkIds(inputIds);
    const [b, t] = inputIds.shape as [number, number];
    const past = cache?.length ?? 0;
    if (past + t > this.config.n_positions) {
      throw new ShapeError(`GPT2Model: ${past + t} positions${past ? ` (${past} cached + ${t} new)` : ''} exceed n_positions ${this.config.n_positions}`);
    }
    if (cache && cache.batch !== b) throw new ShapeError(`GPT2Model: the cache holds batch ${cache.batch}, the input ids are ${formatShape(inputIds.shape)}`);
    const hidden = tc.scope(() => {
      const ctx: ForwardContext = { cache };
      if (cache) ctx.allowed = cache.allowedKeys(t, attentionMask);
      else if (attentionMask) ctx.keyMask = keyMaskOf(attentionMask, b, t);
      const positions = options.positionIds ?? tc.arange(past, past + t, 1, { dtype: 'i32', device: inputIds.device }); // (T,) or (B, T)
      let x = this.drop.forward(ag.add(this.wte.forward(inputIds), this.wpe.forward(positions))); // (B, T, C)
      // 'full' recompute: each block keeps its input (and the padding mask) and runs again in the backward.
      const checkpointed = recomputePolicy(this.config).blocks && !cache && ag.isGradEnabled();
      for (const [i, block] of [...this.h].entries()) {
        const next = checkpointed
          ? ag.checkpoint((h: Tensor, keyMask: Tensor | null) => block.forward(h, i, { keyMask: keyMask ?? undefined }), x, ctx.keyMask ?? null)
          : block.forward(x, i, ctx);
        x.dispose();
        x = next;
      }
      return this.ln_f.forward(x); // (B, T, C)
    });
    cache?.advance(t);
    return hidden;
  }
}

/** Options of {@link GPT2LMHeadModel.forward}: labels, chunked loss, which logits, cache. */
export interface CausalLMForwardOptions extends GPT2ForwardOptions {
  /** Targets [B, T] (i32, −100 to ignore); the loss compares position t with label t + 1, as HF. */
  labels?: Tensor;
  /** Compute the loss over chunks of this many tokens so the [B·T, V] logits never exist. */
  lossChunkTokens?: number;
  /**
   * Which logits to return: 'all' [B, T, V], 'last' [B, 1, V] (generation), or 'none'. Default 'all',
   * or 'none' when the loss is chunked (computing them would defeat the chunking).
   */
  logits?: 'all' | 'last' | 'none';
}

/** What a language model's forward returns: logits (unless not asked for) and the loss (with labels). */
export interface CausalLMOutput {
  logits: Tensor | null;
  loss: Tensor | null;
}

/** GPT-2 with its language-model head, tied to the token embedding unless `tie_word_embeddings` is false (HF's `GPT2LMHeadModel`). */
export class GPT2LMHeadModel extends Module {
  readonly transformer: GPT2Model;
  readonly lm_head: Linear;

  constructor(
    readonly config: GPT2Config,
    options: GPT2ModelOptions = {},
  ) {
    super();
    this.transformer = this.module('transformer', new GPT2Model(config, options));
    const head = new Linear(config.n_embd, config.vocab_size, {
      bias: false,
      init: linearInit(options, config.initializer_range),
      device: options.device,
      generator: options.generator,
    });
    this.lm_head = this.module('lm_head', head);
    if (config.tie_word_embeddings) {
      head.weight.dispose();
      head.setParameter('weight', this.transformer.wte.weight);
    }
  }

  /** Learned positions: a sequence cannot grow past n_positions. */
  readonly boundedPositions = true;

  get device(): Device {
    return this.transformer.wte.weight.device;
  }

  /** A KV cache for `batch` sequences of up to `capacity` tokens (≤ n_positions), for generation. */
  createDecodeState(batch: number, capacity: number): KVCache {
    const { n_layer, n_head, n_embd, n_positions } = this.config;
    return new KVCache(batch, Math.min(capacity, n_positions), n_layer, n_head, n_embd / n_head, this.device);
  }

  /** Token ids [B, T] (i32) → logits [B, T, V] and, with labels, the mean loss. */
  override forward(inputIds: Tensor, options: CausalLMForwardOptions = {}): CausalLMOutput {
    const { labels, lossChunkTokens } = options;
    const which = options.logits ?? (labels && lossChunkTokens ? 'none' : 'all');
    return tc.scope(() => {
      const hidden = this.transformer.forward(inputIds, options); // (B, T, C)
      let logits: Tensor | null = null;
      if (which === 'all')
        logits = this.lm_head.forward(hidden); // (B, T, V)
      else if (which === 'last') logits = this.lm_head.forward(ag.narrow(hidden, 1, hidden.shape[1]! - 1, 1)); // (B, 1, V)
      let loss: Tensor | null = null;
      if (labels) {
        if (!tc.shapesEqual(labels.shape, inputIds.shape))
          throw new ShapeError(`GPT2LMHeadModel: labels ${formatShape(labels.shape)} must match input ids ${formatShape(inputIds.shape)}`);
        const targets = shiftLabels(labels); // (B, T): label t + 1 at position t
        loss =
          logits && which === 'all' && !lossChunkTokens
            ? ag.crossEntropyLoss(logits, targets)
            : lmHeadLoss(hidden, this.lm_head.weight, targets, { chunkTokens: lossChunkTokens ?? Number.MAX_SAFE_INTEGER });
      }
      return { logits, loss };
    });
  }
}

function checkIds(ids: Tensor): void {
  if (ids.rank !== 2 || ids.dtype !== 'i32') throw new ShapeError(`expected token ids as an i32 tensor [B, T], got ${ids.describe()}`);
}

/** attention_mask [B, T] (1 = real token) → bool [B, 1, 1, T], the key mask light-ops broadcasts over heads and queries. */
function keyMaskOf(mask: Tensor, b: number, t: number): Tensor {
  if (!tc.shapesEqual(mask.shape, [b, t])) throw new ShapeError(`attention_mask must be [${b}, ${t}] like the input ids, got ${formatShape(mask.shape)}`);
  return tc.reshape(tc.ne(mask, tc.zeros([], { dtype: mask.dtype, device: mask.device })), [b, 1, 1, t]);
}
