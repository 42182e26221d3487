import { eq } from 'drizzle-orm';
import type { Executor } from './client.js';
import { proficiencyScales, scaleLevels } from './schema/index.js';
import type { LocalizedText } from './schema/columns.js';

export const DEFAULT_SCALE_KEY = 'lk-default-0-4';

/**
 * The default scale of domain-rules §1: 0 nog niet · 1 met hulp · 2 zelfstandig ·
 * 3 vlot, ook in nieuwe situaties · 4 kan het anderen leren. "Proficient" from level 2.
 * Descriptors are one short sentence, written for people who read little.
 */
export const defaultScaleLevels: Array<{ level: number; pictogram: string; label: LocalizedText; descriptor: LocalizedText }> = [
  {
    level: 0,
    pictogram: 'seedling',
    label: { nl: 'nog niet', fr: 'pas encore', en: 'not yet', 'nl-easy': 'nog niet' },
    descriptor: {
      nl: 'Ik kan dit nog niet.',
      fr: 'Je ne sais pas encore le faire.',
      en: 'I cannot do this yet.',
      'nl-easy': 'Dit kan ik nog niet.',
    },
  },
  {
    level: 1,
    pictogram: 'helping-hand',
    label: { nl: 'met hulp', fr: 'avec aide', en: 'with help', 'nl-easy': 'met hulp' },
    descriptor: {
      nl: 'Ik kan dit als iemand mij helpt.',
      fr: "Je sais le faire si quelqu'un m'aide.",
      en: 'I can do this when someone helps me.',
      'nl-easy': 'Ik kan dit met hulp.',
    },
  },
  {
    level: 2,
    pictogram: 'check',
    label: { nl: 'zelfstandig', fr: 'seul', en: 'on my own', 'nl-easy': 'alleen' },
    descriptor: {
      nl: 'Ik kan dit alleen, zonder hulp.',
      fr: 'Je sais le faire seul, sans aide.',
      en: 'I can do this on my own, without help.',
      'nl-easy': 'Ik kan dit alleen.',
    },
  },
  {
    level: 3,
    pictogram: 'star',
    label: {
      nl: 'vlot, ook in nieuwe situaties',
      fr: 'avec aisance, aussi dans des situations nouvelles',
      en: 'fluently, also in new situations',
      'nl-easy': 'goed, ook als het nieuw is',
    },
    descriptor: {
      nl: 'Ik kan dit goed, ook als er iets nieuws of onverwachts gebeurt.',
      fr: "Je le fais bien, même quand quelque chose de nouveau ou d'inattendu arrive.",
      en: 'I do this well, also when something new or unexpected happens.',
      'nl-easy': 'Ik kan dit goed. Ook als het anders loopt.',
    },
  },
  {
    level: 4,
    pictogram: 'teacher',
    label: { nl: 'kan het anderen leren', fr: 'peut l’apprendre aux autres', en: 'can teach others', 'nl-easy': 'ik kan het uitleggen' },
    descriptor: {
      nl: 'Ik kan dit zo goed dat ik het aan anderen kan leren.',
      fr: 'Je le fais si bien que je peux l’apprendre aux autres.',
      en: 'I do this so well that I can teach it to others.',
      'nl-easy': 'Ik kan dit aan anderen leren.',
    },
  },
];

/** Creates the default scale when missing; returns its id. Idempotent. */
export async function ensureDefaultScale(db: Executor): Promise<string> {
  const [existing] = await db
    .select({ id: proficiencyScales.id })
    .from(proficiencyScales)
    .where(eq(proficiencyScales.key, DEFAULT_SCALE_KEY));
  if (existing) return existing.id;
  const [scale] = await db
    .insert(proficiencyScales)
    .values({
      key: DEFAULT_SCALE_KEY,
      name: { nl: 'Standaardschaal 0–4', fr: 'Échelle standard 0–4', en: 'Default scale 0–4' },
      proficientFrom: 2,
    })
    .onConflictDoNothing()
    .returning({ id: proficiencyScales.id });
  if (!scale) return ensureDefaultScale(db);
  await db.insert(scaleLevels).values(defaultScaleLevels.map((l) => ({ scaleId: scale.id, ...l })));
  return scale.id;
}
