import { FunctionBuilder, type Local } from '../wasm/function-builder.js';
import { addr, vectorLoop } from './rows-wasm.js';
import { expV, mathTemps } from './simd-math.js';

/** Binary functions of `binary_rows`, by code; r-prefixed ones swap the operands (b − a, b / a). */
export const BINARY_CODES = { add: 0, sub: 1, mul: 2, div: 3, rsub: 4, rdiv: 5, maximum: 6, minimum: 7 } as const;
export type BinaryCode = keyof typeof BINARY_CODES;

const VECTOR_OPS: Record<BinaryCode, [swap: boolean, op: (f: FunctionBuilder) => void]> = {
  add: [false, (f) => f.f32x4Add()],
  sub: [false, (f) => f.f32x4Sub()],
  mul: [false, (f) => f.f32x4Mul()],
  div: [false, (f) => f.f32x4Div()],
  rsub: [true, (f) => f.f32x4Sub()],
  rdiv: [true, (f) => f.f32x4Div()],
  maximum: [false, (f) => f.f32x4Max()],
  minimum: [false, (f) => f.f32x4Min()],
};
const SCALAR_OPS: Record<BinaryCode, (f: FunctionBuilder) => void> = {
  add: (f) => f.f32Add(),
  sub: (f) => f.f32Sub(),
  mul: (f) => f.f32Mul(),
  div: (f) => f.f32Div(),
  rsub: (f) => f.f32Sub(),
  rdiv: (f) => f.f32Div(),
  maximum: (f) => f.f32Max(),
  minimum: (f) => f.f32Min(),
};

/**
 * `binary_rows(a, b, out, P, rows, scalarB, fn)`: out[r·P + j] = fn(a[r·P + j], b[j]) for `rows`
 * rows of P floats (b a row repeated down the rows: a bias), or fn(a, b[0]) when scalarB. The
 * same-shape case is one row. wasm's f32 min/max propagate NaN, as Math.max/min do.
 */
export function binaryRows(relaxed: boolean): FunctionBuilder {
  const f = new FunctionBuilder('binary_rows', ['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32'], [], relaxed);
  const [a, b, out, P, rows, scalarB, fn] = f.params as [Local, Local, Local, Local, Local, Local, Local];
  const r = f.local('i32');
  const j = f.local('i32');
  const P4 = f.local('i32');
  const ar = f.local('i32');
  const or = f.local('i32');
  const bv = f.local('v128');
  const bs = f.local('f32');
  f.get(P).i32(-4).i32And().set(P4);
  f.get(b).v128Load32Splat().set(bv);
  f.get(b).f32Load().set(bs);
  for (const [name, code] of Object.entries(BINARY_CODES) as [BinaryCode, number][]) {
    const [swap, vop] = VECTOR_OPS[name];
    const sop = SCALAR_OPS[name];
    for (const scalar of [false, true]) {
      f.get(fn)
        .i32(code)
        .i32Eq()
        .get(scalarB)
        .i32(scalar ? 1 : 0)
        .i32Eq()
        .i32And()
        .if();
      f.forLoop(
        r,
        () => f.i32(0),
        () => f.get(rows),
        1,
        () => {
          f.get(a).get(r).get(P).i32Mul().i32(2).i32Shl().i32Add().set(ar);
          f.get(out).get(r).get(P).i32Mul().i32(2).i32Shl().i32Add().set(or);
          vectorLoop(
            f,
            j,
            P,
            P4,
            () => {
              addr(f, or, j);
              const la = () => addr(f, ar, j).v128Load();
              const lb = () => (scalar ? f.get(bv) : addr(f, b, j).v128Load());
              // The operands go on WebAssembly's stack in the op's order.
              if (swap) {
                lb();
                la();
              } else {
                la();
                lb();
              }
              vop(f);
              f.v128Store();
            },
            () => {
              addr(f, or, j);
              const la = () => addr(f, ar, j).f32Load();
              const lb = () => (scalar ? f.get(bs) : addr(f, b, j).f32Load());
              if (swap) {
                lb();
                la();
              } else {
                la();
                lb();
              }
              sop(f);
              f.f32Store();
            },
          );
        },
      );
      f.return();
      f.end();
    }
  }
  return f;
}

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
const GELU_CUBIC = 0.044715;

/** Leaves σ(2u) for GPT-2's gelu, u = √(2/π)(x + 0.044715x³), on the stack: 1/(1 + e^(−2u)). */
function sigmoid2u(f: FunctionBuilder, x: Local, e: Local, m: ReturnType<typeof mathTemps>): void {
  f.get(x)
    .get(x)
    .f32x4Mul()
    .get(x)
    .f32x4Mul()
    .f32x4Const(GELU_CUBIC)
    .f32x4Mul()
    .get(x)
    .f32x4Add()
    .f32x4Const(-2 * SQRT_2_OVER_PI)
    .f32x4Mul()
    .set(e);
  f.f32x4Const(1);
  expV(f, e, m);
  f.f32x4Const(1).f32x4Add().f32x4Div();
}

/**
 * `gelu(x, y, n, backward, g)`: GPT-2's gelu, y = x·σ(2u) (= ½x(1 + tanh u)); with `backward`,
 * y = g·(σ(2u) + 2x·σ(2u)(1 − σ(2u))·u′), u′ = √(2/π)(1 + 3·0.044715x²). x is clamped to ≥ −20
 * (where gelu and its slope are below f32's resolution) and, for the slope, ≤ 20 (where it is 1),
 * so ±∞ give the reference's limits instead of ∞·0.
 */
export function geluKernel(relaxed: boolean): FunctionBuilder {
  const f = new FunctionBuilder('gelu', ['i32', 'i32', 'i32', 'i32', 'i32'], [], relaxed);
  const [x, y, n, backward, g] = f.params as [Local, Local, Local, Local, Local];
  const m = mathTemps(f);
  const j = f.local('i32');
  const n4 = f.local('i32');
  const xv = f.local('v128');
  const e = f.local('v128');
  const s = f.local('v128');
  const body = (load: (base: Local) => void, store: (base: Local, compute: () => void) => void, bwd: boolean) => {
    load(x);
    f.f32x4Const(-20).f32x4Pmax();
    if (bwd) f.f32x4Const(20).f32x4Pmin();
    f.set(xv);
    sigmoid2u(f, xv, e, m);
    f.set(s);
    store(y, () => {
      if (!bwd) {
        f.get(xv).get(s).f32x4Mul();
        return;
      }
      // s + 2x·s(1 − s)·√(2/π)(1 + 3c·x²), times g
      f.get(s);
      f.get(xv)
        .f32x4Const(2 * SQRT_2_OVER_PI)
        .f32x4Mul()
        .get(s)
        .f32x4Mul()
        .f32x4Const(1)
        .get(s)
        .f32x4Sub()
        .f32x4Mul();
      f.get(xv)
        .get(xv)
        .f32x4Mul()
        .f32x4Const(3 * GELU_CUBIC)
        .f32x4Mul()
        .f32x4Const(1)
        .f32x4Add()
        .f32x4Mul();
      f.f32x4Add();
      load(g);
      f.f32x4Mul();
    });
  };
  f.get(n).i32(-4).i32And().set(n4);
  for (const bwd of [false, true]) {
    f.get(backward)
      .i32(bwd ? 1 : 0)
      .i32Eq()
      .if();
    vectorLoop(
      f,
      j,
      n,
      n4,
      () =>
        body(
          (base) => addr(f, base, j).v128Load(),
          (base, compute) => (addr(f, base, j), compute(), f.v128Store()),
          bwd,
        ),
      () =>
        body(
          (base) => addr(f, base, j).f32Load().f32x4Splat(),
          (base, compute) => (addr(f, base, j), compute(), f.f32x4ExtractLane(0).f32Store()),
          bwd,
        ),
    );
    f.end();
  }
  return f;
}
