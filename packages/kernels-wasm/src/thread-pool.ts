import { DeviceError } from '@lightattn/tensor-core';
import { CTL, CTL_BYTES, runTasks, TASK_TABLE_SLOTS, workerSource } from './task-runner.js';

type KernelFn = (...args: number[]) => void;

/** A started worker: Node's `worker_threads.Worker` or a browser `Worker`, seen through what the pool uses. */
interface WorkerHandle {
  terminate(): unknown;
}

/** One job: a kernel, its tasks' arguments (each `argc` numbers), and per-thread scratch. */
export interface Job {
  fn: number;
  argc: number;
  /** Arguments of every task, task after task. */
  args: readonly number[];
  scratchBase?: number;
  scratchStride?: number;
}

const isNode = typeof process !== 'undefined' && !!process.versions?.node;

/**
 * The threads of a WebAssembly device: the calling thread plus `threads − 1` workers, all running
 * the same kernel module on one shared memory. A job is written to the task table, the generation
 * word is bumped and every worker wakes (Atomics.notify); the caller runs tasks too, then sleeps
 * until every task has completed — not until every worker has woken: on a busy machine a worker
 * may wake late, and then finds the job closed and all its tasks taken by the threads that ran. `Device.run` is synchronous, so the caller must block: Node
 * allows Atomics.wait on the main thread; a browser page does not, so there it spins on
 * Atomics.load (jobs are milliseconds long at most).
 */
export class ThreadPool {
  private readonly ctl: Int32Array;
  private readonly table: Float64Array;
  private readonly canWait: boolean;
  private closed = false;

  private constructor(
    memory: WebAssembly.Memory,
    private readonly fns: readonly KernelFn[],
    private readonly workers: readonly WorkerHandle[],
  ) {
    this.ctl = new Int32Array(memory.buffer, 0, CTL_BYTES / 4);
    this.table = new Float64Array(memory.buffer, CTL_BYTES, TASK_TABLE_SLOTS);
    this.canWait = isNode || typeof (globalThis as { document?: unknown }).document === 'undefined';
  }

  /** Threads that run a job (the caller included). */
  get threads(): number {
    return this.workers.length + 1;
  }

  /** Starts `threads − 1` workers on `memory` and resolves when each has instantiated the module. */
  static async start(
    module: WebAssembly.Module,
    memory: WebAssembly.Memory,
    names: readonly string[],
    fns: readonly KernelFn[],
    threads: number,
  ): Promise<ThreadPool> {
    const workers: WorkerHandle[] = [];
    const ready: Promise<void>[] = [];
    const source = workerSource();
    for (let tid = 1; tid < threads; tid++) {
      const data = { module, memory, names, tid };
      if (isNode) {
        const { Worker } = await import('node:worker_threads');
        const w = new Worker(source, { eval: true, workerData: data });
        // Workers sleep in Atomics.wait between jobs; they must not keep the process alive.
        w.unref();
        workers.push(w);
        ready.push(
          new Promise((resolve, reject) => {
            w.once('message', () => resolve());
            w.once('error', reject);
          }),
        );
      } else {
        const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
        const w = new Worker(url);
        workers.push(w);
        ready.push(
          new Promise((resolve, reject) => {
            w.onmessage = () => resolve();
            w.onerror = (e) => reject(new Error(e.message));
          }),
        );
        w.postMessage(data);
      }
    }
    try {
      await Promise.all(ready);
    } catch (e) {
      for (const w of workers) void w.terminate();
      throw new DeviceError(`could not start ${threads - 1} WebAssembly worker thread(s): ${(e as Error).message} — pass threads: 1`);
    }
    return new ThreadPool(memory, fns, workers);
  }

  /**
   * Runs every task of `job`, on all threads when `parallel` and there is more than one task; a
   * job larger than the task table runs as several in a row.
   */
  run(job: Job, parallel = true): void {
    if (this.closed) throw new DeviceError('the WebAssembly device was destroyed');
    const argc = job.argc;
    if (job.args.length % argc !== 0) throw new DeviceError(`thread pool: ${job.args.length} arguments are not whole tasks of ${argc}`);
    const slice = Math.floor(TASK_TABLE_SLOTS / argc) * argc;
    for (let at = 0; at < job.args.length; at += slice) {
      this.runSlice(job, job.args.slice(at, at + slice), parallel);
    }
  }

  private runSlice(job: Job, args: readonly number[], parallel: boolean): void {
    const ctl = this.ctl;
    const count = args.length / job.argc;
    this.table.set(args);
    Atomics.store(ctl, CTL.next, 0);
    Atomics.store(ctl, CTL.count, count);
    Atomics.store(ctl, CTL.completed, 0);
    Atomics.store(ctl, CTL.fn, job.fn);
    Atomics.store(ctl, CTL.argc, job.argc);
    Atomics.store(ctl, CTL.scratchBase, job.scratchBase ?? 0);
    Atomics.store(ctl, CTL.scratchStride, job.scratchStride ?? 0);
    Atomics.store(ctl, CTL.failed, 0);
    const wake = parallel && count > 1 && this.workers.length > 0;
    if (wake) {
      // Generations skip 0, which `open` uses for "no job".
      const generation = (Atomics.load(ctl, CTL.generation) + 1) | 0 || 1;
      Atomics.store(ctl, CTL.open, generation);
      Atomics.store(ctl, CTL.generation, generation);
      Atomics.notify(ctl, CTL.generation);
    }
    runTasks(ctl, this.table, this.fns, 0);
    if (wake) {
      // Wait for the tasks (not for the workers: one that has not woken yet finds the job closed).
      for (let c = Atomics.load(ctl, CTL.completed); c < count; c = Atomics.load(ctl, CTL.completed)) {
        if (this.canWait) Atomics.wait(ctl, CTL.completed, c);
      }
      Atomics.store(ctl, CTL.open, 0);
      // Workers that joined may still be leaving runTasks; the table is rewritten only after.
      for (let a = Atomics.load(ctl, CTL.active); a > 0; a = Atomics.load(ctl, CTL.active)) {
        if (this.canWait) Atomics.wait(ctl, CTL.active, a);
      }
    }
    if (Atomics.load(ctl, CTL.failed) === 1) throw new DeviceError(`a WebAssembly kernel (${job.fn}) trapped; the device's memory may hold partial results`);
  }

  /** Stops the workers. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    Atomics.store(this.ctl, CTL.shutdown, 1);
    Atomics.store(this.ctl, CTL.generation, (Atomics.load(this.ctl, CTL.generation) + 1) | 0 || 1);
    Atomics.notify(this.ctl, CTL.generation);
    for (const w of this.workers) void w.terminate();
  }
}
