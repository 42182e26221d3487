import { describe, expect, it } from 'vitest';
import { checkCampaignSettings, checkOpenCampaignChange, type CampaignSettings } from './campaign-rules.js';

const ok: CampaignSettings = {
  perspectives: ['functioning', 'competence'],
  opensOn: '2026-03-01',
  closesOn: '2026-03-31',
  locales: ['nl', 'nl-easy', 'fr'],
  mode: 'named',
  supervisorAssessment: true,
};

describe('checkCampaignSettings', () => {
  it('accepts a sound campaign, also one that opens and closes on the same day', () => {
    expect(checkCampaignSettings(ok)).toEqual([]);
    expect(checkCampaignSettings({ ...ok, closesOn: ok.opensOn })).toEqual([]);
  });

  it('names every problem', () => {
    const problems = checkCampaignSettings({
      ...ok,
      perspectives: [],
      closesOn: '2026-02-28',
      locales: ['fr', 'en'],
      mode: 'anonymous',
      supervisorAssessment: true,
    });
    expect(problems.map((p) => p.path)).toEqual(['/body/perspectives', '/body/closesOn', '/body/locales', '/body/supervisorAssessment']);
    expect(problems[3].message).toMatch(/anonymous/);
  });

  it('an anonymous campaign without supervisors is fine', () => {
    expect(checkCampaignSettings({ ...ok, mode: 'anonymous', supervisorAssessment: false })).toEqual([]);
  });

  it('refuses doubles', () => {
    expect(checkCampaignSettings({ ...ok, perspectives: ['competence', 'competence'], locales: ['nl', 'nl'] }).map((p) => p.path)).toEqual([
      '/body/perspectives',
      '/body/locales',
    ]);
  });
});

describe('checkOpenCampaignChange', () => {
  const current = { closesOn: '2026-03-31' };
  it('allows a new title, description and a later closing date', () => {
    expect(checkOpenCampaignChange(current, { title: 'X', description: 'Y', closesOn: '2026-04-15' }, '2026-03-10')).toEqual([]);
  });

  it('refuses other fields and an earlier closing date', () => {
    const problems = checkOpenCampaignChange(current, { mode: 'anonymous', scope: {}, closesOn: '2026-03-20' }, '2026-03-10');
    expect(problems.map((p) => p.path)).toEqual(['/body/mode', '/body/scope', '/body/closesOn']);
  });

  it('refuses a closing date in the past', () => {
    expect(checkOpenCampaignChange({ closesOn: '2026-03-01' }, { closesOn: '2026-03-05' }, '2026-03-10')[0].message).toMatch(/past/);
  });
});
