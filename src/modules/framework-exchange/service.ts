import { v7 as uuidv7 } from 'uuid';
import type { Db, Executor } from '../../db/client.js';
import { DEFAULT_SCALE_KEY } from '../../db/reference-data.js';
import { parseCasePackage, writeCasePackage } from '../../domain/competences/case-json.js';
import {
  planCompetenceUpserts,
  planRelationSync,
  sameValue,
  type ExchangeLang,
  type ExchangeParseResult,
  type ExportFramework,
} from '../../domain/competences/exchange-model.js';
import { matchScale, parseMoodleCsv, writeMoodleCsv } from '../../domain/competences/moodle-csv.js';
import { writeAudit } from '../../server/audit.js';
import { AppError, conflict, notFound } from '../../server/errors.js';
import { requireOrgPermission, type Actor } from '../../server/tenancy.js';
import * as q from './queries.js';
import type { ImportResult } from './schemas.js';

export type ExchangeFormat = 'moodle' | 'case';

export interface ImportFrameworkOptions {
  actor: Actor | null;
  /** Skip the tenancy check (CLI only: whoever runs it has the data directory already). */
  trusted?: boolean;
  /** The organisation the framework will belong to. */
  organisationId: string;
  format: ExchangeFormat;
  /** CSV text (moodle) or the parsed JSON package (case). */
  body: unknown;
  /** Language of the file's texts (CASE: when the package names none). */
  lang: ExchangeLang;
  ip?: string;
}

export interface ExportFrameworkOptions {
  actor: Actor | null;
  /** Framework id or key. */
  framework: { id: string } | { key: string };
  format: ExchangeFormat;
  lang: ExchangeLang;
  /** Scheme and host the CASE URIs point at, e.g. "https://leerkompas.example". */
  baseUrl: string;
  ip?: string;
  /** Skip the tenancy check (CLI only). */
  trusted?: boolean;
}

export interface ExportedFile {
  filename: string;
  contentType: string;
  body: string;
  frameworkKey: string;
}

const unsupported = (detail: string) =>
  new AppError('request.unsupported_media_type', {
    status: 415,
    detail,
    errors: [{ path: '/headers/content-type', message: 'does not match the format' }],
  });

/** Frameworks an organisation imports get its slug in front of the source's key, so two organisations can import the same file. */
export const importedFrameworkKey = (orgSlug: string, sourceKey: string) => `${orgSlug}:${sourceKey}`;

export function createFrameworkExchangeService({ db }: { db: Db }) {
  function parse(format: ExchangeFormat, body: unknown, lang: ExchangeLang): ExchangeParseResult {
    if (format === 'moodle') {
      if (typeof body !== 'string') throw unsupported('A Moodle framework is a CSV file: send it as text/csv.');
      return parseMoodleCsv(body, { lang });
    }
    if (typeof body === 'string') throw unsupported('A CASE package is JSON: send it as application/json.');
    return parseCasePackage(body, { lang });
  }

  async function resolveScale(tx: Executor, organisationId: string, parsed: Extract<ExchangeParseResult, { ok: true }>) {
    const scales = await q.listScalesWithLevels(tx, organisationId);
    const candidates = scales.map((s) => ({ key: s.key, levels: s.levels.map((l) => l.label) }));
    const matched = matchScale(parsed.framework.scale, candidates);
    const key = matched?.key ?? DEFAULT_SCALE_KEY;
    const scale = scales.find((s) => s.key === key);
    if (!scale) throw new AppError('server.internal', { status: 500, detail: `The default scale ${DEFAULT_SCALE_KEY} is missing.` });
    return { scale, matched: Boolean(matched), scales };
  }

  return {
    /**
     * Imports a Moodle CSV or CASE package as a framework of the organisation, in one transaction:
     * upsert by framework key and competence key, bad rows reported and skipped. A file that
     * cannot be a framework (no framework row, cycle, …) changes nothing and gives 400.
     */
    async importFramework(options: ImportFrameworkOptions): Promise<ImportResult> {
      const { organisationId, format, lang } = options;
      const who = options.trusted ? null : requireOrgPermission(options.actor, 'import:run', organisationId);
      const parsed = parse(format, options.body, lang);
      if (!parsed.ok) {
        throw new AppError('import.invalid_file', {
          status: 400,
          detail: parsed.fatal,
          errors: [{ path: '/body', message: parsed.fatal }],
        });
      }
      const source = parsed.framework;
      return db.transaction(async (tx) => {
        const org = await q.findOrganisation(tx, organisationId);
        if (!org) throw notFound('organisation');
        const key = importedFrameworkKey(org.slug, source.key);
        const existing = await q.findFramework(tx, { key });
        if (existing && existing.organisationId !== org.id)
          throw conflict(`The framework key "${key}" is taken by another framework.`, '/body');
        const { scale, matched, scales } = await resolveScale(tx, org.id, parsed);

        const title = { ...(existing?.title ?? {}), [source.lang]: source.title };
        const description = { ...(existing?.description ?? {}) };
        if (source.description) description[source.lang] = source.description;
        const scaleId = matched || !existing?.scaleId ? scale.id : existing.scaleId;
        const version = source.version ?? existing?.version ?? null;
        let frameworkId: string;
        if (!existing) {
          frameworkId = (await q.insertFramework(tx, { key, organisationId: org.id, title, description, source: format, version, scaleId }))
            .id;
        } else {
          frameworkId = existing.id;
          const before = { title: existing.title, description: existing.description, version: existing.version, scaleId: existing.scaleId };
          const after = { title, description, version, scaleId };
          if (!sameValue(before, after)) await q.updateFramework(tx, frameworkId, after);
        }

        const stored = await q.listExchangeCompetences(tx, frameworkId);
        const plan = planCompetenceUpserts(source.competences, stored, () => uuidv7());
        await q.insertCompetences(tx, frameworkId, plan.inserts);
        for (const row of plan.updates) await q.updateCompetence(tx, row);

        const desired = source.relations.map((r) => ({
          fromId: plan.idByKey.get(r.fromKey)!,
          toId: plan.idByKey.get(r.toKey)!,
          kind: r.kind,
        }));
        const relationPlan = planRelationSync(desired, await q.listFrameworkRelations(tx, frameworkId), new Set(plan.idByKey.values()));
        await q.deleteRelations(tx, relationPlan.deletes);
        await q.insertRelations(tx, relationPlan.inserts);

        const result: ImportResult = {
          frameworkId,
          frameworkKey: key,
          scaleKey: scales.find((s) => s.id === scaleId)?.key ?? (await q.findScaleWithLevels(tx, scaleId))?.key ?? scale.key,
          inserted: plan.inserts.length,
          updated: plan.updates.length,
          unchanged: plan.unchanged,
          errors: parsed.errors,
        };
        await writeAudit(tx, {
          event: 'data_import',
          actorUserId: who?.userId ?? null,
          organisationId: org.id,
          subject: key,
          ip: options.ip,
          detail: {
            format,
            lang,
            inserted: result.inserted,
            updated: result.updated,
            unchanged: result.unchanged,
            errors: result.errors.length,
            via: who ? 'api' : 'cli',
          },
        });
        return result;
      });
    },

    /**
     * Writes a framework as Moodle CSV or CASE JSON. Public frameworks: anyone. An organisation's
     * own framework: its members with framework:read (others get 404); audited as data_export.
     */
    async exportFramework(options: ExportFrameworkOptions): Promise<ExportedFile> {
      return db.transaction(async (tx) => {
        const framework = await q.findFramework(tx, options.framework);
        if (!framework) throw notFound('framework');
        let who: Actor | null = null;
        if (framework.organisationId && !options.trusted) {
          if (!options.actor) throw notFound('framework');
          who = requireOrgPermission(options.actor, 'framework:read', framework.organisationId);
        }
        const org = framework.organisationId ? await q.findOrganisation(tx, framework.organisationId) : null;
        const prefix = org ? `${org.slug}:` : '';
        const sourceKey = prefix && framework.key.startsWith(prefix) ? framework.key.slice(prefix.length) : framework.key;
        const scale = framework.scaleId ? await q.findScaleWithLevels(tx, framework.scaleId) : null;
        const rows = await q.listCompetencesForExport(tx, framework.id);
        const model: ExportFramework = {
          id: framework.id,
          key: framework.key,
          sourceKey,
          title: framework.title,
          description: framework.description,
          version: framework.version,
          updatedAt: framework.updatedAt.toISOString(),
          publisher: org?.name ?? framework.attribution ?? 'Leerkompas',
          scale: scale ? { key: scale.key, proficientFrom: scale.proficientFrom, levels: scale.levels } : null,
          competences: rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() })),
          relations: await q.listRelationsTouching(tx, framework.id),
        };
        const base =
          sourceKey
            .replace(/[^A-Za-z0-9._-]+/g, '-')
            .replace(/^-+|-+$/g, '')
            .slice(0, 100) || 'framework';
        const baseUrl = options.baseUrl.replace(/\/+$/, '');
        const file: ExportedFile =
          options.format === 'moodle'
            ? {
                filename: `${base}.csv`,
                contentType: 'text/csv; charset=utf-8',
                body: writeMoodleCsv(model, { lang: options.lang }),
                frameworkKey: framework.key,
              }
            : {
                filename: `${base}.case.json`,
                contentType: 'application/json; charset=utf-8',
                // Compact: a package repeats its links per item, and 5 000 items already take ~9 MB.
                body: JSON.stringify(
                  writeCasePackage(model, {
                    lang: options.lang,
                    baseUrl,
                    packageUrl: `${baseUrl}/api/frameworks/${framework.id}/export?format=case&lang=${options.lang}`,
                  }),
                ),
                frameworkKey: framework.key,
              };
        if (framework.organisationId) {
          await writeAudit(tx, {
            event: 'data_export',
            actorUserId: who?.userId ?? null,
            organisationId: framework.organisationId,
            subject: framework.key,
            ip: options.ip,
            detail: { format: options.format, lang: options.lang, competences: rows.length, via: options.trusted ? 'cli' : 'api' },
          });
        }
        return file;
      });
    },
  };
}

export type FrameworkExchangeService = ReturnType<typeof createFrameworkExchangeService>;
