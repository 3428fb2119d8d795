import { checkpoint, concat, defineFunction, isGradEnabled, narrow } from '@lightattn/autograd';
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
 * Consecutive query rows handled as one piece of the chunk loop: `count` chunks of `rows / count`
 * rows each. A piece of one chunk runs it; a piece of several (on a device that holds no data only)
 * stands for chunks whose bytes are accounted without running them (see {@link chunkPieces}).
 */
interface ChunkPiece {
  start: number;
  rows: number;
  count: number;
}

/**
 * The plan's chunks as pieces. With `bulk`, each run of equal-size chunks (the first Tq mod n
 * chunks have one row more) becomes one piece standing for all but its last two chunks, then those
 * two chunks, so the loop does O(1) work whatever the chunk count. The bytes stay exact:
 * - forward: each chunk adds its output (and, when recording, its saved rows of q and of the mask)
 *   and frees the rest, so the allocated bytes only grow along a run, and its last chunk — run for
 *   real — reaches the run's highest peak; the piece before it allocates what the skipped chunks
 *   keep, in one tensor each;
 * - backward (last chunk first): the first chunk of a run that runs backward creates the gradient
 *   accumulators of k·d^(−1/4), v and q·d^(−1/4); every later chunk repeats the same allocations
 *   and frees its saved rows and its output gradient, so the second one run — also real — reaches
 *   the highest peak of the rest, and the piece's backward only has to free what it saved.
 */
function chunkPieces(plan: ChunkPlan, Tq: number, bulk: boolean): ChunkPiece[] {
  const pieces: ChunkPiece[] = [];
  const base = Math.floor(Tq / plan.numChunks);
  const larger = Tq % plan.numChunks;
  let start = 0;
  for (const [rows, count] of [
    [base + 1, larger],
    [base, plan.numChunks - larger],
  ] as const) {
    const skipped = bulk && count > 2 ? count - 2 : 0;
    if (skipped > 0) pieces.push({ start, rows: skipped * rows, count: skipped });
    start += skipped * rows;
    for (let c = skipped; c < count; c++) {
      pieces.push({ start, rows, count: 1 });
      start += rows;
    }
  }
  return pieces;
}

/**
 * What a checkpointed chunk keeps and returns, for many chunks at once, on a device that holds no
 * data: it saves the same inputs as the chunks' checkpoints (so the ledger counts the same bytes) and
 * returns their outputs' bytes. Its backward returns no gradient: the chunks run for real around it
 * have already allocated every gradient accumulator, and a skipped chunk's gradients would only be
 * added into them (see {@link chunkPieces}).
 */
const skippedChunks = defineFunction({
  name: 'checkpoint',
  forward(ctx, qs: Tensor, ks: Tensor, v: Tensor, mask: Tensor | null) {
    ctx.save({ inputs: mask ? [0, 1, 2, 3] : [0, 1, 2] });
    const [B, H, rows] = qs.shape as [number, number, number, number];
    return tc.zeros([B, H, rows, v.shape[3]!], { device: qs.device });
  },
  backward: () => [null, null, null, null],
});

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
    // A device without data needs bytes, not values: chunk runs cost O(1), not O(chunks).
    for (const piece of chunkPieces(plan, shape.Tq, !q.device.holdsData)) {
      const rowOffset = piece.start;
      const whole = plan.numChunks === 1;
      if (piece.count > 1 && !recompute) {
        // Without recording, a chunk keeps only its output.
        outs.push(tc.zeros([shape.B, shape.H, piece.rows, shape.Dv], { device: q.device }));
        continue;
      }
      const qChunk = whole ? qs : narrow(qs, 2, rowOffset, piece.rows); // (B, H, rows, D)
      const maskChunk = maskRows(mask, rowOffset, piece.rows);
      const attend = (qc: Tensor, kAll: Tensor, vAll: Tensor, mc: Tensor | null) =>
        lightCore(qc, kAll, vAll, { causal, mask: mc, drop, rowOffset, rows: shape.Tq });
      if (piece.count > 1) outs.push(skippedChunks(qChunk, ks, v, maskChunk));
      else outs.push(recompute ? checkpoint(attend, qChunk, ks, v, maskChunk) : attend(qChunk, ks, v, maskChunk));
      // Free each chunk's copies as soon as it is done (the tape keeps its own references).
      if (qChunk !== qs) qChunk.dispose();
      if (maskChunk !== mask) maskChunk?.dispose();
    }
    if (outs.length === 1) return outs[0]!;
    const out = concat(outs, 2); // (B, H, Tq, Dv)
    for (const o of outs) o.dispose();
    return out;
  });
}
