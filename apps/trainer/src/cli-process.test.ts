import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCheckpoint, resolveCheckpointDir } from './checkpoint/checkpoint.js';
import { EXIT } from './errors.js';
import { cli, lossesOf, scratchDir, TINY } from './test-support.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const cliPath = join(here, 'cli.ts');

interface Spawned {
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>;
  /** Resolves once stdout contains `text`. */
  waitFor(text: RegExp): Promise<void>;
  kill(signal: NodeJS.Signals): void;
}

/** The real command in a child process, as a user runs it from a checkout. */
function spawnCli(args: readonly string[], env: Record<string, string> = {}): Spawned {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', cliPath, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: { re: RegExp; resolve: () => void }[] = [];
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    for (const w of waiters.splice(0)) (w.re.test(out) ? w.resolve : () => waiters.push(w))();
  });
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return {
    done: new Promise((ok) => child.on('close', (code, signal) => ok({ code, signal, out, err }))),
    waitFor: (re) => new Promise((ok) => (re.test(out) ? ok() : waiters.push({ re, resolve: ok }))),
    kill: (signal) => child.kill(signal),
  };
}

describe('the lightattn process', () => {
  it('Ctrl-C (SIGINT) finishes the step, writes a checkpoint and exits with 130', async () => {
    const dir = scratchDir('sigint');
    const p = spawnCli(['train', ...TINY, '--steps', '100000', '--eval-interval', '0', '--ckpt-interval', '0', '--log-interval', '1', '--ckpt-dir', dir]);
    await p.waitFor(/step 3\/100000/);
    p.kill('SIGINT');
    const r = await p.done;
    expect(r.signal).toBeNull();
    expect(r.code).toBe(EXIT.interrupted);
    expect(r.err).toMatch(/Ctrl-C: finishing this step and writing a checkpoint/);
    expect(r.out).toMatch(/interrupted at step (\d+) .*checkpoint in/);
    expect(r.out).toMatch(/status\s+interrupted \(checkpoint written\)/);
    const step = Number(/interrupted at step (\d+)/.exec(r.out)![1]);
    expect(step).toBeGreaterThanOrEqual(3);
    const ckpt = readCheckpoint(resolveCheckpointDir(dir));
    expect(ckpt.state!.step).toBe(step);
    expect(lossesOf(join(dir, 'metrics.jsonl')).train.at(-1)![0]).toBe(step);
  }, 60_000);

  it('a process killed while writing a checkpoint leaves the previous one intact, and resuming from it matches an uninterrupted run', async () => {
    const args = [...TINY, '--steps', '6', '--eval-interval', '0', '--ckpt-interval', '2'];
    const dir = scratchDir('sigkill');
    // SIGKILL after the first file of the 2nd checkpoint (step 4): no handler runs, nothing is cleaned up.
    const r = await spawnCli(['train', ...args, '--ckpt-dir', dir], { LIGHTATTN_FAULT: 'kill-in-checkpoint:2' }).done;
    expect(r.signal).toBe('SIGKILL');
    const entries = readdirSync(dir);
    expect(entries).toContain('step-000002');
    expect(entries).not.toContain('step-000004');
    expect(entries.some((e) => e.startsWith('.tmp-step-000004'))).toBe(true); // the torn write, never read
    expect(JSON.parse(readFileSync(join(dir, 'latest.json'), 'utf8')).step).toBe(2);
    const kept = readCheckpoint(resolveCheckpointDir(dir));
    expect(kept.state!.step).toBe(2);
    expect(kept.optimizer).not.toBeNull();

    const resumed = await cli(['train', '--resume', dir, '--device', 'cpu']); // the device is not part of the checkpoint: resume on the same one
    expect(resumed.code).toBe(EXIT.ok);
    expect(existsSync(join(dir, 'step-000006'))).toBe(true);
    expect(readdirSync(dir).some((e) => e.startsWith('.tmp-'))).toBe(false);
    const whole = scratchDir('sigkill-whole');
    expect((await cli(['train', ...args, '--ckpt-dir', whole])).code).toBe(EXIT.ok);
    expect(lossesOf(join(dir, 'metrics.jsonl'))).toEqual(lossesOf(join(whole, 'metrics.jsonl')));
  }, 60_000);

  it('a process killed between the two renames of a re-written step loses nothing: the next run puts the new copy back', async () => {
    const args = [...TINY, '--steps', '3', '--eval-interval', '0', '--ckpt-interval', '1', '--keep', '3'];
    const dir = scratchDir('renames');
    expect((await cli(['train', ...args, '--ckpt-dir', dir])).code).toBe(EXIT.ok);
    const original = readFileSync(join(dir, 'step-000002', 'model.safetensors'));
    // Resuming step 1 re-writes step 2; SIGKILL after the old step-000002 is renamed aside.
    const r = await spawnCli(['train', '--resume', join(dir, 'step-000001'), '--ckpt-interval', '1', '--device', 'cpu'], {
      LIGHTATTN_FAULT: 'kill-between-renames:1',
    }).done;
    expect(r.signal).toBe('SIGKILL');
    expect(existsSync(join(dir, 'step-000002'))).toBe(false);
    expect(readdirSync(dir).filter((e) => e.startsWith('.tmp-step-000002')).length).toBe(2);

    // latest.json still names step 3 (the kill came before it changed); the old copy of step 2 goes at the next save.
    const resumed = await cli(['train', '--resume', dir, '--steps', '4', '--keep', '3', '--device', 'cpu']);
    expect(resumed.code).toBe(EXIT.ok);
    expect(resumed.out).toMatch(/note: .*step-000002 was being written when a run stopped; its complete copy is back in place/);
    expect(resumed.out).toMatch(/resuming step 3/);
    expect(readdirSync(dir).some((e) => e.startsWith('.tmp-'))).toBe(false);
    // The re-written step 2 equals the first run's (resume is exact), so nothing was lost either way.
    expect(readFileSync(join(dir, 'step-000002', 'model.safetensors')).equals(original)).toBe(true);
  }, 60_000);
});
