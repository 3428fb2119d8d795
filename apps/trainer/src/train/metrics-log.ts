import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../checkpoint/atomic-dir.js';

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
    mkdirSync(dirname(path), { recursive: true });
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
