import type { CpuKernel } from '../cpu-tensor.js';

/**
 * LEAP's focus scan: for each position t of `axis`, over the window W(t),
 *   lse[t] = log Σ_{j∈W(t)} exp(ℓ_j),   mean[t] = Σ_{j∈W(t)} exp(ℓ_j − lse[t]) · x_j.
 *
 * A window is never a difference of prefix sums. That is what the original LEAP code did
 * (cumsum(t) − cumsum(t − w)): once the prefix sums grow large, the f32 rounding of each one
 * (|Σ|·2⁻²⁴) swamps a window of small weights, and z can come out 0 or negative. Instead:
 *
 * - State (m, z, s): m the largest logit seen, z = Σ exp(ℓ_j − m), s = Σ exp(ℓ_j − m)·x_j. Every
 *   weight is ≤ 1 and the largest is exactly 1, so z ≥ 1: nothing overflows, and z cannot vanish.
 * - Windows of size w: cut the scan order into blocks of w. Position t = k·w + q sees the suffix
 *   [q + 1, w) of block k − 1 and the prefix [0, q] of block k. Both are sums of at most w positive
 *   weights (and the same weights times x), combined with one rescale: the relative error of z is
 *   at most ~2w·ε and the error of mean is at most ~2w·ε·max|x| over the window, whatever the
 *   logits are and however long the sequence. Here the sums run in float64 (ε = 2⁻⁵³) and each
 *   result is rounded once when stored.
 * - Unbounded windows (0, or ≥ the axis length): one prefix pass.
 *
 * The tensors are viewed as [outer, T, inner] (logits) and [outer, T, inner, C] (x); each (outer,
 * inner) line is scanned on its own. −Inf logits weigh nothing; NaN or +Inf logits poison z and s.
 */
export const leapScanKernel: CpuKernel<'leapScan'> = ([logits, x], [mean, lse], { axis, window, reverse }) => {
  const shape = logits!.shape;
  const T = shape[axis]!;
  let outer = 1;
  for (let i = 0; i < axis; i++) outer *= shape[i]!;
  let inner = 1;
  for (let i = axis + 1; i < shape.length; i++) inner *= shape[i]!;
  const C = x!.shape[x!.shape.length - 1]!;
  if (T === 0 || outer * inner === 0) return;
  const block = window === 0 || window >= T ? T : window;
  const io: LineIO = { l: logits!.data, x: x!.data, mean: mean!.data, lse: lse!.data, C, T, inner, reverse, base: 0 };
  const scratch = new LineScratch(C, block < T ? block : 0);
  for (let o = 0; o < outer; o++) {
    for (let n = 0; n < inner; n++) {
      io.base = o * T * inner + n;
      if (block === T) prefixLine(io, scratch);
      else windowedLine(io, block, scratch);
    }
  }
};

type Data = ArrayLike<number> & { [i: number]: number };

interface LineIO {
  l: Data;
  x: Data;
  mean: Data;
  lse: Data;
  C: number;
  T: number;
  inner: number;
  reverse: boolean;
  /** Element index of the line's first logit (t = 0). */
  base: number;
}

/** Logit index of scan position p (scan order runs backwards with `reverse`). */
const at = (io: LineIO, p: number) => io.base + (io.reverse ? io.T - 1 - p : p) * io.inner;

/** An online-softmax accumulator (m, z, s); z = 0 is the empty state. */
class State {
  m = 0;
  z = 0;
  readonly s: Float64Array;
  constructor(C: number) {
    this.s = new Float64Array(C);
  }

  clear(): void {
    this.m = 0;
    this.z = 0;
    this.s.fill(0);
  }

  /** Adds weight exp(l) on x[xi, xi + C). */
  push(l: number, x: Data, xi: number): void {
    const s = this.s;
    const C = s.length;
    if (l === -Infinity) return;
    if (!(l < Infinity)) {
      this.z = NaN;
      s.fill(NaN);
    } else if (this.z === 0) {
      this.m = l;
      this.z = 1;
      for (let c = 0; c < C; c++) s[c] = x[xi + c]!;
    } else if (l > this.m) {
      // Rescale what we have to the new maximum: every weight stays ≤ 1.
      const a = Math.exp(this.m - l);
      this.z = this.z * a + 1;
      for (let c = 0; c < C; c++) s[c] = s[c]! * a + x[xi + c]!;
      this.m = l;
    } else {
      const b = Math.exp(l - this.m);
      this.z += b;
      for (let c = 0; c < C; c++) s[c] += b * x[xi + c]!;
    }
  }

  /** this ← this ⊕ (m, z, s) of another state's arrays. */
  merge(m: number, z: number, s: Float64Array, si: number): void {
    const own = this.s;
    const C = own.length;
    if (z === 0) return;
    if (this.z === 0) {
      this.m = m;
      this.z = z;
      for (let c = 0; c < C; c++) own[c] = s[si + c]!;
      return;
    }
    const M = Math.max(this.m, m);
    const a = Math.exp(this.m - M);
    const b = Math.exp(m - M);
    this.z = this.z * a + z * b;
    for (let c = 0; c < C; c++) own[c] = own[c]! * a + s[si + c]! * b;
    this.m = M;
  }

  /** Writes mean = s/z and lse = m + log z for the position whose logit index is li. */
  write(io: LineIO, li: number): void {
    const C = io.C;
    if (this.z === 0) {
      io.lse[li] = -Infinity;
      for (let c = 0; c < C; c++) io.mean[li * C + c] = 0;
      return;
    }
    io.lse[li] = this.m + Math.log(this.z);
    const inv = 1 / this.z;
    for (let c = 0; c < C; c++) io.mean[li * C + c] = this.s[c]! * inv;
  }
}

/** Per-line work memory, reused: a prefix state, a combine state and the previous block's suffixes. */
class LineScratch {
  readonly prefix: State;
  readonly out: State;
  readonly sufM: Float64Array;
  readonly sufZ: Float64Array;
  readonly sufS: Float64Array;
  readonly suffix: State;
  constructor(C: number, block: number) {
    this.prefix = new State(C);
    this.out = new State(C);
    this.suffix = new State(C);
    this.sufM = new Float64Array(block);
    this.sufZ = new Float64Array(block);
    this.sufS = new Float64Array(block * C);
  }
}

function prefixLine(io: LineIO, { prefix }: LineScratch): void {
  prefix.clear();
  for (let p = 0; p < io.T; p++) {
    const li = at(io, p);
    prefix.push(io.l[li]!, io.x, li * io.C);
    prefix.write(io, li);
  }
}

/** Windows of `w` from a block prefix and the previous block's suffix (see the file comment). */
function windowedLine(io: LineIO, w: number, sc: LineScratch): void {
  const { C, T } = io;
  for (let start = 0; start < T; start += w) {
    const len = Math.min(w, T - start);
    sc.prefix.clear();
    for (let q = 0; q < len; q++) {
      const li = at(io, start + q);
      sc.prefix.push(io.l[li]!, io.x, li * C);
      if (start === 0 || q === w - 1) {
        sc.prefix.write(io, li);
        continue;
      }
      // Window [start + q − w + 1, start + q] = suffix [q + 1, w) of the previous block + this prefix.
      sc.out.clear();
      sc.out.merge(sc.prefix.m, sc.prefix.z, sc.prefix.s, 0);
      sc.out.merge(sc.sufM[q + 1]!, sc.sufZ[q + 1]!, sc.sufS, (q + 1) * C);
      sc.out.write(io, li);
    }
    // Suffixes of this block, for the next one (only whole blocks are ever followed by another).
    if (start + w >= T) break;
    sc.suffix.clear();
    for (let q = w - 1; q >= 1; q--) {
      const li = at(io, start + q);
      sc.suffix.push(io.l[li]!, io.x, li * C);
      sc.sufM[q] = sc.suffix.m;
      sc.sufZ[q] = sc.suffix.z;
      sc.sufS.set(sc.suffix.s, q * C);
    }
  }
}
