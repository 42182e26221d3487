import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { competences } from '../../db/schema/index.js';
import { DEFAULT_SCALE_KEY } from '../../db/reference-data.js';
import { pickLocalized, shorten, type Lang } from '../../domain/competences/localized.js';
import { mergeRankedHits } from '../../domain/competences/rank-merge.js';
import { buildSearchQuery } from '../../domain/competences/search-query.js';
import { badRequest, conflict, notFound } from '../../server/errors.js';
import { readableOrganisations, requireOrgPermission, type Actor } from '../../server/tenancy.js';
import * as q from './queries.js';
import type { VisibilityScope } from './queries.js';
import type {
  CompetenceDetail,
  CompetenceSearchQuery,
  CompetenceSearchResult,
  CompetenceWriteView,
  CreateCompetenceBody,
  CreateFrameworkBody,
  FrameworkDetail,
  FrameworkView,
  OccupationDetail,
  ScaleView,
  TreeNodeView,
  UpdateCompetenceBody,
} from './schemas.js';

/** How many candidates each search strategy contributes before merging, per requested result. */
const CANDIDATES_PER_RESULT = 3;

export function createFrameworksService({ db }: { db: Db }) {
  /** Public plus the caller's organisations; narrowed to one organisation when `orgId` is given (guarded). */
  function scopeFor(actor: Actor | null, orgId?: string): VisibilityScope {
    if (orgId) {
      requireOrgPermission(actor, 'framework:read', orgId);
      return { orgIds: [orgId] };
    }
    return { orgIds: readableOrganisations(actor, 'framework:read') };
  }

  async function visibleFramework(actor: Actor | null, id: string) {
    const [framework] = await q.findFrameworks(db, scopeFor(actor), [id]);
    if (!framework) throw notFound('framework');
    return framework;
  }

  function toWriteView(row: typeof competences.$inferSelect): CompetenceWriteView {
    return {
      id: row.id,
      key: row.key,
      frameworkId: row.frameworkId,
      parentId: row.parentId,
      kind: row.kind,
      label: row.label,
      altLabels: row.altLabels,
      description: row.description,
      code: row.code,
      position: row.position,
    };
  }

  /** Guard for writes on an organisation's own framework: public frameworks are never writable here. */
  async function ownFramework(actor: Actor | null, orgId: string, frameworkId: string) {
    requireOrgPermission(actor, 'framework:write', orgId);
    const framework = await q.findOwnFramework(db, orgId, frameworkId);
    if (!framework) throw notFound('framework');
    return framework;
  }

  return {
    async listFrameworks(actor: Actor | null, query: { orgId?: string }): Promise<FrameworkView[]> {
      return q.findFrameworks(db, scopeFor(actor, query.orgId));
    },

    async getFramework(actor: Actor | null, id: string): Promise<FrameworkDetail> {
      const framework = await visibleFramework(actor, id);
      const [scale] = framework.scaleId ? await q.findScales(db, { orgIds: 'all' }, [framework.scaleId]) : [];
      return { ...framework, scale: scale ?? null };
    },

    /** One level of the tree: the roots, or the children of `parentId` (which must be in the framework). */
    async listChildren(actor: Actor | null, frameworkId: string, parentId?: string): Promise<TreeNodeView[]> {
      await visibleFramework(actor, frameworkId);
      if (parentId && !(await q.findCompetenceInFramework(db, frameworkId, parentId))) {
        throw badRequest('/querystring/parentId', 'is not a competence of this framework');
      }
      return q.listChildren(db, frameworkId, parentId ?? null);
    },

    /**
     * Ranked competence search: full text on the language's tsvector (whole words, then the last
     * word as a prefix) merged with trigram similarity on the Dutch label for typos.
     */
    async searchCompetences(actor: Actor | null, query: CompetenceSearchQuery): Promise<CompetenceSearchResult[]> {
      const lang: Lang = query.lang ?? 'nl';
      const limit = query.limit ?? 20;
      let frameworkIds = await q.visibleFrameworkIds(db, scopeFor(actor, query.orgId));
      if (query.frameworkId) {
        if (!frameworkIds.includes(query.frameworkId)) throw notFound('framework');
        frameworkIds = [query.frameworkId];
      }
      const search = buildSearchQuery(query.q);
      const candidates = limit * CANDIDATES_PER_RESULT;
      const textHits = search.exact
        ? await q.searchCompetencesFullText(db, { lang, exact: search.exact, prefix: search.prefix, frameworkIds, limit: candidates })
        : [];
      // Typo tolerance is only needed when full text finds too little: skipping the two trigram
      // scans when it already found a page of results halves the common query's time.
      // The trigram index covers the Dutch label only; French and English rely on full text.
      const needTrigram = lang === 'nl' && search.trigram && textHits.length < limit;
      const trigramHits = needTrigram
        ? await q.searchCompetencesTrigram(db, { text: search.trigram!, frameworkIds, limit: candidates, enough: limit })
        : [];
      const ranked = mergeRankedHits(textHits, trigramHits, { query: search.words.join(' '), limit });
      const cards = new Map(
        (
          await q.findCompetenceCards(
            db,
            ranked.map((r) => r.id),
          )
        ).map((c) => [c.id, c]),
      );
      return ranked.flatMap((hit) => {
        const card = cards.get(hit.id);
        if (!card) return [];
        return [
          {
            id: card.id,
            key: card.key,
            frameworkId: card.frameworkId,
            frameworkKey: card.frameworkKey,
            frameworkTitle: pickLocalized(card.frameworkTitle, lang),
            kind: card.kind,
            label: pickLocalized(card.label, lang),
            description: shorten(pickLocalized(card.description, lang)),
            attribution: card.attribution,
            score: hit.score,
            matchedBy: hit.matchedBy,
          },
        ];
      });
    },

    async getCompetence(actor: Actor | null, id: string): Promise<CompetenceDetail> {
      const scope = scopeFor(actor);
      const found = await q.findVisibleCompetence(db, scope, id);
      if (!found) throw notFound('competence');
      const c = found.competence;
      const [path, children, occupations, related] = [
        await q.findAncestors(db, id),
        await q.findChildrenRefs(db, id),
        await q.findCompetenceOccupations(db, id),
        await q.findRelatedCompetences(db, scope, id),
      ];
      return {
        id: c.id,
        key: c.key,
        kind: c.kind,
        label: c.label,
        altLabels: c.altLabels,
        description: c.description,
        code: c.code,
        tags: c.tags,
        framework: found.framework,
        path,
        children,
        occupations,
        relatedCompetences: related,
      };
    },

    async listScales(actor: Actor | null): Promise<ScaleView[]> {
      return q.findScales(db, scopeFor(actor));
    },

    async getScale(actor: Actor | null, id: string): Promise<ScaleView> {
      const [scale] = await q.findScales(db, scopeFor(actor), [id]);
      if (!scale) throw notFound('scale');
      return scale;
    },

    /** Occupations (public ESCO data): Dutch full text, plus substring/trigram matches in `lang` when needed. */
    async searchOccupations(_actor: Actor | null, query: { q: string; lang?: Lang; limit?: number }) {
      const lang: Lang = query.lang ?? 'nl';
      const limit = query.limit ?? 20;
      const search = buildSearchQuery(query.q);
      const textHits = search.exact
        ? await q.searchOccupationsFullText(db, { exact: search.exact, prefix: search.prefix, limit: limit * CANDIDATES_PER_RESULT })
        : [];
      const fuzzyHits =
        search.trigram && textHits.length < limit
          ? await q.searchOccupationsFuzzy(db, { text: search.trigram, lang, limit: limit * CANDIDATES_PER_RESULT })
          : [];
      const ranked = mergeRankedHits(textHits, fuzzyHits, { query: search.words.join(' '), limit });
      const rows = new Map(
        (
          await q.findOccupations(
            db,
            ranked.map((r) => r.id),
          )
        ).map((o) => [o.id, o]),
      );
      return ranked.flatMap((hit) => {
        const o = rows.get(hit.id);
        return o
          ? [
              {
                id: o.id,
                key: o.key,
                code: o.code,
                iscoCode: o.iscoCode,
                label: pickLocalized(o.label, lang),
                score: hit.score,
                matchedBy: hit.matchedBy,
              },
            ]
          : [];
      });
    },

    async getOccupation(actor: Actor | null, id: string): Promise<OccupationDetail> {
      const [o] = await q.findOccupations(db, [id]);
      if (!o) throw notFound('occupation');
      const linked = await q.findOccupationCompetences(db, scopeFor(actor), id);
      const view = ({ relation: _relation, ...c }: (typeof linked)[number]) => c;
      return {
        id: o.id,
        key: o.key,
        code: o.code,
        iscoCode: o.iscoCode,
        isGroup: o.isGroup,
        label: o.label,
        altLabels: o.altLabels,
        description: o.description,
        essentialCompetences: linked.filter((c) => c.relation === 'essential').map(view),
        optionalCompetences: linked.filter((c) => c.relation === 'optional').map(view),
      };
    },

    /** Creates an organisation's own framework (source "own"), on the default scale unless told otherwise. */
    async createFramework(actor: Actor | null, orgId: string, input: CreateFrameworkBody): Promise<FrameworkDetail> {
      requireOrgPermission(actor, 'framework:write', orgId);
      let scaleId = input.scaleId;
      if (scaleId) {
        const [scale] = await q.findScales(db, { orgIds: [orgId] }, [scaleId]);
        if (!scale) throw badRequest('/body/scaleId', 'does not exist or is not available to this organisation');
      } else {
        scaleId = (await q.findScaleByKey(db, DEFAULT_SCALE_KEY))?.id;
      }
      // Shipped reference frameworks (lk-…, esco-…) are loaded by key at every start: reserve them.
      if (/^(lk|esco)-/.test(input.key))
        throw badRequest('/body/key', 'keys starting with "lk-" or "esco-" are reserved for reference frameworks');
      if (await q.frameworkKeyExists(db, input.key)) throw conflict('A framework with this key exists already.', '/body/key');
      const id = await q.insertFramework(db, {
        key: input.key,
        organisationId: orgId,
        title: input.title,
        description: input.description ?? {},
        source: 'own',
        scaleId: scaleId ?? null,
      });
      const [framework] = await q.findFrameworks(db, { orgIds: [orgId] }, [id]);
      const [scale] = scaleId ? await q.findScales(db, { orgIds: 'all' }, [scaleId]) : [];
      return { ...framework, scale: scale ?? null };
    },

    async addCompetence(
      actor: Actor | null,
      orgId: string,
      frameworkId: string,
      input: CreateCompetenceBody,
    ): Promise<CompetenceWriteView> {
      await ownFramework(actor, orgId, frameworkId);
      if (input.parentId && !(await q.findCompetenceInFramework(db, frameworkId, input.parentId))) {
        throw badRequest('/body/parentId', 'is not a competence of this framework');
      }
      if (!input.label.nl && !input.label.fr && !input.label.en)
        throw badRequest('/body/label', 'needs a label in at least one of nl, fr, en');
      return db.transaction(async (tx) => {
        if (await q.competenceKeyExists(tx, frameworkId, input.key))
          throw conflict('This framework has a competence with this key already.', '/body/key');
        const [row] = await tx
          .insert(competences)
          .values({
            frameworkId,
            key: input.key,
            parentId: input.parentId ?? null,
            kind: input.kind,
            label: input.label,
            altLabels: input.altLabels ?? {},
            description: input.description ?? {},
            code: input.code ?? null,
            position: await q.nextPosition(tx, frameworkId, input.parentId ?? null),
          })
          .returning();
        return toWriteView(row);
      });
    },

    async updateCompetence(
      actor: Actor | null,
      orgId: string,
      frameworkId: string,
      competenceId: string,
      input: UpdateCompetenceBody,
    ): Promise<CompetenceWriteView> {
      await ownFramework(actor, orgId, frameworkId);
      return db.transaction(async (tx) => {
        const current = await q.findCompetenceInFramework(tx, frameworkId, competenceId);
        if (!current) throw notFound('competence');
        const changes: Partial<typeof competences.$inferInsert> = {};
        if (input.parentId !== undefined && input.parentId !== current.parentId) {
          if (input.parentId !== null) {
            if (!(await q.findCompetenceInFramework(tx, frameworkId, input.parentId)))
              throw badRequest('/body/parentId', 'is not a competence of this framework');
            if (await q.isSelfOrDescendant(tx, competenceId, input.parentId))
              throw badRequest('/body/parentId', 'would put the competence below itself');
          }
          changes.parentId = input.parentId;
          changes.position = await q.nextPosition(tx, frameworkId, input.parentId);
        }
        if (input.kind !== undefined) changes.kind = input.kind;
        if (input.label !== undefined) {
          if (!input.label.nl && !input.label.fr && !input.label.en)
            throw badRequest('/body/label', 'needs a label in at least one of nl, fr, en');
          changes.label = input.label;
        }
        if (input.altLabels !== undefined) changes.altLabels = input.altLabels;
        if (input.description !== undefined) changes.description = input.description;
        if (input.code !== undefined) changes.code = input.code;
        const [row] = await tx.update(competences).set(changes).where(eq(competences.id, competenceId)).returning();
        return toWriteView(row);
      });
    },

    /** Deletes a leaf competence that no function profile uses (409 otherwise, so nothing disappears silently). */
    async deleteCompetence(actor: Actor | null, orgId: string, frameworkId: string, competenceId: string): Promise<void> {
      await ownFramework(actor, orgId, frameworkId);
      await db.transaction(async (tx) => {
        const current = await q.findCompetenceInFramework(tx, frameworkId, competenceId);
        if (!current) throw notFound('competence');
        if ((await q.countChildren(tx, competenceId)) > 0)
          throw conflict('The competence has child competences; move or delete them first.');
        const uses = await q.countProfileUses(tx, competenceId);
        if (uses > 0) throw conflict(`The competence is used in ${uses} function profile(s); remove it there first.`);
        await tx.delete(competences).where(eq(competences.id, competenceId));
      });
    },
  };
}

export type FrameworksService = ReturnType<typeof createFrameworksService>;
