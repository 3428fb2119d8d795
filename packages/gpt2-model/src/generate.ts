import * as ag from '@lightattn/autograd';
import * as tc from '@lightattn/tensor-core';
import { LightattnError, type Device, type Tensor } from '@lightattn/tensor-core';
import { checkSamplingOptions, sampleToken, SamplingRng, type SamplingOptions } from './sampling.js';
import { TextStreamer, type Tokenizer } from './tokenizer.js';

/** What is carried from one decoding step to the next: GPT-2's KV cache, LEAP's recurrent state. */
export interface DecodeState {
  /** Frees the state's tensors. */
  dispose(): void;
}

/**
 * A causal LM that generation can drive: GPT2LMHeadModel and LeapForCausalLM. `forward` with
 * `logits: 'last'` gives [B, 1, V]; with a `cache` it consumes only the new tokens and extends it.
 */
export interface DecodingModel<S extends DecodeState = DecodeState> extends ag.Module {
  readonly config: { n_positions: number; vocab_size: number; eos_token_id?: number | null };
  /** The device the weights are on (token ids are created there). */
  readonly device: Device;
  /** Whether positions are learned up to n_positions (GPT-2), so a sequence cannot grow past it. */
  readonly boundedPositions: boolean;
  /** A fresh state for `batch` sequences of up to `capacity` tokens. */
  createDecodeState(batch: number, capacity: number): S;
  /** Runs new tokens through the model, advancing the state, and returns the last position's logits. */
  forward(ids: Tensor, options: { cache?: S; logits: 'last' }): { logits: Tensor | null };
}

export interface GenerateOptions extends SamplingOptions {
  /** Upper bound on generated tokens (the eos token included). */
  maxNewTokens: number;
  /** Seed of the sampling draws (with doSample). Default 0. */
  seed?: number;
  /** Stop after this token; default the model's eos_token_id; null never stops early. */
  eosTokenId?: number | null;
  /** Decode incrementally with the KV cache or recurrent state (default), or rerun the whole sequence each step. */
  useCache?: boolean;
}

/** Invalid generation options or prompts. */
export class GenerationError extends LightattnError {
  override name = 'GenerationError';
}

/**
 * Generates continuations of equal-length prompts [B][T], streaming one token per sequence per
 * step. Runs in eval mode without recording (the model's training mode is restored afterwards).
 * Stops when every sequence has produced the eos token, after `maxNewTokens`, or when a GPT-2
 * sequence reaches n_positions. Sequences that finished early repeat the eos token.
 */
export async function* generateBatch<S extends DecodeState>(model: DecodingModel<S>, prompts: readonly (readonly number[])[], options: GenerateOptions): AsyncGenerator<number[]> {
  checkSamplingOptions(options);
  const batch = prompts.length;
  const length = prompts[0]?.length ?? 0;
  if (!batch || !length) throw new GenerationError('generate: needs at least one prompt with at least one token');
  if (prompts.some((p) => p.length !== length)) throw new GenerationError(`generate: prompts must have equal lengths (got ${prompts.map((p) => p.length).join(', ')})`);
  const { vocab_size: vocab, n_positions: limit } = model.config;
  for (const p of prompts) for (const id of p) if (!Number.isInteger(id) || id < 0 || id >= vocab) throw new GenerationError(`generate: ${id} is not a token id of this model (0 … ${vocab - 1})`);
  if (!(Number.isSafeInteger(options.maxNewTokens) && options.maxNewTokens >= 0)) throw new GenerationError(`generate: maxNewTokens must be an integer ≥ 0, got ${options.maxNewTokens}`);
  if (model.boundedPositions && length > limit) throw new GenerationError(`generate: the prompt has ${length} tokens, more than n_positions ${limit}`);
  const steps = model.boundedPositions ? Math.min(options.maxNewTokens, limit - length) : options.maxNewTokens;
  if (steps === 0) return;

  const eos = options.eosTokenId === undefined ? (model.config.eos_token_id ?? null) : options.eosTokenId;
  const rng = options.doSample ? new SamplingRng(options.seed ?? 0) : null;
  const useCache = options.useCache ?? true;
  const sequences = prompts.map((p) => [...p]);
  const done = new Array<boolean>(batch).fill(false);
  const wasTraining = model.training;
  model.eval();
  const state = useCache ? model.createDecodeState(batch, length + steps) : null;
  try {
    for (let step = 0; step < steps; step++) {
      // With a state, the prompt goes in once, then one token per step; without, the whole sequence.
      const fresh = state && step > 0 ? sequences.map((s) => s.slice(-1)) : sequences;
      const logits = ag.noGrad(() =>
        tc.scope(() => {
          const ids = tc.fromArray(Int32Array.from(fresh.flat()), { shape: [batch, fresh[0]!.length], device: model.device });
          return model.forward(ids, { cache: state ?? undefined, logits: 'last' }).logits!; // (B, 1, V)
        }),
      );
      const values = await logits.toArray();
      logits.dispose();
      const next = sequences.map((s, b) => {
        const token = done[b] ? eos! : sampleToken(values.subarray(b * vocab, (b + 1) * vocab), options, rng);
        if (token === eos) done[b] = true;
        s.push(token);
        return token;
      });
      yield next;
      if (done.every(Boolean)) break;
    }
  } finally {
    state?.dispose();
    model.train(wasTraining);
  }
}

/** One prompt: yields each new token id as it is produced. */
export async function* generate<S extends DecodeState>(model: DecodingModel<S>, prompt: readonly number[], options: GenerateOptions): AsyncGenerator<number> {
  for await (const [token] of generateBatch(model, [prompt], options)) yield token!;
}

/** All new tokens of one prompt (the eos token included, when reached). */
export async function generateAll<S extends DecodeState>(model: DecodingModel<S>, prompt: readonly number[], options: GenerateOptions): Promise<number[]> {
  const out: number[] = [];
  for await (const t of generate(model, prompt, options)) out.push(t);
  return out;
}

/** Text in, text pieces out (never a split character); the eos token ends the stream and is not shown. */
export async function* streamText<S extends DecodeState>(model: DecodingModel<S>, tokenizer: Tokenizer, prompt: string, options: GenerateOptions): AsyncGenerator<string> {
  const streamer = new TextStreamer(tokenizer);
  const eos = options.eosTokenId === undefined ? (model.config.eos_token_id ?? tokenizer.eosTokenId) : options.eosTokenId;
  for await (const token of generate(model, tokenizer.encode(prompt), { ...options, eosTokenId: eos })) {
    if (token === eos) break;
    const piece = streamer.push(token);
    if (piece) yield piece;
  }
  const rest = streamer.flush();
  if (rest) yield rest;
}
