import * as ag from '@lightattn/autograd';
import { attention, type AttentionOptions } from '@lightattn/light-ops';
import * as tc from '@lightattn/tensor-core';
import { formatShape, LightattnError, ShapeError, type Device, type Tensor } from '@lightattn/tensor-core';

/** A KV cache with an invalid size, too few free slots, or used while the graph is recorded (decode inside `noGrad`). */
export class KVCacheError extends LightattnError {
  override name = 'KVCacheError';
}

/**
 * Keys and values of every layer for incremental decoding, preallocated at full capacity:
 * keys[l] and values[l] are [B, H, capacity, D], written in place with `setSlice` as tokens arrive.
 * Attention over the cache always spans all `capacity` key slots (those not yet written are masked),
 * so every decoding step after the prefill runs the same ops on the same shapes, whatever the prefix.
 */
export class KVCache {
  readonly keys: Tensor[];
  readonly values: Tensor[];
  /** Tokens written so far (the next token's position). */
  length = 0;

  constructor(
    readonly batch: number,
    readonly capacity: number,
    readonly nLayer: number,
    readonly nHead: number,
    readonly headDim: number,
    readonly device: Device = tc.getDefaultDevice(),
  ) {
    for (const [name, v] of Object.entries({ batch, capacity, nHead, headDim })) {
      if (!Number.isSafeInteger(v) || v < 1) throw new KVCacheError(`KVCache: ${name} must be a positive integer, got ${v}`);
    }
    const shape = [batch, nHead, capacity, headDim];
    const make = () => tc.keep(tc.withMemoryTag('kv-cache', () => tc.zeros(shape, { device })));
    this.keys = Array.from({ length: nLayer }, make);
    this.values = Array.from({ length: nLayer }, make);
  }

  /** Slots left. */
  get remaining(): number {
    return this.capacity - this.length;
  }

  /**
   * allowed[b, 0, i, j] for the T new tokens at positions length … length + T − 1: key slot j is
   * visible to new token i when j ≤ length + i (causal over what is written) and, with a padding
   * mask [B, length + T] (1 = real token), when slot j holds a real token. → bool [B or 1, 1, T, capacity].
   */
  allowedKeys(newTokens: number, attentionMask?: Tensor): Tensor {
    if (newTokens > this.remaining) {
      throw new KVCacheError(
        `KVCache: ${newTokens} new tokens do not fit: ${this.length} of ${this.capacity} slots are used; create the cache with a larger capacity (at most n_positions)`,
      );
    }
    return tc.scope(() => {
      const d = this.device;
      const slots = tc.reshape(tc.arange(0, this.capacity, 1, { dtype: 'i32', device: d }), [1, this.capacity]); // (1, capacity)
      const rows = tc.reshape(tc.arange(this.length, this.length + newTokens, 1, { dtype: 'i32', device: d }), [newTokens, 1]); // (T, 1)
      const causal = tc.reshape(tc.le(slots, rows), [1, 1, newTokens, this.capacity]); // (1, 1, T, capacity)
      if (!attentionMask) return causal;
      const total = this.length + newTokens;
      if (attentionMask.rank !== 2 || attentionMask.shape[0] !== this.batch || attentionMask.shape[1] !== total) {
        throw new ShapeError(`KVCache: attention_mask must be [${this.batch}, ${total}] (cached plus new tokens), got ${formatShape(attentionMask.shape)}`);
      }
      const real = tc.pad(tc.ne(attentionMask, tc.zeros([], { dtype: attentionMask.dtype, device: d })), [0, 0], [0, this.capacity - total], 0); // (B, capacity)
      return tc.logicalAnd(causal, tc.reshape(real, [this.batch, 1, 1, this.capacity])); // (B, 1, T, capacity)
    });
  }

  /**
   * Writes layer `layer`'s new keys and values [B, H, T, D] at slots length … length + T − 1 and
   * attends q [B, H, T, D] over all slots with the attention op (light-ops' `attention`, with the
   * model's `options`): softmax(q·Kᵀ/√D masked by `allowed`)·V → [B, H, T, D]. A query row with no
   * allowed key (a padding token of a left-padded prompt) gives zeros, as in every implementation.
   * Inference only (the cache is written in place).
   */
  attend(layer: number, q: Tensor, k: Tensor, v: Tensor, allowed: Tensor, options: AttentionOptions = {}): Tensor {
    if (ag.isGradEnabled() && (q.requiresGrad || k.requiresGrad || v.requiresGrad)) {
      throw new KVCacheError('KVCache: decoding with a cache is inference only; run the model inside noGrad() (generate() does)');
    }
    const keys = this.keys[layer]!;
    const values = this.values[layer]!;
    tc.setSlice(keys, k, [0, 0, this.length, 0]);
    tc.setSlice(values, v, [0, 0, this.length, 0]);
    // `allowed` is causal over the written slots already; slots not yet written are masked.
    return attention(q, keys, values, { ...options, causal: false, mask: allowed, dropout: 0, training: false }); // (B, H, T, D)
  }

  /** Marks `tokens` more slots as written (after every layer has written them). */
  advance(tokens: number): void {
    this.length += tokens;
  }

  /** Frees the cached keys and values. */
  dispose(): void {
    for (const t of [...this.keys, ...this.values]) t.dispose();
  }
}
