import { Type, type Static } from 'typebox';
import { IsoDateTime, Uuid } from '../../shared/schemas.js';
import { CampaignLocale, CampaignMode } from '../campaigns/schemas.js';
import { LocalizedTextView, ScaleLevelView } from '../frameworks/schemas.js';

/*
 * The self-assessment a person answers from their personal link, without an account (issue 3
 * item 3). The link's token travels in the `x-survey-token` header, never in the URL.
 */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const SURVEY_TOKEN_HEADER = 'x-survey-token';

/** The token from the link (`/s#<token>`); missing → 401. */
export const SurveyHeaders = Type.Object({
  [SURVEY_TOKEN_HEADER]: Type.Optional(Type.String({ maxLength: 200, description: 'The token from the invitation link (after #).' })),
});

export const SurveyVisibility = Type.Union([Type.Literal('private'), Type.Literal('supervisor'), Type.Literal('hr')]);
export type SurveyVisibility = Static<typeof SurveyVisibility>;

export const SurveyAnswer = Type.Object({
  competenceId: Uuid,
  /** null with dontKnow = "I don't know". */
  level: Nullable(Type.Integer()),
  dontKnow: Type.Boolean(),
});
export type SurveyAnswer = Static<typeof SurveyAnswer>;

export const SurveyQuestion = Type.Object({
  competenceId: Uuid,
  /** In the campaign's languages only. */
  label: LocalizedTextView,
  description: LocalizedTextView,
});
export type SurveyQuestion = Static<typeof SurveyQuestion>;

export const SurveyView = Type.Object({
  campaign: Type.Object({
    title: Type.String(),
    description: Type.String(),
    mode: CampaignMode,
    /** Last day to answer (YYYY-MM-DD, Brussels). */
    closesOn: Type.String({ format: 'date' }),
  }),
  /** Languages offered, always with nl. */
  locales: Type.Array(CampaignLocale),
  /** The language last chosen on this link. */
  locale: CampaignLocale,
  scale: Type.Object({ maxLevel: Type.Integer(), levels: Type.Array(ScaleLevelView) }),
  questions: Type.Array(SurveyQuestion),
  answers: Type.Array(SurveyAnswer),
  /** The final open question ("Wat wil je graag leren?"); null = not asked. */
  openQuestion: Nullable(LocalizedTextView),
  learningWish: Nullable(Type.String()),
  status: Type.Union([Type.Literal('in_progress'), Type.Literal('submitted')]),
  /** Index of the first question without an answer; questions.length = go to the final screen. */
  resumeAt: Type.Integer(),
  visibility: Type.Object({
    /** The organisation lets people choose who sees their answers (named campaigns only). */
    canChoose: Type.Boolean(),
    value: SurveyVisibility,
  }),
  submittedAt: Nullable(IsoDateTime),
});
export type SurveyView = Static<typeof SurveyView>;

export const AnswerParams = Type.Object({ competenceId: Uuid }, { additionalProperties: false });

export const AnswerBody = Type.Object(
  {
    /** A level on the scale, 0..maxLevel. */
    level: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    /** "I don't know": send `true` instead of a level. */
    dontKnow: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type AnswerBody = Static<typeof AnswerBody>;

export const SavedAnswer = Type.Object({
  answer: SurveyAnswer,
  /** Questions with an answer now, out of total. */
  answered: Type.Integer(),
  total: Type.Integer(),
});
export type SavedAnswer = Static<typeof SavedAnswer>;

export const LearningWishBody = Type.Object({ text: Type.String({ maxLength: 2000 }) }, { additionalProperties: false });
export const VisibilityBody = Type.Object({ visibility: SurveyVisibility }, { additionalProperties: false });
export const LocaleBody = Type.Object({ locale: CampaignLocale }, { additionalProperties: false });
