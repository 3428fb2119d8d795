import { FunctionBuilder, type Local } from '../wasm/function-builder.js';
import { expV, hmax, hsum, mathTemps } from './simd-math.js';

/**
 * Emits `for (j = 0; j < C4; j += 4) vec()` then `for (; j < C; j++) tail()`: whole f32x4s, then
 * the last C mod 4 elements one at a time (C4 is C rounded down to a multiple of 4).
 */
export function vectorLoop(f: FunctionBuilder, j: Local, C: Local, C4: Local, vec: () => void, tail: () => void): void {
  f.forLoop(
    j,
    () => f.i32(0),
    () => f.get(C4),
    4,
    vec,
  );
  f.forLoop(
    j,
    () => f.get(C4),
    () => f.get(C),
    1,
    tail,
  );
}

/** Pushes the byte address base + j·4. */
export function addr(f: FunctionBuilder, base: Local, j: Local): FunctionBuilder {
  return f.get(base).get(j).i32(2).i32Shl().i32Add();
}

/** Sets `row` = base + r·C·4, the first byte of row r. */
function rowStart(f: FunctionBuilder, row: Local, base: Local, r: Local, C: Local): void {
  f.get(base).get(r).get(C).i32Mul().i32(2).i32Shl().i32Add().set(row);
}

/**
 * `softmax_rows(x, y, C, r0, r1)`: y = exp(x − max)/Σ exp(x − max) over rows r0 … r1−1 of C
 * contiguous floats. Three passes: the max, the exponentials stored and summed, and a scale by
 * 1/sum. A NaN or +∞ makes the row NaN as in the reference (through the sum), and a row of −∞
 * gives −∞ − (−∞) = NaN.
 */
export function softmaxRows(relaxed: boolean): FunctionBuilder {
  const f = new FunctionBuilder('softmax_rows', ['i32', 'i32', 'i32', 'i32', 'i32'], [], relaxed);
  const [x, y, C, r0, r1] = f.params as [Local, Local, Local, Local, Local];
  const m = mathTemps(f);
  const r = f.local('i32');
  const j = f.local('i32');
  const C4 = f.local('i32');
  const xr = f.local('i32');
  const yr = f.local('i32');
  const acc = f.local('v128');
  const v = f.local('v128');
  const e = f.local('v128');
  const mx = f.local('f32');
  const tailSum = f.local('f32');
  const inv = f.local('f32');
  f.get(C).i32(-4).i32And().set(C4);
  f.forLoop(
    r,
    () => f.get(r0),
    () => f.get(r1),
    1,
    () => {
      rowStart(f, xr, x, r, C);
      rowStart(f, yr, y, r, C);
      // Pass 1: the max.
      f.f32x4Const(-Infinity).set(acc);
      // pmax (one instruction) may drop a NaN from the max; the NaN still makes its exp, the sum and
      // so the whole row NaN, as the reference's NaN max does.
      f.forLoop(
        j,
        () => f.i32(0),
        () => f.get(C4),
        4,
        () =>
          f
            .get(acc)
            .then(() => addr(f, xr, j).v128Load())
            .f32x4Pmax()
            .set(acc),
      );
      hmax(f, acc);
      f.set(mx);
      f.forLoop(
        j,
        () => f.get(C4),
        () => f.get(C),
        1,
        () => addr(f, xr, j).f32Load().get(mx).f32Max().set(mx),
      );
      // Pass 2: e = exp(x − max), stored and summed.
      f.get(mx).f32x4Splat().set(v);
      f.f32x4Const(0).set(acc);
      f.f32(0).set(tailSum);
      vectorLoop(
        f,
        j,
        C,
        C4,
        () => {
          addr(f, xr, j).v128Load().get(v).f32x4Sub().set(e);
          expV(f, e, m);
          f.set(e);
          addr(f, yr, j).get(e).v128Store();
          f.get(acc).get(e).f32x4Add().set(acc);
        },
        () => {
          addr(f, xr, j).f32Load().get(mx).f32Sub().f32x4Splat().set(e);
          expV(f, e, m);
          f.set(e);
          addr(f, yr, j).get(e).f32x4ExtractLane(0).f32Store();
          f.get(tailSum).get(e).f32x4ExtractLane(0).f32Add().set(tailSum);
        },
      );
      // Pass 3: scale by 1/sum.
      f.f32(1);
      hsum(f, acc);
      f.get(tailSum).f32Add().f32Div().set(inv);
      f.get(inv).f32x4Splat().set(v);
      vectorLoop(
        f,
        j,
        C,
        C4,
        () => {
          addr(f, yr, j);
          addr(f, yr, j).v128Load().get(v).f32x4Mul().v128Store();
        },
        () => {
          addr(f, yr, j);
          addr(f, yr, j).f32Load().get(inv).f32Mul().f32Store();
        },
      );
    },
  );
  return f;
}

/**
 * `layer_norm_rows(x, w, b, y, mean, rstd, C, eps, r0, r1)`: y = (x − mean)·rstd·w + b over rows
 * r0 … r1−1 of C floats, rstd = 1/√(var + eps), biased variance. Two passes for the moments (the
 * mean, then Σ(x − mean)², which does not cancel when |mean| ≫ std), each in four f32 lanes.
 */
export function layerNormRows(relaxed: boolean): FunctionBuilder {
  const f = new FunctionBuilder('layer_norm_rows', ['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'f32', 'i32', 'i32'], [], relaxed);
  const [x, w, b, y, meanOut, rstdOut, C, eps, r0, r1] = f.params as [Local, Local, Local, Local, Local, Local, Local, Local, Local, Local];
  const r = f.local('i32');
  const j = f.local('i32');
  const C4 = f.local('i32');
  const xr = f.local('i32');
  const yr = f.local('i32');
  const acc = f.local('v128');
  const d = f.local('v128');
  const mv = f.local('v128');
  const sv = f.local('v128');
  const tail = f.local('f32');
  const mean = f.local('f32');
  const rstd = f.local('f32');
  const ds = f.local('f32');
  f.get(C).i32(-4).i32And().set(C4);
  f.forLoop(
    r,
    () => f.get(r0),
    () => f.get(r1),
    1,
    () => {
      rowStart(f, xr, x, r, C);
      rowStart(f, yr, y, r, C);
      f.f32x4Const(0).set(acc);
      f.f32(0).set(tail);
      vectorLoop(
        f,
        j,
        C,
        C4,
        () => addr(f, xr, j).v128Load().get(acc).f32x4Add().set(acc),
        () => addr(f, xr, j).f32Load().get(tail).f32Add().set(tail),
      );
      hsum(f, acc);
      f.get(tail).f32Add().get(C).f32ConvertI32S().f32Div().set(mean);
      f.get(mean).f32x4Splat().set(mv);
      f.f32x4Const(0).set(acc);
      f.f32(0).set(tail);
      vectorLoop(
        f,
        j,
        C,
        C4,
        () => {
          addr(f, xr, j).v128Load().get(mv).f32x4Sub().set(d);
          f.get(acc).get(d).get(d).f32x4Mul().f32x4Add().set(acc);
        },
        () => {
          addr(f, xr, j).f32Load().get(mean).f32Sub().set(ds);
          f.get(tail).get(ds).get(ds).f32Mul().f32Add().set(tail);
        },
      );
      f.f32(1);
      hsum(f, acc);
      f.get(tail).f32Add().get(C).f32ConvertI32S().f32Div().get(eps).f32Add().f32Sqrt().f32Div().set(rstd);
      f.get(rstd).f32x4Splat().set(sv);
      vectorLoop(
        f,
        j,
        C,
        C4,
        () => {
          addr(f, yr, j);
          addr(f, xr, j).v128Load().get(mv).f32x4Sub().get(sv).f32x4Mul();
          addr(f, w, j).v128Load().f32x4Mul();
          addr(f, b, j).v128Load().f32x4Add().v128Store();
        },
        () => {
          addr(f, yr, j);
          addr(f, xr, j).f32Load().get(mean).f32Sub().get(rstd).f32Mul();
          addr(f, w, j).f32Load().f32Mul();
          addr(f, b, j).f32Load().f32Add().f32Store();
        },
      );
      f.get(meanOut).get(r).i32(2).i32Shl().i32Add().get(mean).f32Store();
      f.get(rstdOut).get(r).i32(2).i32Shl().i32Add().get(rstd).f32Store();
    },
  );
  return f;
}

/**
 * `softmax_backward_rows(y, g, dx, C, r0, r1)`: dx = y ⊙ (g − Σ g ⊙ y) over rows of C floats (the
 * light softmax backward, from the output alone).
 */
export function softmaxBackwardRows(relaxed: boolean): FunctionBuilder {
  const f = new FunctionBuilder('softmax_backward_rows', ['i32', 'i32', 'i32', 'i32', 'i32', 'i32'], [], relaxed);
  const [y, g, dx, C, r0, r1] = f.params as [Local, Local, Local, Local, Local, Local];
  const r = f.local('i32');
  const j = f.local('i32');
  const C4 = f.local('i32');
  const yr = f.local('i32');
  const gr = f.local('i32');
  const dr = f.local('i32');
  const acc = f.local('v128');
  const dv = f.local('v128');
  const tail = f.local('f32');
  const dot = f.local('f32');
  f.get(C).i32(-4).i32And().set(C4);
  f.forLoop(
    r,
    () => f.get(r0),
    () => f.get(r1),
    1,
    () => {
      rowStart(f, yr, y, r, C);
      rowStart(f, gr, g, r, C);
      rowStart(f, dr, dx, r, C);
      f.f32x4Const(0).set(acc);
      f.f32(0).set(tail);
      vectorLoop(
        f,
        j,
        C,
        C4,
        () =>
          f
            .get(acc)
            .then(() => addr(f, gr, j).v128Load())
            .then(() => addr(f, yr, j).v128Load())
            .f32x4Mul()
            .f32x4Add()
            .set(acc),
        () =>
          f
            .get(tail)
            .then(() => addr(f, gr, j).f32Load())
            .then(() => addr(f, yr, j).f32Load())
            .f32Mul()
            .f32Add()
            .set(tail),
      );
      hsum(f, acc);
      f.get(tail).f32Add().set(dot);
      f.get(dot).f32x4Splat().set(dv);
      vectorLoop(
        f,
        j,
        C,
        C4,
        () =>
          addr(f, dr, j)
            .then(() => addr(f, yr, j).v128Load())
            .then(() => addr(f, gr, j).v128Load())
            .get(dv)
            .f32x4Sub()
            .f32x4Mul()
            .v128Store(),
        () =>
          addr(f, dr, j)
            .then(() => addr(f, yr, j).f32Load())
            .then(() => addr(f, gr, j).f32Load())
            .get(dot)
            .f32Sub()
            .f32Mul()
            .f32Store(),
      );
    },
  );
  return f;
}

/**
 * `where_rows(cond, a, b, out, P, rows, aScalar, bScalar)`: out[r·P + j] = cond[j] ? a : b over
 * `rows` rows of P elements; cond (one byte per element) is a row repeated down the rows (an
 * attention mask), and a or b is either a full tensor or, when its flag is set, one value.
 * Scalar code: `select` per element, with no broadcasting odometer.
 */
export function whereRows(relaxed: boolean): FunctionBuilder {
  const f = new FunctionBuilder('where_rows', ['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32'], [], relaxed);
  const [cond, a, b, out, P, rows, aScalar, bScalar] = f.params as [Local, Local, Local, Local, Local, Local, Local, Local];
  const r = f.local('i32');
  const j = f.local('i32');
  const e = f.local('i32');
  const aStep = f.local('i32');
  const bStep = f.local('i32');
  // Byte steps per element: 0 for a single value.
  f.i32(0).i32(4).get(aScalar).select().set(aStep);
  f.i32(0).i32(4).get(bScalar).select().set(bStep);
  f.forLoop(
    r,
    () => f.i32(0),
    () => f.get(rows),
    1,
    () => {
      f.forLoop(
        j,
        () => f.i32(0),
        () => f.get(P),
        1,
        () => {
          // e = r·P + j, the element of out
          f.get(r).get(P).i32Mul().get(j).i32Add().set(e);
          f.get(out).get(e).i32(2).i32Shl().i32Add();
          f.get(a).get(e).get(aStep).i32Mul().i32Add().f32Load();
          f.get(b).get(e).get(bStep).i32Mul().i32Add().f32Load();
          f.get(cond).get(j).i32Add().i32Load8U();
          f.select().f32Store();
        },
      );
    },
  );
  return f;
}

/**
 * `cross_entropy_backward_rows(x, targets, lse, g, d, V, ignore, r0, r1)`: d = g·(exp(x − lse) −
 * onehot(target)) over rows of V logits; a row whose target is `ignore` is zeros. Targets were
 * range-checked by the caller.
 */
export function crossEntropyBackwardRows(relaxed: boolean): FunctionBuilder {
  const f = new FunctionBuilder('cross_entropy_backward_rows', ['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32'], [], relaxed);
  const [x, targets, lse, g, d, V, ignore, r0, r1] = f.params as [Local, Local, Local, Local, Local, Local, Local, Local, Local];
  const m = mathTemps(f);
  const r = f.local('i32');
  const j = f.local('i32');
  const V4 = f.local('i32');
  const xr = f.local('i32');
  const dr = f.local('i32');
  const t = f.local('i32');
  const lv = f.local('v128');
  const gv = f.local('v128');
  const e = f.local('v128');
  f.get(V).i32(-4).i32And().set(V4);
  f.forLoop(
    r,
    () => f.get(r0),
    () => f.get(r1),
    1,
    () => {
      rowStart(f, xr, x, r, V);
      rowStart(f, dr, d, r, V);
      f.get(targets).get(r).i32(2).i32Shl().i32Add().i32Load().set(t);
      f.get(lse).get(r).i32(2).i32Shl().i32Add().v128Load32Splat().set(lv);
      f.get(g).get(r).i32(2).i32Shl().i32Add().v128Load32Splat().set(gv);
      // An ignored row: g = 0 (and no one-hot), so the same loop writes zeros… unless exp is NaN, so
      // write zeros explicitly.
      f.get(t).get(ignore).i32Eq().if();
      vectorLoop(
        f,
        j,
        V,
        V4,
        () => addr(f, dr, j).f32x4Const(0).v128Store(),
        () => addr(f, dr, j).f32(0).f32Store(),
      );
      f.else();
      vectorLoop(
        f,
        j,
        V,
        V4,
        () => {
          addr(f, xr, j).v128Load().get(lv).f32x4Sub().set(e);
          addr(f, dr, j);
          expV(f, e, m);
          f.get(gv).f32x4Mul().v128Store();
        },
        () => {
          addr(f, xr, j).f32Load().f32x4Splat().get(lv).f32x4Sub().set(e);
          addr(f, dr, j);
          expV(f, e, m);
          f.get(gv).f32x4Mul().f32x4ExtractLane(0).f32Store();
        },
      );
      // d[t] = g·(exp(x[t] − lse) − 1)
      addr(f, xr, t).f32Load().f32x4Splat().get(lv).f32x4Sub().set(e);
      addr(f, dr, t);
      expV(f, e, m);
      f.f32x4Const(1).f32x4Sub().get(gv).f32x4Mul().f32x4ExtractLane(0).f32Store();
      f.end();
    },
  );
  return f;
}

/**
 * `sum_columns(x, out, R, C, c0, c1)`: out[c] = Σ_r x[r·C + c] for columns c0 … c1−1 (a reduction
 * over leading axes: a bias gradient), four columns at a time, rows in order.
 */
export function sumColumns(relaxed: boolean): FunctionBuilder {
  const f = new FunctionBuilder('sum_columns', ['i32', 'i32', 'i32', 'i32', 'i32', 'i32'], [], relaxed);
  const [x, out, R, C, c0, c1] = f.params as [Local, Local, Local, Local, Local, Local];
  const r = f.local('i32');
  const c = f.local('i32');
  const c4 = f.local('i32');
  const acc = f.local('v128');
  const s = f.local('f32');
  // c4 = c0 + ((c1 − c0) rounded down to a multiple of 4)
  f.get(c1).get(c0).i32Sub().i32(-4).i32And().get(c0).i32Add().set(c4);
  f.forLoop(
    c,
    () => f.get(c0),
    () => f.get(c4),
    4,
    () => {
      f.f32x4Const(0).set(acc);
      f.forLoop(
        r,
        () => f.i32(0),
        () => f.get(R),
        1,
        () => {
          f.get(acc).get(x).get(r).get(C).i32Mul().get(c).i32Add().i32(2).i32Shl().i32Add().v128Load().f32x4Add().set(acc);
        },
      );
      addr(f, out, c).get(acc).v128Store();
    },
  );
  f.forLoop(
    c,
    () => f.get(c4),
    () => f.get(c1),
    1,
    () => {
      f.f32(0).set(s);
      f.forLoop(
        r,
        () => f.i32(0),
        () => f.get(R),
        1,
        () => {
          f.get(s).get(x).get(r).get(C).i32Mul().get(c).i32Add().i32(2).i32Shl().i32Add().f32Load().f32Add().set(s);
        },
      );
      addr(f, out, c).get(s).f32Store();
    },
  );
  return f;
}

/** `sum_rows(x, out, C, r0, r1)`: out[r] = Σ_c x[r·C + c] (a reduction over trailing axes), in four lanes. */
export function sumRows(relaxed: boolean): FunctionBuilder {
  const f = new FunctionBuilder('sum_rows', ['i32', 'i32', 'i32', 'i32', 'i32'], [], relaxed);
  const [x, out, C, r0, r1] = f.params as [Local, Local, Local, Local, Local];
  const r = f.local('i32');
  const j = f.local('i32');
  const C4 = f.local('i32');
  const xr = f.local('i32');
  const acc = f.local('v128');
  const tail = f.local('f32');
  f.get(C).i32(-4).i32And().set(C4);
  f.forLoop(
    r,
    () => f.get(r0),
    () => f.get(r1),
    1,
    () => {
      rowStart(f, xr, x, r, C);
      f.f32x4Const(0).set(acc);
      f.f32(0).set(tail);
      vectorLoop(
        f,
        j,
        C,
        C4,
        () =>
          f
            .get(acc)
            .then(() => addr(f, xr, j).v128Load())
            .f32x4Add()
            .set(acc),
        () =>
          f
            .get(tail)
            .then(() => addr(f, xr, j).f32Load())
            .f32Add()
            .set(tail),
      );
      f.get(out).get(r).i32(2).i32Shl().i32Add();
      hsum(f, acc);
      f.get(tail).f32Add().f32Store();
    },
  );
  return f;
}

/**
 * `row_max_sumexp(x, maxOut, sumOut, C, r0, r1)`: per row of C floats, m = max (NaN-propagating
 * `f32x4.max`: a NaN row must report NaN) and Σ exp(x − m). The caller forms log-sum-exp
 * m + log Σ (WebAssembly has no log), or takes m itself when it is not finite.
 */
export function rowMaxSumExp(relaxed: boolean): FunctionBuilder {
  const f = new FunctionBuilder('row_max_sumexp', ['i32', 'i32', 'i32', 'i32', 'i32', 'i32'], [], relaxed);
  const [x, maxOut, sumOut, C, r0, r1] = f.params as [Local, Local, Local, Local, Local, Local];
  const m = mathTemps(f);
  const r = f.local('i32');
  const j = f.local('i32');
  const C4 = f.local('i32');
  const xr = f.local('i32');
  const acc = f.local('v128');
  const v = f.local('v128');
  const e = f.local('v128');
  const mx = f.local('f32');
  const tail = f.local('f32');
  f.get(C).i32(-4).i32And().set(C4);
  f.forLoop(
    r,
    () => f.get(r0),
    () => f.get(r1),
    1,
    () => {
      rowStart(f, xr, x, r, C);
      f.f32x4Const(-Infinity).set(acc);
      f.forLoop(
        j,
        () => f.i32(0),
        () => f.get(C4),
        4,
        () => addr(f, xr, j).v128Load().get(acc).f32x4Max().set(acc),
      );
      hmax(f, acc);
      f.set(mx);
      f.forLoop(
        j,
        () => f.get(C4),
        () => f.get(C),
        1,
        () => addr(f, xr, j).f32Load().get(mx).f32Max().set(mx),
      );
      f.get(mx).f32x4Splat().set(v);
      f.f32x4Const(0).set(acc);
      f.f32(0).set(tail);
      vectorLoop(
        f,
        j,
        C,
        C4,
        () => {
          addr(f, xr, j).v128Load().get(v).f32x4Sub().set(e);
          expV(f, e, m);
          f.get(acc).f32x4Add().set(acc);
        },
        () => {
          addr(f, xr, j).f32Load().get(mx).f32Sub().f32x4Splat().set(e);
          expV(f, e, m);
          f.f32x4ExtractLane(0).get(tail).f32Add().set(tail);
        },
      );
      f.get(maxOut).get(r).i32(2).i32Shl().i32Add().get(mx).f32Store();
      f.get(sumOut).get(r).i32(2).i32Shl().i32Add();
      hsum(f, acc);
      f.get(tail).f32Add().f32Store();
    },
  );
  return f;
}
