import { existsSync, readdirSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { formatHelp, parseArgs, type FlagSpecs } from '../args.js';
import { writeDirAtomic } from '../checkpoint/atomic-dir.js';
import { checkWritableDir } from '../checkpoint/ensure-dir.js';
import { readCheckpoint, resolveCheckpointDir } from '../checkpoint/checkpoint.js';
import { BatchLoader } from '../data/batch-loader.js';
import { loadTokenData } from '../data/text-data.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { formatBytes } from '../format.js';
import { handoffFiles } from '../handoff/torch-export.js';
import type { CommandIo } from '../io.js';
import { DEBUG_FLAG } from './model-flags.js';

export const EXPORT_TORCH_FLAGS = {
  ...DEBUG_FLAG,
} as const satisfies FlagSpecs;

export const EXPORT_TORCH_HELP = formatHelp(
  'lightattn export-torch <run> <out>',
  "Write a training run's checkpoint as a folder PyTorch continues from exactly (scripts/torch/continue_training.py, under torchrun with DDP or FSDP2): the Hugging Face model, AdamW's state in torch.optim's layout, the token data, the loader position and the schedule. <out> must not exist yet (or be an empty folder).",
  EXPORT_TORCH_FLAGS,
);

/** `lightattn export-torch`. */
export async function exportTorchCommand(argv: readonly string[], io: CommandIo, cwd = process.cwd()): Promise<number> {
  const a = parseArgs(argv, EXPORT_TORCH_FLAGS, 'export-torch');
  if (a.flags.help) {
    io.stdout.write(`${EXPORT_TORCH_HELP}\n`);
    return EXIT.ok;
  }
  const [run, out, ...extra] = a.positionals;
  if (!run || !out) throw new UsageError('export-torch: give the run and the folder to write, e.g. `lightattn export-torch runs/my-run handoff`');
  if (extra.length)
    throw new UsageError(
      `export-torch: unexpected argument ${JSON.stringify(extra[0])}`,
      'give exactly two: the run (or a step folder) and the folder to write',
    );
  const target = resolve(cwd, out);
  if (existsSync(target) && (!statSync(target).isDirectory() || readdirSync(target).length > 0)) {
    throw new CliError(
      `export-torch: ${out} already exists and is not an empty folder; nothing was written`,
      undefined,
      'pick a new folder name (the export never replaces files)',
    );
  }
  checkWritableDir(target, 'export-torch: the folder');
  const dir = resolveCheckpointDir(resolve(cwd, run));
  const files = readCheckpoint(dir);
  if (!files.state)
    throw new CliError(
      `export-torch: ${dir} has no trainer_state.json, so there is no run to continue`,
      undefined,
      'export a --ckpt-dir written by lightattn train (a plain Hugging Face folder loads in PyTorch as it is)',
    );
  const s = files.state.settings;
  const data = loadTokenData(files.state.data, files.tokenizer);
  const loader = new BatchLoader(data.train, s.batch, s.seq, s.seed);
  const entries = handoffFiles(files, data, loader.batchesPerEpoch);
  writeDirAtomic(target, entries);
  const bytes = entries.reduce((n, e) => n + (typeof e.data === 'string' ? Buffer.byteLength(e.data) : e.data.byteLength), 0);
  const shown = (p: string) => relative(cwd, p) || '.';
  io.stdout.write(`exported step ${files.state.step} of ${shown(dir)} to ${shown(target)} (${entries.length} files, ${formatBytes(bytes)})\n`);
  io.stdout.write(`continue it: torchrun --nproc_per_node=<GPUs> scripts/torch/continue_training.py ${out} <new-run-folder>\n`);
  return EXIT.ok;
}
