import { accessSync, constants, existsSync, mkdirSync, statfsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliError } from '../errors.js';

/**
 * Magic numbers (statfs f_type) of Linux's kernel file systems, where files are not storage:
 * proc, sysfs, devpts, cgroup, cgroup2, debugfs, securityfs, tracefs, pstore, bpf. Node's
 * `mkdirSync(…, { recursive: true })` spins forever under /proc (mkdir says ENOENT for a parent
 * that exists), ignoring Ctrl-C, so these are refused before any mkdir.
 */
const PSEUDO_FS = new Map<number, string>([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x1cd1, 'devpts'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x64626720, 'debugfs'],
  [0x73636673, 'securityfs'],
  [0x74726163, 'tracefs'],
  [0x6165676c, 'pstore'],
  [0xcafe4a11, 'bpf'],
]);

/** The nearest existing folder at or above `path`, or the file that blocks it. */
function nearestExisting(path: string): string {
  let p = path;
  while (!existsSync(p)) {
    const up = dirname(p);
    if (up === p) break;
    p = up;
  }
  return p;
}

/**
 * Checks, without creating anything, that `path` is or can become a folder this process can write
 * files in; `what` names it in errors ("--ckpt-dir"). Refuses a path through a file, a kernel file
 * system (/proc, /sys), a read-only or unwritable folder. Returns the nearest existing folder.
 */
export function checkWritableDir(path: string, what: string): string {
  const p = resolve(path);
  const base = nearestExisting(p);
  if (!statSync(base).isDirectory()) {
    throw new CliError(`${what} ${path}: ${base} is a file, not a folder`, undefined, `pick a ${what} that is a folder, or a new name`);
  }
  let type: number | null = null;
  try {
    type = statfsSync(base).type;
  } catch {
    // statfs is missing on some platforms; the checks below still apply.
  }
  const pseudo = type === null ? undefined : PSEUDO_FS.get(type);
  if (pseudo) {
    throw new CliError(
      `${what} ${path}: ${base} is on the kernel's ${pseudo} file system, which holds no files`,
      undefined,
      `pick a ${what} on a disk, e.g. runs/my-run`,
    );
  }
  try {
    accessSync(base, constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(
      `${what} ${path}: ${base} is ${code === 'EROFS' ? 'on a read-only file system' : 'not writable by this user'}`,
      undefined,
      `pick a ${what} you can write to`,
    );
  }
  return base;
}

/**
 * Makes sure `path` is a folder this process can write files in (checkWritableDir), creating it
 * and its missing parents, one mkdir each, if needed. Returns its absolute path.
 */
export function ensureWritableDir(path: string, what: string): string {
  const p = resolve(path);
  const base = checkWritableDir(p, what);
  // Create the missing folders top-down without `recursive`, whose retry loop is what hangs.
  const missing: string[] = [];
  for (let q = p; q !== base; q = dirname(q)) missing.unshift(q);
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && statSync(dir).isDirectory()) continue;
      throw new CliError(`${what} ${path}: cannot create the folder ${dir} (${code ?? (e as Error).message})`, undefined, `pick a ${what} you can write to`);
    }
  }
  if (!statSync(p).isDirectory()) throw new CliError(`${what} ${path} is a file, not a folder`, undefined, `pick a ${what} that is a folder, or a new name`);
  return p;
}
