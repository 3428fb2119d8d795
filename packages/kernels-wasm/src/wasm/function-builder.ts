import { f32Bytes, sleb, uleb } from './encoding.js';

/** Value types of the kernels' functions. */
export type ValType = 'i32' | 'f32' | 'v128';
export const VALTYPE: Record<ValType, number> = { i32: 0x7f, f32: 0x7d, v128: 0x7b };

/** A local variable (or parameter) of the function being built. */
export interface Local {
  readonly index: number;
  readonly type: ValType;
}

/** Opcodes after the 0xfd (SIMD) prefix, from the WebAssembly SIMD and relaxed-SIMD specifications. */
const SIMD = {
  load: 0x00,
  load32Splat: 0x09,
  store: 0x0b,
  const: 0x0c,
  f32x4Splat: 0x13,
  f32x4ExtractLane: 0x1f,
  f32x4ReplaceLane: 0x20,
  f32x4Eq: 0x41,
  f32x4Lt: 0x43,
  f32x4Gt: 0x44,
  v128And: 0x4e,
  v128Or: 0x50,
  v128Bitselect: 0x52,
  f32x4Nearest: 0x6a,
  i32x4Shl: 0xab,
  i32x4Add: 0xae,
  f32x4Abs: 0xe0,
  f32x4Neg: 0xe1,
  f32x4Sqrt: 0xe3,
  f32x4Add: 0xe4,
  f32x4Sub: 0xe5,
  f32x4Mul: 0xe6,
  f32x4Div: 0xe7,
  f32x4Min: 0xe8,
  f32x4Max: 0xe9,
  f32x4Pmin: 0xea,
  f32x4Pmax: 0xeb,
  i32x4TruncSatF32x4S: 0xf8,
  f32x4RelaxedMadd: 0x105,
} as const;

/**
 * Emits the body of one WebAssembly function, instruction by instruction (a stack machine: each
 * method pushes the opcode; operands are whatever earlier calls left on the stack). Only the
 * instructions the kernels use are here; each is named after its text-format mnemonic.
 */
export class FunctionBuilder {
  readonly code: number[] = [];
  private readonly locals: ValType[] = [];
  readonly params: Local[];

  constructor(
    readonly name: string,
    paramTypes: readonly ValType[],
    readonly results: readonly ValType[] = [],
    /** Emit `f32x4.relaxed_madd` for fused multiply-add (the engine must have relaxed SIMD). */
    readonly relaxed = false,
  ) {
    this.params = paramTypes.map((type, index) => ({ index, type }));
  }

  get paramTypes(): ValType[] {
    return this.params.map((p) => p.type);
  }

  /** A new local of `type`, zero-initialised on entry. */
  local(type: ValType): Local {
    this.locals.push(type);
    return { index: this.params.length + this.locals.length - 1, type };
  }

  /** The function body as the code section wants it: size, locals, instructions, `end`. */
  encode(): number[] {
    const groups: number[][] = [];
    for (const t of this.locals) groups.push([...uleb(1), VALTYPE[t]]);
    const body = [...uleb(groups.length), ...groups.flat(), ...this.code, 0x0b];
    return [...uleb(body.length), ...body];
  }

  private op(...bytes: number[]): this {
    this.code.push(...bytes);
    return this;
  }
  private simd(opcode: number, ...imm: number[]): this {
    return this.op(0xfd, ...uleb(opcode), ...imm);
  }
  /** memarg: alignment (log2) and a constant byte offset. */
  private mem(align: number, offset: number): number[] {
    return [...uleb(align), ...uleb(offset)];
  }

  /** Runs `emit` (which pushes onto the stack) and returns this, so emitters chain with instructions. */
  then(emit: () => unknown): this {
    emit();
    return this;
  }

  // Control flow. Blocks have no result type (0x40).
  block(): this {
    return this.op(0x02, 0x40);
  }
  loop(): this {
    return this.op(0x03, 0x40);
  }
  if(): this {
    return this.op(0x04, 0x40);
  }
  /** An `if` whose arms each leave one value of `type`. */
  ifValue(type: ValType): this {
    return this.op(0x04, VALTYPE[type]);
  }
  else(): this {
    return this.op(0x05);
  }
  end(): this {
    return this.op(0x0b);
  }
  br(depth: number): this {
    return this.op(0x0c, ...uleb(depth));
  }
  brIf(depth: number): this {
    return this.op(0x0d, ...uleb(depth));
  }
  return(): this {
    return this.op(0x0f);
  }
  call(index: number): this {
    return this.op(0x10, ...uleb(index));
  }
  drop(): this {
    return this.op(0x1a);
  }
  select(): this {
    return this.op(0x1b);
  }

  // Locals.
  get(l: Local): this {
    return this.op(0x20, ...uleb(l.index));
  }
  set(l: Local): this {
    return this.op(0x21, ...uleb(l.index));
  }
  tee(l: Local): this {
    return this.op(0x22, ...uleb(l.index));
  }

  // Scalar memory.
  i32Load(offset = 0): this {
    return this.op(0x28, ...this.mem(2, offset));
  }
  i32Load8U(offset = 0): this {
    return this.op(0x2d, ...this.mem(0, offset));
  }
  f32Load(offset = 0): this {
    return this.op(0x2a, ...this.mem(2, offset));
  }
  i32Store(offset = 0): this {
    return this.op(0x36, ...this.mem(2, offset));
  }
  f32Store(offset = 0): this {
    return this.op(0x38, ...this.mem(2, offset));
  }

  // Constants.
  i32(value: number): this {
    return this.op(0x41, ...sleb(value));
  }
  f32(value: number): this {
    return this.op(0x43, ...f32Bytes(value));
  }

  // i32 arithmetic and comparison.
  i32Eqz(): this {
    return this.op(0x45);
  }
  i32Eq(): this {
    return this.op(0x46);
  }
  i32Ne(): this {
    return this.op(0x47);
  }
  i32LtS(): this {
    return this.op(0x48);
  }
  i32LtU(): this {
    return this.op(0x49);
  }
  i32GtS(): this {
    return this.op(0x4a);
  }
  i32LeS(): this {
    return this.op(0x4c);
  }
  i32GeS(): this {
    return this.op(0x4e);
  }
  i32Add(): this {
    return this.op(0x6a);
  }
  i32Sub(): this {
    return this.op(0x6b);
  }
  i32Mul(): this {
    return this.op(0x6c);
  }
  i32DivS(): this {
    return this.op(0x6d);
  }
  i32And(): this {
    return this.op(0x71);
  }
  i32Or(): this {
    return this.op(0x72);
  }
  i32Shl(): this {
    return this.op(0x74);
  }
  i32ShrS(): this {
    return this.op(0x75);
  }

  // f32 arithmetic.
  f32Ne(): this {
    return this.op(0x5c);
  }
  f32Lt(): this {
    return this.op(0x5d);
  }
  f32Gt(): this {
    return this.op(0x5e);
  }
  f32Abs(): this {
    return this.op(0x8b);
  }
  f32Neg(): this {
    return this.op(0x8c);
  }
  f32Sqrt(): this {
    return this.op(0x91);
  }
  f32Add(): this {
    return this.op(0x92);
  }
  f32Sub(): this {
    return this.op(0x93);
  }
  f32Mul(): this {
    return this.op(0x94);
  }
  f32Div(): this {
    return this.op(0x95);
  }
  f32Min(): this {
    return this.op(0x96);
  }
  f32Max(): this {
    return this.op(0x97);
  }
  f32ConvertI32S(): this {
    return this.op(0xb2);
  }

  // 128-bit SIMD (addresses must be on the stack; offsets are byte constants; alignment hint 16).
  v128Load(offset = 0): this {
    return this.simd(SIMD.load, ...this.mem(4, offset));
  }
  v128Store(offset = 0): this {
    return this.simd(SIMD.store, ...this.mem(4, offset));
  }
  v128Load32Splat(offset = 0): this {
    return this.simd(SIMD.load32Splat, ...this.mem(2, offset));
  }
  f32x4Const(value: number): this {
    return this.simd(SIMD.const, ...[0, 1, 2, 3].flatMap(() => f32Bytes(value)));
  }
  i32x4Const(value: number): this {
    const b = new Uint8Array(16);
    const view = new DataView(b.buffer);
    for (let i = 0; i < 4; i++) view.setInt32(i * 4, value, true);
    return this.simd(SIMD.const, ...b);
  }
  f32x4Splat(): this {
    return this.simd(SIMD.f32x4Splat);
  }
  f32x4ExtractLane(lane: number): this {
    return this.simd(SIMD.f32x4ExtractLane, lane);
  }
  f32x4ReplaceLane(lane: number): this {
    return this.simd(SIMD.f32x4ReplaceLane, lane);
  }
  f32x4Eq(): this {
    return this.simd(SIMD.f32x4Eq);
  }
  f32x4Lt(): this {
    return this.simd(SIMD.f32x4Lt);
  }
  f32x4Gt(): this {
    return this.simd(SIMD.f32x4Gt);
  }
  v128And(): this {
    return this.simd(SIMD.v128And);
  }
  v128Or(): this {
    return this.simd(SIMD.v128Or);
  }
  /** v128.bitselect(a, b, mask): bits of a where mask is 1, else of b. */
  v128Bitselect(): this {
    return this.simd(SIMD.v128Bitselect);
  }
  f32x4Nearest(): this {
    return this.simd(SIMD.f32x4Nearest);
  }
  i32x4Shl(): this {
    return this.simd(SIMD.i32x4Shl);
  }
  i32x4Add(): this {
    return this.simd(SIMD.i32x4Add);
  }
  f32x4Abs(): this {
    return this.simd(SIMD.f32x4Abs);
  }
  f32x4Neg(): this {
    return this.simd(SIMD.f32x4Neg);
  }
  f32x4Sqrt(): this {
    return this.simd(SIMD.f32x4Sqrt);
  }
  f32x4Add(): this {
    return this.simd(SIMD.f32x4Add);
  }
  f32x4Sub(): this {
    return this.simd(SIMD.f32x4Sub);
  }
  f32x4Mul(): this {
    return this.simd(SIMD.f32x4Mul);
  }
  f32x4Div(): this {
    return this.simd(SIMD.f32x4Div);
  }
  f32x4Min(): this {
    return this.simd(SIMD.f32x4Min);
  }
  f32x4Max(): this {
    return this.simd(SIMD.f32x4Max);
  }
  /**
   * Pseudo-min/max: pmin(a, b) = b < a ? b : a, pmax(a, b) = a < b ? b : a — one x86 instruction
   * each, where min/max (NaN-propagating, −0 < +0) take about eight. With a NaN as `a` they return it.
   */
  f32x4Pmin(): this {
    return this.simd(SIMD.f32x4Pmin);
  }
  f32x4Pmax(): this {
    return this.simd(SIMD.f32x4Pmax);
  }
  i32x4TruncSatF32x4S(): this {
    return this.simd(SIMD.i32x4TruncSatF32x4S);
  }

  /**
   * acc + x·y on the stack as [x, y, acc] → [x·y + acc]: `f32x4.relaxed_madd` (one rounding, an FMA
   * where the CPU has one) in a relaxed build, else `f32x4.mul` then `f32x4.add` (two roundings).
   * The stack order differs between the two, so callers pass the three operands as emitters.
   */
  madd(x: () => void, y: () => void, acc: () => void): this {
    if (this.relaxed) {
      x();
      y();
      acc();
      return this.simd(SIMD.f32x4RelaxedMadd);
    }
    acc();
    x();
    y();
    this.f32x4Mul();
    return this.f32x4Add();
  }

  /** `for (i = from; i < to; i += step) body()` with i32 locals; `from`/`to` emit their values. */
  forLoop(i: Local, from: () => void, to: () => void, step: number, body: () => void): this {
    from();
    this.set(i);
    this.block();
    this.get(i);
    to();
    this.i32GeS().brIf(0);
    this.loop();
    body();
    this.get(i).i32(step).i32Add().tee(i);
    to();
    this.i32LtS().brIf(0);
    this.end().end();
    return this;
  }
}
