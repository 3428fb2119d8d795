import { IndexError, type Tensor } from '@lightattn/tensor-core';
import { ATTENTION_IMPLS, type AttentionOptions } from './attention-options.js';
import { chunkedAttention } from './chunked-attention.js';
import { flashAttention } from './flash-attention.js';
import { lightAttention } from './light-attention.js';
import { vanillaAttention } from './vanilla-attention.js';

export { ATTENTION_IMPLS };

/**
 * softmax(scale·q·kᵀ, masked)·v for q [B, H, Tq, D], k [B, H, Tk, D], v [B, H, Tk, Dv] → [B, H, Tq, Dv],
 * by one of four implementations that give the same values (and, with dropout, the same mask for the
 * same generator state) and differ in what they keep for the backward:
 * - 'vanilla': eager PyTorch 1.10 (scores, probabilities, dropped probabilities and a bool mask);
 *   `useLightSoftmax` / `useDropMatmul` switch its two parts one at a time;
 * - 'light': LightSoftmax + DropMatmul + Q/K pre-scaling (probabilities only);
 * - 'chunked': query chunks under `maxChunkSizeMb`, recomputed in the backward (O(T·d));
 * - 'flash': log-sum-exp tiled kernels (O, L and the inputs: O(T·d)).
 */
export function attention(q: Tensor, k: Tensor, v: Tensor, options: AttentionOptions = {}): Tensor {
  const impl = options.impl ?? 'vanilla';
  switch (impl) {
    case 'vanilla':
      return vanillaAttention(q, k, v, options);
    case 'light':
      return lightAttention(q, k, v, options);
    case 'chunked':
      return chunkedAttention(q, k, v, options);
    case 'flash':
      return flashAttention(q, k, v, options);
    default:
      throw new IndexError(`attention: impl must be one of ${ATTENTION_IMPLS.join(', ')}, got ${JSON.stringify(impl)}`);
  }
}
