import { appendFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../checkpoint/atomic-dir.js';
import { ensureWritableDir } from '../checkpoint/ensure-dir.js';

/** One line of the JSONL metrics log. */
export type MetricsRecord =
  | {
      type: 'train';
      step: number;
      epoch: number;
      loss: number;
      lr: number;
      gradNorm: number | null;
      tokens: number;
      tokensPerSecond: number;
      allocated: number;
      peak: number;
      reserved: number;
      elapsedMs: number;
    }
  | { type: 'eval'; step: number; valLoss: number; valPerplexity: number; tokens: number; elapsedMs: number }
  | { type: 'checkpoint'; step: number; path: string; reason: string }
  | { type: 'start'; step: number; device: string; model: string; resumedFrom: string | null; time: string };

/**
 * The metrics log: one JSON object per line, appended as training goes, so a crash loses at most
 * the line being written and tools (jq, pandas.read_json(lines=True)) read it while it grows.
 */
export class MetricsLog {
  constructor(readonly path: string) {
    ensureWritableDir(dirname(path), "the metrics log's folder");
  }

  append(record: MetricsRecord): void {
    appendFileSync(this.path, `${JSON.stringify(record)}\n`);
  }

  /**
   * For a resumed run: drops the records after `step` (written by the interrupted run after its last
   * checkpoint), so the log reads as one uninterrupted run.
   */
  truncateAfter(step: number): void {
    if (!existsSync(this.path)) return;
    const kept = readMetrics(this.path).filter((r) => r.step <= step && !(r.type === 'start' && r.step === step));
    writeFileAtomic(this.path, kept.map((r) => `${JSON.stringify(r)}\n`).join(''));
  }
}

/** Every complete record of a log (a torn last line, from a crash, is skipped). */
export function readMetrics(path: string): MetricsRecord[] {
  if (!existsSync(path)) return [];
  const out: MetricsRecord[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as MetricsRecord);
    } catch {
      // a partial line
    }
  }
  return out;
}

const RECORD_TYPES = new Set(['train', 'eval', 'checkpoint', 'start']);

/**
 * Whether the file at `path` is a metrics log this trainer wrote: every line a JSON record of a
 * known type with a step (a torn last line, from a crash, allowed). An empty file counts too, as
 * nothing is lost with it. Anything else is somebody's file, which the trainer never replaces.
 */
export function isMetricsLog(path: string): boolean {
  if (!statSync(path).isFile()) return false;
  const text = readFileSync(path, 'utf8');
  if (!text.trim()) return true;
  const lines = text.split('\n');
  const last = lines.length - 1;
  let records = 0;
  const ok = lines.every((line, i) => {
    if (!line.trim()) return true;
    try {
      const r = JSON.parse(line) as { type?: unknown; step?: unknown } | null;
      records++;
      return !!r && typeof r === 'object' && RECORD_TYPES.has(r.type as string) && typeof r.step === 'number';
    } catch {
      return i === last;
    }
  });
  return ok && records > 0;
}
