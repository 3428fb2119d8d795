/**
 * Runs one op on a device with inputs from host tensors and compares every output with a reference.
 * Device-agnostic and free of any test framework: a mismatch throws.
 */
import { fromArray } from '../creation.js';
import type { Device } from '../device.js';
import type { DType } from '../dtype.js';
import { runOp } from '../dispatch.js';
import { scope } from '../lifetime.js';
import { OP_SET } from '../ops/op-set.js';
import type { OpName, OpParams } from '../ops/op-params.js';
import type { Tensor } from '../tensor.js';
import { assertAllClose, assertShape, type Tolerance } from './assert.js';
import { storeAs, type HostTensor } from './host-tensor.js';
import { TestData } from './prng.js';
import { EXACT, toleranceFor, type ToleranceContext, type ToleranceOverrides } from './tolerances.js';

/** One case of the device-agnostic op suite: a plain async function that throws on a mismatch. */
export interface OpTestCase {
  readonly name: string;
  readonly op: OpName;
  /** Runs the case on `device`; rejects with a message naming the op, the params and the first bad element. */
  run(device: Device): Promise<void>;
}

/** An input, optionally placed `offset` elements into a larger storage so kernels must honour offsets. */
export type InputSpec = HostTensor & { readonly offset?: number };

/** One op call to check: op, params, inputs, expected outputs and tolerances. */
export interface CheckSpec<K extends OpName> {
  readonly op: K;
  readonly params: OpParams<K>;
  readonly inputs: readonly InputSpec[];
  /** One per output; for in-place ops, one per mutated input, in the order OP_SET[op].mutates lists them. */
  readonly expected: readonly HostTensor[];
  /** For f32 results (integer and bool results are compared exactly); one for all, or one per output. */
  readonly tolerance: Tolerance | readonly Tolerance[];
  /** What this check is, for messages (the op and its params are added). */
  readonly label?: string;
}

/** Values around an offset view: if a kernel reads them they poison its result; if it writes them we notice. */
const SENTINEL: { [D in DType]: number } = { f32: NaN, i32: 0x5eed5eed, u32: 0xdeadbeef, bool: 1 };
const TRAILING_SENTINELS = 5;

function typed(dtype: DType, data: readonly number[]): Float32Array | Int32Array | Uint32Array | Uint8Array {
  switch (dtype) {
    case 'f32':
      return Float32Array.from(data);
    case 'i32':
      return Int32Array.from(data);
    case 'u32':
      return Uint32Array.from(data);
    case 'bool':
      return Uint8Array.from(data, (v) => (v !== 0 ? 1 : 0));
  }
}

interface Uploaded {
  tensor: Tensor;
  /** The whole padded storage, when the input is an offset view. */
  base?: Tensor;
}

function upload(spec: InputSpec, device: Device): Uploaded {
  const offset = spec.offset ?? 0;
  if (offset === 0) return { tensor: fromArray(typed(spec.dtype, spec.data), { shape: spec.shape, dtype: spec.dtype, device }) };
  const pad = SENTINEL[spec.dtype];
  const padded = [...new Array<number>(offset).fill(pad), ...spec.data, ...new Array<number>(TRAILING_SENTINELS).fill(pad)];
  const base = fromArray(typed(spec.dtype, padded), { shape: [padded.length], dtype: spec.dtype, device });
  return { tensor: base.view(spec.shape, offset), base };
}

const stringify = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x));
const fmtShape = (s: readonly number[]) => `[${s.join(', ')}]`;

/** Runs `spec.op` on `device` and checks shapes, dtypes and values of every result; disposes what it made. */
export async function checkOp<K extends OpName>(device: Device, spec: CheckSpec<K>): Promise<void> {
  const what = `${spec.label ? `${spec.label}: ` : ''}${spec.op} ${stringify(spec.params)} on ${device.name} with inputs ${spec.inputs.map((i) => `${fmtShape(i.shape)} ${i.dtype}${i.offset ? ` @${i.offset}` : ''}`).join(', ') || '(none)'}`;
  const liveBefore = device.memory.liveTensors;
  await scope(async () => {
    const uploaded = spec.inputs.map((i) => upload(i, device));
    const inputs = uploaded.map((u) => u.tensor);
    const outputs = runOp(spec.op, inputs, spec.params, device);
    const mutated = OP_SET[spec.op].mutates;
    const results = mutated ? mutated.map((i) => inputs[i]!) : outputs;
    if (results.length !== spec.expected.length) throw new Error(`${what}: ${results.length} results, expected ${spec.expected.length}`);
    for (let r = 0; r < results.length; r++) {
      const t = results[r]!;
      const e = spec.expected[r]!;
      const label = `${what}, ${mutated ? `input ${mutated[r]}` : `output ${r}`}`;
      if (t.dtype !== e.dtype) throw new Error(`${label}: dtype ${t.dtype}, expected ${e.dtype}`);
      assertShape(t.shape, e.shape, label);
      const tolerance = Array.isArray(spec.tolerance) ? spec.tolerance[r]! : (spec.tolerance as Tolerance);
      const expected = e.data.map((v) => storeAs(v, e.dtype));
      assertAllClose(Array.from(await t.toArray()), expected, e.dtype === 'f32' ? tolerance : EXACT, label);
    }
    // An in-place op must not write outside the view it was given.
    for (const [i, u] of uploaded.entries()) {
      if (!u.base || !mutated?.includes(i)) continue;
      const all = Array.from(await u.base.toArray());
      const offset = spec.inputs[i]!.offset!;
      const outside = [...all.slice(0, offset), ...all.slice(offset + u.tensor.numel)];
      const sentinel = storeAs(SENTINEL[u.tensor.dtype], u.tensor.dtype);
      assertAllClose(outside, new Array<number>(outside.length).fill(sentinel), EXACT, `${what}: elements around the view of input ${i}`);
    }
  });
  const leaked = device.memory.liveTensors - liveBefore;
  if (leaked !== 0) throw new Error(`${what}: ${leaked} tensor(s) were left alive after the check`);
}

/** What case builders get: tolerances with the caller's overrides applied. */
export interface CaseContext {
  tolerance(op: OpName, context?: ToleranceContext): Tolerance;
}

export function caseContext(overrides: ToleranceOverrides = {}): CaseContext {
  return { tolerance: (op, context) => toleranceFor(op, context, overrides) };
}

/** A stable 32-bit hash of a case name (FNV-1a), so each case draws its own reproducible inputs. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A case whose body gets the device and a TestData seeded from the case name. */
export function defineCase(name: string, op: OpName, body: (device: Device, data: TestData) => Promise<void>): OpTestCase {
  return { name, op, run: (device) => body(device, new TestData(hashName(name))) };
}
