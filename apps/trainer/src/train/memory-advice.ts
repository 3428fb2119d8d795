import type { GPT2Config } from '@lightattn/gpt2-model';
import { predictStepMemory, type MeasureOptions, type StepMemory } from '../bench/measure-memory.js';
import { OutOfMemoryError } from '../errors.js';
import { formatBytes, formatTable } from '../format.js';
import type { ModelConfig } from '../model-factory.js';

interface Option {
  label: string;
  flags: string;
  spec: ModelConfig;
  batch: number;
}

/** The run as configured, and the changes that cut its memory most, each as the flags that make it. */
function options(spec: ModelConfig, batch: number): Option[] {
  const out: Option[] = [{ label: 'as configured', flags: '', spec, batch }];
  if (batch > 1) out.push({ label: 'half the batch', flags: `--batch ${Math.max(1, Math.floor(batch / 2))}`, spec, batch: Math.max(1, Math.floor(batch / 2)) });
  if (spec.kind === 'gpt2') {
    const gpt2 = (o: Partial<GPT2Config>): ModelConfig => ({ kind: 'gpt2', config: { ...spec.config, ...o } });
    if (spec.config.attn_impl !== 'flash') out.push({ label: 'flash attention', flags: '--attn flash', spec: gpt2({ attn_impl: 'flash' }), batch });
    if (spec.config.activation_recompute !== 'full')
      out.push({
        label: 'flash + full recompute (checkpointing)',
        flags: '--attn flash --recompute full',
        spec: gpt2({ attn_impl: 'flash', activation_recompute: 'full' }),
        batch,
      });
  }
  return out;
}

/**
 * A table of predicted memory (meta device) for the run and its lighter alternatives, so an
 * out-of-memory error says what would fit. `step` is the run's step as training runs it (clipping
 * included: its temporaries count), so the first row is the figure the --max-memory check used.
 */
export async function memoryAdvice(spec: ModelConfig, step: MeasureOptions): Promise<{ table: string; rows: { option: Option; memory: StepMemory }[] }> {
  const rows: { option: Option; memory: StepMemory }[] = [];
  for (const option of options(spec, step.batch)) {
    rows.push({ option, memory: await predictStepMemory(option.spec, { ...step, batch: option.batch }) });
  }
  const table = formatTable(
    ['predicted by the meta device', 'flags', 'peak', 'activations'],
    rows.map(({ option, memory }) => [option.label, option.flags || '—', formatBytes(memory.peak), formatBytes(memory.activations)]),
    ['left', 'left', 'right', 'right'],
  );
  return { table, rows };
}

/** The out-of-memory error for a run: what failed, the memory report, and the lighter settings. */
export async function outOfMemoryError(what: string, spec: ModelConfig, step: MeasureOptions, deviceReport: string | null): Promise<OutOfMemoryError> {
  let advice = '';
  try {
    advice = (await memoryAdvice(spec, step)).table;
  } catch (e) {
    advice = `(no prediction: ${(e as Error).message})`;
  }
  return new OutOfMemoryError(
    `${what}\n\n${deviceReport ? `${deviceReport}\n\n` : ''}${advice}`,
    'use a smaller --batch (or --seq), --attn flash, or --recompute full (activation checkpointing); the table shows what each would need',
  );
}
