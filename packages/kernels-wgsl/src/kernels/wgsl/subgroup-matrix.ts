/**
 * Tensor-core code through WebGPU subgroup matrices (Dawn's `chromium-experimental-subgroup-matrix`:
 * on NVIDIA/Vulkan, f16 16×16×16 products accumulated in f32), and the same code emulated in plain
 * WGSL so that devices without them (SwiftShader in CI) run and test the kernels built on it.
 *
 * Operands are staged in workgroup memory as f16 (emulated: f32 holding f16-rounded values). An f32
 * input x can be staged as one f16 (`hi = f16(x)`, 11 significant bits, like TF32) or split in two,
 * `lo = f16((x − hi)·2¹¹)`, so that a·b ≈ hi·hi + (hi·lo + lo·hi)·2⁻¹¹ keeps about 22 bits — the
 * 3xTF32 idea that PyTorch's fp32 attention kernels use on tensor cores. The cross terms are
 * accumulated first into the scaled accumulator: acc ← (acc·2¹¹ + Σ cross)·2⁻¹¹ + Σ hi·hi, both
 * scalings exact powers of two, so one accumulator serves both.
 *
 * Emulated layout of a 16×16 result over the 32 lanes of a subgroup: lane ℓ holds row ℓ/2,
 * columns 8·(ℓ mod 2) … +7. Emulated operands are not loaded into registers: the product reads them
 * from workgroup memory when it runs, so kernels load operands right before they multiply them.
 */

/** A 16×16 operand in workgroup memory: element (r, c) at array[offset + r·stride + c] (row-major) or [offset + c·stride + r]. */
export interface MatrixOperand {
  readonly array: string;
  readonly offset: string;
  readonly colMajor: boolean;
  readonly stride: number;
}

/** The subgroup-matrix dimension used everywhere (the f16 → f32 configuration NVIDIA offers). */
export const MMA = 16;
/** Invocations per subgroup the kernels are written for. */
export const SUBGROUP = 32;
/** 2¹¹: the scale of the low half of a split operand. */
export const LO_SCALE = 2048;

export class MatrixEmitter {
  private readonly operands = new Map<string, MatrixOperand>();

  constructor(
    /** Plain WGSL instead of subgroup matrices. */
    readonly emulate: boolean,
    /** Operands staged as hi + lo (about 22 bits) instead of hi only (11 bits). */
    readonly split: boolean,
  ) {}

  /** Element type of staged operands. */
  get elem(): string {
    return this.emulate ? 'f32' : 'f16';
  }

  /** Bytes per staged operand element. */
  get elemBytes(): number {
    return this.emulate ? 4 : 2;
  }

  /** Enable directives (they must open the module). */
  enables(): string {
    return this.emulate ? '' : 'enable f16;\nenable subgroups;\nenable chromium_experimental_subgroup_matrix;\n';
  }

  /** The builtin parameter giving the subgroup index (real mode), to add to the entry point. */
  entryParams(): string {
    return this.emulate ? '' : ', @builtin(subgroup_id) sg_id: u32';
  }

  /** `sid` (subgroup index in the workgroup) and, emulated, `sg_lane`. Needs `lid`. */
  prelude(): string {
    return this.emulate ? `let sid = lid / ${SUBGROUP}u;\n  let sg_lane = lid % ${SUBGROUP}u;` : 'let sid = sg_id;';
  }

  /**
   * WGSL functions: `stage_hi(x)` / `stage_lo(x, hi)` convert an f32 to the staged hi and lo parts
   * (`to_f32(h)` reads a staged element back as f32).
   */
  helpers(): string {
    if (this.emulate) {
      return /* wgsl */ `
fn f16_round(x: f32) -> f32 { return unpack2x16float(pack2x16float(vec2<f32>(x, 0.0))).x; }
fn stage_hi(x: f32) -> f32 { return f16_round(x); }
fn stage_lo(x: f32, h: f32) -> f32 { return f16_round((x - h) * ${LO_SCALE}.0); }
fn to_f32(h: f32) -> f32 { return h; }`;
    }
    // The f32 value of hi is rounded with integer operations (round to nearest even at f16's 11
    // significant bits; exact for f16's normal range, and below it the residual is under 2⁻²⁵):
    // on an H100 (driver 580.159) f32(f16(x)), and even unpack2x16float(pack2x16float(x)), gave x
    // back in registers, which made every lo zero. Only the 16-bit store rounds there.
    return /* wgsl */ `
fn f16_value(x: f32) -> f32 {
  let b = bitcast<u32>(x);
  return bitcast<f32>((b + 0xfffu + ((b >> 13u) & 1u)) & 0xffffe000u);
}
fn stage_hi(x: f32) -> f16 { return f16(x); }
fn stage_lo(x: f32, h: f16) -> f16 { return f16((x - f16_value(x)) * ${LO_SCALE}.0); }
fn to_f32(h: f16) -> f32 { return f32(h); }`;
  }

  /** Declares a zeroed 16×16 f32 accumulator. */
  declareAcc(name: string): string {
    return this.emulate ? `var ${name}: array<f32, 8>;` : `var ${name} = subgroup_matrix_result<f32, ${MMA}, ${MMA}>();`;
  }

  zeroAcc(name: string): string {
    return this.emulate ? `${name} = array<f32, 8>();` : `${name} = subgroup_matrix_result<f32, ${MMA}, ${MMA}>();`;
  }

  /** Binds a left (A, rows × k) operand to `name` for the products that follow. */
  loadLeft(name: string, op: MatrixOperand): string {
    this.operands.set(name, op);
    return this.emulate
      ? ''
      : `let ${name} = subgroupMatrixLoad<subgroup_matrix_left<f16, ${MMA}, ${MMA}>>(&${op.array}, ${op.offset}, ${op.colMajor}, ${op.stride}u);`;
  }

  /** Binds a right (B, k × columns) operand to `name`. */
  loadRight(name: string, op: MatrixOperand): string {
    this.operands.set(name, op);
    return this.emulate
      ? ''
      : `let ${name} = subgroupMatrixLoad<subgroup_matrix_right<f16, ${MMA}, ${MMA}>>(&${op.array}, ${op.offset}, ${op.colMajor}, ${op.stride}u);`;
  }

  /** acc += left · right. */
  mma(acc: string, left: string, right: string): string {
    if (!this.emulate) return `${acc} = subgroupMatrixMultiplyAccumulate(${left}, ${right}, ${acc});`;
    const l = this.operand(left);
    const r = this.operand(right);
    const at = (op: MatrixOperand, row: string, col: string) =>
      `${op.array}[${op.offset} + ${op.colMajor ? `(${col}) * ${op.stride}u + ${row}` : `(${row}) * ${op.stride}u + ${col}`}]`;
    return `for (var mc = 0u; mc < 8u; mc++) { let mr = sg_lane / 2u; let mcol = (sg_lane % 2u) * 8u + mc; var ms = 0.0; for (var mk = 0u; mk < ${MMA}u; mk++) { ms += to_f32(${at(l, 'mr', 'mk')}) * to_f32(${at(r, 'mk', 'mcol')}); } ${acc}[mc] += ms; }`;
  }

  /** acc ← acc · factor (an f32 WGSL expression). */
  scale(acc: string, factor: string): string {
    return this.emulate ? `for (var mc = 0u; mc < 8u; mc++) { ${acc}[mc] *= ${factor}; }` : `${acc} = subgroupMatrixScalarMultiply(${acc}, ${factor});`;
  }

  /** Stores the accumulator row-major into an f32 workgroup array at offset with this row stride. */
  store(acc: string, array: string, offset: string, stride: number): string {
    if (!this.emulate) return `subgroupMatrixStore(&${array}, ${offset}, ${acc}, false, ${stride}u);`;
    return `for (var mc = 0u; mc < 8u; mc++) { ${array}[${offset} + (sg_lane / 2u) * ${stride}u + (sg_lane % 2u) * 8u + mc] = ${acc}[mc]; }`;
  }

  /** Loads an accumulator back from an f32 workgroup array (row-major, as `store` left it). */
  loadAcc(acc: string, array: string, offset: string, stride: number): string {
    if (!this.emulate) return `${acc} = subgroupMatrixLoad<subgroup_matrix_result<f32, ${MMA}, ${MMA}>>(&${array}, ${offset}, false, ${stride}u);`;
    return `for (var mc = 0u; mc < 8u; mc++) { ${acc}[mc] = ${array}[${offset} + (sg_lane / 2u) * ${stride}u + (sg_lane % 2u) * 8u + mc]; }`;
  }

  /**
   * acc += A·B over `steps` k-blocks of 16, with A's and B's hi (and lo) parts given per block:
   * split, acc ← (acc·2¹¹ + Σ A_hi·B_lo + A_lo·B_hi)·2⁻¹¹ + Σ A_hi·B_hi; else acc += Σ A_hi·B_hi.
   */
  product(acc: string, steps: number, left: (part: 'hi' | 'lo', kk: number) => MatrixOperand, right: (part: 'hi' | 'lo', kk: number) => MatrixOperand): string {
    const out: string[] = [];
    const block = (parts: ['hi' | 'lo', 'hi' | 'lo'][], kk: number) => {
      const lines = ['{'];
      const seen = new Set<string>();
      for (const [lp, rp] of parts) {
        if (!seen.has(`l${lp}`)) lines.push(this.loadLeft(`mm_l${lp}`, left(lp, kk)));
        if (!seen.has(`r${rp}`)) lines.push(this.loadRight(`mm_r${rp}`, right(rp, kk)));
        seen.add(`l${lp}`).add(`r${rp}`);
        lines.push(this.mma(acc, `mm_l${lp}`, `mm_r${rp}`));
      }
      lines.push('}');
      return lines.filter((x) => x !== '').join(' ');
    };
    if (this.split) {
      out.push(this.scale(acc, `${LO_SCALE}.0`));
      for (let kk = 0; kk < steps; kk++)
        out.push(
          block(
            [
              ['hi', 'lo'],
              ['lo', 'hi'],
            ],
            kk,
          ),
        );
      out.push(this.scale(acc, `${1 / LO_SCALE}`));
    }
    for (let kk = 0; kk < steps; kk++) out.push(block([['hi', 'hi']], kk));
    return out.join('\n');
  }

  private operand(name: string): MatrixOperand {
    const op = this.operands.get(name);
    if (!op) throw new Error(`subgroup matrix operand ${name} used before it was loaded`);
    return op;
  }
}
