import { describe, expect, it } from 'vitest';
import { EXIT } from './errors.js';
import { cli, scratchDir, TINY } from './test-support.js';

// What docs/trainer.md and docs/troubleshooting.md promise when memory runs out: exit code 4, the
// device's memory report, and the meta device's prediction for the run and lighter settings.

const PREDICTION_TABLE =
  /predicted by the meta device\s+flags\s+peak\s+activations[\s\S]*as configured[\s\S]*flash attention\s+--attn flash[\s\S]*--recompute full/;

describe('lightattn train when memory runs out (CPU device)', () => {
  it('a step that cannot allocate on the CPU exits 4 with the memory report and the prediction table', async () => {
    // 32 heads at T 8192: the vanilla scores [1, 32, 8192, 8192] f32 are 8 GiB, more than a typed array holds.
    const args = [
      '--n-head',
      '32',
      '--n-embd',
      '64',
      '--seq',
      '8192',
      '--batch',
      '1',
      '--max-chars',
      '20000',
      '--attn',
      'vanilla',
      '--steps',
      '1',
      '--eval-interval',
      '0',
    ];
    const r = await cli(['train', ...TINY, ...args, '--ckpt-dir', scratchDir('cpu-oom')]);
    expect(r.err).toMatch(/^error: out of memory on (cpu[:0-9]*) during training: \1: out of memory: could not allocate 8\.00 GiB/);
    expect(r.code).toBe(EXIT.outOfMemory);
    expect(r.err).toMatch(/memory on cpu[:0-9]* when it failed[\s\S]*parameter/);
    expect(r.err).toMatch(PREDICTION_TABLE);
    expect(r.err).toMatch(/hint: use a smaller --batch/);
    expect(r.err).not.toMatch(/\n\s+at |looks like a bug/);
  }, 120_000);

  it('a model too large to build exits 4 the same way', async () => {
    // c_attn of width 65536 is 65536 × 196608 f32 = 48 GiB.
    const r = await cli(['train', ...TINY, '--n-head', '1', '--n-embd', '65536', '--steps', '1', '--ckpt-dir', scratchDir('cpu-oom-build')]);
    expect(r.err).toMatch(/^error: out of memory on (cpu[:0-9]*): \1: out of memory: could not allocate 48\.0 GiB/);
    expect(r.code).toBe(EXIT.outOfMemory);
    expect(r.err).toMatch(/memory on cpu[:0-9]* when it failed/);
    // The preset's default attention is flash already: the table offers the other changes.
    expect(r.err).toMatch(/predicted by the meta device\s+flags\s+peak\s+activations[\s\S]*as configured[\s\S]*half the batch[\s\S]*--recompute full/);
  }, 120_000);

  it('--max-memory: the headline and the table’s "as configured" row give the same peak (clipping counted in both)', async () => {
    for (const clip of ['1', '0']) {
      const r = await cli(['train', ...TINY, '--clip', clip, '--max-memory', '64KiB', '--ckpt-dir', scratchDir('max-memory')]);
      expect(r.code).toBe(EXIT.outOfMemory);
      const headline = /a training step needs (.+?) \(predicted by the meta device\)/.exec(r.err)?.[1];
      const row = /as configured\s+—\s+(\S+ \S+)/.exec(r.err)?.[1];
      expect(headline, r.err).toBeDefined();
      expect(row, `--clip ${clip}`).toBe(headline);
    }
  }, 60_000);
});
