import { describe, expect, it } from 'vitest';
import { formatHelp, parseArgs, type FlagSpecs } from './args.js';
import { UsageError } from './errors.js';

const SPECS = {
  steps: { type: 'int', min: 0, help: 'steps' },
  lr: { type: 'number', default: 0.001, help: 'rate' },
  attn: { type: 'string', choices: ['vanilla', 'flash'], help: 'impl' },
  plot: { type: 'boolean', help: 'plot' },
  data: { type: 'list', default: ['brown'], help: 'files' },
  'max-memory': { type: 'bytes', help: 'budget' },
  'max-time': { type: 'duration', help: 'time' },
} as const satisfies FlagSpecs;

const parse = (...argv: string[]) => parseArgs(argv, SPECS, 'train');
const usage = (argv: string[]) => {
  try {
    parse(...argv);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`no error for ${argv.join(' ')}`);
};

describe('parseArgs', () => {
  it('reads each type, in both --flag value and --flag=value forms', () => {
    const a = parse('--steps', '0', '--lr=3e-4', '--attn', 'flash', '--plot', '--max-memory', '1.5GiB', '--max-time=1h30m', 'extra');
    expect(a.flags).toMatchObject({ steps: 0, lr: 3e-4, attn: 'flash', plot: true, 'max-memory': 1.5 * 2 ** 30, 'max-time': 5_400_000 });
    expect(a.positionals).toEqual(['extra']);
    expect([...a.given].sort()).toEqual(['attn', 'lr', 'max-memory', 'max-time', 'plot', 'steps']);
  });

  it('keeps defaults for flags not given and records only given flags', () => {
    const a = parse();
    expect(a.flags.lr).toBe(0.001);
    expect(a.flags.data).toEqual(['brown']);
    expect(a.flags.steps).toBeUndefined();
    expect(a.given.size).toBe(0);
  });

  it('replaces a list default on first use and accumulates repeats and commas', () => {
    expect(parse('--data', 'a.txt', '--data', 'b.txt,c.txt').flags.data).toEqual(['a.txt', 'b.txt', 'c.txt']);
  });

  it('--no-flag turns a boolean off', () => {
    expect(parse('--plot', '--no-plot').flags.plot).toBe(false);
  });

  it('names an unknown flag and the closest known one', () => {
    expect(usage(['--step', '3'])).toMatch(/unknown option --step \(did you mean --steps\?\)/);
    expect(usage(['--atn', 'flash'])).toMatch(/did you mean --attn/);
    expect(usage(['--zzzzzzzz'])).not.toMatch(/did you mean/);
    expect(usage(['-s', '3'])).toMatch(/two dashes/);
  });

  it('refuses missing and malformed values, naming the flag', () => {
    expect(usage(['--steps'])).toMatch(/--steps needs a value/);
    expect(usage(['--steps', '--plot'])).toMatch(/--steps needs a value/);
    expect(usage(['--steps', '1.5'])).toMatch(/--steps must be a whole number/);
    expect(usage(['--steps', '-1'])).toMatch(/--steps must be ≥ 0/);
    expect(usage(['--lr', 'fast'])).toMatch(/--lr must be a number/);
    expect(usage(['--lr', ''])).toMatch(/--lr must be a number/);
    expect(usage(['--attn', 'flesh'])).toMatch(/must be one of vanilla, flash \(did you mean flash\?\)/);
    expect(usage(['--max-memory', 'lots'])).toMatch(/size such as/);
    expect(usage(['--max-time', '2 weeks'])).toMatch(/duration such as/);
    expect(usage(['--plot=maybe'])).toMatch(/true or false/);
    expect(usage(['--no-plot=1'])).toMatch(/takes no value/);
  });

  it("refuses values above a max, empty lists and empty strings, and positionals past the command's count", () => {
    const specs = {
      ratio: { type: 'number', min: 0, max: 1, help: '' },
      files: { type: 'list', help: '' },
      name: { type: 'string', help: '' },
    } as const satisfies FlagSpecs;
    const fails =
      (argv: string[], options = {}) =>
      () =>
        parseArgs(argv, specs, 't', options);
    expect(parseArgs(['--ratio', '1'], specs, 't').flags.ratio).toBe(1);
    expect(fails(['--ratio', '5'])).toThrow(/--ratio must be ≤ 1, got "5"/);
    expect(fails(['--files', ','])).toThrow(/--files needs at least one value, got ","/);
    expect(fails(['--name='])).toThrow(/--name needs a value \(text\), got ""/);
    expect(parseArgs(['a'], specs, 't', { positionals: 1 }).positionals).toEqual(['a']);
    expect(fails(['a', 'b'], { positionals: 1 })).toThrow(/t: unexpected argument "b"; `lightattn t` takes at most 1/);
    expect(fails(['a'], { positionals: 0 })).toThrow(/takes no arguments, only options/);
  });

  it('accepts negative numbers as values and everything after -- as positionals', () => {
    const specs = { x: { type: 'number', help: '' } } as const satisfies FlagSpecs;
    expect(parseArgs(['--x', '-2.5'], specs, 't').flags.x).toBe(-2.5);
    expect(parseArgs(['--', '--x', '1'], specs, 't').positionals).toEqual(['--x', '1']);
  });

  it('formats help with every option and its default', () => {
    const help = formatHelp('lightattn train', 'Train.', SPECS);
    for (const name of Object.keys(SPECS)) expect(help).toContain(`--${name}`);
    expect(help).toContain('(default 0.001)');
    expect(help).toContain('vanilla|flash');
  });
});
