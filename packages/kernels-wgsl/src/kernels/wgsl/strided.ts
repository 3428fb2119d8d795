import { broadcastStrides, contiguousStrides, DeviceError, formatShape, shapesEqual, type Shape } from '@lightattn/tensor-core';
import { MAX_RANK, stridedOffsetFn, type DispatchBuilder } from '../../kernel-api.js';

/**
 * Index spaces walked with per-operand strides, shared by the broadcasting and layout kernels.
 * Like the CPU device's planRuns, size-1 axes are dropped and neighbouring axes merged wherever every
 * operand is contiguous across them, so most calls need few dimensions (and rank > 8 still works
 * when it merges down to 8).
 */
export interface MergedSpace {
  readonly dims: number[];
  /** strides[k][d] for operand k. */
  readonly strides: number[][];
}

export function mergeDims(shape: Shape, strides: readonly (readonly number[])[]): MergedSpace {
  const dims: number[] = [];
  const merged: number[][] = strides.map(() => []);
  shape.forEach((d, axis) => {
    if (d === 1) return;
    const last = dims.length - 1;
    if (last >= 0 && strides.every((s, k) => merged[k]![last] === s[axis]! * d)) {
      dims[last] = dims[last]! * d;
      strides.forEach((s, k) => (merged[k]![last] = s[axis]!));
    } else {
      dims.push(d);
      strides.forEach((s, k) => merged[k]!.push(s[axis]!));
    }
  });
  return { dims, strides: merged };
}

function checkRank(op: string, space: MergedSpace, shape: Shape): void {
  if (space.dims.length > MAX_RANK) {
    throw new DeviceError(
      `${op}: shape ${formatShape(shape)} needs ${space.dims.length} strided dimensions after merging; the WebGPU kernels handle at most ${MAX_RANK}`,
    );
  }
}

/**
 * Declares how each input is read at output element i (row-major over `outShape`) and returns the
 * WGSL `fn <name>_index(i: u32) -> u32` for each: `i` when the input has the output's shape, `0`
 * when it has one element, otherwise a strided walk over the merged dimensions (uniforms `rank`,
 * `shape`, `<name>_strides`). The modes become part of the variant.
 */
export function broadcastIndexing(b: DispatchBuilder, outShape: Shape, inputs: readonly { name: string; shape: Shape }[]): string {
  const modes = inputs.map((x) => (shapesEqual(x.shape, outShape) ? 'c' : x.shape.every((d) => d === 1) ? 's' : 'b'));
  b.variant(modes.join(''));
  const strided = inputs.filter((_, k) => modes[k] === 'b');
  const fns = inputs.map((x, k) =>
    modes[k] === 'c' ? `fn ${x.name}_index(i: u32) -> u32 { return i; }` : modes[k] === 's' ? `fn ${x.name}_index(i: u32) -> u32 { return 0u; }` : '',
  );
  if (strided.length > 0) {
    const space = mergeDims(outShape, [contiguousStrides(outShape), ...strided.map((x) => broadcastStrides(x.shape, outShape))]);
    checkRank(b.name, space, outShape);
    b.u32('rank', space.dims.length);
    b.uniforms.u32Array('shape', space.dims);
    strided.forEach((x, j) => {
      b.uniforms.u32Array(`${x.name}_strides`, space.strides[j + 1]!);
      fns[inputs.indexOf(x)] = stridedOffsetFn(`${x.name}_index`, 'rank', 'shape', `${x.name}_strides`);
    });
  }
  return fns.join('\n');
}

/**
 * A strided copy's index space: element i (row-major over `shape`) reads the source at
 * `src_base + Σ c·srcStrides` and writes the destination at `dst_base + Σ c·dstStrides`.
 * Adds uniforms `n`, `rank`, `shape`, `src_strides`, `dst_strides`, `src_base`, `dst_base` and returns
 * WGSL `src_index(i)` / `dst_index(i)`.
 */
export function stridedCopyIndexing(
  b: DispatchBuilder,
  shape: Shape,
  src: { strides: readonly number[]; base: number },
  dst: { strides: readonly number[]; base: number },
): { n: number; wgsl: string } {
  const space = mergeDims(shape, [dst.strides, src.strides]);
  checkRank(b.name, space, shape);
  const n = shape.reduce((a, d) => a * d, 1);
  b.u32('n', n).u32('rank', space.dims.length).u32('src_base', src.base).u32('dst_base', dst.base);
  b.uniforms.u32Array('shape', space.dims).u32Array('dst_strides', space.strides[0]!).u32Array('src_strides', space.strides[1]!);
  const wgsl = [
    stridedOffsetFn('dst_walk', 'rank', 'shape', 'dst_strides'),
    stridedOffsetFn('src_walk', 'rank', 'shape', 'src_strides'),
    'fn dst_index(i: u32) -> u32 { return u.dst_base + dst_walk(i); }',
    'fn src_index(i: u32) -> u32 { return u.src_base + src_walk(i); }',
  ].join('\n');
  return { n, wgsl };
}
