import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { todayInBrussels } from '../../domain/calendar/brussels.js';
import type { Db, Executor } from '../client.js';
import type { LocalizedText } from '../schema/columns.js';
import {
  competences,
  frameworks,
  fundingInstruments,
  offerCompetences,
  offerEditions,
  offers,
  people,
  teams,
  users,
} from '../schema/index.js';
import { placeOfPostcode } from '../../domain/offers/regions.js';
import {
  CODE_PATTERN,
  publishProblems,
  validateEdition,
  validateOfferFields,
  type Accessibility,
  type OfferFormat,
  type Problem,
} from '../../domain/offers/rules.js';
import { createEnrolmentService } from '../../modules/enrolment/service.js';
import type { Actor } from '../../server/tenancy.js';
import type { DemoStep } from './demo.js';

/**
 * The catalog of the two demo training providers (issue 5 item 7): about 60 published offers and
 * three drafts, fictional but plausible, tagged with competences of our own frameworks (the ones
 * De Brug's function profiles and campaigns use, so matching De Brug's needs finds them), each
 * with one to three editions in the coming months, counted from the seeding day.
 *
 * Every row is checked with the offer rules of the catalog (src/domain/offers/rules.ts) before it
 * is written: a demo offer that breaks them stops the seed. A few editions near De Brug (Gent,
 * Mechelen) are almost full: HR of De Brug enrolled a group there through the enrolment service,
 * so the seat counts and the waiting list follow the same rules as on screen.
 *
 * Idempotent on (provider, code): offers that exist already are left alone, with their editions
 * and enrolments, so seeding twice adds nothing.
 */

type ProviderSlug = 'leerhuis-schelde' | 'vormingscentrum-kempen';
const LS: ProviderSlug = 'leerhuis-schelde';
const VK: ProviderSlug = 'vormingscentrum-kempen';

/** Recognitions are keys of funding_instruments (src/db/reference/funding-instruments.json). */
type Recognition = 'vlaams-opleidingsverlof' | 'opleidingscheques' | 'kmo-portefeuille';
const VOV: Recognition = 'vlaams-opleidingsverlof';
const CHEQUES: Recognition = 'opleidingscheques';
const KMO: Recognition = 'kmo-portefeuille';

const PLAIN: Accessibility = 'plain_language';
const A1A2: Accessibility = 'dutch_a1_a2';
const WHEEL: Accessibility = 'wheelchair';

type Day = 'ma' | 'di' | 'wo' | 'do' | 'vr';
const WEEKDAY: Record<Day, number> = { ma: 1, di: 2, wo: 3, do: 4, vr: 5 };

/**
 * When the sessions fall: `n` sessions on the given weekdays from the edition's start week on
 * (['di', 'wo'] with n 2 = two days in a row; ['ma'] with n 8 = eight Mondays), from–to local time;
 * or a self-paced online course of some weeks without sessions.
 */
type Schedule = { on: Day[]; n: number; from: string; to: string } | { selfPacedWeeks: number; hours: number };
const sessions = (on: Day | Day[], n: number, from: string, to: string): Schedule => ({ on: [on].flat(), n, from, to });
const selfPaced = (weeks: number, hours: number): Schedule => ({ selfPacedWeeks: weeks, hours });

/** People of De Brug that HR enrolled on an edition: from these teams (or the supervisors), in turn. */
type DeBrugGroup = 'Verpakking' | 'Groenonderhoud' | 'Schoonmaak' | 'Drukwerk & afwerking' | 'Keuken & catering' | 'werkleiders';
interface EditionSpec {
  /** Starts in this week from the seeding day (2 = the week after next). */
  week: number;
  capacity: number;
  fill?: { from: DeBrugGroup[]; people: number };
}
const ed = (week: number, capacity: number, fill?: EditionSpec['fill']): EditionSpec => ({ week, capacity, ...(fill ? { fill } : {}) });

export interface DemoOffer {
  provider: ProviderSlug;
  code: string;
  status?: 'draft';
  title: LocalizedText;
  description: LocalizedText;
  languages: string[];
  format: OfferFormat;
  /** Where it takes place; null for online courses and for training at the employer's workplace. */
  postcode: string | null;
  schedule: Schedule;
  priceCents: number;
  /** 1 = beginner … 4 = advanced. */
  level: 1 | 2 | 3 | 4;
  /** Provider-study axes, −2 … +2: person ↔ labour market, own initiative ↔ external demand, short ↔ long. */
  axes: [orientation: number, initiative: number, length: number];
  recognitions: Recognition[];
  credential: string | null;
  access: Accessibility[];
  audience: string;
  requirements: string;
  /** Competence key → level the offer brings people to. */
  competences: Record<string, 1 | 2 | 3 | 4>;
  /** Drafts only: competences suggested from the text, not yet confirmed by the provider. */
  suggested?: Record<string, 1 | 2 | 3 | 4>;
  editions: EditionSpec[];
}

// ------------------------------------------------------------------------------------------------
// The catalog. Prices in euro cents per participant.
// ------------------------------------------------------------------------------------------------

export const demoOffers: DemoOffer[] = [
  // ============================================================ Leerhuis Schelde (Antwerpen, Mechelen, Gent, Sint-Niklaas)
  // ------------------------------------------------ digital skills
  {
    provider: LS,
    code: 'LS-DIG-01',
    title: { nl: 'Digitale basisvaardigheden voor beginners', fr: 'Compétences numériques de base pour débutants' },
    description: {
      nl: 'Je leert stap voor stap werken met een computer: de muis en het toetsenbord, een programma openen, een bestand bewaren en terugvinden, iets opzoeken op internet. We werken in kleine groepen, met veel oefeningen en in eenvoudige taal. Je mag je eigen laptop of smartphone meebrengen.',
      fr: 'Vous apprenez pas à pas à utiliser un ordinateur : la souris et le clavier, ouvrir un programme, enregistrer et retrouver un fichier, chercher sur internet. En petits groupes, avec beaucoup d’exercices, en langage simple.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2000',
    schedule: sessions('di', 8, '09:30', '12:00'),
    priceCents: 0,
    level: 1,
    axes: [-1, -1, 0],
    recognitions: [],
    credential: 'Open Badge "Digitaal basisvaardig"',
    access: [PLAIN, A1A2, WHEEL],
    audience: 'Volwassenen die weinig of nooit met een computer werken, ook anderstaligen vanaf niveau A1.',
    requirements: 'Geen voorkennis nodig.',
    competences: { 'lk21.digital.computer': 2, 'lk21.digital.information': 1, 'lk21.digital.email': 1 },
    editions: [ed(2, 12), ed(10, 12), ed(18, 12)],
  },
  {
    provider: LS,
    code: 'LS-DIG-02',
    title: { nl: 'Je smartphone gebruiken voor je werk' },
    description: {
      nl: 'Je uurrooster bekijken in een app, een foto van een probleem doorsturen, een bericht sturen naar je ploegbaas: we oefenen het op je eigen smartphone. Je leert ook hoe je apps installeert en je toestel veilig houdt.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '9000',
    schedule: sessions('do', 6, '13:30', '16:00'),
    priceCents: 4_500,
    level: 1,
    axes: [0, -1, -1],
    recognitions: [],
    credential: null,
    access: [PLAIN, A1A2, WHEEL],
    audience: 'Medewerkers die een smartphone hebben maar er op het werk nog weinig mee doen.',
    requirements: 'Een eigen smartphone (Android of iPhone).',
    competences: { 'lk21.digital.smartphone': 2, 'lk21.digital.worktools': 1 },
    editions: [ed(3, 10), ed(12, 10)],
  },
  {
    provider: LS,
    code: 'LS-DIG-03',
    title: { nl: 'Werken met de tablet op de werkvloer', en: 'Using the tablet on the shop floor' },
    description: {
      nl: 'Een trainer komt naar je bedrijf en oefent met de ploeg op de tablets en scanners die jullie zelf gebruiken: de planning openen, een opdracht afvinken, een probleem melden. Korte sessies vlak bij de lijn, in groepjes van zes, in eenvoudige taal.',
      en: 'A trainer comes to your company and practises with the team on your own tablets and scanners: opening the planning, ticking off a task, reporting a problem. Short sessions close to the line, in groups of six.',
    },
    languages: ['nl'],
    format: 'workplace',
    postcode: null,
    schedule: sessions('wo', 4, '13:30', '15:30'),
    priceCents: 9_500,
    level: 1,
    axes: [1, 1, -1],
    recognitions: [KMO],
    credential: null,
    access: [PLAIN, A1A2],
    audience: 'Ploegen in productie, logistiek en schoonmaak die overstappen op een digitale planning of digitale werkbriefjes.',
    requirements: 'De werkgever zorgt voor de toestellen en een rustige plek dicht bij de werkvloer.',
    competences: { 'lk21.digital.worktools': 2, 'lk21.digital.smartphone': 1 },
    editions: [ed(4, 6), ed(11, 6)],
  },
  {
    provider: LS,
    code: 'LS-DIG-04',
    title: {
      nl: 'Veilig online: phishing, wachtwoorden en privacy',
      fr: 'En sécurité en ligne : hameçonnage, mots de passe et vie privée',
      en: 'Safe online: phishing, passwords and privacy',
    },
    description: {
      nl: 'Drie korte online lessen over veilig internetgebruik. Je herkent valse berichten en phishingmails, kiest sterke wachtwoorden en beschermt je persoonlijke gegevens op je smartphone en computer.',
      fr: 'Trois courtes leçons en ligne : reconnaître les faux messages et l’hameçonnage, choisir des mots de passe forts et protéger vos données personnelles.',
      en: 'Three short online lessons: recognise fake messages and phishing, choose strong passwords and protect your personal data on phone and computer.',
    },
    languages: ['nl', 'fr', 'en'],
    format: 'online',
    postcode: null,
    schedule: sessions('ma', 3, '19:00', '21:00'),
    priceCents: 0,
    level: 1,
    axes: [-1, -1, -2],
    recognitions: [],
    credential: 'Attest van deelname',
    access: [PLAIN],
    audience: 'Iedereen die e-mail of een smartphone gebruikt.',
    requirements: 'Een computer, tablet of smartphone met internet en een camera.',
    competences: { 'lk21.digital.safety': 2, 'lk21.digital.email': 1 },
    editions: [ed(2, 30), ed(8, 30), ed(15, 30)],
  },
  {
    provider: LS,
    code: 'LS-DIG-05',
    title: { nl: 'E-mail en berichten voor het werk' },
    description: {
      nl: 'Je leert e-mails lezen, beantwoorden en ordenen, een bijlage openen en doorsturen, en korte berichten sturen in Teams of WhatsApp. Een deel oefen je thuis met korte filmpjes, de rest in de klas.',
    },
    languages: ['nl'],
    format: 'blended',
    postcode: '2000',
    schedule: sessions('do', 5, '13:00', '16:00'),
    priceCents: 7_500,
    level: 2,
    axes: [1, 0, -1],
    recognitions: [KMO],
    credential: null,
    access: [PLAIN, WHEEL],
    audience: 'Medewerkers die op het werk e-mail en berichten gaan gebruiken.',
    requirements: 'Basisvaardigheden op de computer (bijvoorbeeld na "Digitale basisvaardigheden voor beginners").',
    competences: { 'lk21.digital.email': 2, 'lk21.basics.dutch.writing': 1, 'lk21.digital.safety': 1 },
    editions: [ed(5, 12), ed(14, 12)],
  },
  {
    provider: LS,
    code: 'LS-DIG-06',
    title: { nl: 'Online diensten gebruiken: itsme, je loonbrief en Mijn Burgerprofiel' },
    description: {
      nl: 'Je installeert itsme, vindt je loonbrief en je verlofdagen online en gebruikt Mijn Burgerprofiel van de overheid. We letten samen op wat veilig is en wat niet. Rustig tempo, eenvoudige taal.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '9000',
    schedule: sessions('vr', 3, '09:30', '12:00'),
    priceCents: 0,
    level: 1,
    axes: [-2, -1, -2],
    recognitions: [],
    credential: null,
    access: [PLAIN, A1A2, WHEEL],
    audience: 'Volwassenen die hun zaken met werkgever en overheid online willen regelen.',
    requirements: 'Een smartphone en je identiteitskaart met pincode.',
    competences: { 'lk21.digital.services': 2, 'lk21.digital.safety': 1 },
    editions: [ed(3, 10), ed(9, 10), ed(16, 10)],
  },
  {
    provider: LS,
    code: 'LS-DIG-07',
    title: { nl: 'Excel voor beginners', en: 'Excel for beginners' },
    description: {
      nl: 'In twee dagen leer je werken met rekenbladen: gegevens invoeren, eenvoudige formules (som, gemiddelde), sorteren en filteren, een lijst netjes afdrukken. Je werkt met voorbeelden uit de praktijk, zoals een bestellijst en een uurrooster.',
      en: 'In two days you learn to work with spreadsheets: entering data, simple formulas, sorting and filtering, printing a list neatly. With practical examples such as an order list and a roster.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2000',
    schedule: sessions(['ma', 'di'], 2, '09:00', '16:30'),
    priceCents: 29_500,
    level: 1,
    axes: [1, 0, -1],
    recognitions: [KMO],
    credential: 'Attest van deelname',
    access: [WHEEL],
    audience: 'Medewerkers, werkleiders en administratieve krachten die lijsten of planningen bijhouden.',
    requirements: 'Vlot werken met muis en toetsenbord.',
    competences: { 'lk21.digital.office': 2, 'lk21.basics.numeracy.quantities': 1 },
    editions: [ed(3, 14), ed(9, 14), ed(17, 14)],
  },
  {
    provider: LS,
    code: 'LS-DIG-08',
    title: { nl: 'Excel verder: tabellen, grafieken en draaitabellen', en: 'Excel next steps: tables, charts and pivot tables' },
    description: {
      nl: 'Vier online avonden voor wie de basis van Excel kent. Je maakt tabellen en grafieken, gebruikt ALS en X.ZOEKEN en vat gegevens samen met een draaitabel. Tussen de lessen maak je een korte opdracht met feedback van de lesgever.',
      en: 'Four online evenings for people who know the basics of Excel: tables and charts, IF and XLOOKUP, summarising data with a pivot table. A short assignment with feedback between the lessons.',
    },
    languages: ['nl', 'en'],
    format: 'online',
    postcode: null,
    schedule: sessions('wo', 4, '19:00', '21:30'),
    priceCents: 14_500,
    level: 3,
    axes: [2, -1, -1],
    recognitions: [KMO],
    credential: 'Attest van deelname',
    access: [],
    audience: 'Wie Excel al gebruikt en er meer uit wil halen, bijvoorbeeld voor planning of opvolging.',
    requirements: 'Basiskennis Excel (formules, sorteren en filteren). Een computer met Excel.',
    competences: { 'lk21.digital.office': 3 },
    editions: [ed(4, 20), ed(13, 20)],
  },
  {
    provider: LS,
    code: 'LS-DIG-09',
    title: { nl: 'Kantoorsoftware voor werkleiders: Word, Outlook en Teams' },
    description: {
      nl: 'Voor werkleiders en begeleiders die meer achter de computer zitten: een verslag opmaken in Word, je agenda en mails beheren in Outlook, overleggen en bestanden delen in Teams. Je oefent met je eigen werkdocumenten; een deel volg je online.',
    },
    languages: ['nl'],
    format: 'blended',
    postcode: '9000',
    schedule: sessions('di', 6, '13:00', '16:00'),
    priceCents: 34_500,
    level: 2,
    axes: [1, 1, 0],
    recognitions: [KMO],
    credential: 'Attest van deelname',
    access: [WHEEL],
    audience: 'Werkleiders, ploegbazen en jobcoaches.',
    requirements: 'Basisvaardigheden op de computer.',
    competences: { 'lk21.digital.office': 2, 'lk21.digital.email': 2, 'lk21.digital.worktools': 1 },
    editions: [ed(5, 12), ed(16, 12)],
  },
  // ------------------------------------------------ Dutch at work, numeracy
  {
    provider: LS,
    code: 'LS-NT2-01',
    title: { nl: 'Nederlands op de werkvloer – A1', fr: 'Le néerlandais au travail – A1', en: 'Dutch at work – A1' },
    description: {
      nl: 'Je leert de Nederlandse woorden en zinnen die je elke dag nodig hebt op het werk: jezelf voorstellen, een instructie begrijpen, iets vragen aan een collega, zeggen dat je ziek bent. Veel spreken en luisteren, met beelden en voorwerpen van de werkvloer. Twee avonden per week.',
      fr: 'Vous apprenez les mots et phrases néerlandais dont vous avez besoin chaque jour au travail : vous présenter, comprendre une consigne, poser une question, prévenir que vous êtes malade. Deux soirs par semaine.',
      en: 'You learn the Dutch words and sentences you need every day at work: introducing yourself, understanding an instruction, asking a colleague something, calling in sick. Two evenings a week.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2060',
    schedule: sessions(['ma', 'do'], 20, '18:30', '21:30'),
    priceCents: 9_000,
    level: 1,
    axes: [1, -1, 2],
    recognitions: [VOV, CHEQUES],
    credential: 'Deelcertificaat Nederlands tweede taal, niveau A1',
    access: [PLAIN, A1A2, WHEEL],
    audience: 'Anderstalige werknemers en werkzoekenden die (bijna) geen Nederlands spreken.',
    requirements: 'Je kunt lezen en schrijven in het Latijnse schrift. Een korte intake bepaalt je groep.',
    competences: { 'lk21.basics.dutch.instructions': 1, 'lk21.basics.dutch.talking': 1, 'lk21.basics.dutch.reading': 1 },
    editions: [ed(4, 16), ed(18, 16)],
  },
  {
    provider: LS,
    code: 'LS-NT2-02',
    title: { nl: 'Nederlands op de werkvloer – A2', fr: 'Le néerlandais au travail – A2', en: 'Dutch at work – A2' },
    description: {
      nl: 'Vervolg op niveau A1. Je leest werkbriefjes, planningen en veiligheidsinstructies, je vraagt uitleg als je iets niet begrijpt en je vertelt wat je gedaan hebt. Overdag, twee ochtenden per week, zodat je het met je werkgever kunt combineren.',
      fr: 'Suite du niveau A1 : lire les fiches de travail, les plannings et les consignes de sécurité, demander une explication, raconter ce que vous avez fait. Deux matinées par semaine.',
      en: 'Follows level A1: reading work slips, plannings and safety instructions, asking for an explanation, telling what you did. Two mornings a week, so you can combine it with work.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '9000',
    schedule: sessions(['di', 'do'], 20, '09:00', '12:00'),
    priceCents: 9_000,
    level: 2,
    axes: [1, 0, 2],
    recognitions: [VOV, CHEQUES],
    credential: 'Deelcertificaat Nederlands tweede taal, niveau A2',
    access: [PLAIN, A1A2, WHEEL],
    audience: 'Anderstalige werknemers met een basis Nederlands (niveau A1).',
    requirements: 'Niveau A1 behaald, of een intakegesprek.',
    competences: { 'lk21.basics.dutch.instructions': 2, 'lk21.basics.dutch.reading': 2, 'lk21.basics.dutch.talking': 2 },
    editions: [ed(3, 14, { from: ['Schoonmaak'], people: 12 }), ed(19, 14)],
  },
  {
    provider: LS,
    code: 'LS-NT2-03',
    title: { nl: 'Werkbriefjes en instructies lezen' },
    description: {
      nl: 'Een taalcoach werkt bij jullie op de werkvloer met de documenten die de ploeg echt gebruikt: werkbriefjes, veiligheidsfiches, de planning aan het bord. Korte sessies, in kleine groepjes, met pictogrammen en voorbeelden.',
    },
    languages: ['nl'],
    format: 'workplace',
    postcode: null,
    schedule: sessions('di', 6, '13:00', '15:00'),
    priceCents: 12_000,
    level: 1,
    axes: [1, 1, 0],
    recognitions: [KMO],
    credential: null,
    access: [PLAIN, A1A2],
    audience: 'Medewerkers die de documenten op het werk moeilijk lezen, ook wie Nederlands als tweede taal spreekt.',
    requirements: 'De werkgever bezorgt vooraf een paar werkdocumenten.',
    competences: { 'lk21.basics.dutch.reading': 2, 'lk21.basics.dutch.instructions': 2 },
    editions: [ed(4, 8), ed(13, 8)],
  },
  {
    provider: LS,
    code: 'LS-NT2-04',
    title: { nl: 'Korte berichten schrijven op het werk' },
    description: {
      nl: 'Een ziekmelding, een briefje voor de volgende ploeg, een korte mail aan de planning: je leert korte, duidelijke berichten schrijven. Je oefent op papier en op de smartphone.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2000',
    schedule: sessions('wo', 6, '09:30', '12:00'),
    priceCents: 6_000,
    level: 2,
    axes: [1, -1, 0],
    recognitions: [],
    credential: null,
    access: [PLAIN, A1A2, WHEEL],
    audience: 'Medewerkers die op het werk korte berichten moeten schrijven.',
    requirements: 'Nederlands op niveau A2 (je kunt een eenvoudige tekst lezen).',
    competences: { 'lk21.basics.dutch.writing': 2, 'lk21.digital.email': 1 },
    editions: [ed(6, 12), ed(15, 12)],
  },
  {
    provider: LS,
    code: 'LS-NT2-05',
    title: { nl: 'Praatcafé Nederlands: oefenen na het werk' },
    description: {
      nl: 'Elke donderdag na het werk oefen je Nederlands in een ontspannen sfeer, aan tafel met vrijwilligers. We praten over het werk, de buurt en het nieuws. Gratis, je komt wanneer je kunt.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2800',
    schedule: sessions('do', 10, '17:30', '19:00'),
    priceCents: 0,
    level: 1,
    axes: [-1, -2, 0],
    recognitions: [],
    credential: null,
    access: [PLAIN, A1A2, WHEEL],
    audience: 'Iedereen die Nederlands leert en meer wil oefenen.',
    requirements: 'Een beetje Nederlands (niveau A1).',
    competences: { 'lk21.basics.dutch.talking': 2, 'lk21.social.communication': 1 },
    editions: [ed(2, 24), ed(14, 24)],
  },
  {
    provider: LS,
    code: 'LS-NUM-01',
    title: { nl: 'Rekenen op het werk: tellen, meten en wegen' },
    description: {
      nl: 'Hoeveel dozen op een pallet? Hoeveel product in een emmer water? Je oefent het rekenwerk van elke dag: tellen, meten, wegen, met een weegschaal, een maatbeker en een rolmeter. Met de rekenmachine van je smartphone mag het ook.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '9000',
    schedule: sessions('ma', 6, '09:30', '12:00'),
    priceCents: 0,
    level: 1,
    axes: [0, -1, 0],
    recognitions: [],
    credential: null,
    access: [PLAIN, A1A2, WHEEL],
    audience: 'Medewerkers in productie, keuken en schoonmaak.',
    requirements: 'Geen voorkennis nodig.',
    competences: { 'lk21.basics.numeracy.quantities': 2, 'lk21.basics.numeracy.time': 1 },
    editions: [ed(5, 12), ed(17, 12)],
  },
  {
    provider: LS,
    code: 'LS-NUM-02',
    title: { nl: 'Rekenen met geld aan de kassa' },
    description: {
      nl: 'Wisselgeld teruggeven, een kassaticket nakijken, de kassa tellen op het einde van de dag, betalen met de kaart: je oefent het met echt (speel)geld en een kassa in de klas.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2000',
    schedule: sessions('vr', 4, '09:30', '12:00'),
    priceCents: 0,
    level: 1,
    axes: [1, -1, -1],
    recognitions: [],
    credential: null,
    access: [PLAIN, A1A2, WHEEL],
    audience: 'Medewerkers die aan een kassa werken of gaan werken, bijvoorbeeld in een bedrijfsrestaurant of winkel.',
    requirements: 'Geen.',
    competences: { 'lk21.basics.numeracy.money': 2, 'lk21.social.customers': 1 },
    editions: [ed(4, 10), ed(12, 10)],
  },
  // ------------------------------------------------ communication, customers, working together
  {
    provider: LS,
    code: 'LS-COM-01',
    title: { nl: 'Communiceren op het werk: duidelijk vragen en goed luisteren' },
    description: {
      nl: 'Je oefent hoe je iets duidelijk vraagt, hoe je controleert of je het goed begrepen hebt en hoe je zegt dat iets niet lukt. Met rollenspelen uit de praktijk en tips om ook met anderstalige collega’s vlot te praten.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2000',
    schedule: sessions(['di', 'wo'], 2, '09:00', '16:00'),
    priceCents: 24_500,
    level: 1,
    axes: [0, 0, -1],
    recognitions: [KMO],
    credential: 'Attest van deelname',
    access: [PLAIN, WHEEL],
    audience: 'Medewerkers van alle afdelingen.',
    requirements: 'Geen.',
    competences: { 'lk21.social.communication': 2, 'lk21.social.help': 1, 'lk21.social.feedback': 1 },
    editions: [ed(4, 14), ed(12, 14)],
  },
  {
    provider: LS,
    code: 'LS-COM-02',
    title: { nl: 'Klantvriendelijk werken', en: 'Customer-friendly service' },
    description: {
      nl: 'Wat maakt dat een klant tevreden naar huis gaat? Je oefent een vriendelijke begroeting, goed luisteren naar een vraag, helpen aan de kassa of aan de telefoon en beleefd nee zeggen. Een praktische dag met veel oefeningen.',
      en: 'What makes a customer leave happy? You practise a friendly welcome, listening to a question, helping at the till or on the phone and saying no politely. A practical day with many exercises.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '9000',
    schedule: sessions('do', 1, '09:00', '16:30'),
    priceCents: 19_500,
    level: 1,
    axes: [1, 1, -2],
    recognitions: [KMO],
    credential: 'Attest van deelname',
    access: [PLAIN, WHEEL],
    audience: 'Medewerkers in de keuken, aan de kassa, in de winkel of bij klanten thuis.',
    requirements: 'Geen.',
    competences: { 'lk21.social.customers': 2, 'lk21.social.communication': 1 },
    editions: [ed(3, 12, { from: ['Keuken & catering'], people: 11 }), ed(11, 12), ed(20, 12)],
  },
  {
    provider: LS,
    code: 'LS-COM-03',
    title: { nl: 'Omgaan met lastige klanten' },
    description: {
      nl: 'Een klant die boos is, klaagt of blijft aandringen: je leert rustig blijven, de klacht ernstig nemen, grenzen aangeven en hulp vragen als het te ver gaat. Met een acteur oefen je echte situaties.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2000',
    schedule: sessions('ma', 1, '09:00', '16:30'),
    priceCents: 21_500,
    level: 2,
    axes: [1, 1, -2],
    recognitions: [KMO],
    credential: 'Attest van deelname',
    access: [WHEEL],
    audience: 'Medewerkers met veel klantencontact.',
    requirements: 'Bij voorkeur eerst "Klantvriendelijk werken" gevolgd.',
    competences: { 'lk21.social.customers': 3, 'lk21.social.conflict': 2, 'lk21.selfreg.pressure': 1 },
    editions: [ed(6, 12), ed(18, 12)],
  },
  {
    provider: LS,
    code: 'LS-COM-04',
    title: { nl: 'Samenwerken in een divers team' },
    description: {
      nl: 'In jullie ploeg werken mensen met verschillende talen, gewoonten en talenten. In drie namiddagen ontdek je wat goed samenwerken vraagt, hoe je met verschillen omgaat en hoe je afspraken maakt waar iedereen zich in vindt.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2800',
    schedule: sessions('di', 3, '13:00', '16:30'),
    priceCents: 16_500,
    level: 1,
    axes: [0, 1, -1],
    recognitions: [KMO],
    credential: null,
    access: [PLAIN, A1A2, WHEEL],
    audience: 'Medewerkers en ploegen in productie, groen, schoonmaak en keuken.',
    requirements: 'Geen.',
    competences: { 'lk21.social.collaboration': 2, 'lk21.social.diversity': 2 },
    editions: [ed(5, 14), ed(15, 14)],
  },
  {
    provider: LS,
    code: 'LS-COM-05',
    title: { nl: 'Feedback geven en krijgen als collega' },
    description: {
      nl: 'Hoe zeg je aan een collega dat iets beter kan, zonder ruzie? En wat doe je met een opmerking van je ploegbaas? Je oefent feedback geven en ontvangen, en om hulp vragen als je vastzit.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '9100',
    schedule: sessions('wo', 1, '09:00', '16:00'),
    priceCents: 17_500,
    level: 1,
    axes: [0, 0, -2],
    recognitions: [KMO],
    credential: null,
    access: [PLAIN, WHEEL],
    audience: 'Medewerkers van alle afdelingen.',
    requirements: 'Geen.',
    competences: { 'lk21.social.feedback': 2, 'lk21.social.help': 1 },
    editions: [ed(7, 12)],
  },
  // ------------------------------------------------ self-regulation, thinking
  {
    provider: LS,
    code: 'LS-SELF-01',
    title: { nl: 'Omgaan met stress en werkdruk', en: 'Dealing with stress and work pressure' },
    description: {
      nl: 'Je leert merken wanneer de druk te hoog wordt, wat je zelf kunt doen om rustig te blijven en hoe je met je leidinggevende bespreekt wat te veel is. Drie ochtenden met eenvoudige oefeningen die je meteen kunt gebruiken.',
      en: 'You learn to notice when the pressure gets too high, what you can do to stay calm and how to tell your supervisor what is too much. Three mornings with simple exercises you can use straight away.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2000',
    schedule: sessions('do', 3, '09:00', '12:30'),
    priceCents: 19_500,
    level: 1,
    axes: [-1, 0, -1],
    recognitions: [KMO],
    credential: null,
    access: [PLAIN, WHEEL],
    audience: 'Medewerkers die veel druk voelen op het werk.',
    requirements: 'Geen.',
    competences: { 'lk21.selfreg.pressure': 2, 'lk21.selfreg.planning': 1 },
    editions: [ed(3, 12), ed(10, 12), ed(19, 12)],
  },
  {
    provider: LS,
    code: 'LS-SELF-02',
    title: { nl: 'Omgaan met verandering op het werk' },
    description: {
      nl: 'Een nieuwe machine, een andere ploeg, werken met een tablet: veranderingen geven onrust. Je praat over wat verandert, ontdekt wat je al kunt en leert hoe je vragen stelt en hulp zoekt. Ook wie twijfelt, is welkom.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '9000',
    schedule: sessions('ma', 3, '13:00', '16:30'),
    priceCents: 17_500,
    level: 1,
    axes: [-1, 1, -1],
    recognitions: [KMO],
    credential: null,
    access: [PLAIN, A1A2, WHEEL],
    audience: 'Medewerkers in een bedrijf dat van werkwijze of werkmiddelen verandert.',
    requirements: 'Geen.',
    competences: { 'lk21.selfreg.change': 2, 'lk21.selfreg.learning': 1 },
    editions: [ed(2, 12, { from: ['Drukwerk & afwerking'], people: 14 }), ed(9, 12), ed(17, 12)],
  },
  {
    provider: LS,
    code: 'LS-SELF-03',
    title: { nl: 'Timemanagement: je werk slim plannen', en: 'Time management: plan your work smartly' },
    description: {
      nl: 'Vier online avonden over plannen: prioriteiten kiezen, een dag- en weekplanning maken, omgaan met onderbrekingen en nee zeggen. Met een werkboek en een korte opdracht na elke les.',
      en: 'Four online evenings about planning: setting priorities, a day and week plan, handling interruptions and saying no. With a workbook and a short task after each lesson.',
    },
    languages: ['nl', 'en'],
    format: 'online',
    postcode: null,
    schedule: sessions('di', 4, '19:00', '21:00'),
    priceCents: 9_500,
    level: 2,
    axes: [0, -1, -1],
    recognitions: [KMO],
    credential: null,
    access: [],
    audience: 'Medewerkers en werkleiders die hun werk zelf plannen.',
    requirements: 'Een computer met internet.',
    competences: { 'lk21.selfreg.planning': 2, 'lk21.basics.numeracy.time': 1 },
    editions: [ed(4, 25), ed(13, 25)],
  },
  {
    provider: LS,
    code: 'LS-SELF-04',
    title: { nl: 'Zin in leren: ontdek hoe jij het best leert' },
    description: {
      nl: 'Lang niet meer naar school geweest? In vier ochtenden ontdek je wat je al kunt, hoe jij het best leert en welke opleiding bij je past. Gratis, in een kleine groep.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2060',
    schedule: sessions('wo', 4, '09:30', '12:00'),
    priceCents: 0,
    level: 1,
    axes: [-2, -2, -1],
    recognitions: [],
    credential: null,
    access: [PLAIN, A1A2, WHEEL],
    audience: 'Volwassenen die (weer) willen leren maar niet goed weten waar te beginnen.',
    requirements: 'Geen.',
    competences: { 'lk21.selfreg.learning': 2, 'lk21.selfreg.change': 1 },
    editions: [ed(3, 10), ed(14, 10)],
  },
  {
    provider: LS,
    code: 'LS-THINK-01',
    title: { nl: 'Problemen oplossen op de werkvloer' },
    description: {
      nl: 'Er loopt iets mis aan de lijn of bij een klant: wat doe je? Je leert een probleem stap voor stap aanpakken, je eigen werk controleren en met de ploeg zoeken naar een betere manier.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2800',
    schedule: sessions('vr', 1, '09:00', '16:00'),
    priceCents: 18_500,
    level: 2,
    axes: [1, 0, -2],
    recognitions: [KMO],
    credential: null,
    access: [PLAIN, WHEEL],
    audience: 'Medewerkers en meewerkende ploegbazen.',
    requirements: 'Geen.',
    competences: { 'lk21.thinking.problem': 2, 'lk21.thinking.quality': 2, 'lk21.thinking.creativity': 1 },
    editions: [ed(6, 14), ed(16, 14)],
  },
  // ------------------------------------------------ supervisors and coaches
  {
    provider: LS,
    code: 'LS-SUP-01',
    title: { nl: 'Communiceren met laaggeletterde medewerkers' },
    description: {
      nl: 'Voor werkleiders, jobcoaches en begeleiders. Je leert herkennen wie moeite heeft met lezen en schrijven, je instructies en werkdocumenten eenvoudiger maken, en werken met pictogrammen, voordoen en terugvragen.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2000',
    schedule: sessions(['di', 'wo'], 2, '09:00', '16:30'),
    priceCents: 39_500,
    level: 2,
    axes: [1, 1, -1],
    recognitions: [KMO],
    credential: 'Attest van deelname',
    access: [WHEEL],
    audience: 'Werkleiders, ploegbazen, jobcoaches en trajectbegeleiders.',
    requirements: 'Je begeleidt zelf medewerkers op de werkvloer.',
    competences: { 'lkc.communication.lowliteracy': 3, 'lkc.communication.nonnative': 2 },
    editions: [ed(5, 14), ed(17, 14)],
  },
  {
    provider: LS,
    code: 'LS-SUP-02',
    title: { nl: 'Duidelijke taal: instructies voor anderstalige collega’s' },
    description: {
      nl: 'Drie online namiddagen over instructies die aankomen bij wie nog Nederlands leert: korte zinnen, één stap tegelijk, voordoen, laten herhalen. Je herschrijft je eigen werkinstructie en krijgt feedback.',
    },
    languages: ['nl'],
    format: 'online',
    postcode: null,
    schedule: sessions('ma', 3, '13:30', '16:00'),
    priceCents: 14_500,
    level: 2,
    axes: [1, 0, -1],
    recognitions: [KMO],
    credential: null,
    access: [],
    audience: 'Werkleiders, ploegbazen en collega’s die instructies geven.',
    requirements: 'Een computer met camera en microfoon.',
    competences: { 'lkc.communication.nonnative': 3, 'lkc.guiding.instructing': 2 },
    editions: [ed(4, 16), ed(12, 16)],
  },
  {
    provider: LS,
    code: 'LS-SUP-03',
    title: { nl: 'Moeilijke gesprekken voeren', fr: 'Mener des conversations difficiles' },
    description: {
      nl: 'Een medewerker die te laat komt, een slecht nieuws, een conflict in de ploeg: je bereidt moeilijke gesprekken voor en oefent ze met een acteur. Je leert een gesprek openen, stevig blijven en samen een oplossing zoeken.',
      fr: 'Retards répétés, mauvaise nouvelle, conflit dans l’équipe : vous préparez les conversations difficiles et les exercez avec un acteur.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '9000',
    schedule: sessions(['do', 'vr'], 2, '09:00', '16:30'),
    priceCents: 42_500,
    level: 3,
    axes: [1, 1, -1],
    recognitions: [KMO],
    credential: 'Attest van deelname',
    access: [WHEEL],
    audience: 'Leidinggevenden, werkleiders en begeleiders.',
    requirements: 'Minstens een jaar ervaring als leidinggevende of begeleider.',
    competences: { 'lkc.communication.conversations': 3, 'lkc.people.conflict': 2 },
    editions: [ed(6, 12), ed(18, 12)],
  },
  {
    provider: LS,
    code: 'LS-SUP-04',
    title: { nl: 'Diversiteit in je ploeg: van verschil naar kracht' },
    description: {
      nl: 'Hoe leid je een ploeg met mensen uit veel landen, met en zonder beperking, jong en oud? Je onderzoekt je eigen kijk, leert omgaan met vooroordelen en zet de talenten van iedereen in.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2000',
    schedule: sessions('wo', 1, '09:00', '16:30'),
    priceCents: 22_500,
    level: 2,
    axes: [0, 1, -2],
    recognitions: [KMO],
    credential: null,
    access: [WHEEL],
    audience: 'Leidinggevenden en begeleiders.',
    requirements: 'Geen.',
    competences: { 'lkc.people.diversity': 3, 'lk21.social.diversity': 2 },
    editions: [ed(7, 14), ed(19, 14)],
  },
  {
    provider: LS,
    code: 'LS-SUP-05',
    title: { nl: 'Competentiegesprekken met de STARR-methode' },
    description: {
      nl: 'Je leert competenties van medewerkers observeren en bespreken met de STARR-methode: Situatie, Taak, Actie, Resultaat, Reflectie. Twee lessen in de klas, twee online, en tussendoor voer je een echt gesprek op je werk.',
    },
    languages: ['nl'],
    format: 'blended',
    postcode: '9000',
    schedule: sessions('vr', 4, '09:00', '12:30'),
    priceCents: 44_500,
    level: 2,
    axes: [1, 1, 0],
    recognitions: [KMO],
    credential: 'Attest van deelname',
    access: [WHEEL],
    audience: 'Werkleiders, jobcoaches en HR-medewerkers die ontwikkelgesprekken voeren.',
    requirements: 'Je voert zelf gesprekken met medewerkers.',
    competences: { 'lkc.development.starr': 3, 'lkc.development.observing': 2, 'lkc.guiding.feedback': 2 },
    editions: [ed(5, 12), ed(16, 12)],
  },
  {
    provider: LS,
    code: 'LS-DIG-10',
    title: { nl: 'Zelf leren met online cursussen' },
    description: {
      nl: 'Een online cursus op je eigen tempo: je leert een leerplatform gebruiken, filmpjes en oefeningen vinden, je vorderingen bijhouden en hulp vragen in het forum.',
    },
    languages: ['nl'],
    format: 'online',
    postcode: null,
    schedule: selfPaced(6, 10),
    priceCents: 4_000,
    level: 1,
    axes: [-1, -2, 0],
    recognitions: [],
    credential: null,
    access: [PLAIN],
    audience: 'Wie zelfstandig online wil bijleren.',
    requirements: 'Een computer of tablet met internet.',
    competences: { 'lk21.selfreg.learning': 2, 'lk21.digital.information': 2 },
    editions: [ed(2, 40), ed(8, 40)],
  },
  // ------------------------------------------------ drafts of Leerhuis Schelde
  {
    provider: LS,
    code: 'LS-AI-01',
    status: 'draft',
    title: { nl: 'Slimme hulpjes: werken met AI-chatbots' },
    description: {
      nl: 'Wat kan een chatbot zoals ChatGPT of Copilot voor je werk doen, en wat niet? Je probeert het veilig uit: een tekst laten herschrijven, informatie zoeken en controleren, en je privacy bewaken.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2000',
    schedule: sessions('di', 2, '13:30', '16:30'),
    priceCents: 9_500,
    level: 2,
    axes: [1, -1, -2],
    recognitions: [],
    credential: null,
    access: [WHEEL],
    audience: 'Medewerkers en leidinggevenden die al vlot met een computer werken.',
    requirements: 'Basisvaardigheden op de computer.',
    competences: {},
    suggested: { 'lk21.digital.information': 2, 'lk21.digital.safety': 2, 'lk21.thinking.critical': 2 },
    editions: [],
  },
  {
    provider: LS,
    code: 'LS-NT2-06',
    status: 'draft',
    title: { nl: 'Nederlands op de werkvloer – B1' },
    description: {
      nl: 'Vervolg op niveau A2: vergaderen met de ploeg, een probleem uitleggen, een kort verslag schrijven. Nog in voorbereiding; de data volgen.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2060',
    schedule: sessions(['ma', 'do'], 20, '18:30', '21:30'),
    priceCents: 9_000,
    level: 3,
    axes: [1, -1, 2],
    recognitions: [VOV, CHEQUES],
    credential: 'Deelcertificaat Nederlands tweede taal, niveau B1',
    access: [WHEEL],
    audience: 'Anderstalige werknemers met niveau A2.',
    requirements: 'Niveau A2 behaald, of een intakegesprek.',
    competences: { 'lk21.basics.dutch.talking': 3, 'lk21.basics.dutch.writing': 2, 'lk21.basics.dutch.reading': 3 },
    editions: [],
  },

  // ============================================================ Vormingscentrum Kempen (Turnhout, Geel, Mol, Herentals, Lier, Mechelen)
  // ------------------------------------------------ safety: VCA, forklift, first aid, ergonomics
  {
    provider: VK,
    code: 'VK-VCA-01',
    title: { nl: 'Basisveiligheid VCA (B-VCA) met examen', fr: 'Sécurité de base VCA (B-VCA) avec examen' },
    description: {
      nl: 'Eén dag opleiding en het officiële examen B-VCA: risico’s herkennen, persoonlijke beschermingsmiddelen, veilig werken met gevaarlijke stoffen, brand en noodsituaties. Met het diploma mag je werken bij bedrijven die VCA vragen.',
      fr: 'Une journée de formation et l’examen officiel B-VCA : reconnaître les risques, équipements de protection individuelle, substances dangereuses, incendie et situations d’urgence.',
    },
    languages: ['nl', 'fr'],
    format: 'classroom',
    postcode: '2300',
    schedule: sessions('di', 1, '08:30', '16:30'),
    priceCents: 19_500,
    level: 1,
    axes: [2, 1, -2],
    recognitions: [KMO],
    credential: 'Diploma B-VCA (10 jaar geldig)',
    access: [WHEEL],
    audience: 'Uitvoerende medewerkers in bouw, techniek, logistiek, groen en schoonmaak.',
    requirements: 'Je kunt een eenvoudige Nederlandse of Franse tekst lezen (het examen is schriftelijk).',
    competences: { 'lk21.selfreg.safety': 2, 'lk21.selfreg.responsibility': 1 },
    editions: [ed(2, 16), ed(7, 16), ed(13, 16)],
  },
  {
    provider: VK,
    code: 'VK-VCA-02',
    title: { nl: 'VOL-VCA voor operationeel leidinggevenden' },
    description: {
      nl: 'Twee dagen voor ploegbazen en werkleiders: wetgeving, risicoanalyse, een LMRA en een toolboxmeeting houden, ongevallen onderzoeken. Afgesloten met het officiële examen VOL-VCA.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2440',
    schedule: sessions(['ma', 'di'], 2, '08:30', '16:30'),
    priceCents: 34_500,
    level: 2,
    axes: [2, 1, -1],
    recognitions: [KMO],
    credential: 'Diploma VOL-VCA (10 jaar geldig)',
    access: [WHEEL],
    audience: 'Ploegbazen, werkleiders en meewerkend leidinggevenden.',
    requirements: 'Ervaring als (meewerkend) leidinggevende.',
    competences: { 'lk21.selfreg.safety': 3, 'lkc.guiding.instructing': 1 },
    editions: [ed(4, 14), ed(14, 14)],
  },
  {
    provider: VK,
    code: 'VK-VCA-03',
    title: { nl: 'VCA basis in eenvoudige taal' },
    description: {
      nl: 'Dezelfde inhoud als B-VCA, maar in twee dagen, met veel beelden, pictogrammen en oefeningen op de werkvloer. Het examen leg je af met voorleessoftware, zodat lezen geen drempel is.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2300',
    schedule: sessions(['wo', 'do'], 2, '09:00', '15:30'),
    priceCents: 24_500,
    level: 1,
    axes: [2, 1, -1],
    recognitions: [KMO],
    credential: 'Diploma B-VCA (10 jaar geldig)',
    access: [PLAIN, A1A2, WHEEL],
    audience: 'Medewerkers die moeilijk lezen of Nederlands als tweede taal spreken.',
    requirements: 'Nederlands op niveau A1 (je begrijpt eenvoudige mondelinge uitleg).',
    competences: { 'lk21.selfreg.safety': 2, 'lk21.basics.dutch.instructions': 1 },
    editions: [ed(3, 10), ed(11, 10)],
  },
  {
    provider: VK,
    code: 'VK-HEF-01',
    title: { nl: 'Heftruckbestuurder: basisopleiding met attest', en: 'Forklift driver: basic course with certificate' },
    description: {
      nl: 'Twee dagen theorie en veel praktijk in onze oefenhal in Mechelen: de heftruck controleren voor gebruik, veilig rijden, laden en lossen, stapelen in een rek. Je sluit af met een theorie- en praktijkproef.',
      en: 'Two days of theory and plenty of practice in our training hall in Mechelen: checking the forklift, driving safely, loading and unloading, stacking in a rack. Ends with a theory and a practical test.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2800',
    schedule: sessions(['do', 'vr'], 2, '08:00', '16:00'),
    priceCents: 45_000,
    level: 1,
    axes: [2, 1, -1],
    recognitions: [KMO],
    credential: 'Attest heftruckbestuurder (theorie en praktijk)',
    access: [PLAIN],
    audience: 'Medewerkers in magazijn, productie en logistiek die met een heftruck gaan rijden.',
    requirements: 'Minstens 18 jaar. Veiligheidsschoenen meebrengen.',
    competences: { 'lk21.selfreg.safety': 2, 'lk21.selfreg.responsibility': 2, 'lk21.basics.numeracy.quantities': 1 },
    editions: [ed(3, 6, { from: ['Verpakking'], people: 5 }), ed(8, 6), ed(15, 6)],
  },
  {
    provider: VK,
    code: 'VK-HEF-02',
    title: { nl: 'Heftruck: opfrissing voor ervaren bestuurders' },
    description: {
      nl: 'Een halve dag om je rijtechniek en de veiligheidsregels op te frissen, met een praktijkproef. Aanbevolen om de vijf jaar.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2440',
    schedule: sessions('vr', 1, '08:00', '12:00'),
    priceCents: 17_500,
    level: 2,
    axes: [2, 1, -2],
    recognitions: [KMO],
    credential: 'Attest opfrissing heftruck',
    access: [],
    audience: 'Heftruckbestuurders met een attest van meer dan drie jaar oud.',
    requirements: 'Een attest heftruckbestuurder. Veiligheidsschoenen meebrengen.',
    competences: { 'lk21.selfreg.safety': 2 },
    editions: [ed(5, 8), ed(12, 8)],
  },
  {
    provider: VK,
    code: 'VK-HEF-03',
    title: { nl: 'Elektrische transpallet en stapelaar veilig gebruiken' },
    description: {
      nl: 'Een instructeur komt naar je magazijn en leert de ploeg veilig werken met de elektrische transpallet en de stapelaar die jullie zelf gebruiken. Een halve dag, vooral praktijk.',
    },
    languages: ['nl'],
    format: 'workplace',
    postcode: null,
    schedule: sessions('di', 1, '08:00', '12:00'),
    priceCents: 14_500,
    level: 1,
    axes: [2, 2, -2],
    recognitions: [KMO],
    credential: 'Attest van deelname',
    access: [PLAIN, A1A2],
    audience: 'Magazijn- en productiemedewerkers.',
    requirements: 'Veiligheidsschoenen. De werkgever zorgt voor de toestellen.',
    competences: { 'lk21.selfreg.safety': 2, 'lk21.selfreg.responsibility': 1 },
    editions: [ed(4, 6), ed(10, 6)],
  },
  {
    provider: VK,
    code: 'VK-EHBO-01',
    title: { nl: 'EHBO op het werk: basisopleiding', en: 'First aid at work: basic course' },
    description: {
      nl: 'In vier avonden leer je eerste hulp geven bij ongevallen op het werk: een slachtoffer benaderen, reanimeren met een AED, bloedingen, brandwonden en breuken verzorgen, de hulpdiensten verwittigen. Met attest volgens de wet op de eerste hulp op het werk.',
      en: 'In four evenings you learn first aid for accidents at work: approaching a casualty, CPR with an AED, bleeding, burns and fractures, calling the emergency services. With the legally required first-aid certificate.',
    },
    languages: ['nl', 'en'],
    format: 'classroom',
    postcode: '2300',
    schedule: sessions('ma', 4, '18:30', '21:30'),
    priceCents: 16_000,
    level: 1,
    axes: [1, 1, -1],
    recognitions: [KMO],
    credential: 'Attest eerste hulp op het werk',
    access: [WHEEL],
    audience: 'Werknemers die in hun bedrijf hulpverlener worden.',
    requirements: 'Geen.',
    competences: { 'lk21.selfreg.safety': 2, 'lk21.social.help': 2 },
    editions: [ed(2, 12), ed(9, 12), ed(16, 12)],
  },
  {
    provider: VK,
    code: 'VK-EHBO-02',
    title: { nl: 'EHBO: jaarlijkse bijscholing' },
    description: {
      nl: 'Een namiddag om je kennis van eerste hulp op te frissen, met veel oefenen op reanimatie en de AED. Nodig om je attest elk jaar geldig te houden.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2300',
    schedule: sessions('wo', 1, '13:00', '17:00'),
    priceCents: 7_500,
    level: 2,
    axes: [1, 2, -2],
    recognitions: [KMO],
    credential: 'Attest bijscholing eerste hulp',
    access: [WHEEL],
    audience: 'Hulpverleners met een attest eerste hulp.',
    requirements: 'Een attest eerste hulp op het werk.',
    competences: { 'lk21.selfreg.safety': 2, 'lk21.social.help': 2 },
    editions: [ed(6, 16), ed(13, 16)],
  },
  {
    provider: VK,
    code: 'VK-EHBO-03',
    title: { nl: 'Reanimatie en AED voor iedereen' },
    description: {
      nl: 'Een gratis avond waarop je leert wat je doet als iemand in elkaar zakt: bellen naar 112, reanimeren en een AED gebruiken. Veel oefenen op een pop, in eenvoudige taal.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2440',
    schedule: sessions('do', 1, '19:00', '22:00'),
    priceCents: 0,
    level: 1,
    axes: [-1, -1, -2],
    recognitions: [],
    credential: null,
    access: [PLAIN, A1A2, WHEEL],
    audience: 'Iedereen vanaf 16 jaar.',
    requirements: 'Geen.',
    competences: { 'lk21.social.help': 2, 'lk21.selfreg.safety': 1 },
    editions: [ed(2, 20), ed(10, 20)],
  },
  {
    provider: VK,
    code: 'VK-EHBO-04',
    title: { nl: 'EHBO-opleiding in jullie bedrijf', fr: 'Formation premiers secours dans votre entreprise' },
    description: {
      nl: 'De basisopleiding eerste hulp bij jullie op de werkvloer, afgestemd op de risico’s van jullie werk (snijwonden in de keuken, machines in het groen). Vier ochtenden, met attest. Ook in het Frans mogelijk.',
      fr: 'La formation de base aux premiers secours sur votre lieu de travail, adaptée à vos risques. Quatre matinées, avec attestation. Possible aussi en français.',
    },
    languages: ['nl', 'fr'],
    format: 'workplace',
    postcode: null,
    schedule: sessions('di', 4, '08:30', '11:30'),
    priceCents: 14_500,
    level: 1,
    axes: [1, 2, -1],
    recognitions: [KMO],
    credential: 'Attest eerste hulp op het werk',
    access: [PLAIN],
    audience: 'Werkgevers die een groep van 6 tot 12 hulpverleners willen opleiden.',
    requirements: 'Een lokaal met ruimte om op de grond te oefenen.',
    competences: { 'lk21.selfreg.safety': 2, 'lk21.social.help': 2 },
    editions: [ed(5, 12), ed(12, 12)],
  },
  {
    provider: VK,
    code: 'VK-ERG-01',
    title: { nl: 'Tillen en heffen zonder rugpijn' },
    description: {
      nl: 'Een ergonoom komt naar je werkplek en oefent met de ploeg hoe je lasten veilig tilt, draagt en verplaatst, en welke hulpmiddelen er zijn. Met tips voor je werkplek en korte oefeningen voor je rug.',
    },
    languages: ['nl'],
    format: 'workplace',
    postcode: null,
    schedule: sessions('wo', 1, '08:30', '11:30'),
    priceCents: 6_500,
    level: 1,
    axes: [1, 2, -2],
    recognitions: [KMO],
    credential: null,
    access: [PLAIN, A1A2],
    audience: 'Medewerkers in productie, magazijn, schoonmaak, keuken en groen.',
    requirements: 'Geen.',
    competences: { 'lk21.selfreg.safety': 2, 'lk21.selfreg.attitude': 1 },
    editions: [ed(3, 12), ed(8, 12), ed(14, 12)],
  },
  // ------------------------------------------------ green maintenance, food, cleaning
  {
    provider: VK,
    code: 'VK-GRN-01',
    title: { nl: 'Veilig werken met bosmaaier, haagschaar en bladblazer' },
    description: {
      nl: 'Twee praktijkdagen op ons oefenterrein: de machines controleren en onderhouden, de juiste beschermingsmiddelen, veilig werken langs de weg en bij voorbijgangers. Met attest.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2200',
    schedule: sessions(['di', 'wo'], 2, '08:00', '16:00'),
    priceCents: 32_000,
    level: 1,
    axes: [2, 1, -1],
    recognitions: [KMO],
    credential: 'Attest veilig werken met groenmachines',
    access: [PLAIN],
    audience: 'Medewerkers groenonderhoud en tuinaanleg.',
    requirements: 'Werkkledij en veiligheidsschoenen.',
    competences: { 'lk21.selfreg.safety': 3, 'lk21.selfreg.responsibility': 2 },
    editions: [ed(3, 10), ed(9, 10), ed(18, 10)],
  },
  {
    provider: VK,
    code: 'VK-GRN-02',
    title: { nl: 'Kettingzaag: veilig snoeien en vellen (basis)' },
    description: {
      nl: 'Drie dagen theorie en praktijk met de kettingzaag: onderhoud en slijpen, veilige houding, snoeien en kleine bomen vellen. Op het einde een praktijkproef.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2200',
    schedule: sessions(['ma', 'di', 'wo'], 3, '08:00', '16:00'),
    priceCents: 49_500,
    level: 2,
    axes: [2, 1, 0],
    recognitions: [KMO],
    credential: 'Attest kettingzaag basis',
    access: [],
    audience: 'Medewerkers groenonderhoud die met de kettingzaag zullen werken.',
    requirements: 'Volledige beschermkledij voor kettingzaagwerk (kan gehuurd worden).',
    competences: { 'lk21.selfreg.safety': 3, 'lk21.selfreg.responsibility': 2, 'lk21.thinking.problem': 1 },
    editions: [ed(4, 8), ed(16, 8)],
  },
  {
    provider: VK,
    code: 'VK-FOOD-01',
    title: {
      nl: 'Voedselhygiëne en HACCP in de keuken',
      fr: 'Hygiène alimentaire et HACCP en cuisine',
      en: 'Food hygiene and HACCP in the kitchen',
    },
    description: {
      nl: 'Je leert hoe je voedsel veilig bewaart, bereidt en serveert: persoonlijke hygiëne, temperaturen controleren, kruisbesmetting vermijden, de registraties van het autocontrolesysteem invullen. Met attest.',
      fr: 'Conserver, préparer et servir les aliments en toute sécurité : hygiène personnelle, températures, contamination croisée, enregistrements de l’autocontrôle. Avec attestation.',
      en: 'Storing, preparing and serving food safely: personal hygiene, checking temperatures, avoiding cross-contamination, keeping the self-checking records. With certificate.',
    },
    languages: ['nl', 'fr', 'en'],
    format: 'classroom',
    postcode: '2300',
    schedule: sessions('ma', 1, '09:00', '16:00'),
    priceCents: 14_500,
    level: 1,
    axes: [2, 1, -2],
    recognitions: [KMO],
    credential: 'Attest voedselhygiëne',
    access: [PLAIN, WHEEL],
    audience: 'Medewerkers in keukens, catering en voedingsbedrijven.',
    requirements: 'Geen.',
    competences: { 'lk21.selfreg.safety': 2, 'lk21.thinking.quality': 2 },
    editions: [ed(2, 16), ed(8, 16), ed(15, 16)],
  },
  {
    provider: VK,
    code: 'VK-FOOD-02',
    title: { nl: 'Allergenen: klanten juist informeren en veilig bereiden' },
    description: {
      nl: 'Twee korte online lessen over de 14 allergenen: welke informatie je klanten moet geven, hoe je een allergenenkaart gebruikt en hoe je in de keuken vermijdt dat allergenen in een gerecht terechtkomen.',
    },
    languages: ['nl'],
    format: 'online',
    postcode: null,
    schedule: sessions('di', 2, '14:00', '16:00'),
    priceCents: 4_500,
    level: 1,
    axes: [2, 1, -2],
    recognitions: [],
    credential: null,
    access: [PLAIN],
    audience: 'Keuken- en zaalmedewerkers, cateringpersoneel.',
    requirements: 'Een computer of tablet met internet.',
    competences: { 'lk21.social.customers': 2, 'lk21.thinking.quality': 2, 'lk21.selfreg.safety': 1 },
    editions: [ed(3, 30), ed(11, 30)],
  },
  {
    provider: VK,
    code: 'VK-CLN-01',
    title: { nl: 'Professioneel schoonmaken: methodes, producten en doseren' },
    description: {
      nl: 'Je leert de juiste methode en het juiste product kiezen voor elke ruimte, producten correct doseren, met kleurcodes werken en je eigen werk nakijken. Vier ochtenden in ons oefenlokaal.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2440',
    schedule: sessions('di', 4, '09:00', '12:00'),
    priceCents: 18_500,
    level: 1,
    axes: [2, 1, -1],
    recognitions: [KMO],
    credential: 'Attest van deelname',
    access: [PLAIN, A1A2, WHEEL],
    audience: 'Schoonmaakmedewerkers in kantoren, scholen en zorginstellingen.',
    requirements: 'Geen.',
    competences: { 'lk21.basics.numeracy.quantities': 2, 'lk21.thinking.quality': 2, 'lk21.selfreg.safety': 1 },
    editions: [ed(4, 12), ed(13, 12)],
  },
  {
    provider: VK,
    code: 'VK-CLN-02',
    title: { nl: 'Gevaarlijke producten: pictogrammen en veiligheidsfiches' },
    description: {
      nl: 'Wat betekenen de pictogrammen op een fles? Waar vind je wat je moet doen bij een ongeluk? Je leert etiketten en veiligheidsfiches lezen en producten veilig gebruiken en bewaren.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2300',
    schedule: sessions('vr', 1, '09:00', '12:00'),
    priceCents: 7_500,
    level: 1,
    axes: [2, 1, -2],
    recognitions: [KMO],
    credential: null,
    access: [PLAIN, A1A2, WHEEL],
    audience: 'Medewerkers in schoonmaak, onderhoud en productie.',
    requirements: 'Geen.',
    competences: { 'lk21.selfreg.safety': 2, 'lk21.basics.dutch.reading': 1 },
    editions: [ed(5, 14), ed(17, 14)],
  },
  // ------------------------------------------------ leadership and guidance
  {
    provider: VK,
    code: 'VK-LEAD-01',
    title: { nl: 'Coachend leidinggeven voor werkleiders en ploegbazen', en: 'Coaching leadership for supervisors' },
    description: {
      nl: 'Een traject van zes dagen, één per week, in Mechelen, met online opdrachten ertussen. Je leert medewerkers motiveren, feedback geven die aankomt, zelfstandigheid stimuleren en groei opvolgen. Je werkt aan situaties uit je eigen ploeg en sluit af met een praktijkopdracht.',
      en: 'A six-day programme, one day a week, in Mechelen, with online assignments in between: motivating people, feedback that lands, encouraging independence, following up growth. You work on situations from your own team.',
    },
    languages: ['nl'],
    format: 'blended',
    postcode: '2800',
    schedule: sessions('do', 6, '09:00', '16:00'),
    priceCents: 119_000,
    level: 2,
    axes: [1, 1, 1],
    recognitions: [VOV, KMO],
    credential: 'Getuigschrift Coachend leidinggeven',
    access: [WHEEL],
    audience: 'Werkleiders, ploegbazen en begeleiders in maatwerkbedrijven en de sociale economie.',
    requirements: 'Je geeft dagelijks leiding aan een ploeg.',
    competences: {
      'lkc.guiding.feedback': 3,
      'lkc.guiding.motivating': 3,
      'lkc.guiding.autonomy': 2,
      'lkc.development.observing': 2,
    },
    editions: [ed(4, 12, { from: ['werkleiders'], people: 10 }), ed(20, 12)],
  },
  {
    provider: VK,
    code: 'VK-LEAD-02',
    title: { nl: 'Feedback geven aan je ploeg' },
    description: {
      nl: 'Een praktische dag: je leert feedback geven die concreet en respectvol is, ook als het moeilijk wordt, en complimenten geven die werken. Je oefent met situaties die je zelf meebrengt.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2300',
    schedule: sessions('di', 1, '09:00', '16:30'),
    priceCents: 24_500,
    level: 2,
    axes: [1, 1, -2],
    recognitions: [KMO],
    credential: null,
    access: [WHEEL],
    audience: 'Werkleiders, ploegbazen en begeleiders.',
    requirements: 'Geen.',
    competences: { 'lkc.guiding.feedback': 3, 'lk21.social.feedback': 2 },
    editions: [ed(3, 14), ed(11, 14), ed(19, 14)],
  },
  {
    provider: VK,
    code: 'VK-LEAD-03',
    title: { nl: 'Teamleider worden: basisopleiding leidinggeven' },
    description: {
      nl: 'Acht ochtenden voor wie pas leidinggevende is of het wordt: je rol en je stijl, een ploeg leiden en motiveren, werk verdelen, conflicten aanpakken, overleg leiden. Met een persoonlijk actieplan.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2300',
    schedule: sessions('ma', 8, '09:00', '13:00'),
    priceCents: 89_500,
    level: 2,
    axes: [1, -1, 1],
    recognitions: [VOV, CHEQUES, KMO],
    credential: 'Getuigschrift Basisopleiding leidinggeven',
    access: [WHEEL],
    audience: 'Nieuwe en toekomstige leidinggevenden, ploegbazen en werkleiders.',
    requirements: 'Je geeft (binnenkort) leiding aan een ploeg.',
    competences: { 'lkc.people.team': 3, 'lkc.guiding.motivating': 2, 'lkc.people.conflict': 2 },
    editions: [ed(5, 14), ed(21, 14)],
  },
  {
    provider: VK,
    code: 'VK-LEAD-04',
    title: { nl: 'Instructie geven op de werkvloer (train-de-trainer)' },
    description: {
      nl: 'Je leert een taak stap voor stap aanleren: voordoen, laten nadoen, bijsturen, controleren. Met aandacht voor medewerkers die moeilijk lezen of weinig Nederlands spreken. Op dag twee geef je zelf een instructie en krijg je feedback.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2440',
    schedule: sessions(['wo', 'do'], 2, '09:00', '16:30'),
    priceCents: 39_500,
    level: 2,
    axes: [1, 1, -1],
    recognitions: [KMO],
    credential: 'Attest van deelname',
    access: [WHEEL],
    audience: 'Werkleiders, ervaren medewerkers en meters en peters die collega’s opleiden.',
    requirements: 'Je geeft geregeld instructies aan collega’s.',
    competences: {
      'lkc.guiding.instructing': 3,
      'lkc.communication.lowliteracy': 2,
      'lkc.development.workplacelearning': 2,
    },
    editions: [ed(6, 12), ed(15, 12)],
  },
  {
    provider: VK,
    code: 'VK-LEAD-05',
    title: { nl: 'Conflicten hanteren in je ploeg' },
    description: {
      nl: 'Spanningen tussen collega’s, een medewerker die niet meewil: je leert conflicten vroeg zien, neutraal blijven, een bemiddelend gesprek voeren en afspraken opvolgen. Twee dagen met veel rollenspel.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2500',
    schedule: sessions(['do', 'vr'], 2, '09:00', '16:30'),
    priceCents: 36_500,
    level: 2,
    axes: [1, 1, -1],
    recognitions: [KMO],
    credential: null,
    access: [WHEEL],
    audience: 'Leidinggevenden, werkleiders en begeleiders.',
    requirements: 'Geen.',
    competences: { 'lkc.people.conflict': 3, 'lkc.communication.conversations': 2 },
    editions: [ed(5, 12), ed(17, 12)],
  },
  {
    provider: VK,
    code: 'VK-LEAD-06',
    title: { nl: 'Stress en psychische kwetsbaarheid herkennen bij medewerkers' },
    description: {
      nl: 'Hoe merk je dat een medewerker het moeilijk heeft? Je leert signalen van stress, burn-out en psychische kwetsbaarheid herkennen, het gesprek aangaan en op tijd doorverwijzen naar de juiste hulp.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2500',
    schedule: sessions('vr', 1, '09:00', '16:30'),
    priceCents: 21_500,
    level: 2,
    axes: [0, 1, -2],
    recognitions: [KMO],
    credential: null,
    access: [WHEEL],
    audience: 'Leidinggevenden, jobcoaches, begeleiders en HR.',
    requirements: 'Geen.',
    competences: { 'lkc.people.stress': 3, 'lkc.people.referral': 3 },
    editions: [ed(4, 16), ed(14, 16)],
  },
  {
    provider: VK,
    code: 'VK-LEAD-07',
    title: { nl: 'Zorg voor jezelf als begeleider: werkdruk en grenzen' },
    description: {
      nl: 'Drie online namiddagen voor begeleiders die veel geven: je kijkt naar je eigen werkdruk, leert grenzen aangeven en reflecteert met collega’s uit andere bedrijven op je aanpak.',
    },
    languages: ['nl'],
    format: 'online',
    postcode: null,
    schedule: sessions('ma', 3, '13:30', '16:30'),
    priceCents: 16_500,
    level: 2,
    axes: [-1, -1, -1],
    recognitions: [KMO],
    credential: null,
    access: [],
    audience: 'Jobcoaches, werkleiders en begeleiders.',
    requirements: 'Een computer met camera en microfoon.',
    competences: { 'lkc.self.workload': 3, 'lkc.self.boundaries': 2, 'lkc.self.reflection': 2 },
    editions: [ed(5, 16), ed(16, 16)],
  },
  {
    provider: VK,
    code: 'VK-LEAD-08',
    title: { nl: 'Leren op de werkvloer organiseren met een ontwikkelingsplan' },
    description: {
      nl: 'Je leert leerkansen op de werkvloer zien en inzetten, samen met een medewerker een ontwikkelingsplan opstellen en de vooruitgang opvolgen en rapporteren. Twee lessen in Turnhout, twee online.',
    },
    languages: ['nl'],
    format: 'blended',
    postcode: '2300',
    schedule: sessions('di', 4, '09:00', '12:30'),
    priceCents: 38_500,
    level: 2,
    axes: [1, 1, 0],
    recognitions: [KMO],
    credential: 'Attest van deelname',
    access: [WHEEL],
    audience: 'Werkleiders, jobcoaches en trajectbegeleiders.',
    requirements: 'Je begeleidt medewerkers in hun ontwikkeling.',
    competences: {
      'lkc.development.workplacelearning': 3,
      'lkc.development.plan': 3,
      'lkc.development.reporting': 2,
    },
    editions: [ed(6, 14), ed(18, 14)],
  },
  {
    provider: VK,
    code: 'VK-LEAD-09',
    title: { nl: 'Leidinggeven in verandering' },
    description: {
      nl: 'Nieuwe machines, digitale planning, een andere organisatie: hoe neem je je ploeg mee? Je leert weerstand begrijpen, verandering stap voor stap uitleggen en medewerkers betrekken.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2800',
    schedule: sessions(['di', 'wo'], 2, '09:00', '16:30'),
    priceCents: 45_500,
    level: 3,
    axes: [1, 1, -1],
    recognitions: [KMO],
    credential: null,
    access: [WHEEL],
    audience: 'Leidinggevenden en werkleiders in een organisatie die verandert.',
    requirements: 'Ervaring als leidinggevende.',
    competences: { 'lk21.selfreg.change': 3, 'lkc.people.team': 2, 'lkc.guiding.motivating': 2 },
    editions: [ed(7, 12), ed(19, 12)],
  },
  {
    provider: VK,
    code: 'VK-LEAD-10',
    title: { nl: 'Competenties observeren en objectief rapporteren' },
    description: {
      nl: 'Wat zie je echt, en wat denk je erbij? Je leert gedrag op de werkvloer observeren, het inschatten op een competentieschaal en er feitelijk over rapporteren.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2440',
    schedule: sessions('ma', 1, '09:00', '16:30'),
    priceCents: 23_500,
    level: 2,
    axes: [1, 1, -2],
    recognitions: [KMO],
    credential: null,
    access: [WHEEL],
    audience: 'Werkleiders, jobcoaches en assessoren.',
    requirements: 'Geen.',
    competences: { 'lkc.development.observing': 3, 'lkc.development.reporting': 3 },
    editions: [ed(8, 14)],
  },
  // ------------------------------------------------ self-regulation and digital, Kempen
  {
    provider: VK,
    code: 'VK-SELF-01',
    title: { nl: 'Weerbaar bij agressie van klanten' },
    description: {
      nl: 'Een klant die roept, dreigt of duwt: je leert de signalen herkennen, de-escaleren, jezelf beschermen en na een incident steun zoeken. Met een trainer en een acteur.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2300',
    schedule: sessions('wo', 1, '09:00', '16:30'),
    priceCents: 19_500,
    level: 2,
    axes: [1, 1, -2],
    recognitions: [KMO],
    credential: null,
    access: [PLAIN, WHEEL],
    audience: 'Medewerkers aan het onthaal, in de winkel, de zorg of bij klanten thuis.',
    requirements: 'Geen.',
    competences: { 'lk21.social.conflict': 2, 'lk21.selfreg.pressure': 2, 'lk21.social.customers': 1 },
    editions: [ed(4, 12), ed(15, 12)],
  },
  {
    provider: VK,
    code: 'VK-SELF-02',
    title: { nl: 'Veerkracht: rustig blijven als het druk wordt' },
    description: {
      nl: 'Vier korte online sessies over de middag: ademhalen, pauzes nemen, piekeren stoppen, en omgaan met veranderingen op het werk. Je krijgt elke week een kleine oefening mee.',
    },
    languages: ['nl'],
    format: 'online',
    postcode: null,
    schedule: sessions('do', 4, '12:30', '13:30'),
    priceCents: 6_000,
    level: 1,
    axes: [-2, -1, -2],
    recognitions: [],
    credential: null,
    access: [PLAIN],
    audience: 'Iedereen die meer rust wil vinden op het werk.',
    requirements: 'Een smartphone of computer met internet.',
    competences: { 'lk21.selfreg.pressure': 2, 'lk21.selfreg.change': 1 },
    editions: [ed(2, 40), ed(10, 40)],
  },
  {
    provider: VK,
    code: 'VK-DIG-01',
    title: { nl: 'Scanner en planningsapp in het magazijn' },
    description: {
      nl: 'Een trainer oefent bij jullie met de handscanner en de planningsapp: een order openen, producten scannen, een tekort melden, je taken van de dag bekijken. Kort, praktisch, in eenvoudige taal.',
    },
    languages: ['nl'],
    format: 'workplace',
    postcode: null,
    schedule: sessions('ma', 3, '13:00', '15:00'),
    priceCents: 8_500,
    level: 1,
    axes: [2, 2, -2],
    recognitions: [KMO],
    credential: null,
    access: [PLAIN, A1A2],
    audience: 'Magazijn- en productiemedewerkers die digitaal gaan werken.',
    requirements: 'De werkgever zorgt voor de toestellen.',
    competences: { 'lk21.digital.worktools': 2, 'lk21.digital.smartphone': 1, 'lk21.basics.numeracy.quantities': 1 },
    editions: [ed(3, 8), ed(9, 8)],
  },
  {
    provider: VK,
    code: 'VK-DIG-02',
    title: { nl: 'Computer en internet voor beginners' },
    description: {
      nl: 'Acht namiddagen om rustig te leren werken met een computer en het internet: typen, opslaan, zoeken, een e-mail sturen. In een kleine groep, met een lesgever die de tijd neemt.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2300',
    schedule: sessions('wo', 8, '13:30', '16:00'),
    priceCents: 0,
    level: 1,
    axes: [-1, -1, 0],
    recognitions: [],
    credential: 'Open Badge "Digitaal basisvaardig"',
    access: [PLAIN, A1A2, WHEEL],
    audience: 'Volwassenen zonder of met weinig computerervaring.',
    requirements: 'Geen voorkennis nodig.',
    competences: { 'lk21.digital.computer': 2, 'lk21.digital.information': 1, 'lk21.digital.email': 1 },
    editions: [ed(3, 10), ed(13, 10)],
  },
  {
    provider: VK,
    code: 'VK-NUM-01',
    title: { nl: 'Werkplanning en uurroosters lezen' },
    description: {
      nl: 'Je leert een weekplanning en een uurrooster lezen, uitrekenen hoe lang een taak duurt, pauzes en overuren tellen en op tijd klaar zijn. Met de planningen uit je eigen werk.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2400',
    schedule: sessions('di', 4, '13:00', '15:30'),
    priceCents: 0,
    level: 1,
    axes: [0, 0, -1],
    recognitions: [],
    credential: null,
    access: [PLAIN, A1A2, WHEEL],
    audience: 'Medewerkers die met planningen en uurroosters werken.',
    requirements: 'Geen.',
    competences: { 'lk21.basics.numeracy.time': 2, 'lk21.selfreg.planning': 1 },
    editions: [ed(5, 12)],
  },
  // ------------------------------------------------ draft of Vormingscentrum Kempen
  {
    provider: VK,
    code: 'VK-HWK-01',
    status: 'draft',
    title: { nl: 'Hoogwerker veilig bedienen' },
    description: {
      nl: 'Een dag theorie en praktijk met de schaarlift en de knikarmhoogwerker: controle voor gebruik, stabiliteit, werken op hoogte, noodbediening. Met attest.',
    },
    languages: ['nl'],
    format: 'classroom',
    postcode: '2440',
    schedule: sessions('do', 1, '08:00', '16:00'),
    priceCents: 29_500,
    level: 1,
    axes: [2, 1, -2],
    recognitions: [KMO],
    credential: 'Attest hoogwerker',
    access: [],
    audience: 'Medewerkers onderhoud, groen en logistiek die op hoogte werken.',
    requirements: 'Minstens 18 jaar.',
    competences: { 'lk21.selfreg.safety': 2 },
    suggested: { 'lk21.selfreg.responsibility': 2 },
    editions: [ed(10, 8)],
  },
];

// ------------------------------------------------------------------------------------------------
// Dates
// ------------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const weekdayOf = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
/** No sessions on Belgian public holidays with a fixed date, nor between Christmas and New Year. */
const isHoliday = (iso: string) => {
  const md = iso.slice(5);
  return ['01-01', '05-01', '07-21', '08-15', '11-01', '11-11'].includes(md) || md >= '12-24';
};
/** Editions do not start in the Christmas break. */
const inChristmasBreak = (iso: string) => iso.slice(5) >= '12-19' || iso.slice(5) <= '01-03';
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/** Contact time of one participant: the sessions' length, or the hours of a self-paced course. */
export function durationMinutes(schedule: Schedule): number {
  return 'selfPacedWeeks' in schedule ? schedule.hours * 60 : schedule.n * (minutesOf(schedule.to) - minutesOf(schedule.from));
}

/** The dates of an edition that starts in `week` weeks from `today`. */
export function editionDates(schedule: Schedule, week: number, today: string) {
  let day = addDays(today, week * 7);
  if ('selfPacedWeeks' in schedule) {
    while (weekdayOf(day) !== 1 || inChristmasBreak(day)) day = addDays(day, 1);
    const deadline = addDays(day, -3);
    return {
      startsOn: day,
      endsOn: addDays(day, schedule.selfPacedWeeks * 7 - 1),
      enrolmentDeadline: deadline < today ? today : deadline,
      sessions: [],
    };
  }
  const on = new Set(schedule.on.map((d) => WEEKDAY[d]));
  const first = WEEKDAY[schedule.on[0]];
  // Start on the first weekday of the pattern, so "do + vr" is a Thursday and the Friday after.
  while (weekdayOf(day) !== first || isHoliday(day) || inChristmasBreak(day)) day = addDays(day, 1);
  const dates: string[] = [];
  for (; dates.length < schedule.n; day = addDays(day, 1)) if (on.has(weekdayOf(day)) && !isHoliday(day)) dates.push(day);
  const startsOn = dates[0];
  // Longer courses close enrolment two weeks ahead (intake), the others one week.
  const enrolmentDeadline = addDays(startsOn, schedule.n >= 10 ? -14 : -7);
  return {
    startsOn,
    endsOn: dates[dates.length - 1],
    enrolmentDeadline: enrolmentDeadline < today ? today : enrolmentDeadline,
    sessions: dates.map((date) => ({ date, from: schedule.from, to: schedule.to })),
  };
}

// ------------------------------------------------------------------------------------------------
// The step
// ------------------------------------------------------------------------------------------------

const FRAMEWORKS = ['lk-21st-century-skills', 'lk-coaching-guidance'];

export const seedDemoOffers: DemoStep = async (tx, { orgIds, now }) => {
  const clock = now ?? new Date();
  const today = todayInBrussels(clock);
  const providerIds = new Map<ProviderSlug, string>();
  for (const slug of [LS, VK]) {
    const id = orgIds.get(slug);
    if (id) providerIds.set(slug, id);
  }
  if (providerIds.size === 0) return;

  const existing = await tx
    .select({ providerId: offers.providerId, code: offers.code })
    .from(offers)
    .where(inArray(offers.providerId, [...providerIds.values()]));
  const taken = new Set(existing.map((o) => `${o.providerId} ${o.code}`));
  const todo = demoOffers.filter((o) => providerIds.has(o.provider) && !taken.has(`${providerIds.get(o.provider)} ${o.code}`));
  if (todo.length === 0) return;

  const keys = [...new Set(todo.flatMap((o) => [...Object.keys(o.competences), ...Object.keys(o.suggested ?? {})]))];
  const competenceId = await ownCompetenceIds(tx, keys);
  const recognitionKeys = new Set(
    (await tx.select({ key: fundingInstruments.key }).from(fundingInstruments).where(isNull(fundingInstruments.organisationId))).map(
      (r) => r.key,
    ),
  );

  // Every row by the catalog's own rules first: nothing is written when one breaks them.
  const prepared = todo.map((spec) => {
    const duration = durationMinutes(spec.schedule);
    const characteristics = { orientation: spec.axes[0], initiative: spec.axes[1], length: spec.axes[2] };
    const editions = spec.editions.map((e) => ({ ...editionDates(spec.schedule, e.week, today), capacity: e.capacity, fill: e.fill }));
    const problems: Problem[] = [
      ...(CODE_PATTERN.test(spec.code) ? [] : [{ path: '/code', message: 'is not a valid offer code' }]),
      ...validateOfferFields(
        { ...spec, durationMinutes: duration, characteristics, accessibility: spec.access },
        { isKnownRecognition: (k) => recognitionKeys.has(k), isKnownPostcode: (p) => placeOfPostcode(p) !== null },
      ),
      ...editions.flatMap((e, i) => validateEdition(e, { today }).map((p) => ({ path: `/editions/${i}${p.path}`, message: p.message }))),
      ...(spec.status === 'draft' ? [] : publishProblems({ status: 'draft', confirmedCompetences: Object.keys(spec.competences).length })),
    ];
    if (problems.length)
      throw new Error(`Demo offer ${spec.code} breaks the offer rules: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
    const place = spec.postcode ? placeOfPostcode(spec.postcode)! : null;
    return { spec, duration, characteristics, editions, place };
  });

  const inserted = await tx
    .insert(offers)
    .values(
      prepared.map(({ spec, duration, characteristics, place }) => ({
        providerId: providerIds.get(spec.provider)!,
        code: spec.code,
        title: spec.title,
        description: spec.description,
        languages: spec.languages,
        format: spec.format,
        postcode: spec.postcode,
        municipality: place?.municipality ?? null,
        region: place?.region ?? null,
        latitude: place?.latitude ?? null,
        longitude: place?.longitude ?? null,
        durationMinutes: duration,
        priceCents: spec.priceCents,
        targetAudience: spec.audience,
        entryRequirements: spec.requirements,
        level: spec.level,
        characteristics,
        recognitions: spec.recognitions,
        credential: spec.credential,
        accessibility: spec.access,
        status: spec.status ?? ('published' as const),
        publishedAt: spec.status === 'draft' ? null : clock,
      })),
    )
    .returning({ id: offers.id, providerId: offers.providerId, code: offers.code });
  const offerId = new Map(inserted.map((o) => [`${o.providerId} ${o.code}`, o.id]));
  const idOf = (spec: DemoOffer) => offerId.get(`${providerIds.get(spec.provider)} ${spec.code}`)!;

  const tags = prepared.flatMap(({ spec }) => [
    ...Object.entries(spec.competences).map(([key, level]) => ({
      offerId: idOf(spec),
      competenceId: competenceId.get(key)!,
      level,
      confirmed: true,
    })),
    ...Object.entries(spec.suggested ?? {}).map(([key, level]) => ({
      offerId: idOf(spec),
      competenceId: competenceId.get(key)!,
      level,
      confirmed: false,
    })),
  ]);
  if (tags.length) await tx.insert(offerCompetences).values(tags);

  const editionRows = prepared.flatMap(({ spec, editions }) => editions.map(({ fill: _fill, ...e }) => ({ offerId: idOf(spec), ...e })));
  const fills: Array<{ editionId: string; fill: NonNullable<EditionSpec['fill']> }> = [];
  if (editionRows.length) {
    const stored = await tx
      .insert(offerEditions)
      .values(editionRows)
      .returning({ id: offerEditions.id, offerId: offerEditions.offerId, startsOn: offerEditions.startsOn });
    const editionId = new Map(stored.map((e) => [`${e.offerId} ${e.startsOn}`, e.id]));
    for (const { spec, editions } of prepared) {
      for (const e of editions) if (e.fill) fills.push({ editionId: editionId.get(`${idOf(spec)} ${e.startsOn}`)!, fill: e.fill });
    }
  }

  const enrolled = await enrolDeBrugGroups(tx, orgIds, clock, fills);
  const published = prepared.filter((p) => p.spec.status !== 'draft').length;
  return `Training providers: ${published} published offers and ${prepared.length - published} drafts with ${editionRows.length} editions${enrolled ? `; HR of De Brug enrolled ${enrolled} people on ${fills.length} of them (some almost full, one with a waiting list)` : ''}`;
};

/** Ids of competences of our public frameworks by key; fails loudly when bootstrap has not loaded them. */
async function ownCompetenceIds(tx: Executor, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await tx
    .select({ id: competences.id, key: competences.key })
    .from(competences)
    .innerJoin(frameworks, eq(frameworks.id, competences.frameworkId))
    .where(and(inArray(frameworks.key, FRAMEWORKS), isNull(frameworks.organisationId), inArray(competences.key, keys)));
  const ids = new Map(rows.map((r) => [r.key, r.id]));
  const missing = keys.filter((k) => !ids.has(k));
  if (missing.length > 0)
    throw new Error(`Demo offers need our own frameworks (run bootstrap first); missing competences: ${missing.join(', ')}`);
  return ids;
}

/**
 * HR of De Brug enrols groups on the editions marked with `fill`, through the enrolment service (seat
 * count under the edition lock; beyond the capacity people join the waiting list). People with a demo
 * login are left out, so the demo employee's own leerportaal starts empty. Returns how many enrolled.
 */
async function enrolDeBrugGroups(
  tx: Executor,
  orgIds: Map<string, string>,
  clock: Date,
  fills: Array<{ editionId: string; fill: NonNullable<EditionSpec['fill']> }>,
): Promise<number> {
  const orgId = orgIds.get('de-brug');
  if (!orgId || fills.length === 0) return 0;
  const [hr] = await tx
    .select({ id: users.id, email: users.email, displayName: users.displayName })
    .from(users)
    .where(eq(users.email, 'hr@demo.leerkompas.be'));
  if (!hr) return 0;
  const actor: Actor = {
    userId: hr.id,
    email: hr.email,
    displayName: hr.displayName,
    locale: 'nl',
    memberships: [{ organisationId: orgId, role: 'hr' }],
    isPlatformAdmin: false,
  };
  const staff = await tx
    .select({ id: people.id, team: teams.name, targetGroup: people.targetGroup, userId: people.userId })
    .from(people)
    .leftJoin(teams, eq(teams.id, people.teamId))
    .where(eq(people.organisationId, orgId))
    .orderBy(asc(people.externalRef));
  if (staff.length === 0) return 0;
  // The seeding transaction stands in for the database: the service's own transactions become savepoints.
  const enrolment = createEnrolmentService({ db: tx as unknown as Db, now: () => clock });
  let count = 0;
  for (const { editionId, fill } of fills) {
    const pools = fill.from.map((group) =>
      staff.filter(
        (p) =>
          p.userId === null &&
          (group === 'werkleiders' ? p.targetGroup === 'supervisory_staff' : p.team === group && p.targetGroup === 'target_group_employee'),
      ),
    );
    // Take people from the groups in turn.
    const personIds: string[] = [];
    for (let i = 0; personIds.length < fill.people && pools.some((pool) => i < pool.length); i++) {
      for (const pool of pools) if (i < pool.length && personIds.length < fill.people) personIds.push(pool[i].id);
    }
    if (personIds.length === 0) continue;
    const views = await enrolment.enrolForOrganisation(actor, orgId, { editionId, personIds });
    count += views.length;
  }
  return count;
}
