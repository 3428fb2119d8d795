import type { DType, TensorRef } from '@lightattn/tensor-core';
import { LONG_DISPATCH_FLOPS, type BindingAccess, type CallIdentity, type KernelBinding, type KernelDispatch } from './kernel-api.js';
import { UniformBuilder } from './uniform-builder.js';
import { checkIdentifier, WGSL_LINEAR_WORKGROUP, wgslType } from './wgsl-helpers.js';

/** Element types of `plainScratch` arrays. */
export type PlainElement = 'f16' | 'f32' | 'vec4<u32>' | 'vec4<f32>';

/** A tensor bound to a dispatch, with the WGSL name and type of its accessors. */
export interface TensorArg {
  /** WGSL identifier of the binding; accessors are `<name>_get(i)`, `<name>_set(i, v)`, `<name>_add(i, v)`. */
  readonly name: string;
  readonly tensor: TensorRef;
  readonly dtype: DType;
  /** The WGSL type accessors take and return. */
  readonly type: 'f32' | 'i32' | 'u32' | 'bool';
}

/** How a tensor binding is declared: atomic, or as vec4 arrays. */
export interface TensorArgOptions {
  /**
   * Declare the array atomic so invocations may update the same element: adds `<name>_add(i, v)`
   * (f32 through a compare-exchange loop on the bits, i32/u32 through atomicAdd). Not for bool.
   */
  atomic?: boolean;
  /**
   * Declare the array as `array<vec4<T>>` (f32/i32/u32, element offset a multiple of 4): accessors
   * `<name>_get4(j)` / `<name>_set4(j, v)` move elements 4j … 4j + 3 at once, which reaches more of
   * the memory bandwidth (docs/benchmarks.md, "Kernels"). `vec4Aligned` says when it is allowed.
   */
  vec4?: boolean;
}

/** Whether a tensor may be bound with `{ vec4: true }`. */
export function vec4Aligned(tensor: TensorRef): boolean {
  return tensor.dtype !== 'bool' && tensor.offset % 4 === 0;
}

interface ArgDecl {
  name: string;
  dtype: DType;
  access: BindingAccess;
  atomic: boolean;
  vec4: boolean;
  /** Uniform holding the element offset; '' for scratch (offset 0). */
  offsetField: string;
  /** A plain scratch array of this WGSL element type, without accessors (see `plainScratch`). */
  plainElement?: PlainElement;
}

/**
 * Collects bindings, uniforms and WGSL declarations for one dispatch. The declarations block passed
 * to `build`'s source function holds the uniform struct (`u`), every binding with its accessors,
 * `linear_workgroup`, and `report_error` when `errors()` was called.
 */
export class DispatchBuilder {
  readonly uniforms = new UniformBuilder();
  private readonly bindings: KernelBinding[] = [];
  private readonly decls: ArgDecl[] = [];
  private errorMessage: string | null = null;
  private readonly variantParts: (string | number | boolean)[];
  private submitAfter = false;

  /**
   * @param name kernel name (profiler, errors); `variant` parts (fn names, flags) join it in the key.
   */
  constructor(
    readonly call: CallIdentity,
    readonly name: string,
    variant: readonly (string | number | boolean)[] = [],
  ) {
    this.variantParts = [...variant];
  }

  /** Adds parts to the variant (anything the WGSL depends on besides bindings and uniform names). */
  variant(...parts: (string | number | boolean)[]): this {
    this.variantParts.push(...parts);
    return this;
  }

  /** A read-only tensor binding, with `<name>_get(i)` (i counts from the tensor's offset). */
  input(name: string, tensor: TensorRef, options: TensorArgOptions = {}): TensorArg {
    return this.tensorArg(name, tensor, 'read', options);
  }

  /** A written tensor binding, with `<name>_set(i, v)` and `<name>_get(i)`. */
  output(name: string, tensor: TensorRef, options: TensorArgOptions = {}): TensorArg {
    return this.tensorArg(name, tensor, 'read_write', options);
  }

  /** A scratch buffer of `elements` elements (f32/i32/u32), shared by name with the call's other steps. */
  scratch(name: string, dtype: 'f32' | 'i32' | 'u32', elements: number, options: TensorArgOptions = {}): void {
    this.checkName(name);
    this.bindings.push({ kind: 'scratch', name, byteLength: Math.max(4, elements * 4), access: 'read_write' });
    if (options.vec4) throw new RangeError(`${this.name}: scratch ${name} cannot be vec4`);
    this.decls.push({ name, dtype, access: 'read_write', atomic: !!options.atomic, vec4: false, offsetField: '' });
  }

  /**
   * A scratch array `var<storage, read_write> name: array<element>` without accessors, indexed
   * directly (and usable as a subgroup-matrix load source): f16 needs the device's shader-f16.
   * Steps of one call may bind the same scratch with different element types (f16 written, read
   * back 16 bytes at a time as vec4<u32>) when its byte length is the same. `access` 'read' binds it
   * read-only (reads with uniform indices are then uniform values).
   */
  plainScratch(name: string, element: PlainElement, elements: number, access: BindingAccess = 'read_write'): void {
    this.checkName(name);
    const bytes = { f16: 2, f32: 4, 'vec4<u32>': 16, 'vec4<f32>': 16 }[element];
    this.bindings.push({ kind: 'scratch', name, byteLength: Math.max(4, Math.ceil((elements * bytes) / 4) * 4), access });
    this.decls.push({ name, dtype: 'f32', access, atomic: false, vec4: false, offsetField: '', plainElement: element });
  }

  /** Binds the error buffer and defines `report_error(bad_value: u32)`; `message` names what was out of range. */
  errors(message: string): void {
    if (this.errorMessage !== null) throw new RangeError(`${this.name}: errors() called twice`);
    this.errorMessage = message;
    this.uniforms.u32('error_tag', this.call.errorTag);
    this.bindings.push({ kind: 'errors', message });
  }

  /**
   * The floating-point operations this dispatch performs: from LONG_DISPATCH_FLOPS on, the device
   * submits its batch right after it (`KernelDispatch.submitAfter`).
   */
  expectFlops(flops: number): this {
    this.submitAfter = flops >= LONG_DISPATCH_FLOPS;
    return this;
  }

  /** Adds a u32 uniform named `name`, readable in WGSL as `u.name`. */
  u32(name: string, value: number): this {
    this.uniforms.u32(name, value);
    return this;
  }

  /** Adds an i32 uniform named `name`, readable in WGSL as `u.name`. */
  i32(name: string, value: number): this {
    this.uniforms.i32(name, value);
    return this;
  }

  /** Adds an f32 uniform named `name`, readable in WGSL as `u.name`. */
  f32(name: string, value: number): this {
    this.uniforms.f32(name, value);
    return this;
  }

  /** The dispatch; `source(declarations)` returns the whole WGSL module. */
  build(workgroups: KernelDispatch['workgroups'], source: (declarations: string) => string): KernelDispatch {
    const bindingSig = this.decls
      .map((d) => `${d.name}:${d.plainElement ?? d.dtype}:${d.access}${d.atomic ? ':atomic' : ''}${d.vec4 ? ':vec4' : ''}`)
      .join(',');
    const key =
      [this.name, ...this.variantParts.map(String)].join(':') + `|${bindingSig}${this.errorMessage !== null ? ',errors' : ''}|${this.uniforms.signature()}`;
    return {
      kind: 'dispatch',
      name: this.name,
      key,
      // Built lazily: a cached pipeline never needs its source again.
      source: () => source(this.declarations()),
      uniforms: this.uniforms.bytes(),
      bindings: [...this.bindings],
      workgroups,
      ...(this.submitAfter ? { submitAfter: true } : {}),
    };
  }

  private tensorArg(name: string, tensor: TensorRef, access: BindingAccess, options: TensorArgOptions): TensorArg {
    this.checkName(name);
    if (options.atomic && tensor.dtype === 'bool') throw new RangeError(`${this.name}: bool tensor ${name} cannot be atomic`);
    if (options.vec4 && (options.atomic || !vec4Aligned(tensor))) {
      throw new RangeError(`${this.name}: ${name} (${tensor.dtype} at offset ${tensor.offset}) cannot be bound as vec4; check vec4Aligned() first`);
    }
    const offsetField = `${name}_offset`;
    // vec4 bindings count their offset in vec4s.
    this.uniforms.u32(offsetField, options.vec4 ? tensor.offset / 4 : tensor.offset);
    this.bindings.push({ kind: 'tensor', tensor, access });
    this.decls.push({ name, dtype: tensor.dtype, access, atomic: !!options.atomic, vec4: !!options.vec4, offsetField });
    return { name, tensor, dtype: tensor.dtype, type: wgslType(tensor.dtype) };
  }

  private checkName(name: string): void {
    checkIdentifier(`${this.name}: binding name`, name);
    if (this.decls.some((d) => d.name === name)) throw new RangeError(`${this.name}: binding ${name} declared twice`);
  }

  private declarations(): string {
    const parts = [this.uniforms.wgslStruct(), '@group(0) @binding(0) var<uniform> u: Uniforms;'];
    this.decls.forEach((d, k) => parts.push(bindingWgsl(d, k + 1)));
    if (this.errorMessage !== null) {
      const at = this.bindings.findIndex((b) => b.kind === 'errors') + 1;
      parts.push(/* wgsl */ `@group(0) @binding(${at}) var<storage, read_write> lightattn_errors: array<atomic<u32>, 4>;
// Words: [0] lowest error tag seen (0xffffffff: none), [1] count, [2] a bad value.
fn report_error(bad_value: u32) {
  atomicMin(&lightattn_errors[0], u.error_tag);
  atomicAdd(&lightattn_errors[1], 1u);
  atomicStore(&lightattn_errors[2], bad_value);
}`);
    }
    parts.push(WGSL_LINEAR_WORKGROUP);
    return parts.join('\n');
  }
}

/** Declaration and accessors of one binding. */
function bindingWgsl(d: ArgDecl, binding: number): string {
  if (d.plainElement) return `@group(0) @binding(${binding}) var<storage, ${d.access}> ${d.name}: array<${d.plainElement}>;`;
  const off = d.offsetField ? `u.${d.offsetField} + i` : 'i';
  const n = d.name;
  if (d.dtype === 'bool') {
    // Four one-byte elements per u32 word, little-endian: element j is bits 8·(j mod 4) … of word j/4.
    if (d.access === 'read') {
      return `@group(0) @binding(${binding}) var<storage, read> ${n}: array<u32>;
fn ${n}_get(i: u32) -> bool { let j = ${off}; return ((${n}[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }`;
    }
    return `@group(0) @binding(${binding}) var<storage, read_write> ${n}: array<atomic<u32>>;
fn ${n}_get(i: u32) -> bool { let j = ${off}; return ((atomicLoad(&${n}[j >> 2u]) >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
fn ${n}_set(i: u32, v: bool) {
  let j = ${off};
  let shift = (j & 3u) * 8u;
  atomicAnd(&${n}[j >> 2u], ~(0xffu << shift));
  if (v) { atomicOr(&${n}[j >> 2u], 1u << shift); }
}`;
  }
  const t = d.dtype;
  if (d.vec4) {
    const decl = `@group(0) @binding(${binding}) var<storage, ${d.access}> ${n}: array<vec4<${t}>>;
fn ${n}_get4(j: u32) -> vec4<${t}> { return ${n}[u.${d.offsetField} + j]; }`;
    return d.access === 'read' ? decl : `${decl}\nfn ${n}_set4(j: u32, v: vec4<${t}>) { ${n}[u.${d.offsetField} + j] = v; }`;
  }
  if (d.access === 'read') {
    return `@group(0) @binding(${binding}) var<storage, read> ${n}: array<${t}>;
fn ${n}_get(i: u32) -> ${t} { return ${n}[${off}]; }`;
  }
  if (!d.atomic) {
    return `@group(0) @binding(${binding}) var<storage, read_write> ${n}: array<${t}>;
fn ${n}_get(i: u32) -> ${t} { return ${n}[${off}]; }
fn ${n}_set(i: u32, v: ${t}) { ${n}[${off}] = v; }`;
  }
  if (t === 'f32') {
    // No f32 atomics in WGSL: add through compare-exchange on the bit pattern.
    return `@group(0) @binding(${binding}) var<storage, read_write> ${n}: array<atomic<u32>>;
fn ${n}_get(i: u32) -> f32 { return bitcast<f32>(atomicLoad(&${n}[${off}])); }
fn ${n}_set(i: u32, v: f32) { atomicStore(&${n}[${off}], bitcast<u32>(v)); }
fn ${n}_add(i: u32, v: f32) {
  let j = ${off};
  var old = atomicLoad(&${n}[j]);
  loop {
    let r = atomicCompareExchangeWeak(&${n}[j], old, bitcast<u32>(bitcast<f32>(old) + v));
    if (r.exchanged) { break; }
    old = r.old_value;
  }
}`;
  }
  return `@group(0) @binding(${binding}) var<storage, read_write> ${n}: array<atomic<${t}>>;
fn ${n}_get(i: u32) -> ${t} { return atomicLoad(&${n}[${off}]); }
fn ${n}_set(i: u32, v: ${t}) { atomicStore(&${n}[${off}], v); }
fn ${n}_add(i: u32, v: ${t}) { atomicAdd(&${n}[${off}], v); }`;
}
