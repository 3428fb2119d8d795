import { describe, expect, it } from 'vitest';
import type { RequestMessage, ResponseMessage } from '../worker/protocol.js';
import { JobCancelled, JobWorker } from './job-worker.js';

/** A stand-in for a Worker: records what it is sent, answers when told, and whether it was terminated. */
class FakeWorker {
  onmessage: ((e: MessageEvent<ResponseMessage>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  sent: RequestMessage[] = [];
  terminated = false;
  postMessage(message: RequestMessage): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(index: number, result: unknown): void {
    this.onmessage?.({ data: { id: this.sent[index]!.id, kind: 'result', result } } as MessageEvent<ResponseMessage>);
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('JobWorker', () => {
  it('runs a job in its worker, and Stop terminates the worker and rejects the job as cancelled', async () => {
    const workers: FakeWorker[] = [];
    const jobs = new JobWorker(
      () => workers[workers.push(new FakeWorker()) - 1] as unknown as Worker,
      null,
      () => undefined,
    );
    const first = jobs.run('the estimate', 'memory-curve', { setting: { size: 'gpt2-tiny', batch: 1, dropout: 0, maxChunkSizeMb: 1 }, seqs: [16] });
    await tick();
    expect(workers).toHaveLength(1);
    expect(workers[0]!.sent.map((m) => m.call)).toEqual(['memory-curve']);
    workers[0]!.answer(0, []);
    expect(await first).toEqual([]);
    expect(workers[0]!.terminated, 'a meta-device worker stays up for the next job').toBe(false);

    const second = jobs.run('the estimate', 'memory-curve', { setting: { size: 'gpt2-tiny', batch: 1, dropout: 0, maxChunkSizeMb: 1 }, seqs: [16] });
    await tick();
    expect(workers, 'the same worker while nothing was cancelled').toHaveLength(1);
    expect(jobs.cancel()).toBe(true);
    await expect(second).rejects.toBeInstanceOf(JobCancelled);
    await expect(second).rejects.toThrow('the estimate was stopped');
    expect(workers[0]!.terminated).toBe(true);
    expect(jobs.cancel(), 'nothing left to cancel').toBe(false);
  });

  it('a new request cancels the one in flight and runs in a fresh worker, after acquiring its device', async () => {
    const workers: FakeWorker[] = [];
    const jobs = new JobWorker(
      () => workers[workers.push(new FakeWorker()) - 1] as unknown as Worker,
      'cpu',
      () => undefined,
    );
    const old = jobs.run('the measurement', 'kernels', { cases: [{ op: 'matmul', n: 8 }], devices: ['cpu'] });
    await tick();
    expect(workers[0]!.sent.map((m) => m.call)).toEqual(['init']);
    workers[0]!.answer(0, { type: 'cpu' });
    await tick();
    expect(workers[0]!.sent.map((m) => m.call)).toEqual(['init', 'kernels']);

    const fresh = jobs.run('the measurement', 'kernels', { cases: [{ op: 'matmul', n: 16 }], devices: ['cpu'] });
    await expect(old).rejects.toBeInstanceOf(JobCancelled);
    expect(workers[0]!.terminated).toBe(true);
    await tick();
    expect(workers).toHaveLength(2);
    expect(workers[1]!.sent[0]).toMatchObject({ call: 'init', args: { device: 'cpu' } });
    workers[1]!.answer(0, { type: 'cpu' });
    await tick();
    workers[1]!.answer(1, [{ label: 'matmul 16×16×16' }]);
    expect(await fresh).toEqual([{ label: 'matmul 16×16×16' }]);
    expect(workers[1]!.terminated, 'a worker with a device ends with its job, so no GPU memory stays held').toBe(true);
  });
});
