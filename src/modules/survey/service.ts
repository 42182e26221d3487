import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { batched } from '../../db/batching.js';
import { GUARD_PASSED, type Db, type Executor } from '../../db/client.js';
import { DEFAULT_SCALE_KEY } from '../../db/reference-data.js';
import { todayInBrussels } from '../../domain/calendar/brussels.js';
import { effectiveSettings } from '../../domain/organisations/settings.js';
import { surveyAccess, type SurveyAccess } from '../../domain/survey/access.js';
import { dayPrecision, groupAttributes } from '../../domain/survey/anonymity.js';
import { checkAnswer, selfRatings } from '../../domain/survey/answers.js';
import { resumeIndex, unansweredQuestions } from '../../domain/survey/progress.js';
import { offeredTexts } from '../../domain/survey/texts.js';
import { isSurveyLocale, type SurveyLocale } from '../../shared/survey.js';
import { auditWrite } from '../../server/audit.js';
import { hashToken } from '../../server/auth/tokens.js';
import { AppError } from '../../server/errors.js';
import { recordAssessments } from '../assessments/record.js';
import { createLearningQuestionFromSurvey } from '../learning-questions/from-survey.js';
import * as q from './queries.js';
import type { AnswerBody, SavedAnswer, SurveyView, SurveyVisibility } from './schemas.js';

/*
 * Errors in plain words. None of them says whose link it is: the same answers whoever holds it.
 */
const linkMissing = () =>
  new AppError('survey.link_missing', { status: 401, detail: 'Open this page with the personal link you received.' });
const linkUnknown = () =>
  new AppError('survey.link_unknown', {
    status: 404,
    detail: 'This link does not work. Ask the person who gave it to you for a new link.',
  });
const refusals: Record<Exclude<SurveyAccess, 'ok'>, (campaign: q.LinkCampaign) => AppError> = {
  revoked: () =>
    new AppError('survey.link_revoked', {
      status: 410,
      detail: 'This link has been withdrawn. Ask for a new link if you still want to answer.',
    }),
  expired: () => new AppError('survey.link_expired', { status: 410, detail: 'This link no longer works: the time to answer is over.' }),
  closed: () => new AppError('survey.closed', { status: 410, detail: 'This survey is closed. You can no longer answer.' }),
  not_open: (c) =>
    new AppError('survey.not_open', {
      status: 409,
      detail:
        c.status === 'draft' ? 'This survey has not started yet.' : `This survey has not started yet. You can answer from ${c.opensOn}.`,
    }),
};
const alreadySubmitted = () =>
  new AppError('survey.submitted', { status: 409, detail: 'You have already sent your answers. They can no longer be changed.' });

/** Everything one request on a link needs: the link's state (q.linkState) and the moment. */
interface LinkContext extends q.LinkState {
  /** The open transaction (checked paths), or the database (the single-statement paths). */
  tx: Executor;
  token: string;
  anonymous: boolean;
  /** The instant of this request. */
  at: Date;
  /**
   * The instant stored: exact in a named campaign, the day only in an anonymous one, so response
   * and invitation cannot be lined up by time (docs/domain.md).
   */
  stamp: Date;
}

/** The resume key of a response: derived from the token, so only the holder of the link finds it. */
const resumeHashOf = (token: string) => hashToken(`response:${token}`);

export function createSurveyService({ db, now = () => new Date() }: { db: Db; now?: () => Date }) {
  // Answers of respondents answering at the same time go to the database together (batched): two
  // batches on their way at most, so one slow batch does not hold up every answer. One link's
  // answers go one batch after the other (keyed by token), in the order they came.
  const saveGuarded = batched((answers: q.GuardedAnswer[]) => q.saveAnswersGuarded(db, answers, DEFAULT_SCALE_KEY), {
    maxInFlight: 2,
    maxSize: q.MAX_ANSWER_BATCH,
    keyOf: (answer) => answer.tokenHash,
  });
  /**
   * Reads the link's state (with `lock`, invitation and response stay locked until the
   * transaction ends), or throws the error the respondent should see.
   */
  async function openLink(tx: Executor, token: string | undefined, read: q.LinkRead): Promise<LinkContext> {
    if (!token) throw linkMissing();
    const state = await q.linkState(tx, {
      tokenHash: hashToken(token),
      resumeHash: resumeHashOf(token),
      defaultScaleKey: DEFAULT_SCALE_KEY,
      ...read,
    });
    if (!state) throw linkUnknown();
    const at = now();
    const access = surveyAccess({ campaign: state.campaign, invitation: state.invitation, now: at });
    if (access !== 'ok') throw refusals[access](state.campaign);
    if (!state.content.levels.length) throw new Error(`The default scale ${DEFAULT_SCALE_KEY} is missing; run the bootstrap.`);
    const anonymous = state.campaign.mode === 'anonymous';
    return { ...state, tx, token, anonymous, at, stamp: anonymous ? dayPrecision(at) : at };
  }

  const defaultVisibility = (ctx: LinkContext): SurveyVisibility => ctx.settings.defaultVisibility ?? 'hr';
  /** People choose who sees their answers only in named campaigns, and only where the organisation allows it. */
  const canChooseVisibility = (ctx: LinkContext) => !ctx.anonymous && ctx.settings.allowVisibilityChoice === true;

  /** The person's own language when the campaign offers it, else Dutch. */
  function initialLocale(ctx: LinkContext): SurveyLocale {
    const preferred = ctx.person.preferredLocale;
    return isSurveyLocale(preferred) && ctx.campaign.locales.includes(preferred) ? preferred : 'nl';
  }

  /** The response a link's first use creates: the person's groups, copied; in an anonymous campaign nothing that points back. */
  function newResponse(ctx: LinkContext): q.NewResponse {
    const common = {
      campaignId: ctx.campaign.id,
      organisationId: ctx.invitation.organisationId,
      resumeHash: resumeHashOf(ctx.token),
      ...groupAttributes(ctx.person),
      visibility: defaultVisibility(ctx),
    };
    return ctx.anonymous
      ? // A random (v4) id: a v7 id would carry the creation time to the millisecond.
        { ...common, id: randomUUID(), invitationId: null, personId: null, locale: 'nl' }
      : { ...common, id: uuidv7(), invitationId: ctx.invitation.id, personId: ctx.person.id, locale: initialLocale(ctx) };
  }

  /**
   * The link's first use, in one guarded statement: the invitation marked as started and the
   * response created. The response is null only for an anonymous link issued again after its
   * holder had already sent their answers: the old answers cannot be found from the new token (by
   * design), and nobody answers twice. Undefined when the statement found the link no longer
   * usable or another request on the same link created the response first: read the link again.
   */
  async function startLink(ctx: LinkContext): Promise<q.LinkResponse | null | undefined> {
    const create = !ctx.response && !(ctx.anonymous && ctx.invitation.submittedAt);
    if (!create && ctx.invitation.startedAt) return ctx.response;
    const { usable, response } = await q.startResponse(ctx.tx, {
      tokenHash: hashToken(ctx.token),
      at: ctx.at,
      today: todayInBrussels(ctx.at),
      stamp: ctx.stamp,
      response: create ? newResponse(ctx) : null,
    });
    if (!usable || (create && !response)) return undefined;
    ctx.invitation.startedAt ??= ctx.stamp;
    if (create) ctx.response = response;
    return ctx.response;
  }

  /** startLink inside a link's transaction: a link changed meanwhile is read again, and refused if it must be. */
  async function ensureResponse(ctx: LinkContext): Promise<q.LinkResponse | null> {
    const response = await startLink(ctx);
    if (response !== undefined) return response;
    Object.assign(ctx, await openLink(ctx.tx, ctx.token, { lock: true }));
    const again = await startLink(ctx);
    if (again === undefined) throw new Error('A locked, usable survey link could not be started.');
    return again;
  }

  const maxLevelOf = (content: q.SurveyContent) => content.levels.reduce((max, l) => Math.max(max, l.level), 0);

  function view(ctx: LinkContext, response: q.LinkResponse | null): SurveyView {
    const { campaign } = ctx;
    const offered = campaign.locales;
    const { questions: asked, answers, levels } = ctx.content;
    const order = new Map(asked.map((a, i) => [a.competenceId, i]));
    answers.sort((a, b) => (order.get(a.competenceId) ?? 0) - (order.get(b.competenceId) ?? 0));
    const submitted = response ? response.status === 'submitted' : ctx.invitation.submittedAt !== null;
    const locale = !ctx.anonymous && response && isSurveyLocale(response.locale) ? response.locale : initialLocale(ctx);
    return {
      campaign: { title: campaign.title, description: campaign.description, mode: campaign.mode, closesOn: campaign.closesOn },
      locales: campaign.locales.filter(isSurveyLocale),
      locale,
      scale: {
        maxLevel: maxLevelOf(ctx.content),
        levels: levels.map((l) => ({
          level: l.level,
          pictogram: l.pictogram,
          label: offeredTexts(l.label, offered),
          descriptor: offeredTexts(l.descriptor, offered),
        })),
      },
      questions: asked.map((a) => ({
        competenceId: a.competenceId,
        label: offeredTexts(a.label, offered),
        description: offeredTexts(a.description, offered),
      })),
      answers,
      openQuestion: campaign.openQuestion ? offeredTexts(campaign.openQuestion, offered) : null,
      learningWish: response?.learningWish ?? null,
      status: submitted ? 'submitted' : 'in_progress',
      resumeAt: resumeIndex(
        asked.map((a) => a.competenceId),
        answers,
      ),
      visibility: {
        canChoose: canChooseVisibility(ctx),
        value: canChooseVisibility(ctx) && response ? response.visibility : defaultVisibility(ctx),
      },
      submittedAt: (response?.submittedAt ?? ctx.invitation.submittedAt)?.toISOString() ?? null,
    };
  }

  /** Runs one step on a link in one transaction: invitation and response stay locked until it ends. */
  function onLink<T>(token: string | undefined, step: (ctx: LinkContext) => Promise<T>): Promise<T> {
    return db.transaction(async (tx) => step(await openLink(tx, token, { lock: true })));
  }

  /** The response, refusing changes once the answers have been sent. */
  async function openResponse(ctx: LinkContext): Promise<q.LinkResponse> {
    const response = await ensureResponse(ctx);
    if (!response || response.status === 'submitted') throw alreadySubmitted();
    return response;
  }

  /**
   * The common case of saving an answer — a started link, a response in progress, a question of
   * the campaign and a level on the scale — in one guarded statement without an explicit
   * transaction (q.saveAnswersGuarded, which locks the response row so a concurrent submit cannot
   * miss the answer), shared with the answers of other respondents that arrive meanwhile. Returns
   * null whenever anything is unusual; the caller then takes the checked path, which gives the
   * error.
   */
  async function saveAnswerFast(token: string | undefined, competenceId: string, body: AnswerBody): Promise<SavedAnswer | null> {
    if (!token) return null;
    // The shape of the answer here; whether the level is on the respondent's scale, in SQL.
    const checked = checkAnswer(body, Number.MAX_SAFE_INTEGER);
    if (!checked.ok) return null;
    const at = now();
    const saved = await saveGuarded({
      tokenHash: hashToken(token),
      resumeHash: resumeHashOf(token),
      competenceId,
      ...checked.answer,
      at,
      day: dayPrecision(at),
      today: todayInBrussels(at),
    });
    return saved && { answer: { competenceId, ...checked.answer }, ...saved };
  }

  /**
   * Saving an answer with every check inside the link's transaction (invitation locked): the
   * first answer on a link (which creates the response), and every case the fast path declines,
   * so each refusal comes from here with its exact error.
   */
  function saveAnswerChecked(token: string | undefined, competenceId: string, body: AnswerBody): Promise<SavedAnswer> {
    return onLink(token, async (ctx) => {
      const response = await openResponse(ctx);
      const asked = ctx.content.questions;
      if (!asked.some((a) => a.competenceId === competenceId)) {
        throw new AppError('survey.question_not_found', {
          status: 404,
          detail: 'This survey does not ask about this competence.',
          errors: [{ path: '/params/competenceId', message: 'is not a question of this survey' }],
        });
      }
      const checked = checkAnswer(body, maxLevelOf(ctx.content));
      if (!checked.ok) {
        throw new AppError('validation.failed', {
          status: 400,
          detail: checked.problems.map((p) => `${p.path} ${p.message}`).join('; '),
          errors: checked.problems,
        });
      }
      await q.saveAnswer(ctx.tx, {
        organisationId: ctx.invitation.organisationId,
        responseId: response.id,
        competenceId,
        ...checked.answer,
        answeredAt: ctx.stamp,
      });
      return {
        answer: { competenceId, ...checked.answer },
        answered: new Set([...ctx.content.answers.map((a) => a.competenceId), competenceId]).size,
        total: asked.length,
      };
    });
  }

  const askedIds = (ctx: LinkContext) => ctx.content.questions.map((a) => a.competenceId);
  /** Who sees the submitted ratings: the person's choice where they may choose, else the organisation's default. */
  const submittedVisibility = (ctx: LinkContext, response: q.LinkResponse) =>
    canChooseVisibility(ctx) ? response.visibility : defaultVisibility(ctx);

  /** The self ratings of a submit, as recordAssessments takes them. */
  function ratingsOf(ctx: LinkContext, response: q.LinkResponse, answers: q.SurveyContent['answers'], visibility: SurveyVisibility) {
    return selfRatings(answers).map((r) => ({
      organisationId: ctx.invitation.organisationId,
      ...(ctx.anonymous ? { responseId: response.id } : { personId: ctx.person.id }),
      competenceId: r.competenceId,
      source: 'self' as const,
      level: r.level,
      campaignId: ctx.campaign.id,
      visibility,
      assessedAt: ctx.stamp,
    }));
  }

  /** The audit row of a submit; none in an anonymous campaign, where its time and address would point at the person. */
  function submitAudit(ctx: LinkContext, answers: q.SurveyContent['answers'], ip: string | undefined, onlyIf?: string) {
    if (ctx.anonymous) return [];
    const ratings = selfRatings(answers).length;
    const detail = { campaignId: ctx.campaign.id, ratings, dontKnow: answers.length - ratings };
    return [
      auditWrite(
        { event: 'survey_submitted', organisationId: ctx.invitation.organisationId, subject: ctx.invitation.id, ip, detail },
        onlyIf,
      ),
    ];
  }

  const submittedView = (ctx: LinkContext, response: q.LinkResponse, visibility: SurveyVisibility) => {
    ctx.invitation.submittedAt = ctx.stamp;
    return view(ctx, { ...response, status: 'submitted', submittedAt: ctx.stamp, visibility });
  };

  /**
   * The common submit — every question answered, no wish for the open question to turn into a
   * learning question — without a transaction: the link and the rating history read without
   * locks in one statement, then ONE statement that writes everything only if what was read still
   * holds (q.submitGuarded: the response unchanged since, its link still usable). Null whenever
   * anything is unusual or changed meanwhile: the caller then takes the checked path, which locks,
   * reads again and says why if it must refuse.
   */
  async function submitFast(token: string | undefined, ip: string | undefined): Promise<SurveyView | null> {
    const ctx = await openLink(db, token, { lock: false, withHistories: true });
    const { response, responseVersion } = ctx;
    if (!response || response.status !== 'in_progress' || responseVersion === null) return null;
    if (ctx.campaign.openQuestion && response.learningWish?.trim()) return null;
    const answers = ctx.content.answers;
    if (unansweredQuestions(askedIds(ctx), answers).length) return null;

    const visibility = submittedVisibility(ctx, response);
    const { guard, invitation } = q.submitGuarded({
      organisationId: ctx.invitation.organisationId,
      responseId: response.id,
      invitationId: ctx.invitation.id,
      visibility,
      stamp: ctx.stamp,
      responseVersion,
      tokenHash: hashToken(ctx.token),
      at: ctx.at,
      today: todayInBrussels(ctx.at),
    });
    const written = await recordAssessments(
      db,
      ratingsOf(ctx, response, answers, visibility),
      { now: ctx.stamp, validityMonths: effectiveSettings(ctx.settings).validityMonths },
      { guard, alongside: [invitation, ...submitAudit(ctx, answers, ip, GUARD_PASSED)], storedAssessments: ctx.storedAssessments },
    );
    return written ? submittedView(ctx, response, visibility) : null;
  }

  /**
   * The submit in one transaction with the link locked: every case, with the exact refusal. The
   * answers are read again after the lock: an answer saved on the fast path while the link's state
   * was being read is in the database but not in that statement's snapshot.
   */
  function submitChecked(token: string | undefined, ip: string | undefined): Promise<SurveyView> {
    return onLink(token, async (ctx) => {
      const { tx, invitation, campaign } = ctx;
      const organisationId = invitation.organisationId;
      const response = await ensureResponse(ctx);
      if (!response || response.status === 'submitted') return view(ctx, response);

      const answers = await q.answersOf(tx, response.id);
      ctx.content = { ...ctx.content, answers };
      const missing = unansweredQuestions(askedIds(ctx), answers);
      if (missing.length) {
        throw new AppError('survey.incomplete', {
          status: 422,
          detail: `Answer every question first (${missing.length} still open). "I don't know" is an answer too.`,
          errors: missing.map((id) => ({ path: `/answers/${id}`, message: 'has no answer yet' })),
        });
      }

      const visibility = submittedVisibility(ctx, response);
      const submitted = q.submittedWrites({
        organisationId,
        responseId: response.id,
        invitationId: invitation.id,
        visibility,
        stamp: ctx.stamp,
      });
      await recordAssessments(
        tx,
        ratingsOf(ctx, response, answers, visibility),
        { now: ctx.stamp, validityMonths: effectiveSettings(ctx.settings).validityMonths },
        // One statement for the ratings, the diagnosis, the response, the invitation and the audit row.
        { alongside: [...submitted, ...submitAudit(ctx, answers, ip)] },
      );
      if (campaign.openQuestion && response.learningWish?.trim()) {
        await createLearningQuestionFromSurvey(tx, {
          organisationId,
          responseId: response.id,
          campaignId: campaign.id,
          teamId: response.teamId,
          personId: ctx.anonymous ? null : ctx.person.id,
          text: response.learningWish,
          visibility,
        });
      }
      return submittedView(ctx, response, visibility);
    });
  }

  return {
    /** The survey of a link: texts in the campaign's languages, saved answers, where to resume. Marks the link as started. */
    async getSurvey(token: string | undefined): Promise<SurveyView> {
      // Without a transaction: one statement on a return visit, two on the first.
      const ctx = await openLink(db, token, { lock: false });
      const response = await startLink(ctx);
      if (response !== undefined) return view(ctx, response);
      return onLink(token, async (locked) => view(locked, await ensureResponse(locked)));
    },

    /** Saves (or replaces) the answer to one question. */
    async saveAnswer(token: string | undefined, competenceId: string, body: AnswerBody): Promise<SavedAnswer> {
      return (await saveAnswerFast(token, competenceId, body)) ?? saveAnswerChecked(token, competenceId, body);
    },

    /** Saves the answer to the open question so far (blank = none). */
    async saveLearningWish(token: string | undefined, text: string): Promise<void> {
      return onLink(token, async (ctx) => {
        const response = await openResponse(ctx);
        if (!ctx.campaign.openQuestion) {
          throw new AppError('survey.no_open_question', {
            status: 409,
            detail: 'This survey has no open question.',
            errors: [{ path: '/body/text', message: 'is not asked in this survey' }],
          });
        }
        await q.updateResponse(ctx.tx, ctx.invitation.organisationId, response.id, {
          learningWish: text.trim() || null,
          ...(ctx.anonymous ? { updatedAt: ctx.stamp } : {}),
        });
      });
    },

    /** The person's choice of who may see their answers, where the organisation lets them choose. */
    async setVisibility(token: string | undefined, visibility: SurveyVisibility): Promise<void> {
      return onLink(token, async (ctx) => {
        const response = await openResponse(ctx);
        if (!canChooseVisibility(ctx)) {
          throw new AppError('survey.visibility_fixed', {
            status: 409,
            detail: 'Your organisation decides who sees the answers of this survey.',
            errors: [{ path: '/body/visibility', message: 'cannot be chosen in this survey' }],
          });
        }
        await q.updateResponse(ctx.tx, ctx.invitation.organisationId, response.id, { visibility });
      });
    },

    /**
     * The language chosen on the link. Kept in a named campaign only: in an anonymous one the
     * language could single out the one French speaker of a team, so it is not stored.
     */
    async setLocale(token: string | undefined, locale: SurveyLocale): Promise<void> {
      return onLink(token, async (ctx) => {
        if (!ctx.campaign.locales.includes(locale)) {
          throw new AppError('validation.failed', {
            status: 400,
            detail: `/body/locale is not offered in this survey (${ctx.campaign.locales.join(', ')})`,
            errors: [{ path: '/body/locale', message: 'is not offered in this survey' }],
          });
        }
        const response = await ensureResponse(ctx);
        if (response && !ctx.anonymous) await q.updateResponse(ctx.tx, ctx.invitation.organisationId, response.id, { locale });
      });
    },

    /**
     * Sends the answers: the self ratings through recordAssessments (which keeps the diagnosis in
     * step; "I don't know" is no rating), the response and the invitation marked as submitted, and
     * the answer to the open question as a learning question — all or nothing. Sending again
     * changes nothing and answers the same.
     */
    async submit(token: string | undefined, ip?: string): Promise<SurveyView> {
      return (await submitFast(token, ip)) ?? submitChecked(token, ip);
    },
  };
}

export type SurveyService = ReturnType<typeof createSurveyService>;
