import { formatBytes, type Storage, type Tensor } from '@lightattn/tensor-core';

/**
 * The saved-bytes ledger: what differentiable functions keep for their backward, i.e. the
 * "activations memory" of the published memory tables (Light Attention's).
 *
 * Counting rule: bytes are counted per distinct storage. A storage kept by several saves (a tensor
 * saved as one function's output and the next one's input, a view and its base, x saved twice by
 * mul(x, x)) is counted once, for the first function that saved it; a view keeps its whole storage
 * alive, so it counts the whole storage. Storages tagged 'parameter' exist whether or not anything
 * is saved, so they are reported apart (`parameterBytes`) and not in `total`, `live` or `peak`.
 */

export interface LedgerEntry {
  /** The differentiable function (op rule or defineFunction name). */
  function: string;
  /** The module path current when it ran ('' outside every module). */
  module: string;
  /** Bytes of the storages this call was first to save. */
  bytes: number;
  /** How many storages those bytes are. */
  storages: number;
  /** How many tensors the call saved (parameters and already-counted storages included). */
  tensors: number;
}

/** Saved bytes of one function name, summed over its calls. */
export interface LedgerFunctionRow {
  function: string;
  bytes: number;
  calls: number;
}

/** Saved bytes of one module path: its own calls and its whole subtree. */
export interface LedgerModuleRow {
  module: string;
  /** Bytes saved by calls made directly in this module. */
  bytes: number;
  /** Bytes saved in this module and every module below it. */
  totalBytes: number;
  calls: number;
}

/** Everything a ledger recorded, as plain data. */
export interface LedgerData {
  /** Bytes saved during the recording (Σ entries): distinct storages, parameters excluded. */
  total: number;
  /** Bytes of those storages still held now (drops as backward releases them). */
  live: number;
  /** Highest `live` seen. */
  peak: number;
  /** Distinct parameter storages saved (not in total). */
  parameterBytes: number;
  entries: LedgerEntry[];
  byFunction: LedgerFunctionRow[];
  byModule: LedgerModuleRow[];
}

/**
 * Storages held by live saves, across all ledgers: lets in-place ops refuse to write into them.
 * Weak, so graphs dropped without backward (collected by tensor-core's safety net) leave nothing here.
 */
const savedStorageCounts = new WeakMap<Storage, number>();
const ledgers = new Set<SavedBytesLedger>();

export function isStorageSaved(storage: Storage): boolean {
  return (savedStorageCounts.get(storage) ?? 0) > 0;
}

/** Called by the tape when a node saves tensors. */
export function noteSaved(fn: string, module: string, tensors: readonly Tensor[]): void {
  for (const t of tensors) savedStorageCounts.set(t.storage, (savedStorageCounts.get(t.storage) ?? 0) + 1);
  for (const ledger of ledgers) ledger.onSaved(fn, module, tensors);
}

/** Called by the engine when a node's saved tensors are released (pass the storages they held). */
export function noteReleased(storages: readonly Storage[]): void {
  for (const s of storages) {
    const n = (savedStorageCounts.get(s) ?? 0) - 1;
    if (n > 0) savedStorageCounts.set(s, n);
    else savedStorageCounts.delete(s);
  }
  for (const ledger of ledgers) ledger.onReleased(storages);
}

/** The saved-bytes ledger: what differentiable functions keep for the backward, by function and by module, counted per distinct storage. */
export class SavedBytesLedger {
  private readonly held = new Map<Storage, { count: number; bytes: number }>();
  private readonly params = new Set<Storage>();
  private readonly list: LedgerEntry[] = [];
  private liveBytes = 0;
  private peakBytes = 0;
  private active = false;
  private watching = false;

  /** Starts recording saves (and watching their release). */
  start(): this {
    this.active = true;
    this.watching = true;
    ledgers.add(this);
    return this;
  }

  /**
   * Stops recording new saves; releases of what was recorded are still followed (`live`) until it
   * has all been released (or `close()`).
   */
  stop(): this {
    this.active = false;
    if (this.held.size === 0) this.close();
    return this;
  }

  /** Stops following releases too. */
  close(): void {
    this.active = false;
    this.watching = false;
    ledgers.delete(this);
  }

  get recording(): boolean {
    return this.active;
  }

  get total(): number {
    return this.list.reduce((s, e) => s + e.bytes, 0);
  }

  get live(): number {
    return this.liveBytes;
  }

  get peak(): number {
    return this.peakBytes;
  }

  get parameterBytes(): number {
    let n = 0;
    for (const s of this.params) n += s.byteLength;
    return n;
  }

  get entries(): readonly LedgerEntry[] {
    return this.list;
  }

  /** @internal */
  onSaved(fn: string, module: string, tensors: readonly Tensor[]): void {
    if (!this.watching) return;
    let bytes = 0;
    let storages = 0;
    for (const t of tensors) {
      const s = t.storage;
      const h = this.held.get(s);
      if (h) {
        h.count++;
        continue;
      }
      if (!this.active) continue;
      if (s.tag === 'parameter') {
        this.params.add(s);
        continue;
      }
      this.held.set(s, { count: 1, bytes: s.byteLength });
      bytes += s.byteLength;
      storages++;
    }
    if (!this.active) return;
    this.list.push({ function: fn, module, bytes, storages, tensors: tensors.length });
    this.liveBytes += bytes;
    if (this.liveBytes > this.peakBytes) this.peakBytes = this.liveBytes;
  }

  /** @internal */
  onReleased(storages: readonly Storage[]): void {
    for (const s of storages) {
      const h = this.held.get(s);
      if (!h) continue;
      if (--h.count === 0) {
        this.held.delete(s);
        this.liveBytes -= h.bytes;
      }
    }
    if (!this.active && this.held.size === 0) this.close();
  }

  /** One row per function name, largest first. */
  byFunction(): LedgerFunctionRow[] {
    const rows = new Map<string, LedgerFunctionRow>();
    for (const e of this.list) {
      const r = rows.get(e.function) ?? { function: e.function, bytes: 0, calls: 0 };
      r.bytes += e.bytes;
      r.calls++;
      rows.set(e.function, r);
    }
    return [...rows.values()].sort((a, b) => b.bytes - a.bytes || a.function.localeCompare(b.function));
  }

  /** One row per module path that saved anything, plus its ancestors; sorted by path. */
  byModule(): LedgerModuleRow[] {
    const rows = new Map<string, LedgerModuleRow>();
    const row = (m: string) => {
      let r = rows.get(m);
      if (!r) rows.set(m, (r = { module: m, bytes: 0, totalBytes: 0, calls: 0 }));
      return r;
    };
    for (const e of this.list) {
      const own = row(e.module);
      own.bytes += e.bytes;
      own.calls++;
      for (const p of ancestors(e.module)) row(p).totalBytes += e.bytes;
    }
    return [...rows.values()].sort((a, b) => a.module.localeCompare(b.module));
  }

  /** Totals, entries and both breakdowns as plain data (for JSON). */
  data(): LedgerData {
    return {
      total: this.total,
      live: this.live,
      peak: this.peak,
      parameterBytes: this.parameterBytes,
      entries: this.list.map((e) => ({ ...e })),
      byFunction: this.byFunction(),
      byModule: this.byModule(),
    };
  }

  /** A plain-text table: totals, then bytes by function and by module. */
  report(title = 'saved for backward'): string {
    const lines = [
      `${title}: ${formatBytes(this.total)} in ${this.list.reduce((s, e) => s + e.storages, 0)} storages (distinct storages, parameters excluded)`,
      `  live ${formatBytes(this.live)}, peak ${formatBytes(this.peak)}, parameters also saved ${formatBytes(this.parameterBytes)}`,
    ];
    const fnRows = this.byFunction().map((r) => [r.function, formatBytes(r.bytes), String(r.calls)]);
    lines.push('', ...table(['function', 'bytes', 'calls'], fnRows));
    const modRows = this.byModule().map((r) => [r.module || '(no module)', formatBytes(r.bytes), formatBytes(r.totalBytes), String(r.calls)]);
    if (modRows.length) lines.push('', ...table(['module', 'own', 'with submodules', 'calls'], modRows));
    return lines.join('\n');
  }
}

/** The path itself and every dotted prefix: `a.b.c` → `a.b.c`, `a.b`, `a`; '' → ''. */
function ancestors(path: string): string[] {
  if (!path) return [''];
  const parts = path.split('.');
  return parts.map((_, i) => parts.slice(0, parts.length - i).join('.'));
}

function table(header: string[], rows: string[][]): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => r[c]!.length)));
  return all.map((r) => '  ' + r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
}

/** Records the saves made while `fn` runs; the ledger follows their release until all are freed. */
export function withLedger<T>(fn: () => T): { result: T; ledger: SavedBytesLedger } {
  const ledger = new SavedBytesLedger().start();
  try {
    const result = fn();
    return { result, ledger };
  } finally {
    ledger.stop();
  }
}
