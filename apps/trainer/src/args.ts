import { UsageError } from './errors.js';
import { parseBytes, parseDuration } from './format.js';

/** How a flag's value is read. 'list' flags may repeat (`--data a.txt --data b.txt`). */
export type FlagType = 'string' | 'number' | 'int' | 'boolean' | 'list' | 'bytes' | 'duration';

export interface FlagSpec {
  type: FlagType;
  help: string;
  /** Accepted values (for 'string' flags). */
  choices?: readonly string[];
  default?: string | number | boolean | string[];
  /** Shown in the help instead of the type, e.g. FILE. */
  placeholder?: string;
  /** Lowest accepted value for numeric flags. */
  min?: number;
  /** Highest accepted value for numeric flags. */
  max?: number;
}

export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

/** What a flag's value becomes, by its spec. */
type ValueOf<S extends FlagSpec> = S['type'] extends 'boolean' ? boolean : S['type'] extends 'list' ? string[] : S['type'] extends 'string' ? string : number;

export type ParsedFlags<S extends FlagSpecs> = { [K in keyof S]: ValueOf<S[K]> | undefined };

export interface ParsedArgs<S extends FlagSpecs> {
  flags: ParsedFlags<S>;
  /** Flags that appeared on the command line (not defaults), by name. */
  given: ReadonlySet<string>;
  positionals: string[];
}

/** camelCase of a kebab flag name: `max-chunk-mb` → `maxChunkMb`. */
const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Parses `--name value`, `--name=value`, `--flag`, `--no-flag` and positionals against `specs`
 * (keys in kebab-case, as typed). Unknown flags, missing and malformed values are UsageErrors that
 * name the flag and, for a misspelling, the closest known one.
 */
export function parseArgs<S extends FlagSpecs>(argv: readonly string[], specs: S, command: string, options: { positionals?: number } = {}): ParsedArgs<S> {
  const flags: Record<string, unknown> = {};
  const given = new Set<string>();
  const positionals: string[] = [];
  const listsStarted = new Set<string>();
  for (const [name, spec] of Object.entries(specs))
    if (spec.default !== undefined) flags[name] = Array.isArray(spec.default) ? [...spec.default] : spec.default;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '--') {
      if (arg.startsWith('-') && arg.length > 1 && !/^-\d/.test(arg))
        throw new UsageError(`${command}: unknown option ${arg}; options are spelled out with two dashes (see \`lightattn ${command} --help\`)`);
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    let name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    let inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    let spec = specs[name];
    if (!spec && name.startsWith('no-') && specs[name.slice(3)]?.type === 'boolean') {
      name = name.slice(3);
      spec = specs[name];
      if (inline !== undefined) throw new UsageError(`${command}: --no-${name} takes no value`);
      inline = 'false';
    }
    if (!spec)
      throw new UsageError(`${command}: unknown option --${name}${suggestFlag(name, Object.keys(specs))}`, `\`lightattn ${command} --help\` lists the options`);
    let raw: string;
    if (spec.type === 'boolean') {
      raw = inline ?? 'true';
    } else if (inline !== undefined) raw = inline;
    else {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2))
        throw new UsageError(`${command}: --${name} needs a value (${spec.placeholder ?? spec.type})`);
      raw = next;
      i++;
    }
    given.add(name);
    const value = convert(raw, name, spec, command);
    if (spec.type === 'list') {
      // A repeated list flag adds to what it gave before; its first use replaces the default.
      const before = listsStarted.has(name) ? (flags[name] as string[]) : [];
      listsStarted.add(name);
      flags[name] = [...before, ...(value as string[])];
    } else flags[name] = value;
  }
  const allowed = options.positionals ?? Infinity;
  if (positionals.length > allowed && !flags.help) {
    throw new UsageError(
      `${command}: unexpected argument ${JSON.stringify(positionals[allowed])}; \`lightattn ${command}\` takes ${allowed === 0 ? 'no arguments, only options' : `at most ${allowed}`}`,
      `\`lightattn ${command} --help\` lists the options`,
    );
  }
  return { flags: flags as ParsedFlags<S>, given, positionals };
}

function convert(raw: string, name: string, spec: FlagSpec, command: string): unknown {
  const bad = (what: string) => new UsageError(`${command}: --${name} ${what}, got ${JSON.stringify(raw)}`);
  switch (spec.type) {
    case 'boolean':
      if (raw === 'true' || raw === '1') return true;
      if (raw === 'false' || raw === '0') return false;
      throw bad('is true or false');
    case 'string':
      if (raw === '') throw bad(`needs a value (${spec.placeholder ?? 'text'})`);
      if (spec.choices && !spec.choices.includes(raw)) throw bad(`must be one of ${spec.choices.join(', ')}${suggestFlag(raw, spec.choices, '')}`);
      return raw;
    case 'list': {
      const names = raw.split(',').filter((s) => s.length > 0);
      if (!names.length) throw bad(`needs at least one ${spec.placeholder ?? 'value'}`);
      return names;
    }
    case 'number':
    case 'int': {
      const v = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(v)) throw bad('must be a number');
      if (spec.type === 'int' && !Number.isSafeInteger(v)) throw bad('must be a whole number');
      if (spec.min !== undefined && v < spec.min) throw bad(`must be ≥ ${spec.min}`);
      if (spec.max !== undefined && v > spec.max) throw bad(`must be ≤ ${spec.max}`);
      return v;
    }
    case 'bytes': {
      const v = parseBytes(raw);
      if (v === null) throw bad('must be a size such as 512MiB, 2GB or 1048576');
      return v;
    }
    case 'duration': {
      const v = parseDuration(raw);
      if (v === null) throw bad('must be a duration such as 90s, 2m or 1h30m');
      return v;
    }
  }
}

/** ` (did you mean --x?)` for the closest name, by edit distance. */
export function suggestFlag(name: string, candidates: readonly string[], prefix = '--'): string {
  let best = '';
  let bestD = Infinity;
  for (const c of candidates) {
    const d = c.startsWith(name) || name.startsWith(c) ? 1 : editDistance(name, c);
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best && bestD <= Math.max(2, Math.floor(name.length / 3)) ? ` (did you mean ${prefix}${best}?)` : '';
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

/** The flags as an object with camelCase keys, for code that reads them. */
export function camelFlags<S extends FlagSpecs>(flags: ParsedFlags<S>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(flags).map(([k, v]) => [camel(k), v]));
}

/** Help text: usage line, description, and one line per option. */
export function formatHelp(usage: string, description: string, specs: FlagSpecs): string {
  const rows = Object.entries(specs).map(([name, s]) => {
    const value = s.type === 'boolean' ? '' : ` ${s.placeholder ?? (s.choices ? s.choices.join('|') : s.type.toUpperCase())}`;
    const def =
      s.default !== undefined && s.default !== false && !(Array.isArray(s.default) && !s.default.length)
        ? ` (default ${Array.isArray(s.default) ? s.default.join(',') : s.default})`
        : '';
    return [`  --${name}${value}`, `${s.help}${def}`] as const;
  });
  const width = Math.min(34, Math.max(...rows.map((r) => r[0].length)) + 2);
  const lines = rows.map(([left, right]) => (left.length + 2 > width ? `${left}\n${' '.repeat(width)}${right}` : `${left.padEnd(width)}${right}`));
  return [`usage: ${usage}`, '', description, '', 'options:', ...lines].join('\n');
}
