import { FunctionBuilder, type Local } from '../wasm/function-builder.js';

/**
 * `strided_copy4(src, dst, n0, n1, n2, n3, s0, s1, s2, s3, a0, a1)`: dst (contiguous [n0, n1, n2,
 * n3] of 4-byte elements, from its start) = src[i0·s0 + i1·s1 + i2·s2 + i3·s3] (element strides)
 * for i0 in a0 … a1−1. The innermost run is copied four at a time when s3 = 1 (a permute that
 * keeps the last axis, like splitting attention heads), else element by element.
 */
export function stridedCopy4(relaxed: boolean): FunctionBuilder {
  const f = new FunctionBuilder('strided_copy4', Array<'i32'>(12).fill('i32'), [], relaxed);
  const [src, dst, _n0, n1, n2, n3, s0, s1, s2, s3, a0, a1] = f.params as Local[] as [
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
  const i0 = f.local('i32');
  const i1 = f.local('i32');
  const i2 = f.local('i32');
  const i3 = f.local('i32');
  const from = f.local('i32');
  const to = f.local('i32');
  const n34 = f.local('i32');
  const contiguous = f.local('i32');
  f.get(n3).i32(-4).i32And().set(n34);
  f.get(s3).i32(1).i32Eq().set(contiguous);
  // dst starts at row a0: dst + a0·n1·n2·n3·4
  f.get(dst).get(a0).get(n1).i32Mul().get(n2).i32Mul().get(n3).i32Mul().i32(2).i32Shl().i32Add().set(to);
  f.forLoop(
    i0,
    () => f.get(a0),
    () => f.get(a1),
    1,
    () => {
      f.forLoop(
        i1,
        () => f.i32(0),
        () => f.get(n1),
        1,
        () => {
          f.forLoop(
            i2,
            () => f.i32(0),
            () => f.get(n2),
            1,
            () => {
              // from = src + (i0·s0 + i1·s1 + i2·s2)·4
              f.get(src).get(i0).get(s0).i32Mul().get(i1).get(s1).i32Mul().i32Add().get(i2).get(s2).i32Mul().i32Add().i32(2).i32Shl().i32Add().set(from);
              f.get(contiguous).if();
              f.forLoop(
                i3,
                () => f.i32(0),
                () => f.get(n34),
                4,
                () => {
                  f.get(to).get(from).v128Load().v128Store();
                  f.get(to).i32(16).i32Add().set(to);
                  f.get(from).i32(16).i32Add().set(from);
                },
              );
              f.forLoop(
                i3,
                () => f.get(n34),
                () => f.get(n3),
                1,
                () => {
                  f.get(to).get(from).i32Load().i32Store();
                  f.get(to).i32(4).i32Add().set(to);
                  f.get(from).i32(4).i32Add().set(from);
                },
              );
              f.else();
              f.forLoop(
                i3,
                () => f.i32(0),
                () => f.get(n3),
                1,
                () => {
                  f.get(to).get(from).i32Load().i32Store();
                  f.get(to).i32(4).i32Add().set(to);
                  f.get(from).get(s3).i32(2).i32Shl().i32Add().set(from);
                },
              );
              f.end();
            },
          );
        },
      );
    },
  );
  return f;
}
