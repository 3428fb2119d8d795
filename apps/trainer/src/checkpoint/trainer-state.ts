import { CliError } from '../errors.js';
import { SCHEDULES } from '../train/optimizer.js';
import type { RunSettings, TrainerState } from './checkpoint.js';

/** Largest seed: dropout draws from seed + 1, and Philox's generator takes safe integers only. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER - 1;

type Check = (v: unknown) => string | null;

const int =
  (min: number, max = Number.MAX_SAFE_INTEGER): Check =>
  (v) =>
    typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max
      ? null
      : `a whole number ${max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `in [${min}, ${max}]`}`;
const num =
  (min: number, max = Infinity): Check =>
  (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? null : `a finite number ${max === Infinity ? `≥ ${min}` : `in [${min}, ${max}]`}`;
const nullable =
  (c: Check): Check =>
  (v) =>
    v === null ? null : c(v) && `${c(v)} or null`;
const oneOf =
  (choices: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && choices.includes(v) ? null : `one of ${choices.join(', ')}`;
const strings: Check = (v) =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x.length > 0) ? null : 'a non-empty list of file names';
const isoTime: Check = (v) => (typeof v === 'string' ? null : 'a time as text');
const finiteOrNull = nullable(num(-Infinity));

const SETTINGS: Record<keyof RunSettings, Check> = {
  seq: int(2),
  batch: int(1),
  steps: nullable(int(0)),
  epochs: nullable(num(0)),
  maxTimeMs: nullable(num(0)),
  lr: num(0),
  schedule: oneOf(SCHEDULES),
  warmup: int(0),
  minLrRatio: num(0, 1),
  weightDecay: num(0),
  clip: num(0),
  seed: int(0, MAX_SEED),
  evalInterval: int(0),
  evalBatches: int(1),
  lossChunkTokens: nullable(int(1)),
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks every field of a parsed trainer_state.json, so a damaged or hand-edited file is refused at
 * load with the file and the field named, instead of training from a negative batch index or
 * printing NaN steps later. Returns the state typed.
 */
export function validateTrainerState(json: unknown, path: string): TrainerState {
  const problems: string[] = [];
  const check = (where: string, value: unknown, c: Check) => {
    const want = c(value);
    if (want) problems.push(`${where} is ${JSON.stringify(value) ?? 'missing'}, expected ${want}`);
  };
  const object = (where: string, value: unknown): Record<string, unknown> => {
    if (isObject(value)) return value;
    problems.push(`${where} is ${JSON.stringify(value) ?? 'missing'}, expected an object`);
    return {};
  };
  const s = object('the file', json);
  check('step', s.step, int(0));
  check('tokensSeen', s.tokensSeen, int(0));
  check('elapsedMs', s.elapsedMs, num(0));
  const loader = object('loader', s.loader);
  check('loader.epoch', loader.epoch, int(0));
  check('loader.batch', loader.batch, int(0));
  const generators = object('generators', s.generators);
  for (const g of ['init', 'dropout'] as const) {
    const gen = object(`generators.${g}`, generators[g]);
    check(`generators.${g}.seed`, gen.seed, int(0, Number.MAX_SAFE_INTEGER));
    check(`generators.${g}.offset`, gen.offset, int(0));
  }
  const settings = object('settings', s.settings);
  for (const [key, c] of Object.entries(SETTINGS)) check(`settings.${key}`, settings[key], c);
  const data = object('data', s.data);
  check('data.sources', data.sources, strings);
  check('data.valSources', data.valSources, nullable(strings));
  check('data.valFraction', data.valFraction, (v) => (typeof v === 'number' && v >= 0 && v < 1 ? null : 'a number in [0, 1)'));
  check('data.maxChars', data.maxChars, nullable(int(1)));
  check('lastLoss', s.lastLoss, finiteOrNull);
  check('bestValLoss', s.bestValLoss, finiteOrNull);
  check('savedAt', s.savedAt, isoTime);
  if (problems.length) {
    throw new CliError(
      `${path}: ${problems.slice(0, 4).join('; ')}${problems.length > 4 ? ` (and ${problems.length - 4} more)` : ''}`,
      undefined,
      'the training state is damaged or was edited by hand; resume from another step-NNNNNN folder of the run, or start a new run',
    );
  }
  return json as TrainerState;
}
