/**
 * The shared control block at the start of the device's memory, in i32 words: what every thread
 * reads to run a job. Word 0 is a generation counter the workers sleep on.
 */
export const CTL = { generation: 0, next: 1, count: 2, done: 3, fn: 4, argc: 5, scratchBase: 6, scratchStride: 7, shutdown: 8 } as const;
export const CTL_BYTES = 64;
/** The task table (f64 arguments) follows the control block and fills the first 64 KiB page. */
export const TASK_TABLE_BYTES = 65536 - CTL_BYTES;
export const TASK_TABLE_SLOTS = TASK_TABLE_BYTES / 8;

type KernelFn = (...args: number[]) => void;

/**
 * Runs tasks of the current job until none is left: each thread takes the next task number with an
 * atomic add (so a slow or busy core takes fewer), reads its arguments from the table and calls the
 * kernel with them plus its own scratch pointer (scratchBase + tid·scratchStride). Which thread
 * runs a task never changes what it computes. Self-contained: the worker source embeds its text.
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
    fn(...args);
  }
}

/** The worker's program: instantiate the kernels on the shared memory, then sleep on the generation word and run each job. */
export function workerSource(): string {
  return `
'use strict';
${runTasks.toString()}
function start(data, post) {
  const exports = new WebAssembly.Instance(data.module, { env: { memory: data.memory } }).exports;
  const fns = data.names.map((n) => exports[n]);
  const ctl = new Int32Array(data.memory.buffer, 0, ${CTL_BYTES / 4});
  const table = new Float64Array(data.memory.buffer, ${CTL_BYTES}, ${TASK_TABLE_SLOTS});
  let generation = Atomics.load(ctl, ${CTL.generation});
  post('ready');
  for (;;) {
    Atomics.wait(ctl, ${CTL.generation}, generation);
    generation = Atomics.load(ctl, ${CTL.generation});
    if (Atomics.load(ctl, ${CTL.shutdown}) === 1) return;
    try {
      runTasks(ctl, table, fns, data.tid);
    } finally {
      Atomics.add(ctl, ${CTL.done}, 1);
      Atomics.notify(ctl, ${CTL.done});
    }
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
