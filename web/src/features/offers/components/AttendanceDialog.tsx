import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/http';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Field, SelectField } from '../../../components/Field';
import { ErrorMessage } from '../../../components/Status';
import '../../../components/fields.css';
import { recordAttendance, type EnrolmentView, type RecordAttendanceBody } from '../api/offers';
import { hoursInput, parseHours, REQUIRED } from '../../../components/money';
import { today, useFieldErrorText } from './bits';

const statuses = ['enrolled', 'attended', 'completed', 'no_show'] as const;
type AttendanceStatus = (typeof statuses)[number];

/**
 * Attendance and completion for one participant, in a dialog: the status, the hours they were
 * there (empty = the whole offer for "completed", nothing for "did not come") and the day they
 * completed it.
 */
export function AttendanceDialog({
  orgId,
  editionId,
  enrolment,
  lang,
  onDone,
  onCancel,
}: {
  orgId: string;
  editionId: string;
  enrolment: EnrolmentView;
  lang: string;
  onDone: (updated: EnrolmentView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('offers');
  const explain = useFieldErrorText();
  const initialStatus: AttendanceStatus = (statuses as readonly string[]).includes(enrolment.status)
    ? (enrolment.status as AttendanceStatus)
    : 'enrolled';
  const [status, setStatus] = useState<AttendanceStatus>(initialStatus === 'enrolled' ? 'attended' : initialStatus);
  const [hours, setHours] = useState(enrolment.minutesAttended ? hoursInput(enrolment.minutesAttended, lang) : '');
  const [completedOn, setCompletedOn] = useState(enrolment.completedOn ?? today());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    setFailure(null);
    const problems: Record<string, string> = {};
    let minutes: number | undefined;
    if (hours.trim() && status !== 'no_show') {
      const parsed = parseHours(hours, { ...REQUIRED, positive: true });
      if (parsed === null) problems.minutesAttended = t('fieldErrors.hours');
      else minutes = parsed;
    }
    if (status === 'completed' && !completedOn) problems.completedOn = t('fieldErrors.required');
    setErrors(problems);
    if (Object.keys(problems).length) return;
    const body: RecordAttendanceBody = {
      status,
      ...(minutes !== undefined ? { minutesAttended: minutes } : {}),
      ...(status === 'completed' ? { completedOn } : {}),
    };
    setBusy(true);
    try {
      onDone(await recordAttendance(orgId, editionId, enrolment.id, body));
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length) setErrors(explain(error.fieldErrors));
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <ConfirmDialog
      open
      title={t('enrolments.recordTitle', { name: enrolment.learnerName })}
      confirmLabel={t('enrolments.recordSave')}
      cancelLabel={t('actions.cancel')}
      busy={busy}
      onConfirm={save}
      onCancel={onCancel}
    >
      <div className="offer-attendance">
        <ErrorMessage error={failure} />
        <SelectField
          label={t('enrolments.status')}
          value={status}
          onChange={(v) => setStatus(v as AttendanceStatus)}
          options={statuses.map((s) => ({ value: s, label: t(`enrolmentStatus.${s}`) }))}
          error={errors.status}
        />
        {status !== 'no_show' ? (
          <Field
            label={t('enrolments.hours')}
            hint={status === 'completed' ? t('enrolments.hoursHintCompleted') : t('enrolments.hoursHint')}
            inputMode="decimal"
            value={hours}
            onChange={(e) => setHours(e.target.value)}
            error={errors.minutesAttended}
          />
        ) : null}
        {status === 'completed' ? (
          <Field
            label={t('enrolments.completedOn')}
            type="date"
            value={completedOn}
            onChange={(e) => setCompletedOn(e.target.value)}
            error={errors.completedOn}
          />
        ) : null}
      </div>
    </ConfirmDialog>
  );
}
