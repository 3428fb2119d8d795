import { FunctionBuilder, type Local } from '../wasm/function-builder.js';

/** Columns of a packed panel of b: two f32x4 vectors. */
export const NR = 8;
/**
 * Rows of the register block: MR × NR outputs live in MR·2 vector registers. Six rows (12
 * accumulators of x86's 16 xmm) measured slower than four under V8's register allocator.
 */
export const MR = 4;
/** Rows of a swept against every panel before moving on: 64 rows × K f32s stay in L2. */
export const MC = 64;

/**
 * `pack_b(b, sK, sN, K, N, p0, p1, dst)`: panels p0 … p1−1 of b (element strides sK along k, sN
 * along n; a transposed b is just other strides) into dst[(p·K + k)·8 + lane] = b[k, p·8 + lane],
 * columns past N zero. Packing turns any layout of b into one the microkernel reads with two
 * aligned vector loads per k.
 */
export function packB(relaxed: boolean): FunctionBuilder {
  const f = new FunctionBuilder('pack_b', ['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32'], [], relaxed);
  const [b, sK, sN, K, N, p0, p1, dst] = f.params as [Local, Local, Local, Local, Local, Local, Local, Local];
  const p = f.local('i32');
  const k = f.local('i32');
  const lane = f.local('i32');
  const n0 = f.local('i32');
  const src = f.local('i32');
  const out = f.local('i32');
  const full = f.local('i32');
  f.forLoop(
    p,
    () => f.get(p0),
    () => f.get(p1),
    1,
    () => {
      f.get(p).i32(NR).i32Mul().set(n0);
      // full = (n0 + 8 <= N) && sN == 1: rows of the panel are 8 contiguous floats.
      f.get(n0).i32(NR).i32Add().get(N).i32LeS().get(sN).i32(1).i32Eq().i32And().set(full);
      f.get(dst)
        .get(p)
        .get(K)
        .i32Mul()
        .i32(NR * 4)
        .i32Mul()
        .i32Add()
        .set(out);
      f.forLoop(
        k,
        () => f.i32(0),
        () => f.get(K),
        1,
        () => {
          // src = b + (k·sK + n0·sN)·4
          f.get(b).get(k).get(sK).i32Mul().get(n0).get(sN).i32Mul().i32Add().i32(4).i32Mul().i32Add().set(src);
          f.get(full).if();
          f.get(out).get(src).v128Load(0).v128Store(0);
          f.get(out).get(src).v128Load(16).v128Store(16);
          f.else();
          f.forLoop(
            lane,
            () => f.i32(0),
            () => f.i32(NR),
            1,
            () => {
              f.get(out).get(lane).i32(4).i32Mul().i32Add();
              f.get(n0).get(lane).i32Add().get(N).i32LtS().ifValue('f32');
              f.get(src).get(lane).get(sN).i32Mul().i32(4).i32Mul().i32Add().f32Load();
              f.else();
              f.f32(0);
              f.end();
              f.f32Store();
            },
          );
          f.end();
          f.get(out)
            .i32(NR * 4)
            .i32Add()
            .set(out);
        },
      );
    },
  );
  return f;
}

/**
 * `pack_a(a, sAM, sAK, K, i0, i1, dst)`: rows i0 … i1−1 of a (byte strides sAM, sAK; a transposed
 * a is other strides) in groups of MR into dst[(g·K + k)·MR + r] = a[i0 + g·MR + r, k], rows past
 * i1 zero. The microkernel then reads one group with a single pointer and constant offsets.
 */
export function packA(relaxed: boolean): FunctionBuilder {
  const f = new FunctionBuilder('pack_a', ['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32'], [], relaxed);
  const [a, sAM, sAK, K, i0, i1, dst] = f.params as [Local, Local, Local, Local, Local, Local, Local];
  const g = f.local('i32');
  const k = f.local('i32');
  const r = f.local('i32');
  const row = f.local('i32');
  const out = f.local('i32');
  f.get(dst).set(out);
  f.forLoop(
    g,
    () => f.get(i0),
    () => f.get(i1),
    MR,
    () => {
      f.forLoop(
        k,
        () => f.i32(0),
        () => f.get(K),
        1,
        () => {
          f.forLoop(
            r,
            () => f.i32(0),
            () => f.i32(MR),
            1,
            () => {
              f.get(out);
              f.get(g).get(r).i32Add().tee(row).get(i1).i32LtS().ifValue('f32');
              f.get(a).get(row).get(sAM).i32Mul().i32Add().get(k).get(sAK).i32Mul().i32Add().f32Load();
              f.else().f32(0).end();
              f.f32Store();
              f.get(out).i32(4).i32Add().set(out);
            },
          );
        },
      );
    },
  );
  return f;
}

/**
 * `micro(pa, pb, K, out, ldo, rows, cols)`: out[r, c] = Σ_k pa[k, r]·pb[k, c] for r < rows (≤ MR)
 * and c < cols (≤ 8), from a packed group of a ([K, MR]) and a packed panel of b ([K, 8]); ldo is
 * out's row stride in bytes. Each k step splats MR values of a and multiplies them with the panel
 * row (two vectors): 2·MR multiply-adds for MR + 2 loads, with constant offsets from two pointers
 * (unrolling k by two measured slower). Sums run over k in order from zero, so an output does not depend on how
 * rows and panels were split between threads.
 */
export function microKernel(relaxed: boolean): FunctionBuilder {
  const f = new FunctionBuilder('micro', ['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32'], [], relaxed);
  const [pa, pb, K, out, ldo, rows, cols] = f.params as [Local, Local, Local, Local, Local, Local, Local];
  const acc: Local[][] = [];
  for (let r = 0; r < MR; r++) acc.push([f.local('v128'), f.local('v128')]);
  const b0 = f.local('v128');
  const b1 = f.local('v128');
  const x = f.local('v128');
  const k = f.local('i32');
  const o = f.local('i32');
  const step = (u: number) => {
    f.get(pb)
      .v128Load(u * NR * 4)
      .set(b0);
    f.get(pb)
      .v128Load(u * NR * 4 + 16)
      .set(b1);
    for (let r = 0; r < MR; r++) {
      f.get(pa)
        .v128Load32Splat((u * MR + r) * 4)
        .set(x);
      for (let h = 0; h < 2; h++)
        f.madd(
          () => f.get(x),
          () => f.get(h === 0 ? b0 : b1),
          () => f.get(acc[r]![h]!),
        ).set(acc[r]![h]!);
    }
  };
  f.forLoop(
    k,
    () => f.i32(0),
    () => f.get(K),
    1,
    () => {
      step(0);
      f.get(pa)
        .i32(MR * 4)
        .i32Add()
        .set(pa);
      f.get(pb)
        .i32(NR * 4)
        .i32Add()
        .set(pb);
    },
  );
  f.get(cols).i32(NR).i32Eq().get(rows).i32(MR).i32Eq().i32And().if();
  for (let r = 0; r < MR; r++) {
    f.get(out).get(ldo).i32(r).i32Mul().i32Add().tee(o).get(acc[r]![0]!).v128Store(0);
    f.get(o).get(acc[r]![1]!).v128Store(16);
  }
  f.else();
  for (let r = 0; r < MR; r++) {
    f.i32(r).get(rows).i32LtS().if();
    f.get(out).get(ldo).i32(r).i32Mul().i32Add().set(o);
    for (let c = 0; c < NR; c++) {
      f.i32(c).get(cols).i32LtS().if();
      f.get(o)
        .get(acc[r]![c >> 2]!)
        .f32x4ExtractLane(c & 3)
        .f32Store(c * 4);
      f.end();
    }
    f.end();
  }
  f.end();
  return f;
}

/**
 * `gemm(a, sAM, sAK, packed, out, ldo, K, N, i0, i1, p0, p1, scratch)`: rows i0 … i1−1 of out,
 * panels p0 … p1−1 (columns p·8 …), from a packed b. Blocks of MC rows of a are packed into
 * `scratch` (MC·K floats, the calling thread's own) and swept against every panel, so they stay in
 * cache while the panels stream. `packA` and `micro` are function indices.
 */
export function gemm(packAIndex: number, microIndex: number, relaxed: boolean): FunctionBuilder {
  const f = new FunctionBuilder('gemm', Array<'i32'>(13).fill('i32'), [], relaxed);
  const [a, sAM, sAK, packed, out, ldo, K, N, i0, i1, p0, p1, scratch] = f.params as Local[] as [
    Local,
    Local,
    Local,
    Local,
    Local,
    Local,
    Local,
    Local,
    Local,
    Local,
    Local,
    Local,
    Local,
  ];
  const ib = f.local('i32');
  const ie = f.local('i32');
  const p = f.local('i32');
  const i = f.local('i32');
  const pb = f.local('i32');
  const o = f.local('i32');
  const cols = f.local('i32');
  const rows = f.local('i32');
  f.forLoop(
    ib,
    () => f.get(i0),
    () => f.get(i1),
    MC,
    () => {
      // ie = min(ib + MC, i1)
      f.get(ib).i32(MC).i32Add().get(i1).get(ib).i32(MC).i32Add().get(i1).i32LtS().select().set(ie);
      f.get(a).get(sAM).get(sAK).get(K).get(ib).get(ie).get(scratch).call(packAIndex);
      f.forLoop(
        p,
        () => f.get(p0),
        () => f.get(p1),
        1,
        () => {
          f.get(packed)
            .get(p)
            .get(K)
            .i32Mul()
            .i32(NR * 4)
            .i32Mul()
            .i32Add()
            .set(pb);
          f.get(out)
            .get(p)
            .i32(NR * 4)
            .i32Mul()
            .i32Add()
            .set(o);
          // cols = min(8, N − p·8)
          f.i32(NR).get(N).get(p).i32(NR).i32Mul().i32Sub().tee(cols).get(cols).i32(NR).i32GeS().select().set(cols);
          f.forLoop(
            i,
            () => f.get(ib),
            () => f.get(ie),
            MR,
            () => {
              // rows = min(MR, ie − i)
              f.i32(MR).get(ie).get(i).i32Sub().tee(rows).get(rows).i32(MR).i32GeS().select().set(rows);
              f.get(scratch)
                .get(i)
                .get(ib)
                .i32Sub()
                .i32(MR)
                .i32DivS()
                .get(K)
                .i32Mul()
                .i32(MR * 4)
                .i32Mul()
                .i32Add();
              f.get(pb).get(K);
              f.get(o).get(i).get(ldo).i32Mul().i32Add();
              f.get(ldo).get(rows).get(cols).call(microIndex);
            },
          );
        },
      );
    },
  );
  return f;
}
