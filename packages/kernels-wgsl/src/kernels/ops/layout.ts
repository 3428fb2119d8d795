import { broadcastStrides, contiguousStrides, numel, type OpName, type Shape, type TensorRef } from '@lightattn/tensor-core';
import { ceilDiv, DispatchBuilder, elementwiseMain, type KernelCall, type KernelStep, type WgslKernel } from '../../kernel-api.js';
import { fillDispatch } from './creation.js';
import { stridedCopyIndexing } from '../wgsl/strided.js';

const WG = 256;

/**
 * Every layout op is one strided copy (as on the CPU): walk an index space `shape`, read the source at
 * base + Σ c·srcStrides and write the destination at base + Σ c·dstStrides. Merging axes that are
 * contiguous on both sides makes a concat or a slice of whole rows a few long runs.
 */
function stridedCopy(
  call: KernelCall<OpName>,
  shape: Shape,
  src: TensorRef,
  srcStrides: readonly number[],
  srcBase: number,
  dst: TensorRef,
  dstStrides: readonly number[],
  dstBase: number,
): KernelStep | null {
  if (numel(shape) === 0) return null;
  const b = new DispatchBuilder(call, 'strided-copy');
  b.input('src', src);
  b.output('dst', dst);
  const { n, wgsl } = stridedCopyIndexing(b, shape, { strides: srcStrides, base: srcBase }, { strides: dstStrides, base: dstBase });
  return b.build(ceilDiv(n, WG), (decls) => `${decls}\n${wgsl}\n${elementwiseMain(WG, 'dst_set(dst_index(i), src_get(src_index(i)));')}`);
}

function offsetOf(starts: readonly number[], strides: readonly number[]): number {
  return starts.reduce((o, s, i) => o + s * strides[i]!, 0);
}

const steps = (...list: (KernelStep | null)[]): KernelStep[] => list.filter((s): s is KernelStep => s !== null);

/** out[j] = x[k] with k[perm[i]] = j[i]: output axis i walks input axis perm[i] with its stride. */
export const permuteKernel: WgslKernel<'permute'> = (call) => {
  const [x] = call.inputs;
  const out = call.outputs[0]!;
  const xs = contiguousStrides(x!.shape);
  return steps(
    stridedCopy(
      call,
      out.shape,
      x!,
      call.params.perm.map((a) => xs[a]!),
      0,
      out,
      contiguousStrides(out.shape),
      0,
    ),
  );
};

/** Broadcast copy: stride 0 along the axes x stretches. */
export const expandKernel: WgslKernel<'expand'> = (call) => {
  const [x] = call.inputs;
  const out = call.outputs[0]!;
  return steps(stridedCopy(call, out.shape, x!, broadcastStrides(x!.shape, out.shape), 0, out, contiguousStrides(out.shape), 0));
};

export const sliceKernel: WgslKernel<'slice'> = (call) => {
  const [x] = call.inputs;
  const out = call.outputs[0]!;
  const xs = contiguousStrides(x!.shape);
  return steps(stridedCopy(call, out.shape, x!, xs, offsetOf(call.params.starts, xs), out, contiguousStrides(out.shape), 0));
};

/** Each input goes to the block that starts at the running offset along `axis`. */
export const concatKernel: WgslKernel<'concat'> = (call) => {
  const out = call.outputs[0]!;
  const { axis } = call.params;
  const os = contiguousStrides(out.shape);
  let at = 0;
  return steps(
    ...call.inputs.map((x) => {
      const s = stridedCopy(call, x.shape, x, contiguousStrides(x.shape), 0, out, os, at * os[axis]!);
      at += x.shape[axis]!;
      return s;
    }),
  );
};

/** Fill with `value` (converted as fill converts it), then copy x into the interior. */
export const padKernel: WgslKernel<'pad'> = (call) => {
  const [x] = call.inputs;
  const out = call.outputs[0]!;
  if (numel(out.shape) === 0) return [];
  const os = contiguousStrides(out.shape);
  return steps(
    fillDispatch(call, out, call.params.value),
    stridedCopy(call, x!.shape, x!, contiguousStrides(x!.shape), 0, out, os, offsetOf(call.params.before, os)),
  );
};

/**
 * dst[starts + j] = src[j], in place into inputs[0]. When src views dst's own storage the device binds
 * a copy of it taken just before the dispatch (see step-encoder.ts), so every element reads its value
 * from before the op, as on the CPU.
 */
export const setSliceKernel: WgslKernel<'setSlice'> = (call) => {
  const [dst, src] = call.inputs;
  const ds = contiguousStrides(dst!.shape);
  return steps(stridedCopy(call, src!.shape, src!, contiguousStrides(src!.shape), 0, dst!, ds, offsetOf(call.params.starts, ds)));
};
