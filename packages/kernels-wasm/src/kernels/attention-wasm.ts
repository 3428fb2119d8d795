import { FunctionBuilder, type Local } from '../wasm/function-builder.js';
import { vectorLoop } from './rows-wasm.js';
import { expV, hsum, mathTemps } from './simd-math.js';

/**
 * `flash_forward_rows(q, k, v, mask, o, rowMax, rowSum, H, Tq, Tk, D, Dv, ms0, ms1, ms2, ms3,
 * causal, shift, scale, r0, r1, scratch)`: the flash-attention forward without dropout for query
 * rows r0 … r1−1 (row r = (b·H + h)·Tq + i), one row at a time with its scores in `scratch` (Tk
 * floats, the thread's own; no [T, T] matrix exists):
 *   s_j = scale·q_i·k_j for the allowed keys (mask[b, h, i, j] with byte strides ms0…ms3, and
 *   j ≤ i + shift when causal), −∞ for the others; m = max s; p_j = exp(s_j − m); o_i = Σ p_j·v_j / Σ p_j.
 * rowMax and rowSum receive m and Σ p_j (the caller forms lse = m + log Σ, as WebAssembly has no
 * log); a row with no allowed key gets o = 0 and m = −∞.
 */
export function flashForwardRows(relaxed: boolean): FunctionBuilder {
  const f = new FunctionBuilder(
    'flash_forward_rows',
    ['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'f32', 'i32', 'i32', 'i32'],
    [],
    relaxed,
  );
  const [q, k, v, mask, o, rowMax, rowSum, H, Tq, Tk, D, Dv, ms0, ms1, ms2, ms3, causal, shift, scale, r0, r1, scratch] = f.params as Local[] as [
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
  const m = mathTemps(f);
  const r = f.local('i32');
  const b = f.local('i32');
  const h = f.local('i32');
  const i = f.local('i32');
  const j = f.local('i32');
  const d = f.local('i32');
  const bh = f.local('i32');
  const qRow = f.local('i32');
  const kRow = f.local('i32');
  const vRow = f.local('i32');
  const oRow = f.local('i32');
  const maskRow = f.local('i32');
  const keys = f.local('i32');
  const keys4 = f.local('i32');
  const D4 = f.local('i32');
  const Dv4 = f.local('i32');
  const acc = f.local('v128');
  const e = f.local('v128');
  const pv = f.local('v128');
  const mx = f.local('f32');
  const sum = f.local('f32');
  const dot = f.local('f32');
  const any = f.local('i32');
  const at = (base: Local, idx: Local) => f.get(base).get(idx).i32(2).i32Shl().i32Add();
  f.get(D).i32(-4).i32And().set(D4);
  f.get(Dv).i32(-4).i32And().set(Dv4);
  f.forLoop(
    r,
    () => f.get(r0),
    () => f.get(r1),
    1,
    () => {
      // bh = r / Tq, i = r − bh·Tq, b = bh / H, h = bh − b·H
      f.get(r).get(Tq).i32DivS().set(bh);
      f.get(r).get(bh).get(Tq).i32Mul().i32Sub().set(i);
      f.get(bh).get(H).i32DivS().set(b);
      f.get(bh).get(b).get(H).i32Mul().i32Sub().set(h);
      f.get(q).get(r).get(D).i32Mul().i32(2).i32Shl().i32Add().set(qRow);
      f.get(o).get(r).get(Dv).i32Mul().i32(2).i32Shl().i32Add().set(oRow);
      f.get(mask).get(b).get(ms0).i32Mul().i32Add().get(h).get(ms1).i32Mul().i32Add().get(i).get(ms2).i32Mul().i32Add().set(maskRow);
      // keys = causal ? min(Tk, i + shift + 1) : Tk (keys past it are never allowed), at least 0
      f.get(Tk).get(i).get(shift).i32Add().i32(1).i32Add().tee(keys).get(keys).get(Tk).i32GeS().get(causal).i32Eqz().i32Or().select().set(keys);
      f.get(keys).i32(0).get(keys).i32(0).i32GtS().select().set(keys);
      f.get(keys).i32(3).i32Add().i32(-4).i32And().set(keys4);
      // Pass 1: scores and their max.
      f.f32(-Infinity).set(mx);
      f.i32(0).set(any);
      f.forLoop(
        j,
        () => f.i32(0),
        () => f.get(keys4),
        1,
        () => {
          at(scratch, j);
          f.get(j).get(keys).i32LtS().ifValue('f32');
          f.get(maskRow).get(j).get(ms3).i32Mul().i32Add().i32Load8U().ifValue('f32');
          f.i32(1).set(any);
          f.get(k).get(bh).get(Tk).i32Mul().get(j).i32Add().get(D).i32Mul().i32(2).i32Shl().i32Add().set(kRow);
          f.f32x4Const(0).set(acc);
          f.f32(0).set(dot);
          vectorLoop(
            f,
            d,
            D,
            D4,
            () =>
              f
                .get(acc)
                .then(() => at(qRow, d).v128Load())
                .then(() => at(kRow, d).v128Load())
                .f32x4Mul()
                .f32x4Add()
                .set(acc),
            () =>
              f
                .get(dot)
                .then(() => at(qRow, d).f32Load())
                .then(() => at(kRow, d).f32Load())
                .f32Mul()
                .f32Add()
                .set(dot),
          );
          hsum(f, acc);
          f.get(dot).f32Add().get(scale).f32Mul().set(dot);
          f.get(dot).get(mx).f32Max().set(mx);
          f.get(dot);
          f.else();
          f.f32(-Infinity);
          f.end();
          f.else();
          f.f32(-Infinity);
          f.end();
          f.f32Store();
        },
      );
      f.f32x4Const(0).set(acc);
      // o row starts at zero (also the answer for a row with no allowed key).
      f.forLoop(
        d,
        () => f.i32(0),
        () => f.get(Dv),
        1,
        () => at(oRow, d).f32(0).f32Store(),
      );
      f.get(any).if();
      // Pass 2: p = exp(s − m) in place, four scores at a time (the padding is −∞, so p = 0).
      f.get(mx).f32x4Splat().set(pv);
      f.forLoop(
        j,
        () => f.i32(0),
        () => f.get(keys4),
        4,
        () => {
          at(scratch, j).v128Load().get(pv).f32x4Sub().set(e);
          at(scratch, j);
          expV(f, e, m);
          f.tee(e).v128Store();
          f.get(acc).get(e).f32x4Add().set(acc);
        },
      );
      hsum(f, acc);
      f.set(sum);
      // Pass 3: o = Σ p_j·v_j over keys with p ≠ 0 (a masked key's v is never read), then / Σ p.
      f.forLoop(
        j,
        () => f.i32(0),
        () => f.get(keys),
        1,
        () => {
          at(scratch, j).f32Load().f32(0).f32Ne().if();
          at(scratch, j).v128Load32Splat().set(pv);
          f.get(v).get(bh).get(Tk).i32Mul().get(j).i32Add().get(Dv).i32Mul().i32(2).i32Shl().i32Add().set(vRow);
          vectorLoop(
            f,
            d,
            Dv,
            Dv4,
            () =>
              at(oRow, d)
                .then(() => at(oRow, d).v128Load())
                .get(pv)
                .then(() => at(vRow, d).v128Load())
                .f32x4Mul()
                .f32x4Add()
                .v128Store(),
            () =>
              at(oRow, d)
                .then(() => at(oRow, d).f32Load())
                .get(pv)
                .f32x4ExtractLane(0)
                .then(() => at(vRow, d).f32Load())
                .f32Mul()
                .f32Add()
                .f32Store(),
          );
          f.end();
        },
      );
      f.f32(1).get(sum).f32Div().f32x4Splat().set(pv);
      vectorLoop(
        f,
        d,
        Dv,
        Dv4,
        () =>
          at(oRow, d)
            .then(() => at(oRow, d).v128Load())
            .get(pv)
            .f32x4Mul()
            .v128Store(),
        () =>
          at(oRow, d)
            .then(() => at(oRow, d).f32Load())
            .get(pv)
            .f32x4ExtractLane(0)
            .f32Mul()
            .f32Store(),
      );
      f.end();
      f.get(rowMax).get(r).i32(2).i32Shl().i32Add().get(any).ifValue('f32').get(mx).else().f32(-Infinity).end().f32Store();
      f.get(rowSum).get(r).i32(2).i32Shl().i32Add().get(sum).f32Store();
    },
  );
  return f;
}

/**
 * `flash_backward_bh(q, k, v, mask, o, lse, g, dq, dk, dv, H, Tq, Tk, D, Dv, ms0, ms1, ms2, ms3,
 * causal, shift, scale, bh0, bh1)`: the flash-attention backward without dropout for the (b, h)
 * matrices bh0 … bh1−1, one query row at a time from the saved lse (no [T, T] matrix):
 *   D_i = g_i·o_i; for each allowed key j: P = exp(scale·q_i·k_j − L_i), dv_j += P·g_i,
 *   dS = scale·P·(g_i·v_j − D_i), dq_i += dS·k_j, dk_j += dS·q_i.
 * dk and dv of a matrix are summed over its rows by one thread, in row order, so the result does
 * not depend on the number of threads.
 */
export function flashBackwardBh(relaxed: boolean): FunctionBuilder {
  const f = new FunctionBuilder('flash_backward_bh', [...Array<'i32'>(21).fill('i32'), 'f32', 'i32', 'i32'], [], relaxed);
  const [q, k, v, mask, o, lse, g, dq, dk, dv, H, Tq, Tk, D, Dv, ms0, ms1, ms2, ms3, causal, shift, scale, bh0, bh1] = f.params as Local[] as [
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
  const m = mathTemps(f);
  const bh = f.local('i32');
  const b = f.local('i32');
  const h = f.local('i32');
  const i = f.local('i32');
  const j = f.local('i32');
  const d = f.local('i32');
  const row = f.local('i32');
  const keys = f.local('i32');
  const D4 = f.local('i32');
  const Dv4 = f.local('i32');
  const qRow = f.local('i32');
  const gRow = f.local('i32');
  const oRow = f.local('i32');
  const dqRow = f.local('i32');
  const kRow = f.local('i32');
  const vRow = f.local('i32');
  const dkRow = f.local('i32');
  const dvRow = f.local('i32');
  const maskRow = f.local('i32');
  const acc = f.local('v128');
  const e = f.local('v128');
  const sv = f.local('v128');
  const tail = f.local('f32');
  const Di = f.local('f32');
  const L = f.local('f32');
  const P = f.local('f32');
  const dS = f.local('f32');
  const dpv = f.local('f32');
  const at = (base: Local, idx: Local) => f.get(base).get(idx).i32(2).i32Shl().i32Add();
  /** Leaves Σ a[d]·b[d] over `len` floats (a, b byte addresses in locals) on the stack. */
  const dot = (a: Local, bb: Local, len: Local, len4: Local) => {
    f.f32x4Const(0).set(acc);
    f.f32(0).set(tail);
    vectorLoop(
      f,
      d,
      len,
      len4,
      () =>
        f
          .get(acc)
          .then(() => at(a, d).v128Load())
          .then(() => at(bb, d).v128Load())
          .f32x4Mul()
          .f32x4Add()
          .set(acc),
      () =>
        f
          .get(tail)
          .then(() => at(a, d).f32Load())
          .then(() => at(bb, d).f32Load())
          .f32Mul()
          .f32Add()
          .set(tail),
    );
    hsum(f, acc);
    f.get(tail).f32Add();
  };
  /** y[d] += alpha·x[d] over `len` floats (alpha an f32 local). */
  const axpy = (y: Local, alpha: Local, x: Local, len: Local, len4: Local) => {
    f.get(alpha).f32x4Splat().set(sv);
    vectorLoop(
      f,
      d,
      len,
      len4,
      () =>
        at(y, d)
          .then(() => at(y, d).v128Load())
          .get(sv)
          .then(() => at(x, d).v128Load())
          .f32x4Mul()
          .f32x4Add()
          .v128Store(),
      () =>
        at(y, d)
          .then(() => at(y, d).f32Load())
          .get(alpha)
          .then(() => at(x, d).f32Load())
          .f32Mul()
          .f32Add()
          .f32Store(),
    );
  };
  /** Zeroes `count` floats from byte address base (a local). */
  const zero = (base: Local, count: () => void) => {
    f.forLoop(
      d,
      () => f.i32(0),
      count,
      1,
      () => at(base, d).f32(0).f32Store(),
    );
  };
  f.get(D).i32(-4).i32And().set(D4);
  f.get(Dv).i32(-4).i32And().set(Dv4);
  f.forLoop(
    bh,
    () => f.get(bh0),
    () => f.get(bh1),
    1,
    () => {
      f.get(bh).get(H).i32DivS().set(b);
      f.get(bh).get(b).get(H).i32Mul().i32Sub().set(h);
      f.get(dk).get(bh).get(Tk).i32Mul().get(D).i32Mul().i32(2).i32Shl().i32Add().set(dkRow);
      zero(dkRow, () => f.get(Tk).get(D).i32Mul());
      f.get(dv).get(bh).get(Tk).i32Mul().get(Dv).i32Mul().i32(2).i32Shl().i32Add().set(dvRow);
      zero(dvRow, () => f.get(Tk).get(Dv).i32Mul());
      f.forLoop(
        i,
        () => f.i32(0),
        () => f.get(Tq),
        1,
        () => {
          f.get(bh).get(Tq).i32Mul().get(i).i32Add().set(row);
          f.get(q).get(row).get(D).i32Mul().i32(2).i32Shl().i32Add().set(qRow);
          f.get(dq).get(row).get(D).i32Mul().i32(2).i32Shl().i32Add().set(dqRow);
          f.get(g).get(row).get(Dv).i32Mul().i32(2).i32Shl().i32Add().set(gRow);
          f.get(o).get(row).get(Dv).i32Mul().i32(2).i32Shl().i32Add().set(oRow);
          zero(dqRow, () => f.get(D));
          f.get(mask).get(b).get(ms0).i32Mul().i32Add().get(h).get(ms1).i32Mul().i32Add().get(i).get(ms2).i32Mul().i32Add().set(maskRow);
          f.get(Tk).get(i).get(shift).i32Add().i32(1).i32Add().tee(keys).get(keys).get(Tk).i32GeS().get(causal).i32Eqz().i32Or().select().set(keys);
          f.get(keys).i32(0).get(keys).i32(0).i32GtS().select().set(keys);
          f.get(lse).get(row).i32(2).i32Shl().i32Add().f32Load().set(L);
          dot(gRow, oRow, Dv, Dv4);
          f.set(Di);
          f.forLoop(
            j,
            () => f.i32(0),
            () => f.get(keys),
            1,
            () => {
              f.get(maskRow).get(j).get(ms3).i32Mul().i32Add().i32Load8U().if();
              f.get(k).get(bh).get(Tk).i32Mul().get(j).i32Add().get(D).i32Mul().i32(2).i32Shl().i32Add().set(kRow);
              f.get(v).get(bh).get(Tk).i32Mul().get(j).i32Add().get(Dv).i32Mul().i32(2).i32Shl().i32Add().set(vRow);
              // P = exp(scale·q·k − L)
              dot(qRow, kRow, D, D4);
              f.get(scale).f32Mul().get(L).f32Sub().f32x4Splat().set(e);
              expV(f, e, m);
              f.f32x4ExtractLane(0).set(P);
              dot(gRow, vRow, Dv, Dv4);
              f.set(dpv);
              // dv_j += P·g_i
              f.get(dv).get(bh).get(Tk).i32Mul().get(j).i32Add().get(Dv).i32Mul().i32(2).i32Shl().i32Add().set(dvRow);
              axpy(dvRow, P, gRow, Dv, Dv4);
              // dS = P·(dpv − D_i)·scale; dq_i += dS·k_j; dk_j += dS·q_i
              f.get(P).get(dpv).get(Di).f32Sub().f32Mul().get(scale).f32Mul().set(dS);
              axpy(dqRow, dS, kRow, D, D4);
              f.get(dk).get(bh).get(Tk).i32Mul().get(j).i32Add().get(D).i32Mul().i32(2).i32Shl().i32Add().set(dkRow);
              axpy(dkRow, dS, qRow, D, D4);
              f.end();
            },
          );
        },
      );
    },
  );
  return f;
}
