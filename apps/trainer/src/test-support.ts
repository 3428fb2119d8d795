import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TrainHooks } from './commands/train.js';
import { BufferOutput, type CommandIo } from './io.js';
import { runCli } from './main.js';
import { readMetrics } from './train/metrics-log.js';

/** A tiny run that trains in a second or two on the CPU device (the Brown corpus's first 6000 characters). */
export const TINY = ['--preset', 'gpt2-tiny', '--seq', '16', '--batch', '2', '--max-chars', '6000', '--device', 'cpu'];

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs a command line in-process, as the shell would, capturing its output. */
export async function cli(args: readonly string[], options: { hooks?: TrainHooks; interrupt?: CommandIo['interrupt']; cwd?: string } = {}): Promise<CliRun> {
  const stdout = new BufferOutput();
  const stderr = new BufferOutput();
  const code = await runCli(
    args,
    { stdout, stderr, interrupt: options.interrupt ?? { requested: false }, env: {} },
    { trainHooks: options.hooks, cwd: options.cwd },
  );
  return { code, out: stdout.text, err: stderr.text };
}

export const scratchDir = (name: string) => mkdtempSync(join(tmpdir(), `lightattn-${name}-`));

/** [step, value] of a metrics log's train losses and validation losses. */
export function lossesOf(metricsPath: string): { train: [number, number][]; val: [number, number][] } {
  const r = readMetrics(metricsPath);
  return {
    train: r.flatMap((x) => (x.type === 'train' ? [[x.step, x.loss] as [number, number]] : [])),
    val: r.flatMap((x) => (x.type === 'eval' ? [[x.step, x.valLoss] as [number, number]] : [])),
  };
}

export const fileBytes = (path: string) => readFileSync(path);
