/**
 * Where a respondent stands in the survey: one question per screen, in the campaign's order.
 * "Answered" means a level or "I don't know"; both count, so nobody is sent back to a question
 * they chose not to rate.
 */

export interface AnsweredQuestion {
  competenceId: string;
}

/**
 * The index of the first question without an answer, so resuming on the same link starts there;
 * `questionIds.length` when every question has one (the final screen).
 */
export function resumeIndex(questionIds: readonly string[], answers: readonly AnsweredQuestion[]): number {
  const answered = new Set(answers.map((a) => a.competenceId));
  const index = questionIds.findIndex((id) => !answered.has(id));
  return index === -1 ? questionIds.length : index;
}

/** The questions still without an answer, in order (what blocks submitting). */
export function unansweredQuestions(questionIds: readonly string[], answers: readonly AnsweredQuestion[]): string[] {
  const answered = new Set(answers.map((a) => a.competenceId));
  return questionIds.filter((id) => !answered.has(id));
}
