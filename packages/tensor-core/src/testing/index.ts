// @lightattn/tensor-core/testing: the device-agnostic op test suite. The same cases run on every
// device (CPU always, WebGPU in its own package) against float64 references, with per-op
// tolerances. No test framework here: each case is an async function that throws on a mismatch.
import { OP_NAMES, type OpName } from '../ops/op-params.js';
import { attentionCases } from './cases-attention.js';
import { binaryCases } from './cases-binary.js';
import { creationCases } from './cases-creation.js';
import { layoutCases } from './cases-layout.js';
import { leapScanCases } from './cases-leap-scan.js';
import { logicCases } from './cases-logic.js';
import { nnCases } from './cases-nn.js';
import { reduceCases } from './cases-reduce.js';
import { unaryCases } from './cases-unary.js';
import { caseContext, type OpTestCase } from './harness.js';
import type { ToleranceOverrides } from './tolerances.js';

export type { Tolerance } from './assert.js';
export { assertAllClose, assertShape, maxRelativeError } from './assert.js';
export type { ToleranceContext, ToleranceRule, ToleranceOverrides } from './tolerances.js';
export { OP_TOLERANCES, toleranceFor } from './tolerances.js';
export type { OpTestCase, CheckSpec, InputSpec } from './harness.js';
export { checkOp } from './harness.js';
export type { HostTensor } from './host-tensor.js';
export { mulberry32, TestData } from './prng.js';
export { erfcF64, unaryDerivativeF64, unaryF64 } from './reference.js';

/** Options of {@link opTestCases}: tolerance overrides and a subset of ops. */
export interface OpTestCaseOptions {
  /** Looser or tighter rules for some ops on a given device (e.g. `{ unary: { rtol: 1e-4, atol: 1e-4 } }`). */
  tolerances?: ToleranceOverrides;
  /** Only the cases of these ops (all ops when omitted). */
  ops?: readonly OpName[];
}

/** Every case of the suite, in a stable order with unique names. */
export function opTestCases(options: OpTestCaseOptions = {}): OpTestCase[] {
  const ctx = caseContext(options.tolerances);
  const all = [
    ...creationCases(ctx),
    ...unaryCases(ctx),
    ...binaryCases(ctx),
    ...logicCases(ctx),
    ...reduceCases(ctx),
    ...nnCases(ctx),
    ...layoutCases(ctx),
    ...leapScanCases(ctx),
    ...attentionCases(ctx),
  ];
  return options.ops ? all.filter((c) => options.ops!.includes(c.op)) : all;
}

/** The ops that at least one of `cases` exercises. */
export function coveredOps(cases: readonly OpTestCase[]): Set<OpName> {
  return new Set(cases.map((c) => c.op));
}

/** Ops of the op set that no case exercises: empty for `opTestCases()`, which the suite's own test asserts. */
export function missingOps(cases: readonly OpTestCase[] = opTestCases()): OpName[] {
  const covered = coveredOps(cases);
  return OP_NAMES.filter((op) => !covered.has(op));
}
