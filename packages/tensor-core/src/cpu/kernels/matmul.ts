import { matmulGeometry } from '../../shape.js';
import type { CpuKernel } from '../cpu-tensor.js';
import type { Elements } from './strided-runs.js';

/** Rows of a (and columns of b) computed together: a 4×4 block of outputs lives in 16 locals. */
const TILE = 4;
/** Columns of b packed at a time: 128 × K float64s stay in L2 for K up to ~1–2 thousand. */
const PANEL = 128;

/**
 * Batched matmul, out[..., i, j] = Σ_k a[..., i, k]·b[..., k, j], with broadcast batch dimensions and
 * optionally transposed operands. Sums are float64 (JS numbers), rounded once on the store.
 *
 * Speed: V8 does not vectorise, so the win is in loads per multiply-add. A panel of 128 columns of
 * b is packed into a Float64Array as rows of bᵀ ([128, K], contiguous over k), four rows of a into
 * another ([4, K]); each k step then loads 4 + 4 numbers for 16 multiply-adds into register
 * accumulators, several times faster than a plain i-k-j loop (docs/benchmarks.md, "CPU matmul").
 * Panels bound the scratch to 128·K doubles,
 * so a GPT-2 LM head (N = 50257) does not allocate a float64 copy of the whole embedding. With fewer
 * than four rows (matrix-vector products in generation) packing b would cost as much as the
 * product, so those rows read b where it lies.
 */
export const matmulKernel: CpuKernel<'matmul'> = ([a, b], [out], { transA, transB }) => {
  const { M, N, K, batch, count, aStrides, bStrides } = matmulGeometry(a!.shape, b!.shape, out!.shape, transA);
  if (count === 0 || M === 0 || N === 0) return;
  const src = { a: a!.data as Elements, b: b!.data as Elements, out: out!.data as Elements };

  const tiled = M >= TILE;
  const panelWidth = Math.min(N, PANEL);
  const packedB = tiled ? new Float64Array(panelWidth * K) : null;
  const packedA = new Float64Array(TILE * K);
  const row = new Float64Array(N);
  let packedFrom = -1;

  // Odometer over the batch index; aMatrix/bMatrix are the (broadcast) matrix numbers in a and b.
  const index = new Array<number>(batch.length).fill(0);
  let aMatrix = 0;
  let bMatrix = 0;
  for (let t = 0; t < count; t++) {
    const aOff = aMatrix * M * K;
    const bOff = bMatrix * K * N;
    const oOff = t * M * N;
    if (packedB) {
      for (let j0 = 0; j0 < N; j0 += PANEL) {
        const width = Math.min(PANEL, N - j0);
        // A broadcast b (one weight matrix for every batch entry) that fits one panel is packed once.
        if (j0 > 0 || packedFrom !== bOff) packB(src.b, bOff, packedB, j0, width, K, N, transB);
        packedFrom = width === N ? bOff : -1;
        for (let i0 = 0; i0 < M; i0 += TILE) {
          packA(src.a, aOff, packedA, i0, Math.min(TILE, M - i0), M, K, transA);
          tileRow(packedA, packedB, src.out, oOff, i0, M, N, K, j0, width);
        }
      }
    } else {
      for (let i = 0; i < M; i++) {
        packA(src.a, aOff, packedA, i, 1, M, K, transA);
        rowTimesB(packedA, src.b, bOff, src.out, oOff + i * N, row, K, N, transB);
      }
    }
    for (let d = batch.length - 1; d >= 0; d--) {
      aMatrix += aStrides[d]!;
      bMatrix += bStrides[d]!;
      if (++index[d]! < batch[d]!) break;
      aMatrix -= aStrides[d]! * batch[d]!;
      bMatrix -= bStrides[d]! * batch[d]!;
      index[d] = 0;
    }
  }
};

/** packed[jj·K + k] = b[k, j0 + jj] for a panel of `width` columns: rows of bᵀ, contiguous over k. */
function packB(b: Elements, off: number, packed: Float64Array, j0: number, width: number, K: number, N: number, transB: boolean): void {
  if (transB) {
    for (let i = 0, q = off + j0 * K; i < width * K; i++, q++) packed[i] = b[q]!;
    return;
  }
  for (let k = 0; k < K; k++) {
    const base = off + k * N + j0;
    for (let jj = 0; jj < width; jj++) packed[jj * K + k] = b[base + jj]!;
  }
}

/** `rows` rows of a (or of aᵀ; a is then [K, M]) from row i0 into packed[r·K + k]; the rest of the four are zeros. */
function packA(a: Elements, off: number, packed: Float64Array, i0: number, rows: number, M: number, K: number, transA: boolean): void {
  for (let r = 0; r < TILE; r++) {
    const i = i0 + r;
    const base = r * K;
    if (r >= rows) packed.fill(0, base, base + K);
    else if (transA) for (let k = 0; k < K; k++) packed[base + k] = a[off + k * M + i]!;
    else for (let k = 0; k < K; k++) packed[base + k] = a[off + i * K + k]!;
  }
}

/** Output rows i0 … min(i0 + 4, M) − 1 and columns j0 … j0 + width − 1 (the packed panel), four columns at a time. */
function tileRow(
  pa: Float64Array,
  pb: Float64Array,
  out: Elements,
  oOff: number,
  i0: number,
  M: number,
  N: number,
  K: number,
  j0: number,
  width: number,
): void {
  const rows = Math.min(TILE, M - i0);
  const a1 = K;
  const a2 = 2 * K;
  const a3 = 3 * K;
  for (let jj = 0; jj < width; jj += TILE) {
    const cols = Math.min(TILE, width - jj);
    // Missing columns re-read column jj; their sums are computed and dropped.
    const b0 = jj * K;
    const b1 = cols > 1 ? b0 + K : b0;
    const b2 = cols > 2 ? b0 + 2 * K : b0;
    const b3 = cols > 3 ? b0 + 3 * K : b0;
    let s00 = 0,
      s01 = 0,
      s02 = 0,
      s03 = 0,
      s10 = 0,
      s11 = 0,
      s12 = 0,
      s13 = 0;
    let s20 = 0,
      s21 = 0,
      s22 = 0,
      s23 = 0,
      s30 = 0,
      s31 = 0,
      s32 = 0,
      s33 = 0;
    for (let k = 0; k < K; k++) {
      const x0 = pa[k]!,
        x1 = pa[a1 + k]!,
        x2 = pa[a2 + k]!,
        x3 = pa[a3 + k]!;
      const y0 = pb[b0 + k]!,
        y1 = pb[b1 + k]!,
        y2 = pb[b2 + k]!,
        y3 = pb[b3 + k]!;
      s00 += x0 * y0;
      s01 += x0 * y1;
      s02 += x0 * y2;
      s03 += x0 * y3;
      s10 += x1 * y0;
      s11 += x1 * y1;
      s12 += x1 * y2;
      s13 += x1 * y3;
      s20 += x2 * y0;
      s21 += x2 * y1;
      s22 += x2 * y2;
      s23 += x2 * y3;
      s30 += x3 * y0;
      s31 += x3 * y1;
      s32 += x3 * y2;
      s33 += x3 * y3;
    }
    const o = oOff + i0 * N + j0 + jj;
    if (rows === TILE && cols === TILE) {
      out[o] = s00;
      out[o + 1] = s01;
      out[o + 2] = s02;
      out[o + 3] = s03;
      out[o + N] = s10;
      out[o + N + 1] = s11;
      out[o + N + 2] = s12;
      out[o + N + 3] = s13;
      out[o + 2 * N] = s20;
      out[o + 2 * N + 1] = s21;
      out[o + 2 * N + 2] = s22;
      out[o + 2 * N + 3] = s23;
      out[o + 3 * N] = s30;
      out[o + 3 * N + 1] = s31;
      out[o + 3 * N + 2] = s32;
      out[o + 3 * N + 3] = s33;
      continue;
    }
    const sums = [s00, s01, s02, s03, s10, s11, s12, s13, s20, s21, s22, s23, s30, s31, s32, s33];
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[o + r * N + c] = sums[r * TILE + c]!;
  }
}

/** One output row from a packed row of a, reading b in place: i-k-j over b's rows, or dots with bᵀ's rows. */
function rowTimesB(aRow: Float64Array, b: Elements, bOff: number, out: Elements, o: number, acc: Float64Array, K: number, N: number, transB: boolean): void {
  if (transB) {
    for (let j = 0; j < N; j++) {
      const base = bOff + j * K;
      let s = 0;
      for (let k = 0; k < K; k++) s += aRow[k]! * b[base + k]!;
      out[o + j] = s;
    }
    return;
  }
  acc.fill(0);
  for (let k = 0; k < K; k++) {
    const aik = aRow[k]!;
    const base = bOff + k * N;
    for (let j = 0; j < N; j++) acc[j] += aik * b[base + j]!;
  }
  for (let j = 0; j < N; j++) out[o + j] = acc[j]!;
}
