/**
 * The shared control block at the start of the device's memory, in i32 words: what every thread
 * reads to run a job. Workers sleep on `generation`; `open` holds the generation of the job that
 * may still be joined (0: none); `active` counts workers inside a job.
 */
export const CTL = {
  generation: 0,
  next: 1,
  count: 2,
  completed: 3,
  fn: 4,
  argc: 5,
  scratchBase: 6,
  scratchStride: 7,
  shutdown: 8,
  active: 9,
  open: 10,
  failed: 11,
} as const;
export const CTL_BYTES = 64;
/** The task table (f64 arguments) follows the control block and fills the first 64 KiB page. */
export const TASK_TABLE_BYTES = 65536 - CTL_BYTES;
export const TASK_TABLE_SLOTS = TASK_TABLE_BYTES / 8;

type KernelFn = (...args: number[]) => void;

/**
 * Runs tasks of the current job until none is left: each thread takes the next task number with an
 * atomic add (so a descheduled or busy core simply takes fewer), reads its arguments from the table
 * and calls the kernel with them plus its own scratch pointer (scratchBase + tid·scratchStride).
 * Which thread runs a task never changes what it computes. Every task is counted as completed,
 * even one that throws (which sets `failed`), so the caller never waits forever. Self-contained:
 * the worker source embeds its text.
 */
export function runTasks(ctl: Int32Array, table: Float64Array, fns: readonly KernelFn[], tid: number): void {
  const fn = fns[ctl[4]!]!;
  const argc = ctl[5]!;
  const count = ctl[2]!;
  const scratch = (ctl[6]! >>> 0) + tid * (ctl[7]! >>> 0);
  const args = new Array<number>(argc + 1);
  args[argc] = scratch;
  for (;;) {
    const t = Atomics.add(ctl, 1, 1);
    if (t >= count) return;
    const o = t * argc;
    for (let i = 0; i < argc; i++) args[i] = table[o + i]!;
    try {
      fn(...args);
    } catch {
      Atomics.store(ctl, 11, 1);
    } finally {
      if (Atomics.add(ctl, 3, 1) + 1 === count) Atomics.notify(ctl, 3);
    }
  }
}

/**
 * The worker's program: instantiate the kernels on the shared memory, then sleep on the generation
 * word. On waking it registers as active and joins only if that job is still open, so a worker
 * that wakes late (its core was busy) never reads a table that is being rewritten.
 */
export function workerSource(): string {
  // Bound by name: a minifier renames the function itself (function Ff(…)), and the loop below calls it as runTasks.
  return `
'use strict';
const runTasks = ${runTasks.toString()};
function start(data, post) {
  const exports = new WebAssembly.Instance(data.module, { env: { memory: data.memory } }).exports;
  const fns = data.names.map((n) => exports[n]);
  const ctl = new Int32Array(data.memory.buffer, 0, ${CTL_BYTES / 4});
  const table = new Float64Array(data.memory.buffer, ${CTL_BYTES}, ${TASK_TABLE_SLOTS});
  let seen = Atomics.load(ctl, ${CTL.generation});
  post('ready');
  for (;;) {
    Atomics.wait(ctl, ${CTL.generation}, seen);
    seen = Atomics.load(ctl, ${CTL.generation});
    if (Atomics.load(ctl, ${CTL.shutdown}) === 1) return;
    Atomics.add(ctl, ${CTL.active}, 1);
    if (Atomics.load(ctl, ${CTL.open}) === seen) runTasks(ctl, table, fns, data.tid);
    if (Atomics.sub(ctl, ${CTL.active}, 1) === 1) Atomics.notify(ctl, ${CTL.active});
  }
}
if (typeof require === 'function' && typeof self === 'undefined') {
  const { parentPort, workerData } = require('node:worker_threads');
  start(workerData, (m) => parentPort.postMessage(m));
} else {
  self.onmessage = (e) => start(e.data, (m) => self.postMessage(m));
}
`;
}
