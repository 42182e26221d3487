import { describe, expect, it } from 'vitest';
import { canSeeRecord, visibleLevels, type Viewer } from './visibility.js';

const nobody: Viewer = { isSubject: false, isAuthor: false, isSupervisor: false, isHr: false };

describe('record visibility', () => {
  it('private: only the person and the author', () => {
    expect(canSeeRecord('private', { ...nobody, isSubject: true })).toBe(true);
    expect(canSeeRecord('private', { ...nobody, isAuthor: true })).toBe(true);
    expect(canSeeRecord('private', { ...nobody, isSupervisor: true })).toBe(false);
    expect(canSeeRecord('private', { ...nobody, isHr: true })).toBe(false);
  });

  it('supervisor: adds the supervisor, not HR', () => {
    expect(canSeeRecord('supervisor', { ...nobody, isSupervisor: true })).toBe(true);
    expect(canSeeRecord('supervisor', { ...nobody, isHr: true })).toBe(false);
    expect(canSeeRecord('supervisor', nobody)).toBe(false);
  });

  it('hr: adds HR on top of the supervisor', () => {
    expect(canSeeRecord('hr', { ...nobody, isHr: true })).toBe(true);
    expect(canSeeRecord('hr', { ...nobody, isSupervisor: true })).toBe(true);
    expect(canSeeRecord('hr', nobody)).toBe(false);
  });

  it('lists the levels a viewer sees', () => {
    expect(visibleLevels({ isSupervisor: false, isHr: true })).toEqual(['hr']);
    expect(visibleLevels({ isSupervisor: true, isHr: false })).toEqual(['supervisor', 'hr']);
    expect(visibleLevels({ isSupervisor: true, isHr: true })).toEqual(['supervisor', 'hr']);
    expect(visibleLevels({ isSupervisor: false, isHr: false })).toEqual([]);
  });
});
