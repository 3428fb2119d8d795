import type { Args, CallName, EventOf, RequestMessage, ResponseMessage, Result } from '../worker/protocol.js';

/** An error raised in the worker, with the worker's error name (CheckpointFilesError, ShapeError, …). */
export class WorkerCallError extends Error {
  constructor(
    readonly call: CallName,
    readonly workerName: string,
    message: string,
  ) {
    super(message);
    this.name = workerName;
  }
}

interface Pending {
  call: CallName;
  resolve(value: unknown): void;
  reject(error: Error): void;
  onEvent?: (event: unknown) => void;
}

/** Calls into the demo's worker: one promise per call, progress events to a callback. */
export class WorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly worker: Worker,
    /** Told about failures that belong to no call (the worker failed to load or crashed). */
    onWorkerError: (error: Error) => void,
  ) {
    worker.onmessage = (e: MessageEvent<ResponseMessage>) => this.receive(e.data);
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      const error = new Error(`the demo's worker failed: ${e.message || 'it could not be loaded'}`);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
      onWorkerError(error);
    };
    worker.onmessageerror = () => onWorkerError(new Error('the demo worker sent a message that could not be read'));
  }

  call<K extends CallName>(call: K, args: Args<K>, onEvent?: (event: EventOf<K>) => void, transfer: Transferable[] = []): Promise<Result<K>> {
    const id = this.nextId++;
    return new Promise<Result<K>>((resolve, reject) => {
      this.pending.set(id, { call, resolve: resolve as (v: unknown) => void, reject, onEvent: onEvent as ((e: unknown) => void) | undefined });
      const message: RequestMessage<K> = { id, call, args };
      this.worker.postMessage(message, transfer);
    });
  }

  private receive(message: ResponseMessage): void {
    const p = this.pending.get(message.id);
    if (!p) return;
    if (message.kind === 'event') p.onEvent?.(message.event);
    else {
      this.pending.delete(message.id);
      if (message.kind === 'result') p.resolve(message.result);
      else p.reject(new WorkerCallError(p.call, message.error.name, message.error.message));
    }
  }
}
