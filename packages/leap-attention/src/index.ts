// @lightattn/leap-attention: LEAP linear attention (seed and v2 variants), global and windowed, in
// parallel (device scans) and recurrent form, with focus weights. Explicit named exports only.

export type { LeapVariant, LeapWindow, LeapActivation, LeapConfigInput, LeapConfig } from './config.js';
export { LeapConfigError, LEAP_CONFIG_DEFAULTS, LEAP_ACTIVATIONS, leapConfig, automaticWindowSizes, asLayerWindow } from './config.js';
export type { FocusScanResult } from './focus-scan.js';
export { focusScan, leapScanOp } from './focus-scan.js';
export type { LeapCoreOptions, LeapCoreResult, FocusInputs } from './leap-core.js';
export { leapAttention, maskBias, focusInputs, gatedOutput, v2LogWeights, PAD_BIAS, NORM_EPS, V2_EPS } from './leap-core.js';
export type { FocusWeights, FocusRow } from './focus.js';
export { focusDistribution, disposeFocus } from './focus.js';
export type { MultiheadLeapOptions } from './multihead-leap.js';
export { MultiheadLeap } from './multihead-leap.js';
export type { LeapBlockOptions } from './leap-block.js';
export { LeapBlock } from './leap-block.js';
export { FocusRecurrence } from './focus-recurrence.js';
export type { StepFocus } from './leap-state.js';
export { LeapState } from './leap-state.js';
