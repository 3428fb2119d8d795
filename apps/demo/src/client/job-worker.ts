import type { Args, CallName, DevicePreference, EventOf, Result } from '../worker/protocol.js';
import { WorkerClient } from './worker-client.js';

/** The rejection of a job that Stop or a newer request cancelled; pages ignore it. */
export class JobCancelled extends Error {
  override name = 'JobCancelled';
  constructor(what: string) {
    super(`${what} was stopped`);
  }
}

/**
 * A worker of its own for one kind of long job (meta-device estimates, measurements, kernel
 * timing), so that Stop can end it at once, whatever it is doing: cancel() terminates the worker,
 * and the next job starts a fresh one. One job at a time: a new request cancels the one in flight.
 * With a device preference the worker first acquires its own device, and is ended when its job
 * ends, so no GPU memory stays held by an idle worker; without, it only gets jobs that need no
 * device (the meta device) and stays up for the next one.
 */
export class JobWorker {
  private worker: Worker | null = null;
  private client: Promise<WorkerClient> | null = null;
  private inFlight: { what: string; reject(e: Error): void } | null = null;

  constructor(
    private readonly spawn: () => Worker,
    private readonly device: DevicePreference | null,
    private readonly onWorkerError: (error: Error) => void,
  ) {}

  run<K extends CallName>(what: string, call: K, args: Args<K>, onEvent?: (event: EventOf<K>) => void): Promise<Result<K>> {
    this.cancel();
    return new Promise<Result<K>>((resolve, reject) => {
      const job = { what, reject };
      this.inFlight = job;
      // The job is over before its caller hears of it, so a next run() right after does not cancel it.
      const settle =
        <T>(fn: (value: T) => void) =>
        (value: T) => {
          if (this.inFlight === job) {
            this.inFlight = null;
            if (this.device) this.release();
          }
          fn(value);
        };
      this.ready()
        .then((client) => {
          if (this.inFlight !== job) return undefined; // cancelled while the worker started
          return client.call(call, args, onEvent).then(settle(resolve), settle(reject));
        })
        .catch(settle(reject));
    });
  }

  /** Ends the job in flight (if any) by terminating its worker; true when there was one. */
  cancel(): boolean {
    const job = this.inFlight;
    if (!job) return false;
    this.inFlight = null;
    this.release();
    job.reject(new JobCancelled(job.what));
    return true;
  }

  /** Terminates the worker (its device and memory go with it); the next job starts a fresh one. */
  private release(): void {
    this.worker?.terminate();
    this.worker = null;
    this.client = null;
  }

  private ready(): Promise<WorkerClient> {
    if (this.client) return this.client;
    const worker = this.spawn();
    this.worker = worker;
    const client = new WorkerClient(worker, (e) => {
      if (this.worker === worker) this.onWorkerError(e);
    });
    const device = this.device;
    this.client = device ? client.call('init', { device }).then(() => client) : Promise.resolve(client);
    this.client.catch(() => {
      if (this.worker === worker) {
        worker.terminate();
        this.worker = null;
        this.client = null;
      }
    });
    return this.client;
  }
}
