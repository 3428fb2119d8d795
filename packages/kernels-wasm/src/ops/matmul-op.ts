import { matmulGeometry, type TensorRef } from '@lightattn/tensor-core';
import { MC, MR, NR } from '../kernels/matmul-wasm.js';
import type { KernelContext } from './kernel-context.js';

/** Packed b of one job group at most (larger single matrices are packed a range of panels at a time). */
const PACK_BUDGET = 32 << 20;
/** Below this many multiply-adds a matmul runs on the calling thread: waking workers costs more. */
const PARALLEL_MIN_MACS = 1 << 17;
/** Arguments of pack_b and gemm (gemm's scratch pointer is appended by the task runner). */
const PACK_ARGC = 8;
const GEMM_ARGC = 12;

/**
 * Batched matmul with broadcast batch dimensions and either operand transposed, in two parallel
 * jobs per group of matrices: pack the panels of every distinct b (a weight shared by the whole
 * batch is packed once), then compute blocks of rows × panels. Every output is one thread's sum
 * over k in order, so the result is the same for any number of threads.
 */
export function matmulWasm(ctx: KernelContext, a: TensorRef, b: TensorRef, out: TensorRef, transA: boolean, transB: boolean): void {
  const { M, N, K, batch, count, aStrides, bStrides } = matmulGeometry(a.shape, b.shape, out.shape, transA);
  if (count === 0 || M === 0 || N === 0) return;
  const aBase = ctx.address(a);
  const bBase = ctx.address(b);
  const oBase = ctx.address(out);
  // Byte strides of a's rows and k; element strides of b along k and n.
  const sAM = transA ? 4 : K * 4;
  const sAK = transA ? M * 4 : 4;
  const sK = transB ? 1 : N;
  const sN = transB ? K : 1;
  const panels = Math.ceil(N / NR);
  const panelBytes = K * NR * 4;
  const parallel = count * M * N * K >= PARALLEL_MIN_MACS;
  const threads = parallel ? ctx.threads : 1;

  // Matrix numbers of a and b for every batch entry (an odometer over broadcast strides).
  const aMat = new Array<number>(count);
  const bMat = new Array<number>(count);
  const index = new Array<number>(batch.length).fill(0);
  for (let t = 0, am = 0, bm = 0; t < count; t++) {
    aMat[t] = am;
    bMat[t] = bm;
    for (let d = batch.length - 1; d >= 0; d--) {
      am += aStrides[d]!;
      bm += bStrides[d]!;
      if (++index[d]! < batch[d]!) break;
      am -= aStrides[d]! * batch[d]!;
      bm -= bStrides[d]! * batch[d]!;
      index[d] = 0;
    }
  }

  // Panels per pack: all of them unless one b alone passes the budget.
  const panelStep = Math.max(1, Math.min(panels, Math.floor(PACK_BUDGET / Math.max(panelBytes, 1))));
  const scratchStride = Math.ceil((MC * Math.max(K, 1) * 4) / 64) * 64;
  const scratch = ctx.alloc(scratchStride * threads);
  // A group packs at most max(budget, one chunk) bytes, and never more than every distinct b.
  const chunkMax = panelStep * panelBytes;
  const packedBytes = Math.max(64, Math.min(new Set(bMat).size * chunkMax, Math.max(PACK_BUDGET, chunkMax)));
  const packed = ctx.alloc(packedBytes);
  try {
    for (let q0 = 0; q0 < panels; q0 += panelStep) {
      const q1 = Math.min(panels, q0 + panelStep);
      const chunkBytes = (q1 - q0) * panelBytes;
      let t0 = 0;
      while (t0 < count) {
        // A group: consecutive batch entries whose distinct b matrices fit the pack budget.
        const slots = new Map<number, number>();
        let t1 = t0;
        while (t1 < count) {
          if (!slots.has(bMat[t1]!)) {
            if (slots.size > 0 && (slots.size + 1) * chunkBytes > PACK_BUDGET) break;
            slots.set(bMat[t1]!, slots.size);
          }
          t1++;
        }
        // pack_b's dst is offset back by q0 panels, so panel p lands at slot + (p − q0)·panelBytes (u32 arithmetic).
        const packArgs: number[] = [];
        const packTasks = Math.max(1, Math.ceil((threads * 2) / slots.size));
        const packStep = Math.max(1, Math.ceil((q1 - q0) / packTasks));
        for (const [bm, slot] of slots) {
          const dst = packed + slot * chunkBytes - q0 * panelBytes;
          for (let p = q0; p < q1; p += packStep) packArgs.push(bBase + bm * K * N * 4, sK, sN, K, N, p, Math.min(q1, p + packStep), dst >>> 0);
        }
        ctx.runJob({ fn: ctx.kernel('pack_b'), argc: PACK_ARGC, args: packArgs }, parallel);

        // Row blocks × panel ranges per matrix: about three tasks per thread in all.
        const perMatrix = Math.max(1, Math.ceil((threads * 3) / (t1 - t0)));
        const rowChunks = Math.min(Math.ceil(M / MR), perMatrix);
        const rowStep = Math.ceil(M / rowChunks / MR) * MR;
        const panelChunks = Math.min(q1 - q0, Math.ceil(perMatrix / rowChunks));
        const pStep = Math.ceil((q1 - q0) / panelChunks);
        const gemmArgs: number[] = [];
        for (let t = t0; t < t1; t++) {
          const pk = (packed + slots.get(bMat[t]!)! * chunkBytes - q0 * panelBytes) >>> 0;
          const aPtr = aBase + aMat[t]! * M * K * 4;
          const oPtr = oBase + t * M * N * 4;
          for (let i = 0; i < M; i += rowStep) {
            for (let p = q0; p < q1; p += pStep) {
              gemmArgs.push(aPtr, sAM, sAK, pk, oPtr, N * 4, K, N, i, Math.min(M, i + rowStep), p, Math.min(q1, p + pStep));
            }
          }
        }
        ctx.runJob({ fn: ctx.kernel('gemm'), argc: GEMM_ARGC, args: gemmArgs, scratchBase: scratch, scratchStride }, parallel);
        t0 = t1;
      }
    }
  } finally {
    ctx.free(packed, packedBytes);
    ctx.free(scratch, scratchStride * threads);
  }
}
