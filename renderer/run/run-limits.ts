import { LANGUAGES, MIN_MEMORY_MB, MIN_TIME_MS, TIER_LIMITS, type LanguageId } from '../../common/languages';
import type { RunLimitsInput } from '../../common/sandbox';
import type { RunLimitFields } from '../state/store';

// The run limits as typed in the run panel (text, so a half-typed value can be shown as invalid),
// checked against the language's tier and turned into what the sandbox takes.

export interface LimitProblems {
  timeMs?: string;
  memoryMb?: string;
}

function bounds(language: LanguageId | null) {
  const tier = TIER_LIMITS[LANGUAGES[language ?? 'python'].tier].run;
  return { timeMax: tier.timeMs.max, timeDefault: tier.timeMs.default, memoryMax: tier.memoryMb.max, memoryDefault: tier.memoryMb.default };
}

export function limitDefaults(language: LanguageId | null): { timeMs: number; memoryMb: number } {
  const b = bounds(language);
  return { timeMs: b.timeDefault, memoryMb: b.memoryDefault };
}

/** What is wrong with the typed limits for this language; empty fields mean its defaults. */
export function limitProblems(fields: RunLimitFields, language: LanguageId | null): LimitProblems {
  const b = bounds(language);
  const check = (text: string, min: number, max: number, unit: string, what: string) => {
    if (text.trim() === '') return undefined;
    const value = Number(text);
    if (!Number.isInteger(value)) return `The ${what} must be a whole number of ${unit}.`;
    if (value < min) return `The ${what} must be at least ${min} ${unit}.`;
    if (value > max) return `The ${what} must be at most ${max} ${unit}${language ? ` for ${LANGUAGES[language].name}` : ''}.`;
    return undefined;
  };
  const problems: LimitProblems = {};
  const time = check(fields.timeMs, MIN_TIME_MS, b.timeMax, 'ms', 'time limit');
  const memory = check(fields.memoryMb, MIN_MEMORY_MB, b.memoryMax, 'MB', 'memory limit');
  if (time) problems.timeMs = time;
  if (memory) problems.memoryMb = memory;
  return problems;
}

export function limitsFor(fields: RunLimitFields): RunLimitsInput {
  const limits: RunLimitsInput = {};
  if (fields.timeMs.trim()) limits.timeMs = Number(fields.timeMs);
  if (fields.memoryMb.trim()) limits.memoryMb = Number(fields.memoryMb);
  return limits;
}
