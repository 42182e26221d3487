import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Db, Executor } from '../../db/client.js';
import { DEFAULT_SCALE_KEY } from '../../db/reference-data.js';
import { yearInBrussels } from '../../domain/calendar/brussels.js';
import {
  FUNCTION_PROFILE_CSV_COLUMNS,
  readCsvHeader,
  validateFunctionProfileCsvRow,
  type FunctionProfileCsvRow,
} from '../../domain/competences/function-profile-csv.js';
import { validateProfileItems } from '../../domain/competences/function-profile-items.js';
import { writeAudit } from '../../server/audit.js';
import { AppError, badRequest, conflict, notFound } from '../../server/errors.js';
import { requireOrgPermission, type Actor } from '../../server/tenancy.js';
import { findScaleByKey, findScales } from '../frameworks/queries.js';
import type { ScaleView } from '../frameworks/schemas.js';
import * as q from './queries.js';
import type {
  CreateFunctionProfileBody,
  FunctionProfileDetail,
  FunctionProfileItemInput,
  FunctionProfileSummary,
  ImportResult,
  UpdateFunctionProfileBody,
} from './schemas.js';

/** Data rows one import may carry; larger files go through the job-based importers. */
export const MAX_IMPORT_ROWS = 10_000;

export interface FunctionProfilesDeps {
  db: Db;
  /** The clock (horizon years are validated against the current year). */
  now?: () => Date;
}

export function createFunctionProfilesService({ db, now = () => new Date() }: FunctionProfilesDeps) {
  /** Scales an organisation may use: public ones and its own. */
  async function usableScale(tx: Executor, organisationId: string, scaleId: string): Promise<ScaleView | null> {
    const [scale] = await findScales(tx, { orgIds: [organisationId] }, [scaleId]);
    return scale ?? null;
  }

  async function defaultScale(tx: Executor): Promise<ScaleView> {
    const row = await findScaleByKey(tx, DEFAULT_SCALE_KEY);
    const [scale] = row ? await findScales(tx, { orgIds: 'all' }, [row.id]) : [];
    if (!scale) throw new Error(`The default scale ${DEFAULT_SCALE_KEY} is missing; run the bootstrap.`);
    return scale;
  }

  async function detail(tx: Executor, organisationId: string, id: string): Promise<FunctionProfileDetail> {
    const profile = await q.findProfile(tx, organisationId, id);
    if (!profile) throw notFound('function profile');
    const [scale] = await findScales(tx, { orgIds: 'all' }, [profile.scaleId]);
    const occupation = profile.occupationId ? await q.occupationExists(tx, profile.occupationId) : null;
    const items = await q.findItems(tx, [id]);
    return {
      id: profile.id,
      organisationId: profile.organisationId,
      name: profile.name,
      description: profile.description,
      occupationId: profile.occupationId,
      occupation,
      scaleId: profile.scaleId,
      scale,
      items: items.map(({ profileId: _p, position: _pos, ...item }) => item),
      createdAt: profile.createdAt.toISOString(),
      updatedAt: profile.updatedAt.toISOString(),
    };
  }

  return {
    async listProfiles(actor: Actor | null, organisationId: string): Promise<FunctionProfileSummary[]> {
      requireOrgPermission(actor, 'profile:read', organisationId);
      return q.listProfiles(db, organisationId);
    },

    async getProfile(actor: Actor | null, organisationId: string, id: string): Promise<FunctionProfileDetail> {
      requireOrgPermission(actor, 'profile:read', organisationId);
      return detail(db, organisationId, id);
    },

    /**
     * Creates a profile; with `prefillFromOccupation` the occupation's essential competences are
     * added in the same transaction (required level = the scale's proficientFrom, importance core).
     */
    async createProfile(actor: Actor | null, organisationId: string, input: CreateFunctionProfileBody): Promise<FunctionProfileDetail> {
      requireOrgPermission(actor, 'profile:write', organisationId);
      if (input.prefillFromOccupation && !input.occupationId)
        throw badRequest('/body/occupationId', 'is required when prefillFromOccupation is true');
      return db.transaction(async (tx) => {
        const scale = input.scaleId ? await usableScale(tx, organisationId, input.scaleId) : await defaultScale(tx);
        if (!scale) throw badRequest('/body/scaleId', 'does not exist or is not available to this organisation');
        if (input.occupationId && !(await q.occupationExists(tx, input.occupationId)))
          throw badRequest('/body/occupationId', 'does not exist');
        const name = input.name.trim();
        if (!name) throw badRequest('/body/name', 'must not be blank');
        if (await q.profileNameTaken(tx, organisationId, name))
          throw conflict('A function profile with this name exists already.', '/body/name');
        const profile = await q.insertProfile(tx, {
          organisationId,
          name,
          description: input.description ?? '',
          occupationId: input.occupationId ?? null,
          scaleId: scale.id,
        });
        if (input.prefillFromOccupation && input.occupationId) {
          const ids = await q.essentialCompetenceIds(tx, organisationId, input.occupationId);
          const requiredLevel = Math.max(1, Math.min(scale.proficientFrom, scale.maxLevel));
          await q.replaceItems(
            tx,
            profile.id,
            ids.map((competenceId) => ({ competenceId, requiredLevel, importance: 'core' as const, futureLevel: null, horizonYear: null })),
          );
        }
        return detail(tx, organisationId, profile.id);
      });
    },

    async updateProfile(
      actor: Actor | null,
      organisationId: string,
      id: string,
      input: UpdateFunctionProfileBody,
    ): Promise<FunctionProfileDetail> {
      requireOrgPermission(actor, 'profile:write', organisationId);
      return db.transaction(async (tx) => {
        if (!(await q.findProfile(tx, organisationId, id))) throw notFound('function profile');
        const changes: Parameters<typeof q.updateProfile>[3] = {};
        if (input.name !== undefined) {
          const name = input.name.trim();
          if (!name) throw badRequest('/body/name', 'must not be blank');
          if (await q.profileNameTaken(tx, organisationId, name, id))
            throw conflict('A function profile with this name exists already.', '/body/name');
          changes.name = name;
        }
        if (input.description !== undefined) changes.description = input.description;
        if (input.occupationId !== undefined) {
          if (input.occupationId !== null && !(await q.occupationExists(tx, input.occupationId)))
            throw badRequest('/body/occupationId', 'does not exist');
          changes.occupationId = input.occupationId;
        }
        await q.updateProfile(tx, organisationId, id, changes);
        return detail(tx, organisationId, id);
      });
    },

    async deleteProfile(actor: Actor | null, organisationId: string, id: string): Promise<void> {
      requireOrgPermission(actor, 'profile:write', organisationId);
      if (!(await q.deleteProfile(db, organisationId, id))) throw notFound('function profile');
    },

    /** Replaces the profile's competence list in one transaction, after validating every item. */
    async replaceItems(
      actor: Actor | null,
      organisationId: string,
      id: string,
      items: FunctionProfileItemInput[],
    ): Promise<FunctionProfileDetail> {
      requireOrgPermission(actor, 'profile:write', organisationId);
      return db.transaction(async (tx) => {
        const profile = await q.findProfile(tx, organisationId, id);
        if (!profile) throw notFound('function profile');
        const [scale] = await findScales(tx, { orgIds: 'all' }, [profile.scaleId]);
        const known = await q.usableCompetenceIds(tx, organisationId, [...new Set(items.map((i) => i.competenceId))]);
        const problems = validateProfileItems(items, {
          maxLevel: scale.maxLevel,
          currentYear: yearInBrussels(now()),
          isKnownCompetence: (c) => known.has(c),
        });
        if (problems.length) {
          throw new AppError('validation.failed', {
            status: 400,
            detail: `The competence list is not valid: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
            errors: problems,
          });
        }
        await q.replaceItems(
          tx,
          id,
          items.map((i) => ({
            competenceId: i.competenceId,
            requiredLevel: i.requiredLevel,
            importance: i.importance,
            futureLevel: i.futureLevel ?? null,
            horizonYear: i.horizonYear ?? null,
          })),
        );
        await q.updateProfile(tx, organisationId, id, {});
        return detail(tx, organisationId, id);
      });
    },

    /** All profiles of the organisation as RFC 4180 CSV (CRLF line ends); audited as data_export. */
    async exportCsv(actor: Actor | null, organisationId: string, ip?: string): Promise<string> {
      const who = requireOrgPermission(actor, 'profile:read', organisationId);
      return db.transaction(async (tx) => {
        const profiles = await q.listProfiles(tx, organisationId);
        const items = await q.findItems(
          tx,
          profiles.map((p) => p.id),
        );
        const rows: string[][] = [];
        for (const p of profiles) {
          const own = items.filter((i) => i.profileId === p.id);
          if (!own.length) rows.push([p.name, p.description, '', '', '', '', '', '']);
          for (const i of own) {
            rows.push([
              p.name,
              p.description,
              i.frameworkKey,
              i.key,
              String(i.requiredLevel),
              i.importance,
              i.futureLevel === null ? '' : String(i.futureLevel),
              i.horizonYear === null ? '' : String(i.horizonYear),
            ]);
          }
        }
        await writeAudit(tx, {
          event: 'data_export',
          actorUserId: who.userId,
          organisationId,
          subject: 'function-profiles.csv',
          ip,
          detail: { profiles: profiles.length, rows: rows.length },
        });
        return stringify(rows, {
          header: true,
          columns: [...FUNCTION_PROFILE_CSV_COLUMNS],
          record_delimiter: 'windows',
          quoted_match: /^\s|\s$/,
        });
      });
    },

    /**
     * Imports profiles from CSV. Bad lines are reported and skipped; the good ones are applied
     * in one transaction. Rows add or update competences (items not in the file stay), so
     * importing the same file twice changes nothing the second time.
     */
    async importCsv(actor: Actor | null, organisationId: string, text: string, ip?: string): Promise<ImportResult> {
      const who = requireOrgPermission(actor, 'profile:write', organisationId);
      let records: Array<{ record: string[]; info: { lines: number } }>;
      try {
        records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as typeof records;
      } catch (error) {
        const line = (error as { lines?: number }).lines;
        throw badRequest('/body', `The file is not valid CSV${line ? ` (line ${line})` : ''}: ${(error as Error).message}`);
      }
      if (!records.length) throw badRequest('/body', 'The file is empty; the first line must be the header.');
      const header = readCsvHeader(records[0].record);
      if (!header.ok) throw badRequest('/body', header.message);
      const data = records.slice(1);
      if (data.length > MAX_IMPORT_ROWS)
        throw badRequest('/body', `At most ${MAX_IMPORT_ROWS} rows per import; this file has ${data.length}.`);

      const currentYear = yearInBrussels(now());
      const errors: ImportResult['errors'] = [];
      const valid: Array<{ line: number; row: FunctionProfileCsvRow }> = [];
      for (const { record, info } of data) {
        // The upper bound of any scale; the profile's own scale is checked below.
        const result = validateFunctionProfileCsvRow(record, header.index, { currentYear, maxLevel: 100 });
        if (result.ok) valid.push({ line: info.lines, row: result.row });
        else errors.push({ line: info.lines, message: result.message });
      }

      const pairs = valid.flatMap((v) => (v.row.competence ? [v.row.competence] : []));
      const resolved = await q.resolveCompetenceKeys(db, organisationId, pairs);
      let created = 0;
      let updated = 0;
      await db.transaction(async (tx) => {
        const names = [...new Set(valid.map((v) => v.row.profile))];
        const existing = new Map((await q.findProfilesByName(tx, organisationId, names)).map((p) => [p.name, p]));
        const scales = new Map<string, ScaleView>();
        const fallbackScale = await defaultScale(tx);
        scales.set(fallbackScale.id, fallbackScale);
        for (const name of names) {
          const rows = valid.filter((v) => v.row.profile === name);
          const description = rows.find((r) => r.row.description)?.row.description ?? '';
          let profile = existing.get(name);
          let changed = false;
          if (!profile) {
            profile = await q.insertProfile(tx, { organisationId, name, description, scaleId: fallbackScale.id });
            created++;
          } else if (description && description !== profile.description) {
            await q.updateProfile(tx, organisationId, profile.id, { description });
            changed = true;
          }
          if (!scales.has(profile.scaleId)) scales.set(profile.scaleId, (await findScales(tx, { orgIds: 'all' }, [profile.scaleId]))[0]);
          const scale = scales.get(profile.scaleId)!;
          const current = new Map((await q.findItems(tx, [profile.id])).map((i) => [i.competenceId, i]));
          let position = Math.max(-1, ...[...current.values()].map((i) => i.position)) + 1;
          const seen = new Map<string, number>();
          for (const { line, row } of rows) {
            const c = row.competence;
            if (!c) continue;
            const competenceId = resolved.get(`${c.frameworkKey}\u0000${c.competenceKey}`);
            if (!competenceId) {
              errors.push({
                line,
                message: `competence ${c.frameworkKey} / ${c.competenceKey} does not exist or is not available to this organisation`,
              });
              continue;
            }
            if (seen.has(competenceId)) {
              errors.push({
                line,
                message: `competence ${c.competenceKey} is listed twice for profile "${name}" (first on line ${seen.get(competenceId)})`,
              });
              continue;
            }
            const tooHigh = [
              c.requiredLevel > scale.maxLevel ? `required_level must be a level from 1 to ${scale.maxLevel}` : null,
              c.futureLevel !== null && c.futureLevel > scale.maxLevel ? `future_level must be a level from 0 to ${scale.maxLevel}` : null,
            ].filter(Boolean);
            if (tooHigh.length) {
              errors.push({ line, message: tooHigh.join('; ') });
              continue;
            }
            seen.set(competenceId, line);
            const item = {
              competenceId,
              requiredLevel: c.requiredLevel,
              importance: c.importance,
              futureLevel: c.futureLevel,
              horizonYear: c.horizonYear,
            };
            const before = current.get(competenceId);
            if (!before) {
              await q.insertItem(tx, profile.id, { ...item, position: position++ });
              changed = true;
            } else if (
              before.requiredLevel !== item.requiredLevel ||
              before.importance !== item.importance ||
              before.futureLevel !== item.futureLevel ||
              before.horizonYear !== item.horizonYear
            ) {
              await q.updateItem(tx, profile.id, item);
              changed = true;
            }
          }
          if (changed && existing.has(name)) {
            await q.updateProfile(tx, organisationId, profile.id, {});
            updated++;
          }
        }
        await writeAudit(tx, {
          event: 'data_import',
          actorUserId: who.userId,
          organisationId,
          subject: 'function-profiles.csv',
          ip,
          detail: { rows: data.length, created, updated, errors: errors.length },
        });
      });
      errors.sort((a, b) => a.line - b.line);
      return { created, updated, rows: data.length, errors };
    },
  };
}

export type FunctionProfilesService = ReturnType<typeof createFunctionProfilesService>;
