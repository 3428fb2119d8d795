import { ceilDiv, UniformBuilder, WGSL_LINEAR_WORKGROUP, type KernelDispatch } from './kernel-api.js';

/**
 * Host writes that do not start and end on 4-byte boundaries (a range of a packed bool tensor):
 * queue.writeBuffer cannot do them, so the bytes go to a staging buffer and this kernel merges them
 * into the destination words, one invocation per word, keeping the bytes outside the range.
 *
 * Binding 1 is the staging words (byte 0 = the first byte of word `first_word`), binding 2 the
 * destination buffer; the device binds them directly.
 */
export function writeBytesDispatch(startByte: number, endByte: number): KernelDispatch {
  const firstWord = Math.floor(startByte / 4);
  const words = ceilDiv(endByte, 4) - firstWord;
  const u = new UniformBuilder().u32('first_word', firstWord).u32('words', words).u32('start', startByte).u32('end', endByte);
  return {
    kind: 'dispatch',
    name: 'write-bytes',
    key: `write-bytes|${u.signature()}`,
    uniforms: u.bytes(),
    bindings: [
      { kind: 'scratch', name: 'src', byteLength: words * 4, access: 'read' },
      { kind: 'scratch', name: 'dst', byteLength: 0, access: 'read_write' },
    ],
    workgroups: ceilDiv(words, 64),
    source: () => /* wgsl */ `
${u.wgslStruct()}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> src: array<u32>;
@group(0) @binding(2) var<storage, read_write> dst: array<u32>;
${WGSL_LINEAR_WORKGROUP}
@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let w = linear_workgroup(wid, nwg) * 64u + lid;
  if (w >= u.words) { return; }
  let word = u.first_word + w;
  var mask = 0u;
  for (var b = 0u; b < 4u; b++) {
    let at = word * 4u + b;
    if (at >= u.start && at < u.end) { mask |= 0xffu << (8u * b); }
  }
  dst[word] = (dst[word] & ~mask) | (src[w] & mask);
}`,
  };
}
