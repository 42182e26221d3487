import { describe, expect, it } from 'vitest';
import { resumeIndex, unansweredQuestions } from './progress.js';

const questions = ['a', 'b', 'c', 'd'];
const answered = (...ids: string[]) => ids.map((competenceId) => ({ competenceId }));

describe('resumeIndex', () => {
  it('starts at the first question when nothing is answered', () => {
    expect(resumeIndex(questions, [])).toBe(0);
  });

  it('picks up at the first question without an answer, also after a gap', () => {
    expect(resumeIndex(questions, answered('a', 'b'))).toBe(2);
    expect(resumeIndex(questions, answered('a', 'c', 'd'))).toBe(1);
  });

  it('goes to the final screen when every question has an answer ("I don\'t know" counts)', () => {
    expect(resumeIndex(questions, answered('d', 'c', 'b', 'a'))).toBe(4);
  });

  it('ignores answers to competences that are not asked', () => {
    expect(resumeIndex(questions, answered('x', 'a'))).toBe(1);
  });
});

describe('unansweredQuestions', () => {
  it('lists the questions still open, in order', () => {
    expect(unansweredQuestions(questions, answered('b', 'x'))).toEqual(['a', 'c', 'd']);
    expect(unansweredQuestions(questions, answered(...questions))).toEqual([]);
  });
});
