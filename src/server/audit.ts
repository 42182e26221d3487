import { auditLog } from '../db/schema/index.js';
import { v7 as uuidv7 } from 'uuid';
import type { Executor, SqlWrite } from '../db/client.js';

export type AuditEvent =
  | 'login'
  | 'login_failed'
  | 'logout'
  | 'password_changed'
  | 'role_granted'
  | 'role_revoked'
  | 'user_created'
  | 'data_export'
  | 'data_import'
  | 'campaign_opened'
  | 'campaign_closed'
  | 'invitations_issued'
  | 'invitation_revoked'
  | 'survey_submitted'
  | 'assessment_recorded'
  | 'person_result_viewed'
  | 'learning_question_decided'
  | 'starr_recorded'
  | 'need_created'
  | 'triage_decided'
  | 'priority_scored'
  | 'priority_weights_changed'
  | 'plan_created'
  | 'plan_approved'
  | 'plan_closed'
  | 'plan_reopened'
  | 'funding_status_changed'
  | 'enrolment_created'
  | 'enrolment_cancelled'
  | 'attendance_recorded'
  | 'offer_published'
  | 'offer_archived';

export interface AuditEntry {
  event: AuditEvent;
  actorUserId?: string | null;
  organisationId?: string | null;
  /** What the event is about (e.g. the e-mail tried, the export's name); no personal answers. */
  subject?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

/** Writes one audit row; call it inside the use case's transaction. */
export async function writeAudit(tx: Executor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({ id: uuidv7(), ...auditValues(entry) });
}

/**
 * The insert of one audit row as a SqlWrite, for a use case that sends it as part of a larger
 * statement (sendWrites), in the same transaction; only when `onlyIf` holds, if given.
 */
export function auditWrite(entry: AuditEntry, onlyIf?: string): SqlWrite {
  const v = auditValues(entry);
  return {
    text: `insert into audit_log (id, event, actor_user_id, organisation_id, subject, ip, detail)
           select $1::uuid, $2::text, $3::uuid, $4::uuid, $5::text, $6::text, $7::jsonb ${onlyIf ? `where ${onlyIf}` : ''}`,
    params: [uuidv7(), v.event, v.actorUserId, v.organisationId, v.subject, v.ip, JSON.stringify(v.detail)],
  };
}

function auditValues(entry: AuditEntry) {
  return {
    event: entry.event,
    actorUserId: entry.actorUserId ?? null,
    organisationId: entry.organisationId ?? null,
    subject: entry.subject ?? null,
    ip: entry.ip ?? null,
    detail: entry.detail ?? {},
  };
}
