// @lightattn/gpt2-model: GPT-2 and LEAP language models, Hugging Face checkpoints, tokenizers,
// generation, the chunked LM loss and the memory report. Explicit named exports only; file I/O on
// Node is in '@lightattn/gpt2-model/node'.

export type {
  AttnImpl,
  ActivationFunction,
  ActivationRecompute,
  GPT2Config,
  GPT2PresetName,
  DropoutMask,
  DropMatmulMask,
  ConfigWarningOptions,
  ParseGPT2ConfigOptions,
} from './config.js';
export {
  ATTN_IMPLS,
  ACTIVATION_FUNCTIONS,
  ACTIVATION_RECOMPUTE,
  DROPOUT_MASKS,
  DROPMATMUL_MASKS,
  GPT2_DEFAULTS,
  GPT2_PRESETS,
  GPT2ConfigError,
  gpt2Config,
  parseGPT2Config,
  validateGPT2Config,
  toHFConfigJson,
  innerSize,
} from './config.js';
export type { GPT2ModelOptions, GPT2ForwardOptions, CausalLMForwardOptions, CausalLMOutput } from './model.js';
export { GPT2Attention, GPT2MLP, GPT2Block, GPT2Model, GPT2LMHeadModel } from './model.js';
export { KVCache, KVCacheError } from './kv-cache.js';
export type { LmLossOptions } from './lm-loss.js';
export { lmHeadLoss, shiftLabels, chunkTokensForBudget } from './lm-loss.js';
export type { PretrainedFiles, LoadPretrainedOptions, SavePretrainedOptions, CheckpointDType } from './checkpoint.js';
export { CheckpointError, loadPretrained, savePretrained, loadWeightsInto, gpt2FileKey } from './checkpoint.js';
export type { Tokenizer } from './tokenizer.js';
export { GPT2Tokenizer, CharTokenizer, TextStreamer, TokenizerError, GPT2_EOS_TOKEN_ID } from './tokenizer.js';
export type { TokenizerSpec, ReadTokenizerJsonOptions } from './tokenizer-file.js';
export { readTokenizerJson } from './tokenizer-file.js';
export type { SamplingOptions } from './sampling.js';
export { SamplingRng, SamplingError, sampleToken, argmax, filteredDistribution } from './sampling.js';
export type { DecodeState, DecodingModel, GenerateOptions } from './generate.js';
export { generate, generateAll, generateBatch, streamText, GenerationError } from './generate.js';
export type { MemoryCase, MemoryReportRow, MemoryReportOptions } from './memory-report.js';
export {
  memoryReport,
  formatMemoryReport,
  eagerExtras,
  referenceRatio,
  SEED_SEMANTICS,
  LEAN_SEMANTICS,
  DEFAULT_MEMORY_CASES,
  REFERENCE_FIGURES,
} from './memory-report.js';
export type { LeapModelOptions, LeapForwardOptions } from './leap-model.js';
export { LeapForCausalLM, LeapDecodeState } from './leap-model.js';
export type { LeapWeightLayout } from './leap-checkpoint.js';
export { parseLeapConfig, detectLeapVariant, detectLeapLayout, loadLeapPretrained, saveLeapPretrained, LEAP_CHECKPOINT_HINT } from './leap-checkpoint.js';
