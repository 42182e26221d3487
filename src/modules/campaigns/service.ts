import { stringify } from 'csv-stringify/sync';
import type { Db, Executor } from '../../db/client.js';
import { DEFAULT_SCALE_KEY } from '../../db/reference-data.js';
import type { CampaignScope as ScopeColumn } from '../../db/schema/index.js';
import { checkCampaignSettings, checkOpenCampaignChange, type CampaignProblem } from '../../domain/campaigns/campaign-rules.js';
import { endOfDayInBrussels } from '../../domain/campaigns/expiry.js';
import { todayInBrussels } from '../../domain/calendar/brussels.js';
import { invitationStatus, suppressProgress } from '../../domain/campaigns/invitations.js';
import { resolveCampaignCompetences, type ResolvedCompetence } from '../../domain/campaigns/resolve-competences.js';
import { writeAudit } from '../../server/audit.js';
import { hashToken, randomToken } from '../../server/auth/tokens.js';
import { AppError, badRequest, notFound } from '../../server/errors.js';
import { requireOrgPermission, type Actor } from '../../server/tenancy.js';
import { findScaleByKey, findScales } from '../frameworks/queries.js';
import { effectiveSettings } from '../../domain/organisations/settings.js';
import * as q from './queries.js';
import type {
  CampaignCompetences,
  CampaignCounts,
  CampaignDetail,
  CampaignSummary,
  CreateCampaignBody,
  InvitationList,
  InvitationListQuery,
  IssuedLinks,
  IssueLinksBody,
  QrSheetBody,
  UpdateCampaignBody,
} from './schemas.js';
import { renderQrSheet, type SheetLocale } from './sheet.js';

export interface CampaignsDeps {
  db: Db;
  /** Address in invitation links (config LEERKOMPAS_PUBLIC_URL); null = the request's own address. */
  publicUrl?: string | null;
  /** The clock (opening, issuing, revoking, "today" in Brussels). */
  now?: () => Date;
}

/** Columns of the links CSV (for mail merge). */
export const LINK_CSV_COLUMNS = ['name', 'team', 'link', 'invitation_id'] as const;

const campaignError = (code: `campaign.${string}`, status: number, detail: string, errors?: CampaignProblem[]) =>
  new AppError(code, { status, detail, errors });
const readOnly = () => campaignError('campaign.read_only', 409, 'A closed campaign is read-only.');

function invalid(problems: CampaignProblem[]): AppError {
  return new AppError('validation.failed', {
    status: 400,
    detail: `The campaign is not valid: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
    errors: problems,
  });
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** Trims the texts of the open question; null when nothing is left. Dutch is required. */
function cleanOpenQuestion(value: CreateCampaignBody['openQuestion']): {
  value: Record<string, string> | null;
  problems: CampaignProblem[];
} {
  if (value === undefined || value === null) return { value: null, problems: [] };
  const out: Record<string, string> = {};
  for (const [lang, text] of Object.entries(value)) if (typeof text === 'string' && text.trim()) out[lang] = text.trim();
  if (!out.nl)
    return {
      value: null,
      problems: [{ path: '/body/openQuestion/nl', message: 'is required when there is an open question (or send null for none)' }],
    };
  return { value: out, problems: [] };
}

/** Builds the personal link; the token travels in the fragment, which browsers never send to a server. */
const linkFor = (base: string, token: string) => `${base}/s#${token}`;

export function createCampaignsService({ db, publicUrl = null, now = () => new Date() }: CampaignsDeps) {
  async function threshold(tx: Executor, organisationId: string) {
    return effectiveSettings(await q.organisationSettings(tx, organisationId)).anonymityThreshold;
  }

  /** Ids from the body must belong to the organisation (teams, profiles) or be usable (competences). */
  async function checkReferences(
    tx: Executor,
    organisationId: string,
    input: { scope?: ScopeColumn; addedCompetenceIds?: string[]; removedCompetenceIds?: string[] },
  ): Promise<CampaignProblem[]> {
    const problems: CampaignProblem[] = [];
    if (input.scope) {
      const teams = await q.teamIdsOf(tx, organisationId, input.scope.teamIds);
      input.scope.teamIds.forEach((id, i) => {
        if (!teams.has(id)) problems.push({ path: `/body/scope/teamIds/${i}`, message: 'is not a team of this organisation' });
      });
      const profiles = await q.profileIdsOf(tx, organisationId, input.scope.functionProfileIds);
      input.scope.functionProfileIds.forEach((id, i) => {
        if (!profiles.has(id))
          problems.push({ path: `/body/scope/functionProfileIds/${i}`, message: 'is not a function profile of this organisation' });
      });
    }
    for (const field of ['addedCompetenceIds', 'removedCompetenceIds'] as const) {
      const ids = input[field];
      if (!ids?.length) continue;
      const usable = await q.usableCompetenceIds(tx, organisationId, ids);
      ids.forEach((id, i) => {
        if (!usable.has(id))
          problems.push({ path: `/body/${field}/${i}`, message: 'does not exist or is not available to this organisation' });
      });
    }
    return problems;
  }

  async function resolveLive(tx: Executor, organisationId: string, c: q.CampaignRow): Promise<ResolvedCompetence[]> {
    const profileIds = await q.profilesInScope(tx, organisationId, c.scope);
    const items = await q.profileItems(tx, profileIds);
    return resolveCampaignCompetences({
      profileIds,
      items,
      addedCompetenceIds: c.addedCompetenceIds,
      removedCompetenceIds: c.removedCompetenceIds,
    });
  }

  async function counts(tx: Executor, organisationId: string, c: q.CampaignRow, k: number): Promise<CampaignCounts> {
    if (c.status === 'draft') {
      const people = await q.countPeopleInScope(tx, organisationId, c.scope);
      const resolved = await resolveLive(tx, organisationId, c);
      const known = await q.competenceDetails(
        tx,
        organisationId,
        resolved.map((r) => r.competenceId),
      );
      return { people, competences: known.length, issued: 0, revoked: 0, started: 0, submitted: 0 };
    }
    const inv = (await q.invitationCounts(tx, organisationId, [c.id])).get(c.id) ?? {
      invited: 0,
      issued: 0,
      revoked: 0,
      started: 0,
      submitted: 0,
    };
    const hide = c.mode === 'anonymous' && inv.invited < k;
    return {
      people: inv.invited,
      competences: await q.countFrozenCompetences(tx, c.id),
      issued: inv.issued,
      revoked: inv.revoked,
      started: hide ? null : inv.started,
      submitted: hide ? null : inv.submitted,
    };
  }

  async function detail(tx: Executor, organisationId: string, id: string): Promise<CampaignDetail> {
    const c = await q.findCampaign(tx, organisationId, id);
    if (!c) throw notFound('campaign');
    const k = await threshold(tx, organisationId);
    return {
      id: c.id,
      organisationId: c.organisationId,
      title: c.title,
      description: c.description,
      perspectives: c.perspectives,
      mode: c.mode,
      status: c.status,
      opensOn: c.opensOn,
      closesOn: c.closesOn,
      locales: c.locales as CampaignDetail['locales'],
      scope: c.scope,
      supervisorAssessment: c.supervisorAssessment,
      openQuestion: c.openQuestion ?? null,
      addedCompetenceIds: c.addedCompetenceIds,
      removedCompetenceIds: c.removedCompetenceIds,
      counts: await counts(tx, organisationId, c, k),
      anonymityThreshold: k,
      openedAt: c.openedAt?.toISOString() ?? null,
      closedAt: c.closedAt?.toISOString() ?? null,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    };
  }

  /** Loads a campaign for a change, locked; refuses closed ones. */
  async function changeable(tx: Executor, organisationId: string, id: string): Promise<q.CampaignRow> {
    const c = await q.findCampaign(tx, organisationId, id, true);
    if (!c) throw notFound('campaign');
    if (c.status === 'closed') throw readOnly();
    return c;
  }

  /**
   * (Re)issues links inside the caller's transaction. Named campaigns skip people who already
   * answered. Anonymous campaigns include them, so the set of links never tells who answered
   * (their link only says the answers are in).
   */
  async function issue(
    tx: Executor,
    who: Actor,
    organisationId: string,
    id: string,
    selection: IssueLinksBody,
    base: string,
    via: 'links' | 'csv' | 'sheet',
  ) {
    const c = await changeable(tx, organisationId, id);
    if (c.status !== 'open')
      throw campaignError('campaign.not_open', 409, 'Open the campaign first: links exist only for an open campaign.');
    const problems: CampaignProblem[] = [];
    if (typeof selection.teamId === 'string' && !(await q.teamIdsOf(tx, organisationId, [selection.teamId])).has(selection.teamId)) {
      problems.push({ path: '/body/teamId', message: 'is not a team of this organisation' });
    }
    if (selection.personIds) {
      const invited = await q.invitedPersonIds(tx, organisationId, c.id, selection.personIds);
      selection.personIds.forEach((personId, i) => {
        if (!invited.has(personId)) problems.push({ path: `/body/personIds/${i}`, message: 'is not invited to this campaign' });
      });
    }
    if (problems.length) throw invalid(problems);
    const rows = await q.invitationsToIssue(tx, organisationId, c.id, {
      teamId: selection.teamId,
      personIds: selection.personIds,
      includeSubmitted: c.mode === 'anonymous',
    });
    const issuedAt = now();
    const expiresAt = endOfDayInBrussels(c.closesOn);
    const issued = rows.map((row) => ({ row, token: randomToken() }));
    await q.setTokens(
      tx,
      organisationId,
      issued.map(({ row, token }) => ({ invitationId: row.invitationId, tokenHash: hashToken(token) })),
      issuedAt,
      expiresAt,
    );
    await writeAudit(tx, {
      event: 'invitations_issued',
      actorUserId: who.userId,
      organisationId,
      subject: c.id,
      detail: { links: issued.length, via, teamId: selection.teamId ?? undefined, personCount: selection.personIds?.length },
    });
    return {
      campaign: c,
      links: issued.map(({ row, token }) => ({
        invitationId: row.invitationId,
        personName: row.personName,
        teamName: row.teamName,
        url: linkFor(base, token),
      })),
      expiresAt: expiresAt.toISOString(),
    };
  }

  return {
    async listCampaigns(actor: Actor | null, organisationId: string, status?: CampaignSummary['status']): Promise<CampaignSummary[]> {
      requireOrgPermission(actor, 'campaign:read', organisationId);
      const rows = await q.listCampaigns(db, organisationId, status);
      const k = await threshold(db, organisationId);
      const inv = await q.invitationCounts(
        db,
        organisationId,
        rows.map((r) => r.id),
      );
      return rows.map((c) => {
        const n = inv.get(c.id) ?? { invited: 0, submitted: 0 };
        return {
          id: c.id,
          title: c.title,
          status: c.status,
          mode: c.mode,
          perspectives: c.perspectives,
          opensOn: c.opensOn,
          closesOn: c.closesOn,
          invited: n.invited,
          submitted: c.mode === 'anonymous' && n.invited < k ? null : n.submitted,
          updatedAt: c.updatedAt.toISOString(),
        };
      });
    },

    async getCampaign(actor: Actor | null, organisationId: string, id: string): Promise<CampaignDetail> {
      requireOrgPermission(actor, 'campaign:read', organisationId);
      return detail(db, organisationId, id);
    },

    /** Creates a draft campaign after checking every setting and every id it refers to. */
    async createCampaign(actor: Actor | null, organisationId: string, input: CreateCampaignBody): Promise<CampaignDetail> {
      const who = requireOrgPermission(actor, 'campaign:manage', organisationId);
      const title = input.title.trim();
      const scope = input.scope ?? { teamIds: [], functionProfileIds: [], targetGroups: [] };
      const values = {
        perspectives: input.perspectives,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
        locales: input.locales ?? ['nl'],
        mode: input.mode,
        supervisorAssessment: input.supervisorAssessment ?? input.mode === 'named',
      };
      const openQuestion = cleanOpenQuestion(input.openQuestion);
      const problems = [
        ...(title ? [] : [{ path: '/body/title', message: 'must not be blank' }]),
        ...checkCampaignSettings(values),
        ...openQuestion.problems,
      ];
      return db.transaction(async (tx) => {
        problems.push(
          ...(await checkReferences(tx, organisationId, {
            scope,
            addedCompetenceIds: input.addedCompetenceIds,
            removedCompetenceIds: input.removedCompetenceIds,
          })),
        );
        if (problems.length) throw invalid(problems);
        const row = await q.insertCampaign(tx, {
          organisationId,
          title,
          description: input.description?.trim() ?? '',
          ...values,
          scope: {
            teamIds: unique(scope.teamIds),
            functionProfileIds: unique(scope.functionProfileIds),
            targetGroups: unique(scope.targetGroups),
          },
          openQuestion: openQuestion.value,
          addedCompetenceIds: unique(input.addedCompetenceIds ?? []),
          removedCompetenceIds: unique(input.removedCompetenceIds ?? []),
          createdBy: who.userId,
        });
        return detail(tx, organisationId, row.id);
      });
    },

    /**
     * Draft: any field. Open: title, description and a later closing date (live links then
     * expire later too). Closed: read-only (409).
     */
    async updateCampaign(actor: Actor | null, organisationId: string, id: string, input: UpdateCampaignBody): Promise<CampaignDetail> {
      requireOrgPermission(actor, 'campaign:manage', organisationId);
      return db.transaction(async (tx) => {
        const c = await changeable(tx, organisationId, id);
        const changes: Parameters<typeof q.updateCampaign>[3] = {};
        const problems: CampaignProblem[] = [];
        if (input.title !== undefined) {
          changes.title = input.title.trim();
          if (!changes.title) problems.push({ path: '/body/title', message: 'must not be blank' });
        }
        if (input.description !== undefined) changes.description = input.description.trim();

        if (c.status === 'open') {
          const locked = checkOpenCampaignChange({ closesOn: c.closesOn }, input, todayInBrussels(now()));
          if (locked.length)
            throw campaignError(
              'campaign.locked',
              409,
              `The campaign is open: ${locked.map((p) => `${p.path} ${p.message}`).join('; ')}`,
              locked,
            );
          if (problems.length) throw invalid(problems);
          if (input.closesOn !== undefined && input.closesOn !== c.closesOn) {
            changes.closesOn = input.closesOn;
            await q.extendExpiry(tx, organisationId, c.id, endOfDayInBrussels(input.closesOn));
          }
          await q.updateCampaign(tx, organisationId, c.id, changes);
          return detail(tx, organisationId, c.id);
        }

        // Draft. Switching to anonymous without a word about supervisors switches them off.
        const mode = input.mode ?? c.mode;
        const supervisorAssessment = input.supervisorAssessment ?? (input.mode === 'anonymous' ? false : c.supervisorAssessment);
        const merged = {
          perspectives: input.perspectives ?? c.perspectives,
          opensOn: input.opensOn ?? c.opensOn,
          closesOn: input.closesOn ?? c.closesOn,
          locales: input.locales ?? c.locales,
          mode,
          supervisorAssessment,
        };
        problems.push(...checkCampaignSettings(merged));
        let openQuestion: Record<string, string> | null | undefined;
        if (input.openQuestion !== undefined) {
          const cleaned = cleanOpenQuestion(input.openQuestion);
          problems.push(...cleaned.problems);
          openQuestion = cleaned.value;
        }
        problems.push(...(await checkReferences(tx, organisationId, input)));
        if (problems.length) throw invalid(problems);
        Object.assign(changes, merged);
        if (openQuestion !== undefined) changes.openQuestion = openQuestion;
        if (input.scope)
          changes.scope = {
            teamIds: unique(input.scope.teamIds),
            functionProfileIds: unique(input.scope.functionProfileIds),
            targetGroups: unique(input.scope.targetGroups),
          };
        if (input.addedCompetenceIds) changes.addedCompetenceIds = unique(input.addedCompetenceIds);
        if (input.removedCompetenceIds) changes.removedCompetenceIds = unique(input.removedCompetenceIds);
        await q.updateCampaign(tx, organisationId, c.id, changes);
        return detail(tx, organisationId, c.id);
      });
    },

    async deleteCampaign(actor: Actor | null, organisationId: string, id: string): Promise<void> {
      requireOrgPermission(actor, 'campaign:manage', organisationId);
      await db.transaction(async (tx) => {
        const c = await q.findCampaign(tx, organisationId, id, true);
        if (!c) throw notFound('campaign');
        if (c.status !== 'draft')
          throw campaignError('campaign.not_draft', 409, `Only a draft campaign can be deleted; this one is ${c.status}.`);
        await q.deleteCampaign(tx, organisationId, id);
      });
    },

    /** The competences the campaign asks: live from the profiles while draft, frozen once open. */
    async previewCompetences(actor: Actor | null, organisationId: string, id: string): Promise<CampaignCompetences> {
      requireOrgPermission(actor, 'campaign:read', organisationId);
      return db.transaction(async (tx) => {
        const c = await q.findCampaign(tx, organisationId, id);
        if (!c) throw notFound('campaign');
        const frozen = c.status !== 'draft';
        const added = new Set(c.addedCompetenceIds);
        const list: ResolvedCompetence[] | Array<Omit<ResolvedCompetence, 'profileCount'> & { profileCount: number | null }> = frozen
          ? (await q.frozenCompetences(tx, c.id)).map((f) => ({
              competenceId: f.competenceId,
              position: f.position,
              origin: added.has(f.competenceId) ? ('added' as const) : ('profile' as const),
              importance: null,
              defaultRequiredLevel: f.defaultRequiredLevel,
              profileCount: null,
            }))
          : await resolveLive(tx, organisationId, c);
        const details = new Map(
          (await q.competenceDetails(tx, organisationId, [...list.map((r) => r.competenceId), ...c.removedCompetenceIds])).map((d) => [
            d.id,
            d,
          ]),
        );
        const defaultScale = await findScaleByKey(tx, DEFAULT_SCALE_KEY);
        const scaleIds = unique(
          [...[...details.values()].map((d) => d.scaleId), defaultScale?.id ?? null].filter((s): s is string => Boolean(s)),
        );
        const scales = new Map((await findScales(tx, { orgIds: 'all' }, scaleIds)).map((s) => [s.id, s]));
        const levelsOf = (scaleId: string | null) =>
          (scaleId && scales.get(scaleId)?.levels) || (defaultScale ? (scales.get(defaultScale.id)?.levels ?? []) : []);
        const items = list
          .filter((r) => details.has(r.competenceId))
          .map((r, index) => {
            const d = details.get(r.competenceId)!;
            return {
              competenceId: r.competenceId,
              key: d.key,
              kind: d.kind,
              label: d.label,
              frameworkKey: d.frameworkKey,
              position: frozen ? r.position : index,
              origin: r.origin,
              importance: r.importance,
              defaultRequiredLevel: r.defaultRequiredLevel,
              profileCount: r.profileCount,
              levels: levelsOf(d.scaleId),
            };
          });
        const removed = c.removedCompetenceIds.flatMap((competenceId) => {
          const d = details.get(competenceId);
          return d ? [{ competenceId, key: d.key, label: d.label }] : [];
        });
        return { frozen, items, removed };
      });
    },

    /**
     * draft → open, in one transaction: freezes the competence list and invites every person in
     * scope (one invitation each, no link yet). Refused without people or competences.
     */
    async openCampaign(actor: Actor | null, organisationId: string, id: string, ip?: string): Promise<CampaignDetail> {
      const who = requireOrgPermission(actor, 'campaign:manage', organisationId);
      return db.transaction(async (tx) => {
        const c = await changeable(tx, organisationId, id);
        if (c.status !== 'draft') throw campaignError('campaign.not_draft', 409, 'The campaign is open already.');
        if (c.closesOn < todayInBrussels(now())) {
          throw campaignError(
            'campaign.closes_in_past',
            409,
            `The closing date ${c.closesOn} has passed; choose a later closing date first.`,
            [{ path: '/body/closesOn', message: 'has passed' }],
          );
        }
        const persons = await q.peopleInScope(tx, organisationId, c.scope);
        if (persons.length === 0)
          throw campaignError('campaign.no_people', 409, 'Nobody is in the scope of this campaign; widen the scope first.', [
            { path: '/body/scope', message: 'contains nobody' },
          ]);
        const resolved = await resolveLive(tx, organisationId, c);
        const known = new Set(
          (
            await q.competenceDetails(
              tx,
              organisationId,
              resolved.map((r) => r.competenceId),
            )
          ).map((d) => d.id),
        );
        const asked = resolved.filter((r) => known.has(r.competenceId));
        if (asked.length === 0) {
          throw campaignError(
            'campaign.no_competences',
            409,
            'The campaign asks no competences: the profiles in scope list none, and none were added.',
            [{ path: '/body/addedCompetenceIds', message: 'add at least one competence, or choose profiles that list some' }],
          );
        }
        await q.insertCampaignCompetences(
          tx,
          asked.map((r, position) => ({
            campaignId: c.id,
            competenceId: r.competenceId,
            position,
            defaultRequiredLevel: r.defaultRequiredLevel,
          })),
        );
        await q.insertInvitations(
          tx,
          persons.map((p) => ({ campaignId: c.id, organisationId, personId: p.id })),
        );
        const at = now();
        await q.updateCampaign(tx, organisationId, c.id, { status: 'open', openedAt: at });
        await writeAudit(tx, {
          event: 'campaign_opened',
          actorUserId: who.userId,
          organisationId,
          subject: c.id,
          ip,
          detail: { people: persons.length, competences: asked.length },
        });
        return detail(tx, organisationId, c.id);
      });
    },

    /** open → closed; the campaign is read-only afterwards. */
    async closeCampaign(actor: Actor | null, organisationId: string, id: string, ip?: string): Promise<CampaignDetail> {
      const who = requireOrgPermission(actor, 'campaign:manage', organisationId);
      return db.transaction(async (tx) => {
        const c = await changeable(tx, organisationId, id);
        if (c.status !== 'open')
          throw campaignError('campaign.not_open', 409, 'Only an open campaign can be closed; this one is still a draft.');
        await q.updateCampaign(tx, organisationId, c.id, { status: 'closed', closedAt: now() });
        await writeAudit(tx, { event: 'campaign_closed', actorUserId: who.userId, organisationId, subject: c.id, ip });
        return detail(tx, organisationId, c.id);
      });
    },

    /**
     * Named: who is invited and how far they are (never their answers). Anonymous: per-team counts
     * only, suppressed below the organisation's anonymity threshold (domain-rules §3).
     */
    async listInvitations(actor: Actor | null, organisationId: string, id: string, query: InvitationListQuery): Promise<InvitationList> {
      requireOrgPermission(actor, 'campaign:read', organisationId);
      const c = await q.findCampaign(db, organisationId, id);
      if (!c) throw notFound('campaign');
      const k = await threshold(db, organisationId);
      if (c.mode === 'anonymous') {
        const groups = await q.progressPerTeam(db, organisationId, c.id);
        const view = suppressProgress(groups, k);
        return {
          mode: 'anonymous',
          threshold: k,
          groups: view.groups.map((g, i) => ({ ...g, teamName: groups[i].teamName })),
          total: view.total,
        };
      }
      if (query.teamId && !(await q.teamIdsOf(db, organisationId, [query.teamId])).has(query.teamId)) {
        throw badRequest('/querystring/teamId', 'is not a team of this organisation');
      }
      let after: q.InvitationCursor | undefined;
      if (query.cursor) {
        try {
          const [team, name, invitationId] = JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8')) as unknown[];
          if (
            typeof team !== 'string' ||
            typeof name !== 'string' ||
            typeof invitationId !== 'string' ||
            !/^[0-9a-f-]{36}$/i.test(invitationId)
          )
            throw new Error('shape');
          after = { team, name, id: invitationId };
        } catch {
          throw badRequest('/querystring/cursor', 'is not a cursor this list gave out');
        }
      }
      const limit = query.limit ?? 500;
      const rows = await q.listNamedInvitations(db, organisationId, c.id, { teamId: query.teamId, after, limit: limit + 1 });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        mode: 'named',
        items: page.map((r) => ({
          invitationId: r.invitationId,
          personId: r.personId,
          personName: r.personName,
          teamId: r.teamId,
          teamName: r.teamName,
          status: invitationStatus(r),
          issuedAt: r.issuedAt?.toISOString() ?? null,
        })),
        nextCursor:
          rows.length > limit && last
            ? Buffer.from(JSON.stringify([last.teamSort, last.personName, last.invitationId])).toString('base64url')
            : null,
      };
    },

    /** (Re)issues personal links and returns them once; earlier links of the same people stop working. */
    async issueLinks(
      actor: Actor | null,
      organisationId: string,
      id: string,
      selection: IssueLinksBody,
      requestOrigin: string,
    ): Promise<IssuedLinks> {
      const who = requireOrgPermission(actor, 'campaign:manage', organisationId);
      const { links, expiresAt } = await db.transaction((tx) =>
        issue(tx, who, organisationId, id, selection, publicUrl ?? requestOrigin, 'links'),
      );
      return { links, expiresAt };
    },

    /** The same as issueLinks, as RFC 4180 CSV for a mail merge. */
    async issueLinksCsv(
      actor: Actor | null,
      organisationId: string,
      id: string,
      selection: IssueLinksBody,
      requestOrigin: string,
    ): Promise<string> {
      const who = requireOrgPermission(actor, 'campaign:manage', organisationId);
      const { links } = await db.transaction((tx) => issue(tx, who, organisationId, id, selection, publicUrl ?? requestOrigin, 'csv'));
      return stringify(
        links.map((l) => [l.personName, l.teamName ?? '', l.url, l.invitationId]),
        { header: true, columns: [...LINK_CSV_COLUMNS], record_delimiter: 'windows' },
      );
    },

    /**
     * A printable PDF of QR cards for one team. Printing issues new links for that team's people,
     * so an earlier sheet of the same team stops working.
     */
    async printQrSheet(actor: Actor | null, organisationId: string, id: string, body: QrSheetBody, requestOrigin: string): Promise<Buffer> {
      const who = requireOrgPermission(actor, 'campaign:manage', organisationId);
      const result = await db.transaction(async (tx) => {
        const issued = await issue(tx, who, organisationId, id, { teamId: body.teamId }, publicUrl ?? requestOrigin, 'sheet');
        if (issued.links.length === 0)
          throw campaignError(
            'campaign.nothing_to_print',
            409,
            'Nobody in this team needs a link (everyone answered, was revoked, or the team is not in the campaign).',
          );
        const name = body.teamId ? await q.teamName(tx, organisationId, body.teamId) : null;
        return { ...issued, teamName: name };
      });
      const locale: SheetLocale = body.locale ?? (['nl', 'fr', 'en'].includes(who.locale) ? (who.locale as SheetLocale) : 'nl');
      return renderQrSheet({
        campaignTitle: result.campaign.title,
        closesOn: result.campaign.closesOn,
        teamName: result.teamName,
        locale,
        cards: result.links.map((l) => ({ personName: l.personName, teamName: l.teamName, url: l.url })),
      });
    },

    /** Withdraws one person's link for good (the survey refuses it from now on). */
    async revokeInvitation(actor: Actor | null, organisationId: string, id: string, invitationId: string, ip?: string): Promise<void> {
      const who = requireOrgPermission(actor, 'campaign:manage', organisationId);
      await db.transaction(async (tx) => {
        const c = await q.findCampaign(tx, organisationId, id);
        if (!c) throw notFound('campaign');
        const invitation = await q.findInvitation(tx, organisationId, c.id, invitationId);
        if (!invitation) throw notFound('invitation');
        if (c.status === 'closed') throw readOnly();
        if (invitation.revokedAt) return;
        await q.revokeInvitation(tx, organisationId, invitation.id, now());
        await writeAudit(tx, {
          event: 'invitation_revoked',
          actorUserId: who.userId,
          organisationId,
          subject: invitation.id,
          ip,
          detail: { campaignId: c.id },
        });
      });
    },
  };
}

export type CampaignsService = ReturnType<typeof createCampaignsService>;
