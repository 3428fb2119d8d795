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
 * Generates continuations of B prompts of any lengths, streaming one token per sequence per step.
 * Runs in eval mode without recording (the model's training mode is restored afterwards). Stops
 * when every sequence has produced the eos token, after `maxNewTokens`, or when the longest sequence
 * reaches n_positions (GPT-2 and LEAP learn positions up to it; the whole batch stops there, so that
 * every step has a token for every sequence: generate a long prompt apart to give the short ones
 * their full room). Sequences that finished early repeat the eos token.
 *
 * Unequal prompts need neither padding nor per-row cache lengths: all rows advance through the same
 * positions, starting with one forward of the shortest prompt's length; a row still inside its
 * prompt is then fed its next prompt token (its prediction is discarded), so each row sees exactly
 * the tokens it would see alone, and its greedy continuation is that of its prompt alone. Its tokens
 * are held back until every row has one for the step. The price: a longer prompt's remaining tokens
 * go in one per step rather than in one prefill, and shorter rows decode ahead (those extra tokens
 * are dropped), so batch prompts of similar lengths for speed.
 */
export async function* generateBatch<S extends DecodeState>(
  model: DecodingModel<S>,
  prompts: readonly (readonly number[])[],
  options: GenerateOptions,
): AsyncGenerator<number[]> {
  checkSamplingOptions(options);
  const batch = prompts.length;
  if (!batch || prompts.some((p) => !p.length)) throw new GenerationError('generate: needs at least one prompt, each with at least one token');
  const { vocab_size: vocab, n_positions: limit } = model.config;
  for (const p of prompts)
    for (const id of p)
      if (!Number.isInteger(id) || id < 0 || id >= vocab) throw new GenerationError(`generate: ${id} is not a token id of this model (0 … ${vocab - 1})`);
  if (!(Number.isSafeInteger(options.maxNewTokens) && options.maxNewTokens >= 0))
    throw new GenerationError(`generate: maxNewTokens must be an integer ≥ 0, got ${options.maxNewTokens}`);
  const lengths = prompts.map((p) => p.length);
  const shortest = Math.min(...lengths);
  const longest = Math.max(...lengths);
  if (model.boundedPositions && longest > limit) {
    const which = batch > 1 ? ` ${lengths.indexOf(longest)}` : '';
    throw new GenerationError(`generate: the prompt${which} has ${longest} tokens, more than n_positions ${limit}`);
  }
  const steps = model.boundedPositions ? Math.min(options.maxNewTokens, limit - longest) : options.maxNewTokens;
  if (steps === 0) return;

  const eos = options.eosTokenId === undefined ? (model.config.eos_token_id ?? null) : options.eosTokenId;
  const rng = options.doSample ? new SamplingRng(options.seed ?? 0) : null;
  const useCache = options.useCache ?? true;
  /** What each row has been fed so far, and will be: its prompt, then what it generates. */
  const sequences = prompts.map((p) => [...p]);
  /** The tokens each row generated (at most `steps`; after eos, nothing more). */
  const generated = prompts.map((): number[] => []);
  const done = new Array<boolean>(batch).fill(false);
  const finished = (b: number) => done[b] || generated[b]!.length === steps;
  let emitted = 0;
  holdEvalMode(model);
  // The last pass predicts the longest row's last token, having fed longest + steps − 1 tokens (≤ n_positions − 1).
  const state = useCache ? model.createDecodeState(batch, longest + steps) : null;
  try {
    // Each pass has fed every row `fed` tokens (positions 0 … fed − 1) and predicts position `fed`.
    for (let fed = shortest; !sequences.every((_, b) => finished(b)); fed++) {
      // With a state, the common prefix goes in once, then one token per row per pass; without, the whole prefix.
      const fresh = state && fed > shortest ? sequences.map((s) => s.slice(fed - 1, fed)) : sequences.map((s) => s.slice(0, fed));
      const logits = ag.noGrad(() =>
        tc.scope(() => {
          const ids = tc.fromArray(Int32Array.from(fresh.flat()), { shape: [batch, fresh[0]!.length], device: model.device });
          return model.forward(ids, { cache: state ?? undefined, logits: 'last' }).logits!; // (B, 1, V)
        }),
      );
      const values = await logits.toArray();
      logits.dispose();
      sequences.forEach((s, b) => {
        if (fed < s.length) return; // inside its prompt: the token at `fed` is known, the prediction is dropped
        if (finished(b)) {
          s.push(s[s.length - 1]!); // any valid token keeps the row in step; its predictions are never read
          return;
        }
        const token = sampleToken(values.subarray(b * vocab, (b + 1) * vocab), options, rng);
        if (token === eos) done[b] = true;
        s.push(token);
        generated[b]!.push(token);
      });
      // A step goes out once every row has its token for it (a row that ended with eos repeats eos),
      // and while some row still had a token of its own for it.
      while (emitted < steps && generated.every((g, b) => g.length > emitted || done[b]) && generated.some((g) => g.length > emitted)) {
        yield generated.map((g) => g[emitted] ?? eos!);
        emitted++;
      }
    }
  } finally {
    state?.dispose();
    releaseEvalMode(model);
  }
}

/**
 * Generations running on each model, and its training mode before the first of them: runs that
 * overlap (two streams on one model) share eval mode, and only the last to end restores the mode,
 * so one finishing never switches dropout back on under another.
 */
const evalHolds = new WeakMap<ag.Module, { count: number; wasTraining: boolean }>();

function holdEvalMode(model: ag.Module): void {
  const hold = evalHolds.get(model);
  if (hold) hold.count++;
  else evalHolds.set(model, { count: 1, wasTraining: model.training });
  model.eval();
}

function releaseEvalMode(model: ag.Module): void {
  const hold = evalHolds.get(model);
  if (!hold) return;
  if (--hold.count === 0) {
    evalHolds.delete(model);
    model.train(hold.wasTraining);
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
export async function* streamText<S extends DecodeState>(
  model: DecodingModel<S>,
  tokenizer: Tokenizer,
  prompt: string,
  options: GenerateOptions,
): AsyncGenerator<string> {
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
