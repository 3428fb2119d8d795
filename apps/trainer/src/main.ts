import { suggestFlag } from './args.js';
import { benchMemoryCommand } from './commands/bench-memory.js';
import { benchSpeedCommand } from './commands/bench-speed.js';
import { evalCommand } from './commands/eval.js';
import { experimentCommand } from './commands/experiment.js';
import { exportTorchCommand } from './commands/export-torch.js';
import { infoCommand } from './commands/info.js';
import { sampleCommand } from './commands/sample.js';
import { trainCommand, type TrainHooks } from './commands/train.js';
import { EXIT, exitCodeOf, formatError, UsageError } from './errors.js';
import type { CommandIo } from './io.js';

export const USAGE = `lightattn — train, evaluate, sample and benchmark GPT-2 and LEAP language models on WebGPU or the CPU

usage: lightattn <command> [options]      (lightattn <command> --help for its options)

commands:
  train                      train a model (or --resume one), with progress, metrics log, checkpoints
  eval <checkpoint>          perplexity on text files or the run's validation split
  sample <checkpoint>        generate text, streamed
  info                       devices found: CPU, meta, the WebGPU adapter, its limits and features
  bench memory               memory of a training step per attention implementation and for LEAP
  bench speed                tokens/s per attention implementation and for LEAP
  experiment leap-vs-gpt2    LEAP and GPT-2 at equal size and steps: perplexity, time, plot
  export-torch <run> <out>   hand a run to PyTorch (DDP/FSDP2) to continue exactly; it comes back with --resume

examples:
  lightattn train --preset gpt2-nano --attn flash --steps 300 --plot
  lightattn sample runs/20250101-120000 --prompt "The jury"
  lightattn bench memory --preset gpt2 --batch 4 --seq 1024`;

const COMMANDS = ['train', 'eval', 'sample', 'info', 'bench', 'experiment', 'export-torch', 'help'];

export interface RunOptions {
  cwd?: string;
  trainHooks?: TrainHooks;
}

/**
 * Runs one `lightattn` command line and returns its exit code; errors are printed (without stack
 * traces unless --debug) rather than thrown, so tests call this as the shell would.
 */
export async function runCli(argv: readonly string[], io: CommandIo, options: RunOptions = {}): Promise<number> {
  const debug = argv.includes('--debug') || io.env.LIGHTATTN_DEBUG === '1';
  const cwd = options.cwd ?? process.cwd();
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
        io.stderr.write(`${USAGE}\n`);
        return EXIT.usage;
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(`${USAGE}\n`);
        return EXIT.ok;
      case '--version':
        io.stdout.write('lightattn 0.0.0\n');
        return EXIT.ok;
      case 'train':
        return await trainCommand(rest, io, options.trainHooks, cwd);
      case 'eval':
        return await evalCommand(rest, io, cwd);
      case 'sample':
        return await sampleCommand(rest, io);
      case 'info':
        return await infoCommand(rest, io);
      case 'experiment':
        return await experimentCommand(rest, io, cwd);
      case 'export-torch':
        return await exportTorchCommand(rest, io, cwd);
      case 'bench': {
        const [what, ...args] = rest;
        if (what === 'memory') return await benchMemoryCommand(args, io, cwd);
        if (what === 'speed') return await benchSpeedCommand(args, io, cwd);
        throw new UsageError(
          `bench: ${what === undefined ? 'which benchmark?' : `unknown benchmark ${JSON.stringify(what)};`} use \`lightattn bench memory\` or \`lightattn bench speed\``,
        );
      }
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}${suggestFlag(command, COMMANDS, '')}`, 'run `lightattn --help` for the commands');
    }
  } catch (e) {
    io.stderr.write(`${formatError(e, debug)}\n`);
    return exitCodeOf(e);
  }
}
