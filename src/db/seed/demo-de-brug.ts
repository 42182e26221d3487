import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Executor } from '../client.js';
import { competences, frameworks, functionProfileCompetences, functionProfiles, people, teams, users } from '../schema/index.js';
import { ensureDefaultScale } from '../reference-data.js';
import type { DemoStep } from './demo.js';
import { prng } from '../../shared/prng.js';

/**
 * Demo content for Maatwerkbedrijf De Brug: 6 teams, 120 people (100 target-group employees,
 * 20 supervisory staff), 5 function profiles on our own frameworks. Every name is fictional and
 * generated from a seeded PRNG, so every installation gets the same people.
 */

const ORG_SLUG = 'de-brug';
/** Demo accounts that are also people of De Brug (emails as in demoAccounts). */
const EMPLOYEE_EMAIL = 'medewerker@demo.leerkompas.be';
const MANAGER_EMAIL = 'leiding@demo.leerkompas.be';
const EMPLOYEE_NAME = 'Emre Yilmaz';
const MANAGER_NAME = 'Marc Claes';

/** The year of the digital transition in the demo: planning software on tablets on the floor. */
export const DE_BRUG_HORIZON_YEAR = 2028;

type Importance = 'core' | 'supporting';
interface ProfileItem {
  key: string;
  required: 1 | 2 | 3;
  importance: Importance;
  future?: 2 | 3;
}
interface ProfileSpec {
  name: string;
  description: string;
  items: ProfileItem[];
}

const SUPERVISOR_PROFILE = 'Werkleider / begeleider';

export const deBrugProfiles: ProfileSpec[] = [
  {
    name: 'Productiemedewerker verpakking',
    description: 'Verpakt, telt en etiketteert producten aan de lijn en houdt de werkplek netjes en veilig.',
    items: [
      { key: 'lk21.basics.dutch.instructions', required: 2, importance: 'core' },
      { key: 'lk21.basics.dutch.reading', required: 1, importance: 'core' },
      { key: 'lk21.basics.numeracy.quantities', required: 2, importance: 'core' },
      { key: 'lk21.thinking.quality', required: 2, importance: 'core' },
      { key: 'lk21.selfreg.attitude', required: 2, importance: 'core' },
      { key: 'lk21.selfreg.safety', required: 2, importance: 'core' },
      { key: 'lk21.social.collaboration', required: 2, importance: 'supporting' },
      { key: 'lk21.selfreg.pressure', required: 1, importance: 'supporting' },
      { key: 'lk21.selfreg.change', required: 1, importance: 'supporting', future: 2 },
      { key: 'lk21.digital.worktools', required: 1, importance: 'supporting', future: 2 },
    ],
  },
  {
    name: 'Medewerker groenonderhoud',
    description: 'Maait, snoeit en onderhoudt parken en tuinen van klanten, en werkt veilig met machines.',
    items: [
      { key: 'lk21.selfreg.safety', required: 3, importance: 'core' },
      { key: 'lk21.basics.dutch.instructions', required: 2, importance: 'core' },
      { key: 'lk21.social.collaboration', required: 2, importance: 'core' },
      { key: 'lk21.selfreg.responsibility', required: 2, importance: 'core' },
      { key: 'lk21.social.customers', required: 1, importance: 'supporting' },
      { key: 'lk21.thinking.problem', required: 1, importance: 'supporting' },
      { key: 'lk21.basics.numeracy.time', required: 1, importance: 'supporting' },
      { key: 'lk21.digital.smartphone', required: 1, importance: 'supporting', future: 2 },
      { key: 'lk21.digital.worktools', required: 1, importance: 'supporting', future: 2 },
    ],
  },
  {
    name: 'Medewerker schoonmaak',
    description: 'Maakt kantoren en gebouwen van klanten schoon volgens het schoonmaakplan.',
    items: [
      { key: 'lk21.selfreg.safety', required: 2, importance: 'core' },
      { key: 'lk21.basics.dutch.reading', required: 2, importance: 'core' },
      { key: 'lk21.basics.numeracy.quantities', required: 2, importance: 'core' },
      { key: 'lk21.social.customers', required: 2, importance: 'core' },
      { key: 'lk21.selfreg.attitude', required: 2, importance: 'core' },
      { key: 'lk21.selfreg.planning', required: 1, importance: 'supporting' },
      { key: 'lk21.thinking.quality', required: 2, importance: 'supporting' },
      { key: 'lk21.digital.worktools', required: 1, importance: 'supporting', future: 2 },
    ],
  },
  {
    name: 'Keukenmedewerker',
    description: 'Bereidt maaltijden voor, helpt in de afwas en aan de kassa van het bedrijfsrestaurant.',
    items: [
      { key: 'lk21.selfreg.safety', required: 3, importance: 'core' },
      { key: 'lk21.basics.numeracy.quantities', required: 2, importance: 'core' },
      { key: 'lk21.social.customers', required: 2, importance: 'core' },
      { key: 'lk21.selfreg.pressure', required: 2, importance: 'core' },
      { key: 'lk21.social.collaboration', required: 2, importance: 'core' },
      { key: 'lk21.basics.dutch.instructions', required: 2, importance: 'core' },
      { key: 'lk21.basics.numeracy.money', required: 1, importance: 'supporting' },
      { key: 'lk21.digital.worktools', required: 1, importance: 'supporting', future: 2 },
    ],
  },
  {
    name: SUPERVISOR_PROFILE,
    description: 'Begeleidt een ploeg doelgroepmedewerkers op de werkvloer: geeft instructie, volgt op en ondersteunt.',
    items: [
      { key: 'lkc.guiding.instructing', required: 3, importance: 'core' },
      { key: 'lkc.guiding.feedback', required: 3, importance: 'core' },
      { key: 'lkc.guiding.motivating', required: 2, importance: 'core' },
      { key: 'lkc.people.diversity', required: 2, importance: 'core' },
      { key: 'lkc.people.conflict', required: 2, importance: 'core' },
      { key: 'lkc.communication.lowliteracy', required: 3, importance: 'core' },
      { key: 'lkc.development.observing', required: 2, importance: 'core' },
      { key: 'lkc.people.stress', required: 2, importance: 'supporting' },
      { key: 'lkc.development.plan', required: 2, importance: 'supporting' },
      { key: 'lkc.self.workload', required: 2, importance: 'supporting' },
      { key: 'lk21.digital.worktools', required: 2, importance: 'supporting', future: 3 },
      { key: 'lk21.digital.office', required: 1, importance: 'supporting', future: 2 },
    ],
  },
];

/** Teams with their numbers of target-group employees and supervisory staff. */
export const deBrugTeams: Array<{ name: string; targetGroup: number; supervisory: number; profile: string | null }> = [
  { name: 'Verpakking', targetGroup: 30, supervisory: 4, profile: 'Productiemedewerker verpakking' },
  { name: 'Groenonderhoud', targetGroup: 20, supervisory: 3, profile: 'Medewerker groenonderhoud' },
  { name: 'Schoonmaak', targetGroup: 20, supervisory: 3, profile: 'Medewerker schoonmaak' },
  { name: 'Drukwerk & afwerking', targetGroup: 15, supervisory: 2, profile: 'Productiemedewerker verpakking' },
  { name: 'Keuken & catering', targetGroup: 15, supervisory: 3, profile: 'Keukenmedewerker' },
  { name: 'Ondersteuning & omkadering', targetGroup: 0, supervisory: 5, profile: null },
];

type Locale = 'nl' | 'fr' | 'en';
interface NameGroup {
  weight: number;
  first?: string[];
  last?: string[];
  /** Full names where first and last name must stay together. */
  full?: string[];
  /** Chance of each preferred locale; the rest is nl. */
  fr?: number;
  en?: number;
}

/** Names as common in Flanders and Brussels; combinations are fictional. */
const nameGroups: NameGroup[] = [
  {
    weight: 44,
    first: [
      'Jan',
      'Tom',
      'Koen',
      'Bart',
      'Wim',
      'Dirk',
      'Pieter',
      'Jens',
      'Stijn',
      'Kevin',
      'Glenn',
      'Niels',
      'Ruben',
      'Jonas',
      'Wout',
      'Lander',
      'Els',
      'An',
      'Katrien',
      'Griet',
      'Sofie',
      'Lotte',
      'Hanne',
      'Nele',
      'Sarah',
      'Ilse',
      'Kim',
      'Evelien',
      'Marleen',
      'Linda',
      'Jana',
      'Femke',
      'Lien',
      'Tine',
    ],
    last: [
      'Peeters',
      'Janssens',
      'Maes',
      'Jacobs',
      'Mertens',
      'Willems',
      'Goossens',
      'Vermeulen',
      'Van den Broeck',
      'De Clercq',
      'Verstraete',
      'Lemmens',
      'Hermans',
      'Dierckx',
      'Claeys',
      'Vandenberghe',
      'Van Acker',
      'De Backer',
      'Martens',
      'Coppens',
      'Michiels',
      'Verhoeven',
      'Pauwels',
      'Bogaert',
      'Van Hecke',
      'Smets',
    ],
  },
  {
    weight: 10,
    first: [
      'Julien',
      'Sébastien',
      'Nathalie',
      'Amélie',
      'Céline',
      'Olivier',
      'Laurent',
      'Isabelle',
      'Mélanie',
      'Thierry',
      'Aurélie',
      'Damien',
    ],
    last: ['Dubois', 'Lambert', 'Dupont', 'Leroy', 'Simon', 'Lejeune', 'Renard', 'Gilson', 'Collard', 'François'],
    fr: 0.7,
  },
  {
    weight: 15,
    first: [
      'Mohamed',
      'Youssef',
      'Karim',
      'Bilal',
      'Hamza',
      'Rachid',
      'Soufiane',
      'Zakaria',
      'Mustafa',
      'Fatima',
      'Samira',
      'Nadia',
      'Imane',
      'Khadija',
      'Amina',
      'Hanan',
    ],
    last: [
      'El Amrani',
      'Benali',
      'Bouzid',
      'El Idrissi',
      'Azzouzi',
      'Ouali',
      'Haddouchi',
      'Bakkali',
      'El Khattabi',
      'Ait Lahcen',
      'Chaouki',
    ],
    fr: 0.25,
  },
  {
    weight: 8,
    first: ['Emre', 'Mehmet', 'Burak', 'Murat', 'Hakan', 'Yusuf', 'Ayşe', 'Elif', 'Zeynep', 'Fatma', 'Selin', 'Kübra'],
    last: ['Yilmaz', 'Demir', 'Kaya', 'Şahin', 'Çelik', 'Öztürk', 'Aydın', 'Arslan', 'Doğan', 'Koç'],
  },
  {
    weight: 7,
    full: [
      'Piotr Kowalski',
      'Katarzyna Nowak',
      'Tomasz Wiśniewski',
      'Agnieszka Zielińska',
      'Paweł Wójcik',
      'Marta Kamińska',
      'Andrei Popescu',
      'Ioana Ionescu',
      'Mihai Stan',
      'Elena Dumitru',
      'Georgi Petrov',
      'Radostina Ivanova',
    ],
    en: 0.4,
  },
  {
    weight: 6,
    first: ['Patrick', 'Grâce', 'Junior', 'Christelle', 'Jean-Pierre', 'Divine', 'Merveille', 'Cédric'],
    last: ['Mbuyi', 'Kabongo', 'Tshibanda', 'Ilunga', 'Mukendi', 'Kalonji', 'Nsimba', 'Lukusa'],
    fr: 0.6,
  },
  {
    weight: 6,
    first: ['Ahmad', 'Omar', 'Rahim', 'Hassan', 'Mahmoud', 'Farid', 'Nour', 'Layla', 'Mariam', 'Zahra'],
    last: ['Al-Hassan', 'Haddad', 'Rahimi', 'Ahmadi', 'Noori', 'Sultani', 'Kassem', 'Hamdan'],
    en: 0.5,
  },
  {
    weight: 4,
    first: ['Yonas', 'Tesfaye', 'Filmon', 'Dawit', 'Senait', 'Helen', 'Selam', 'Rahwa'],
    last: ['Haile', 'Tesfay', 'Ghebremedhin', 'Berhane', 'Kidane', 'Woldu'],
    en: 0.5,
  },
];

/** Deterministic generator of distinct fictional names with a preferred locale. */
function nameGenerator(rnd: () => number, reserved: string[]) {
  const used = new Set(reserved);
  const totalWeight = nameGroups.reduce((s, g) => s + g.weight, 0);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
  return (): { name: string; locale: Locale } => {
    for (let attempt = 0; attempt < 1000; attempt++) {
      let r = rnd() * totalWeight;
      const group = nameGroups.find((g) => (r -= g.weight) < 0) ?? nameGroups[0];
      const name = group.full ? pick(group.full) : `${pick(group.first!)} ${pick(group.last!)}`;
      if (used.has(name)) continue;
      used.add(name);
      const l = rnd();
      const locale: Locale = l < (group.fr ?? 0) ? 'fr' : l < (group.fr ?? 0) + (group.en ?? 0) ? 'en' : 'nl';
      return { name, locale };
    }
    throw new Error('ran out of demo names');
  };
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** The demo step: skipped when De Brug has teams already, so seeding twice duplicates nothing. */
export const seedDeBrug: DemoStep = async (tx, { orgIds }) => {
  const orgId = orgIds.get(ORG_SLUG);
  if (!orgId) return;
  const [existingTeams] = await tx.select({ n: count() }).from(teams).where(eq(teams.organisationId, orgId));
  if (Number(existingTeams.n) > 0) return;

  const competenceIds = await ownCompetenceIds(tx, [...new Set(deBrugProfiles.flatMap((p) => p.items.map((i) => i.key)))]);
  const scaleId = await ensureDefaultScale(tx);

  const teamRows = await tx
    .insert(teams)
    .values(deBrugTeams.map((t, position) => ({ organisationId: orgId, name: t.name, position })))
    .returning({ id: teams.id, name: teams.name });
  const teamId = new Map(teamRows.map((t) => [t.name, t.id]));

  const profileRows = await tx
    .insert(functionProfiles)
    .values(deBrugProfiles.map((p) => ({ organisationId: orgId, name: p.name, description: p.description, scaleId })))
    .returning({ id: functionProfiles.id, name: functionProfiles.name });
  const profileId = new Map(profileRows.map((p) => [p.name, p.id]));
  await tx.insert(functionProfileCompetences).values(
    deBrugProfiles.flatMap((p) =>
      p.items.map((item, position) => ({
        profileId: profileId.get(p.name)!,
        competenceId: competenceIds.get(item.key)!,
        requiredLevel: item.required,
        importance: item.importance,
        futureLevel: item.future ?? null,
        horizonYear: item.future ? DE_BRUG_HORIZON_YEAR : null,
        position,
      })),
    ),
  );

  const accountRows = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, [EMPLOYEE_EMAIL, MANAGER_EMAIL]));
  const accountId = new Map(accountRows.map((u) => [u.email, u.id]));

  const rnd = prng(20220607);
  const nextName = nameGenerator(rnd, [EMPLOYEE_NAME, MANAGER_NAME, 'Olga Van Damme', 'Hilde Peeters']);
  type PersonRow = typeof people.$inferInsert;
  const rows: PersonRow[] = [];
  let ref = 0;
  const person = (
    fields: Omit<PersonRow, 'id' | 'organisationId' | 'displayName' | 'externalRef' | 'preferredLocale'> & {
      name?: string;
      locale?: Locale;
    },
  ): PersonRow => {
    const generated = fields.name ? { name: fields.name, locale: fields.locale ?? 'nl' } : nextName();
    const { name: _name, locale: _locale, ...rest } = fields;
    const row: PersonRow = {
      id: uuidv7(),
      organisationId: orgId,
      displayName: generated.name,
      externalRef: `DB-${String(++ref).padStart(4, '0')}`,
      preferredLocale: generated.locale,
      ...rest,
    };
    rows.push(row);
    return row;
  };

  // Ondersteuning & omkadering: the head of production at the top, jobcoaches reporting to them.
  const support = deBrugTeams.find((t) => t.profile === null)!;
  const head = person({
    targetGroup: 'supervisory_staff',
    teamId: teamId.get(support.name),
    functionProfileId: profileId.get(SUPERVISOR_PROFILE),
    supervisorId: null,
  });
  for (let i = 1; i < support.supervisory; i++) {
    person({
      targetGroup: 'supervisory_staff',
      teamId: teamId.get(support.name),
      functionProfileId: profileId.get(SUPERVISOR_PROFILE),
      supervisorId: head.id,
    });
  }

  for (const team of deBrugTeams.filter((t) => t.profile !== null)) {
    const first = team.name === 'Verpakking';
    const leaders = Array.from({ length: team.supervisory }, (_, i) =>
      person({
        targetGroup: 'supervisory_staff',
        teamId: teamId.get(team.name),
        functionProfileId: profileId.get(SUPERVISOR_PROFILE),
        supervisorId: head.id,
        ...(first && i === 0 ? { name: MANAGER_NAME, userId: accountId.get(MANAGER_EMAIL) ?? null } : {}),
      }),
    );
    for (let i = 0; i < team.targetGroup; i++) {
      person({
        targetGroup: 'target_group_employee',
        teamId: teamId.get(team.name),
        functionProfileId: profileId.get(team.profile!),
        supervisorId: leaders[i % leaders.length].id,
        ...(first && i === 0 ? { name: EMPLOYEE_NAME, userId: accountId.get(EMPLOYEE_EMAIL) ?? null } : {}),
      });
    }
  }

  // A few planned exits (retirement, end of contract) within the next five years, for the prognosis.
  const today = new Date();
  const candidates = rows.filter((r) => r.userId == null && r.id !== head.id);
  for (let i = 0; i < 9; i++) {
    const index = Math.floor(rnd() * candidates.length);
    const [chosen] = candidates.splice(index, 1);
    const days = 60 + Math.floor(rnd() * (5 * 365 - 90));
    chosen.plannedExitDate = isoDate(new Date(today.getTime() + days * 86_400_000));
  }

  await tx.insert(people).values(rows);
  return `De Brug: ${rows.length} people in ${teamRows.length} teams, ${profileRows.length} function profiles`;
};

/** Ids of competences of our public frameworks by key; fails loudly when bootstrap has not loaded them. */
async function ownCompetenceIds(tx: Executor, keys: string[]): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: competences.id, key: competences.key })
    .from(competences)
    .innerJoin(frameworks, eq(frameworks.id, competences.frameworkId))
    .where(
      and(
        inArray(frameworks.key, ['lk-21st-century-skills', 'lk-coaching-guidance']),
        isNull(frameworks.organisationId),
        inArray(competences.key, keys),
      ),
    );
  const ids = new Map(rows.map((r) => [r.key, r.id]));
  const missing = keys.filter((k) => !ids.has(k));
  if (missing.length > 0)
    throw new Error(`Demo data needs our own frameworks (run bootstrap first); missing competences: ${missing.join(', ')}`);
  return ids;
}
