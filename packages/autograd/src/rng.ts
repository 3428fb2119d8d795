import { getDefaultGenerator, type Generator, type RngState } from '@lightattn/tensor-core';

/** Open checkpoint forwards: each remembers every generator's state before its first draw inside. */
const trackers: Map<Generator, RngState>[] = [];

/**
 * Takes the next Philox state from `generator` (the default one when omitted). Differentiable
 * functions that draw random bits should draw through this, so `checkpoint` can replay them.
 */
export function drawRngState(generator: Generator = getDefaultGenerator()): RngState {
  for (const t of trackers) if (!t.has(generator)) t.set(generator, generator.getState());
  return generator.next();
}

/** Runs `fn` and reports the state each generator had before `fn` first drew from it. */
export function trackRngDraws<T>(fn: () => T): { result: T; states: Map<Generator, RngState> } {
  const states = new Map<Generator, RngState>();
  trackers.push(states);
  try {
    return { result: fn(), states };
  } finally {
    trackers.splice(trackers.lastIndexOf(states), 1);
  }
}

/** Runs `fn` with each generator set back to its recorded state, then restores their current states. */
export function replayRng<T>(states: ReadonlyMap<Generator, RngState>, fn: () => T): T {
  const now = [...states.keys()].map((g) => [g, g.getState()] as const);
  for (const [g, s] of states) g.setState(s);
  try {
    return fn();
  } finally {
    for (const [g, s] of now) g.setState(s);
  }
}
