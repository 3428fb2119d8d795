import { ceilDiv, checkIdentifier, MAX_RANK } from './wgsl-helpers.js';

type UniformScalar = 'u32' | 'i32' | 'f32';
interface UniformField {
  readonly name: string;
  readonly type: UniformScalar;
  /** Number of vec4s for array fields; 0 for scalars. */
  readonly vec4s: number;
  readonly values: readonly number[];
}

/**
 * Packs a WGSL uniform struct: scalars take 4 bytes at 4-byte alignment; arrays are
 * `array<vec4<T>, N>` (16-byte aligned, as uniform arrays must be), read with `arrayAt`.
 */
export class UniformBuilder {
  private readonly fields: UniformField[] = [];

  /** Adds a u32 field; throws a RangeError for a value that is not a u32. */
  u32(name: string, value: number): this {
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new RangeError(`uniform ${name}: ${value} is not a u32`);
    return this.add(name, 'u32', [value], 0);
  }

  /** Adds an i32 field; throws a RangeError for a value that is not an i32. */
  i32(name: string, value: number): this {
    if (!Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff) throw new RangeError(`uniform ${name}: ${value} is not an i32`);
    return this.add(name, 'i32', [value], 0);
  }

  /** Rounded to f32 (NaN and ±Inf kept). */
  f32(name: string, value: number): this {
    return this.add(name, 'f32', [value], 0);
  }

  /** `array<vec4<u32>, ⌈length/4⌉>`, zero-padded; `length` fixes the variant (use MAX_RANK for shapes). */
  u32Array(name: string, values: readonly number[], length = MAX_RANK): this {
    if (values.length > length) throw new RangeError(`uniform ${name}: ${values.length} values exceed the declared length ${length}`);
    for (const v of values) if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new RangeError(`uniform ${name}: ${v} is not a u32`);
    return this.add(name, 'u32', values, ceilDiv(length, 4));
  }

  /** Adds an array of `length` i32 values (zero-padded), stored as vec4s and read with `arrayAt`. */
  i32Array(name: string, values: readonly number[], length = MAX_RANK): this {
    if (values.length > length) throw new RangeError(`uniform ${name}: ${values.length} values exceed the declared length ${length}`);
    for (const v of values) if (!Number.isInteger(v) || v < -0x80000000 || v > 0x7fffffff) throw new RangeError(`uniform ${name}: ${v} is not an i32`);
    return this.add(name, 'i32', values, ceilDiv(length, 4));
  }

  get isEmpty(): boolean {
    return this.fields.length === 0;
  }

  /** Field names and types: part of the pipeline key. */
  signature(): string {
    return this.fields.map((f) => `${f.name}:${f.type}${f.vec4s ? `x${f.vec4s * 4}` : ''}`).join(',');
  }

  /** `struct Uniforms { … }` (a padding member when there are no fields). */
  wgslStruct(structName = 'Uniforms'): string {
    const members = this.fields.map((f) => `  ${f.name}: ${f.vec4s ? `array<vec4<${f.type}>, ${f.vec4s}>` : f.type},`);
    if (members.length === 0) members.push('  _unused: u32,');
    return `struct ${structName} {\n${members.join('\n')}\n}`;
  }

  /** The struct's bytes, laid out as WGSL lays out the struct (size rounded up to 16). */
  bytes(): Uint8Array {
    let size = 0;
    const offsets: number[] = [];
    for (const f of this.fields) {
      const align = f.vec4s ? 16 : 4;
      size = Math.ceil(size / align) * align;
      offsets.push(size);
      size += f.vec4s ? 16 * f.vec4s : 4;
    }
    const out = new ArrayBuffer(Math.max(16, Math.ceil(size / 16) * 16));
    const view = new DataView(out);
    this.fields.forEach((f, k) => {
      f.values.forEach((v, j) => {
        const at = offsets[k]! + 4 * j;
        if (f.type === 'f32') view.setFloat32(at, v, true);
        else if (f.type === 'i32') view.setInt32(at, v, true);
        else view.setUint32(at, v, true);
      });
    });
    return new Uint8Array(out);
  }

  private add(name: string, type: UniformScalar, values: readonly number[], vec4s: number): this {
    checkIdentifier('uniform name', name);
    if (this.fields.some((f) => f.name === name)) throw new RangeError(`uniform ${name} is declared twice`);
    this.fields.push({ name, type, values, vec4s });
    return this;
  }
}
