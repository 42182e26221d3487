import { describe, expect, it } from 'vitest';
import { checkAnswer, selfRatings } from './answers.js';

describe('checkAnswer (default scale 0–4)', () => {
  it('accepts every level of the scale and "I don\'t know"', () => {
    for (const level of [0, 1, 2, 3, 4]) expect(checkAnswer({ level }, 4)).toEqual({ ok: true, answer: { level, dontKnow: false } });
    expect(checkAnswer({ dontKnow: true }, 4)).toEqual({ ok: true, answer: { level: null, dontKnow: true } });
    expect(checkAnswer({ level: 2, dontKnow: false }, 4)).toEqual({ ok: true, answer: { level: 2, dontKnow: false } });
  });

  it('refuses a level outside the scale, naming /body/level', () => {
    for (const level of [5, -1, 1.5]) {
      const result = checkAnswer({ level }, 4);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems).toEqual([{ path: '/body/level', message: 'must be a whole number from 0 to 4' }]);
    }
  });

  it('needs exactly one of a level and "I don\'t know"', () => {
    expect(checkAnswer({}, 4)).toEqual({
      ok: false,
      problems: [{ path: '/body/level', message: 'choose a level, or send dontKnow: true' }],
    });
    expect(checkAnswer({ level: 1, dontKnow: true }, 4)).toMatchObject({ ok: false, problems: [{ path: '/body/dontKnow' }] });
  });
});

describe('selfRatings', () => {
  it('turns levels into ratings and leaves "I don\'t know" out (it is never a 0)', () => {
    const answers = [
      { competenceId: 'a', level: 0, dontKnow: false },
      { competenceId: 'b', level: null, dontKnow: true },
      { competenceId: 'c', level: 3, dontKnow: false },
    ];
    expect(selfRatings(answers)).toEqual([
      { competenceId: 'a', level: 0 },
      { competenceId: 'c', level: 3 },
    ]);
  });
});
