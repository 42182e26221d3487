/**
 * One answer to one question: a level on the respondent's scale (0..maxLevel) or "I don't know".
 * "I don't know" is an answer, never a rating: it is not stored as level 0 and does not count in
 * the diagnosis.
 */

export interface AnswerInput {
  level?: number;
  dontKnow?: boolean;
}

export type Answer = { level: number; dontKnow: false } | { level: null; dontKnow: true };

export interface AnswerProblem {
  path: string;
  message: string;
}

export function checkAnswer(input: AnswerInput, maxLevel: number): { ok: true; answer: Answer } | { ok: false; problems: AnswerProblem[] } {
  const hasLevel = input.level !== undefined;
  const dontKnow = input.dontKnow === true;
  if (hasLevel && dontKnow) {
    return { ok: false, problems: [{ path: '/body/dontKnow', message: 'give either a level or dontKnow, not both' }] };
  }
  if (dontKnow) return { ok: true, answer: { level: null, dontKnow: true } };
  if (!hasLevel) return { ok: false, problems: [{ path: '/body/level', message: 'choose a level, or send dontKnow: true' }] };
  const level = input.level!;
  if (!Number.isInteger(level) || level < 0 || level > maxLevel) {
    return { ok: false, problems: [{ path: '/body/level', message: `must be a whole number from 0 to ${maxLevel}` }] };
  }
  return { ok: true, answer: { level, dontKnow: false } };
}

/** The self ratings a submitted survey stores: only the answers with a level. */
export function selfRatings<T extends { competenceId: string; level: number | null; dontKnow: boolean }>(
  answers: readonly T[],
): Array<{ competenceId: string; level: number }> {
  return answers.filter((a) => !a.dontKnow && a.level !== null).map((a) => ({ competenceId: a.competenceId, level: a.level! }));
}
