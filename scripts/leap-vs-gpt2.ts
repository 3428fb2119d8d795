#!/usr/bin/env node
// The original LEAP code's experiment: GPT-2 and LEAP of equal size (d 128, 4 heads, 6 layers, seq 256)
// trained for equal steps on one text, compared by validation perplexity, time and a loss plot.
// The same as `lightattn experiment leap-vs-gpt2`; this entry exists to be bundled into one file
// for a machine that has no node_modules but `webgpu`:
//
//   esbuild scripts/leap-vs-gpt2.ts --bundle --platform=node --format=esm --conditions=source \
//     --external:webgpu --outfile=leap-vs-gpt2.mjs
// (with pnpm, the esbuild binary is node_modules/.pnpm/esbuild@*/node_modules/esbuild/bin/esbuild;
// `npx esbuild` runs it through node and fails)
//   node leap-vs-gpt2.mjs --data tinyshakespeare.txt --device webgpu --out results/leap-vs-gpt2
//
// Here, seconds on the CPU:  node --conditions=source --import tsx scripts/leap-vs-gpt2.ts --quick
import { experimentCommand } from '../apps/trainer/src/commands/experiment.js';
import { EXIT, exitCodeOf, formatError } from '../apps/trainer/src/errors.js';

const io = { stdout: process.stdout, stderr: process.stderr, interrupt: { requested: false }, env: process.env };
process.on('SIGINT', () => {
  if (io.interrupt.requested) process.exit(EXIT.interrupted);
  io.interrupt.requested = true;
  process.stderr.write('\nCtrl-C: stopping after this step (again to quit at once)\n');
});

let code: number;
try {
  code = await experimentCommand(['leap-vs-gpt2', ...process.argv.slice(2)], io);
} catch (e) {
  process.stderr.write(`${formatError(e, process.argv.includes('--debug'))}\n`);
  code = exitCodeOf(e);
}
process.stdout.write('', () => process.exit(code));
