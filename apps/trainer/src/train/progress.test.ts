import { describe, expect, it } from 'vitest';
import { BufferOutput } from '../io.js';
import { Progress, type StepStats } from './progress.js';

const stats = (step: number): StepStats => ({
  step,
  loss: 2.5,
  lr: 1e-3,
  tokensPerSecond: 1520,
  allocated: 2 ** 20,
  peak: 3 * 2 ** 20,
  etaMs: 61_000,
  epoch: 0,
});

describe('Progress', () => {
  it('on a terminal, redraws one line in place with a bar, fitted to the width', () => {
    const out = Object.assign(new BufferOutput(), { isTTY: true, columns: 200 });
    const p = new Progress(out, 8, 1);
    p.update(stats(2));
    expect(out.text).toBe('\r\x1b[2Kstep 2/8 ████░░░░░░░░░░░░  25%  loss 2.5000  lr 1.00e-3  1.52k tok/s  mem 1.00 MiB (peak 3.00 MiB)  ETA 1m01s');
    p.message('step 2: validation loss 2.4');
    expect(out.text.endsWith('\r\x1b[2Kstep 2: validation loss 2.4\n')).toBe(true);
    const narrow = Object.assign(new BufferOutput(), { isTTY: true, columns: 30 });
    new Progress(narrow, null, 1).update(stats(1));
    expect(narrow.text.replace('\r\x1b[2K', '')).toHaveLength(29);
  });

  it('into a file or pipe, prints plain lines every N steps and at the end', () => {
    const out = new BufferOutput();
    const p = new Progress(out, 5, 2);
    for (let s = 1; s <= 5; s++) p.update(stats(s));
    const lines = out.text.trim().split('\n');
    expect(lines.map((l) => l.split(' | ')[0])).toEqual(['step 2/5', 'step 4/5', 'step 5/5']);
    expect(out.text).not.toMatch(/\x1b|\r/);
    expect(lines[0]).toBe('step 2/5 | epoch 0 | loss 2.5000 | lr 1.00e-3 | 1.52k tok/s | mem 1.00 MiB (peak 3.00 MiB) | ETA 1m01s');
  });
});
