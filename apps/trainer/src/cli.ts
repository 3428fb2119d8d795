#!/usr/bin/env node
// The `lightattn` command. From a checkout, without a build:
//   node --conditions=source --import tsx apps/trainer/src/cli.ts <command> …
import { EXIT } from './errors.js';
import type { CommandIo } from './io.js';
import { runCli, type RunOptions } from './main.js';

/**
 * LIGHTATTN_FAULT=kill-in-checkpoint:N kills this process (SIGKILL, no cleanup) after the first
 * file of the N-th checkpoint is written, so a test can check that a killed write leaves the
 * previous checkpoint intact and resumable; kill-between-renames:N kills it between the two
 * renames of the N-th re-write of an existing step folder. Unset, nothing changes.
 */
function faultInjection(spec: string | undefined): RunOptions['trainHooks'] {
  const between = /^kill-between-renames:(\d+)$/.exec(spec ?? '');
  if (between) {
    let rewrites = 0;
    return { checkpoint: { betweenRenames: () => void (++rewrites === Number(between[1]) && process.kill(process.pid, 'SIGKILL')) } };
  }
  const m = /^kill-in-checkpoint:(\d+)$/.exec(spec ?? '');
  if (!m) return undefined;
  let saves = 0;
  return {
    checkpoint: {
      afterFile(_name, index) {
        if (index === 0) saves++;
        if (saves === Number(m[1]) && index === 0) process.kill(process.pid, 'SIGKILL');
      },
    },
  };
}

const io: CommandIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  interrupt: { requested: false },
  env: process.env,
};

// Ctrl-C once: finish the current step, write a checkpoint, exit 130. Twice: exit at once (the
// checkpoint being written stays a temporary folder; the previous one is intact).
process.on('SIGINT', () => {
  if (io.interrupt.requested) {
    process.stderr.write('\ninterrupted again: exiting without waiting for the checkpoint\n');
    process.exit(EXIT.interrupted);
  }
  io.interrupt.requested = true;
  process.stderr.write('\nCtrl-C: finishing this step and writing a checkpoint (press Ctrl-C again to quit at once)\n');
});

const code = await runCli(process.argv.slice(2), io, { trainHooks: faultInjection(process.env.LIGHTATTN_FAULT) });
// Let stdout drain (a pipe may still hold output), then exit: a WebGPU device can keep the loop alive.
process.stdout.write('', () => process.exit(code));
