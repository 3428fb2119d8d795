import { checkpoint, concat, isGradEnabled, narrow } from '@lightattn/autograd';
import * as tc from '@lightattn/tensor-core';
import { IndexError, type Tensor } from '@lightattn/tensor-core';
import { attentionShape, mask4, maskRows } from './attention-mask.js';
import type { ChunkedAttentionOptions } from './attention-options.js';
import { attentionDropout } from './dropout-rule.js';
import { lightCore } from './light-attention.js';
import { prescaleQK } from './prescale.js';

/** How chunked attention splits the query axis: the logit bytes, the number of chunks and their sizes. */
export interface ChunkPlan {
  /** Bytes of the whole f32 logits tensor, B·H·Tq·Tk·4. */
  logitBytes: number;
  numChunks: number;
  /** Query rows per chunk: ⌊Tq/n⌋ or ⌊Tq/n⌋ + 1 (the first Tq mod n chunks), in order. */
  sizes: number[];
}

/**
 * dm-haiku PR 679's rule: num_chunks = ⌊logit bytes / (max_chunk_size_mb·10⁶)⌋ + 1 over the query
 * axis, at most one chunk per query row — so a cap smaller than one row still works, one row at a
 * time. Each chunk's logits are then below the cap, plus at most one query row (B·H·Tk·4 bytes)
 * from rounding the split.
 */
export function chunkPlan(B: number, H: number, Tq: number, Tk: number, maxChunkSizeMb = Infinity): ChunkPlan {
  if (!(maxChunkSizeMb >= 0)) throw new IndexError(`chunkedAttention: maxChunkSizeMb must be ≥ 0 (Infinity for no chunking), got ${maxChunkSizeMb}`);
  const logitBytes = B * H * Tq * Tk * 4;
  const wanted = logitBytes === 0 ? 1 : Math.floor(logitBytes / (maxChunkSizeMb * 1e6)) + 1;
  const numChunks = Math.max(1, Math.min(Tq, wanted));
  const base = Math.floor(Tq / numChunks);
  const sizes = Array.from({ length: numChunks }, (_, c) => base + (c < Tq % numChunks ? 1 : 0));
  return { logitBytes, numChunks, sizes };
}

/**
 * Exact attention over query chunks (light attention per chunk: pre-scaled q/k, LightSoftmax,
 * DropMatmul with the chunk's rows of the shared dropout mask). Outputs equal unchunked attention.
 * Forward working set: one chunk's scores and probabilities (two tensors of at most the cap) and
 * its keep mask, plus O(T·d). When recording, each chunk is a checkpoint: it saves only its inputs
 * (its rows of q·d^(−1/4), k·d^(−1/4), v and its rows of the mask) and recomputes the chunk in the
 * backward, so saved memory is O(T·d): 4·B·H·(Tq·D + Tk·D + Tk·Dv) bytes plus the mask.
 */
export function chunkedAttention(q: Tensor, k: Tensor, v: Tensor, options: ChunkedAttentionOptions = {}): Tensor {
  const shape = attentionShape('chunkedAttention', q, k, v, options.mask);
  const drop = attentionDropout('chunkedAttention', options.dropout, options.training, options);
  const plan = chunkPlan(shape.B, shape.H, shape.Tq, shape.Tk, options.maxChunkSizeMb);
  const causal = !!options.causal;
  return tc.scope(() => {
    const [qs, ks] = prescaleQK(q, k, options.scale);
    const mask = mask4(options.mask);
    const recompute = isGradEnabled() && [q, k, v].some((t) => t.requiresGrad);
    const outs: Tensor[] = [];
    let start = 0;
    for (const size of plan.sizes) {
      const rowOffset = start;
      const qChunk = plan.numChunks === 1 ? qs : narrow(qs, 2, rowOffset, size); // (B, H, size, D)
      const maskChunk = maskRows(mask, rowOffset, size);
      const attend = (qc: Tensor, kAll: Tensor, vAll: Tensor, mc: Tensor | null) =>
        lightCore(qc, kAll, vAll, { causal, mask: mc, drop, rowOffset, rows: shape.Tq });
      outs.push(recompute ? checkpoint(attend, qChunk, ks, v, maskChunk) : attend(qChunk, ks, v, maskChunk));
      // Free each chunk's copies as soon as it is done (the tape keeps its own references).
      if (qChunk !== qs) qChunk.dispose();
      if (maskChunk !== mask) maskChunk?.dispose();
      start += size;
    }
    if (outs.length === 1) return outs[0]!;
    const out = concat(outs, 2); // (B, H, Tq, Dv)
    for (const o of outs) o.dispose();
    return out;
  });
}
