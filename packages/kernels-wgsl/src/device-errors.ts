/// <reference types="@webgpu/types" />
import { DeviceError, IndexError } from '@lightattn/tensor-core';

/**
 * What can go wrong on a GPU arrives late: validation and out-of-memory errors through error scopes,
 * compile errors through compilation info, out-of-range indices through a flag the kernels set, and
 * device loss through `device.lost`. This keeps them until the next read or sync() throws them (the
 * first one, then the list is cleared), and makes every wait race device loss so nothing hangs.
 */

/** Error-buffer words: [0] lowest tag that reported, [1] count, [2] a bad value, [3] unused. */
export const ERROR_WORDS = 4;
export const ERROR_BUFFER_INIT = Uint32Array.of(0xffffffff, 0, 0, 0);

export class DeviceErrorState {
  private lostMessage: string | null = null;
  private readonly sticky: Error[] = [];
  private readonly pending = new Set<Promise<unknown>>();
  private readonly lost: Promise<never>;
  /** Tag → "op: what was out of range", for calls whose kernels can flag an index error. */
  private readonly flagged = new Map<number, { op: string; message: string }>();
  private tag = 0;

  constructor(
    private readonly name: string,
    lost: Promise<GPUDeviceLostInfo>,
  ) {
    this.lost = lost.then((info) => {
      this.lostMessage = `${this.name} lost: ${info.reason}${info.message ? ` (${info.message})` : ''}`;
      throw new DeviceError(this.lostMessage);
    });
    // Nobody may be waiting when the device goes; the rejection is observed through checkAlive().
    this.lost.catch(() => undefined);
  }

  get isLost(): boolean {
    return this.lostMessage !== null;
  }

  /** Throws DeviceError('<name> lost: reason') once the device is gone. */
  checkAlive(): void {
    if (this.lostMessage !== null) throw new DeviceError(this.lostMessage);
  }

  add(error: Error): void {
    this.sticky.push(error);
  }

  /**
   * An error others follow from (a shader that failed to compile makes the batch using it invalid):
   * thrown before them even when it is known later (compilation info takes an extra round trip).
   */
  addRootCause(error: Error): void {
    this.sticky.unshift(error);
  }

  /** Registers asynchronous work (error scopes, readbacks) that the next check waits for. */
  track(p: Promise<unknown>): void {
    const q = p.catch((e: unknown) => this.add(e instanceof Error ? e : new DeviceError(String(e))));
    this.pending.add(q);
    void q.finally(() => this.pending.delete(q));
  }

  /** `p`, or a DeviceError as soon as the device is lost. A failure caused by the loss reports the loss. */
  async race<T>(p: Promise<T>): Promise<T> {
    try {
      return await Promise.race([p, this.lost]);
    } catch (e) {
      if (this.lostMessage === null) {
        // A mapAsync rejected by a destroyed device can win the race against `lost`: give loss a moment.
        await Promise.race([this.lost, new Promise((r) => setTimeout(r, 20))]).catch(() => undefined);
      }
      if (this.lostMessage !== null) throw new DeviceError(this.lostMessage);
      throw e instanceof DeviceError ? e : new DeviceError(`${this.name}: ${(e as Error).message ?? String(e)}`);
    }
  }

  /** Waits for everything tracked so far (and whatever it tracks in turn). */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await this.race(Promise.all([...this.pending]));
  }

  /** Throws the first kept error (and forgets the rest: they usually follow from it). */
  throwKept(): void {
    this.checkAlive();
    const first = this.sticky.shift();
    this.sticky.length = 0;
    if (first) throw first;
  }

  /** A tag for the next call; `record` it if the call's kernels bind the error buffer. */
  nextTag(): number {
    const t = this.tag;
    this.tag = this.tag >= 0xfffffffe ? 0 : this.tag + 1;
    return t;
  }

  /** The tag the next call will get: checks read flags set by calls before it. */
  get tagMark(): number {
    return this.tag;
  }

  record(tag: number, op: string, message: string): void {
    this.flagged.set(tag, { op, message });
  }

  /**
   * Turns error-buffer words read back after calls with tags below `mark` into an IndexError kept for
   * throwing. The CPU device throws at the call itself; here the error surfaces at the next read/sync.
   */
  checkFlags(words: Uint32Array, mark: number): void {
    if (words[1]! > 0) {
      const who = this.flagged.get(words[0]!);
      const bad = words[2]! | 0;
      const where = who ? `${who.op}: ${who.message}` : 'a kernel reported an out-of-range index';
      this.add(
        new IndexError(
          `${where} (got ${bad}; ${words[1]} out-of-range element${words[1] === 1 ? '' : 's'}). On ${this.name} this is detected on the GPU and raised at the next read or sync(), not at the call as on the CPU device`,
        ),
      );
    }
    for (const t of [...this.flagged.keys()]) if (t < mark || mark < t - 0x80000000) this.flagged.delete(t);
  }
}
