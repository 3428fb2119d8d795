/** Bytes of WGSL workgroup variable element types the tensor-core kernels declare. */
const BYTES: Record<string, number> = { f16: 2, f32: 4, u32: 4, i32: 4, 'atomic<u32>': 4, 'vec2<f32>': 8, 'vec4<f32>': 16 };

/** Every `var<workgroup>` of a WGSL source with its size in bytes. */
export function workgroupBytes(source: string): { name: string; bytes: number }[] {
  const out: { name: string; bytes: number }[] = [];
  for (const m of source.matchAll(/var<workgroup>\s+(\w+)\s*:\s*([^;]+);/g)) {
    const type = m[2]!.trim();
    const array = /^array<(.+),\s*(\d+)>$/.exec(type);
    const [elem, n] = array ? [array[1]!.trim(), Number(array[2])] : [type, 1];
    const size = BYTES[elem];
    if (size === undefined) throw new Error(`unknown workgroup element type ${elem} of ${m[1]}`);
    out.push({ name: m[1]!, bytes: size * n });
  }
  return out;
}
