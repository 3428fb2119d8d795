import type { AttnImpl } from '@lightattn/gpt2-model';
import { UsageError } from '../errors.js';
import { modelConfigFromFlags, type ModelConfig, type ModelFlags } from '../model-factory.js';

/** What `bench` compares: GPT-2 with each attention implementation, and LEAP at the same sizes. */
export type BenchImpl = AttnImpl | 'leap';
export const BENCH_IMPLS: readonly BenchImpl[] = ['vanilla', 'light', 'chunked', 'flash', 'leap'];

/** Presets of OpenAI's sizes get GPT-2's vocabulary; the small ones a byte-sized one, as a char-level run has. */
export const defaultVocab = (preset: string) => (['gpt2', 'gpt2-medium', 'gpt2-large', 'gpt2-xl', 'distilgpt2'].includes(preset) ? 50257 : 256);

/** The model config of one bench row: the flags' GPT-2 with `impl`, or LEAP with the same sizes. */
export function benchSpec(flags: ModelFlags, impl: BenchImpl, vocab: number, seq: number): ModelConfig {
  if (impl === 'leap') return modelConfigFromFlags({ ...flags, model: 'leap', attn: undefined }, vocab, seq);
  return modelConfigFromFlags(
    { ...flags, model: 'gpt2', attn: impl, maxChunkMb: impl === 'chunked' ? (flags.maxChunkMb ?? 64) : flags.maxChunkMb },
    vocab,
    seq,
  );
}

/** The --impls list, checked. */
export function parseImpls(list: readonly string[]): BenchImpl[] {
  for (const i of list)
    if (!BENCH_IMPLS.includes(i as BenchImpl)) throw new UsageError(`--impls: ${JSON.stringify(i)} is not one of ${BENCH_IMPLS.join(', ')}`);
  if (!list.length) throw new UsageError('--impls: give at least one of ' + BENCH_IMPLS.join(', '));
  return list as BenchImpl[];
}

/** Row label: the implementation, with the chunk size for chunked. */
export function implLabel(impl: BenchImpl, spec: ModelConfig): string {
  if (impl === 'leap') return 'LEAP';
  if (impl === 'chunked' && spec.kind === 'gpt2') return `chunked (${spec.config.max_chunk_size_mb} MB)`;
  return impl;
}
