import { ACTIVATION_RECOMPUTE, ATTN_IMPLS, type ActivationRecompute, type AttnImpl } from '@lightattn/gpt2-model';
import type { FlagSpecs, ParsedArgs, ParsedFlags } from '../args.js';
import { DEVICE_CHOICES } from '../device-select.js';
import { UsageError } from '../errors.js';
import { PRESET_NAMES, type ModelConfig, type ModelFlags, type ModelKind } from '../model-factory.js';

/** Flags that shape the model, shared by train, bench and experiment. */
export const MODEL_FLAGS = {
  model: { type: 'string', choices: ['gpt2', 'leap'], default: 'gpt2', help: 'GPT-2, or LEAP linear attention at the same sizes' },
  preset: { type: 'string', choices: PRESET_NAMES, default: 'gpt2-nano', help: 'model size' },
  config: {
    type: 'string',
    placeholder: 'FILE.json',
    help: 'model config JSON (Hugging Face GPT-2 fields, or LEAP fields with --model leap); replaces --preset',
  },
  'n-layer': { type: 'int', min: 0, placeholder: 'N', help: 'override the number of layers' },
  'n-head': { type: 'int', min: 1, placeholder: 'N', help: 'override the number of heads' },
  'n-embd': { type: 'int', min: 1, placeholder: 'N', help: 'override the width' },
  'n-positions': { type: 'int', min: 1, placeholder: 'N', help: "override the longest sequence (default: the preset's, or --seq if longer)" },
  attn: { type: 'string', choices: ATTN_IMPLS, help: 'attention implementation (default flash for train)' },
  lightsoftmax: { type: 'boolean', help: 'LightSoftmax: the softmax backward reads only its output (with --attn vanilla)' },
  dropmatmul: { type: 'boolean', help: 'DropMatmul: dropout fused with P·V (with --attn vanilla)' },
  'max-chunk-mb': { type: 'number', min: 0.001, placeholder: 'MB', help: 'cap on one chunk of attention logits (--attn chunked; default 64)' },
  recompute: { type: 'string', choices: ACTIVATION_RECOMPUTE, help: 'activation recomputation (checkpointing): none, selective, full' },
  dropout: { type: 'number', min: 0, placeholder: 'P', help: "dropout probability everywhere (default: the config's, 0.1)" },
  'leap-variant': { type: 'string', choices: ['seed', 'v2'], help: 'LEAP variant (default seed)' },
  'leap-global': { type: 'boolean', help: 'LEAP: every layer global (no windows)' },
} as const satisfies FlagSpecs;

export const DEVICE_FLAG = {
  device: {
    type: 'string',
    choices: DEVICE_CHOICES,
    default: 'auto',
    help: 'where to run: a real WebGPU GPU if there is one, else the WebAssembly CPU device (auto); webgpu; wasm; or cpu (the JavaScript reference device)',
  },
  'tensor-cores': {
    type: 'boolean',
    help: 'flash attention on tensor cores with f16 operands (TF32-like precision; GPUs with f16 subgroup matrices, e.g. NVIDIA)',
  },
  'matmul-precision': {
    type: 'string',
    choices: ['highest', 'high', 'medium'],
    help: "matmuls as PyTorch's float32 matmul precision: highest f32 (default), high fp32-accurate on tensor cores (split f16), medium one f16 product (TF32-like, also flash attention); WebGPU GPUs with f16 subgroup matrices, else highest",
  },
} as const satisfies FlagSpecs;

export const DEBUG_FLAG = {
  debug: { type: 'boolean', help: 'print stack traces of errors' },
  help: { type: 'boolean', help: 'show this help' },
} as const satisfies FlagSpecs;

/** The model flags as ModelFlags, with the command's default attention. */
export function modelFlagsOf(f: ParsedFlags<typeof MODEL_FLAGS>, defaultAttn?: AttnImpl): ModelFlags {
  return {
    model: f.model as ModelKind,
    preset: f.preset!,
    config: f.config,
    nLayer: f['n-layer'],
    nHead: f['n-head'],
    nEmbd: f['n-embd'],
    nPositions: f['n-positions'],
    attn: f.attn as AttnImpl | undefined,
    defaultAttn,
    lightsoftmax: f.lightsoftmax,
    dropmatmul: f.dropmatmul,
    maxChunkMb: f['max-chunk-mb'],
    recompute: f.recompute as ActivationRecompute | undefined,
    dropout: f.dropout,
    leapVariant: f['leap-variant'] as 'seed' | 'v2' | undefined,
    leapGlobal: f['leap-global'],
  };
}

/**
 * Refuses model flags that the model being built would ignore, so the model line never claims what
 * the run does not do: LightSoftmax and DropMatmul are parts of the vanilla attention only (flash
 * and chunked have no softmax or dropout tensors to replace, and light always uses both); LEAP has
 * its own attention, so --attn, the chunk size and GPT-2's recomputation do not apply; the LEAP
 * flags do not apply to GPT-2. A --config file asking for such a combination is refused likewise.
 */
export function refuseIgnoredModelFlags(a: Pick<ParsedArgs<typeof MODEL_FLAGS>, 'flags' | 'given'>, spec: ModelConfig): void {
  const given = (names: string[]) => names.filter((n) => a.given.has(n)).map((n) => `--${n}`);
  if (spec.kind === 'leap') {
    const ignored = given(['attn', 'lightsoftmax', 'dropmatmul', 'max-chunk-mb', 'recompute']);
    if (ignored.length)
      throw new UsageError(
        `${ignored.join(', ')} ${ignored.length === 1 ? 'applies' : 'apply'} to GPT-2's attention; LEAP (--model leap) has its own and would ignore ${ignored.length === 1 ? 'it' : 'them'}`,
        'leave them out for LEAP (its options are --leap-variant and --leap-global)',
      );
    return;
  }
  const leapOnly = given(['leap-variant', 'leap-global']);
  if (leapOnly.length)
    throw new UsageError(
      `${leapOnly.join(', ')} ${leapOnly.length === 1 ? 'applies' : 'apply'} to LEAP only, not to GPT-2`,
      'add --model leap, or leave them out',
    );
  const c = spec.config;
  const parts = [c.use_lightsoftmax && 'LightSoftmax', c.use_dropmatmul && 'DropMatmul'].filter(Boolean) as string[];
  if (parts.length && c.attn_impl !== 'vanilla') {
    const why =
      c.attn_impl === 'light'
        ? '--attn light always uses both LightSoftmax and DropMatmul'
        : `--attn ${c.attn_impl} has no softmax or dropout tensors for ${parts.join(' and ')} to replace, so the run would equal plain ${c.attn_impl}`;
    throw new UsageError(
      `${parts.join(' and ')} ${parts.length === 1 ? 'is a part' : 'are parts'} of the vanilla attention: ${why}`,
      'add --attn vanilla (or leave out --lightsoftmax and --dropmatmul; with --config, set use_lightsoftmax and use_dropmatmul to false)',
    );
  }
  if (a.given.has('max-chunk-mb') && c.attn_impl !== 'chunked')
    throw new UsageError(
      `--max-chunk-mb sizes the chunks of --attn chunked; --attn ${c.attn_impl} would ignore it`,
      'add --attn chunked, or leave --max-chunk-mb out',
    );
}
