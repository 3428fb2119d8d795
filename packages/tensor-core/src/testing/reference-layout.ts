/**
 * References for the layout ops (permute, concat, slice, pad, setSlice, expand): index arithmetic on
 * plain numbers, written from ops/op-params.ts.
 */
import type { OpParams } from '../ops/op-params.js';
import { broadcastRead, host, ravel, sizeOf, unravel, type HostTensor } from './host-tensor.js';

/** Builds a tensor of `shape` by reading each output multi-index from a function. */
function build(shape: readonly number[], dtype: HostTensor['dtype'], at: (idx: number[]) => number): HostTensor {
  return host(
    shape,
    Array.from({ length: sizeOf(shape) }, (_, f) => at(unravel(f, shape))),
    dtype,
  );
}

/** out[i0, …] = x[j…] where j[perm[k]] = i[k]. */
export function refPermute(x: HostTensor, p: OpParams<'permute'>): HostTensor {
  const shape = p.perm.map((a) => x.shape[a]!);
  return build(shape, x.dtype, (idx) => {
    const src = new Array<number>(x.shape.length);
    p.perm.forEach((a, k) => (src[a] = idx[k]!));
    return x.data[ravel(src, x.shape)]!;
  });
}

export function refConcat(xs: readonly HostTensor[], p: OpParams<'concat'>): HostTensor {
  const shape = [...xs[0]!.shape];
  shape[p.axis] = xs.reduce((s, t) => s + t.shape[p.axis]!, 0);
  return build(shape, xs[0]!.dtype, (idx) => {
    let at = idx[p.axis]!;
    for (const t of xs) {
      const d = t.shape[p.axis]!;
      if (at < d)
        return t.data[
          ravel(
            idx.map((v, i) => (i === p.axis ? at : v)),
            t.shape,
          )
        ]!;
      at -= d;
    }
    throw new Error('reference concat: index past the end');
  });
}

export function refSlice(x: HostTensor, p: OpParams<'slice'>): HostTensor {
  const shape = p.starts.map((s, i) => p.ends[i]! - s);
  return build(
    shape,
    x.dtype,
    (idx) =>
      x.data[
        ravel(
          idx.map((v, i) => v + p.starts[i]!),
          x.shape,
        )
      ]!,
  );
}

export function refPad(x: HostTensor, p: OpParams<'pad'>): HostTensor {
  const shape = x.shape.map((d, i) => d + p.before[i]! + p.after[i]!);
  const fill = x.dtype === 'bool' ? (p.value !== 0 ? 1 : 0) : p.value;
  return build(shape, x.dtype, (idx) => {
    const src = idx.map((v, i) => v - p.before[i]!);
    const inside = src.every((v, i) => v >= 0 && v < x.shape[i]!);
    return inside ? x.data[ravel(src, x.shape)]! : fill;
  });
}

/** dst with dst[starts + j] = src[j] for every index j of src (returns the new dst). */
export function refSetSlice(dst: HostTensor, src: HostTensor, p: OpParams<'setSlice'>): HostTensor {
  const data = [...dst.data];
  for (let f = 0; f < src.data.length; f++) {
    const j = unravel(f, src.shape);
    data[
      ravel(
        j.map((v, i) => v + p.starts[i]!),
        dst.shape,
      )
    ] = src.data[f]!;
  }
  return host(dst.shape, data, dst.dtype);
}

export function refExpand(x: HostTensor, p: OpParams<'expand'>): HostTensor {
  return build(p.shape, x.dtype, (idx) => broadcastRead(x, idx));
}
