import { pickLocalized, type Lang } from '../../domain/competences/localized.js';
import type { PlanStatus } from '../../domain/plan/plan.js';
import { createPdf, type TableCell } from '../../server/documents/pdf.js';
import { workbookBuffer, type SheetTable } from '../../server/documents/xlsx.js';
import { translator, type MessageKey, type Translate } from './messages.js';
import type { ActionView, BudgetView } from './schemas.js';

/**
 * The training plan as documents: a printable A4 PDF for the board and an XLSX workbook (sheets
 * Actions, Funding, Budget). Both are drawn from the same data as the screens, or from the
 * snapshot of an approved version. No names of participants: counts only.
 */

export interface PlanDocumentData {
  id: string;
  organisationId: string;
  year: number;
  title: string;
  status: PlanStatus;
  version: number;
  organisationName: string;
  approvedAt: string | null;
  approvedByName: string | null;
  actions: ActionView[];
  budget: BudgetView;
}

function formats(locale: Lang) {
  const tag = `${locale}-BE`;
  const money = new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR' });
  const hours = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'Europe/Brussels' });
  return {
    euro: (cents: number) => money.format(cents / 100),
    hours: (minutes: number) => hours.format(minutes / 60),
    day: (iso: string) => date.format(new Date(`${iso}T00:00:00Z`)),
    long: (at: Date) => long.format(at),
  };
}

function period(action: ActionView, t: Translate, f: ReturnType<typeof formats>): string {
  if (action.plannedStart && action.plannedEnd) {
    return action.plannedStart === action.plannedEnd
      ? f.day(action.plannedStart)
      : `${f.day(action.plannedStart)} – ${f.day(action.plannedEnd)}`;
  }
  if (action.plannedStart) return `${t('from')} ${f.day(action.plannedStart)}`;
  if (action.plannedEnd) return `${t('to')} ${f.day(action.plannedEnd)}`;
  return t('noDate');
}

/** "Offer: Title (Provider), 3 Mar 2027 – 4 Mar 2027" for the action's row; null without an offer. */
function offerLine(action: ActionView, locale: Lang, t: Translate, f: ReturnType<typeof formats>): string | null {
  const offer = action.offer;
  if (!offer) return null;
  const edition = offer.edition;
  const when = edition
    ? `, ${edition.startsOn === edition.endsOn ? f.day(edition.startsOn) : `${f.day(edition.startsOn)} – ${f.day(edition.endsOn)}`}${
        edition.status === 'cancelled' ? ` (${t('editionCancelled')})` : ''
      }`
    : '';
  return `${t('offer')}: ${pickLocalized(offer.title, locale)} (${offer.providerName})${when}`;
}

export async function renderPlanPdf(data: PlanDocumentData, locale: Lang, generatedAt: Date): Promise<Buffer> {
  const t = translator(locale);
  const f = formats(locale);
  const title = t('documentTitle', { year: data.year });
  const pdf = createPdf({ title: `${title} – ${data.organisationName}`, subject: data.title, locale, layout: 'landscape' });

  pdf.title(title);
  if (data.title !== title) pdf.paragraph(data.title, 12);
  pdf.facts([
    [t('organisation'), data.organisationName],
    [t('version'), String(data.version)],
    [t('status'), t(`status_${data.status}` as MessageKey)],
    ...(data.approvedAt
      ? [
          [t('approvedOn'), `${f.long(new Date(data.approvedAt))}${data.approvedByName ? ` (${data.approvedByName})` : ''}`] as [
            string,
            string,
          ],
        ]
      : []),
    [t('generatedOn'), f.long(generatedAt)],
    [t('totalCost'), f.euro(data.budget.costCents)],
  ]);

  pdf.heading(t('actionsTitle'));
  if (data.actions.length === 0) {
    pdf.paragraph(t('noActions'));
  } else {
    const header: TableCell[] = [
      { text: t('kind'), bold: true },
      { text: t('title'), bold: true },
      { text: t('needs'), bold: true },
      { text: t('participants'), bold: true, align: 'right' },
      { text: t('hours'), bold: true, align: 'right' },
      { text: t('dates'), bold: true },
      { text: t('cost'), bold: true, align: 'right' },
    ];
    const rows: TableCell[][] = data.actions.map((a) => [
      { text: t(`kind_${a.kind}` as MessageKey) },
      {
        text: [a.title, offerLine(a, locale, t, f), a.responsible ? `${t('responsible')}: ${a.responsible}` : null]
          .filter((line): line is string => line !== null)
          .join('\n'),
      },
      { text: a.needs.map((n) => n.title).join('\n') || '–' },
      { text: String(a.effectiveParticipants), align: 'right' },
      { text: f.hours(a.durationMinutes), align: 'right' },
      { text: period(a, t, f) },
      { text: f.euro(a.costCents), align: 'right' },
    ]);
    rows.push([
      { text: '' },
      { text: t('total'), bold: true },
      { text: '' },
      { text: '' },
      { text: '' },
      { text: '' },
      { text: f.euro(data.budget.costCents), bold: true, align: 'right' },
    ]);
    pdf.table([105, 190, 170, 62, 45, 110, 80], header, rows, 8.5);
  }

  pdf.heading(t('budgetTitle'));
  pdf.paragraph(t('budgetIntro'), 9);
  const money = (cents: number, bold = false): TableCell => ({ text: f.euro(cents), align: 'right', bold });
  pdf.table(
    [330, 140, 140, 140],
    [
      { text: t('source'), bold: true },
      { text: t('planned'), bold: true, align: 'right' },
      { text: t('committed'), bold: true, align: 'right' },
      { text: t('spent'), bold: true, align: 'right' },
    ],
    [
      ...data.budget.bySource.map((line) => [
        { text: pickLocalized(line.name, locale) || line.source },
        money(line.planned),
        money(line.committed),
        money(line.spent),
      ]),
      [
        { text: t('total'), bold: true },
        money(data.budget.total.planned, true),
        money(data.budget.total.committed, true),
        money(data.budget.total.spent, true),
      ],
    ],
    9,
  );
  pdf.facts([
    [t('totalCost'), f.euro(data.budget.costCents)],
    [t('unfunded'), f.euro(data.budget.unfundedCents)],
  ]);

  const lines = data.actions.flatMap((a) => a.funding.map((line) => ({ action: a, line })));
  if (lines.length) {
    pdf.heading(t('fundingTitle'));
    pdf.table(
      [250, 230, 120, 150],
      [
        { text: t('title'), bold: true },
        { text: t('source'), bold: true },
        { text: t('amount'), bold: true, align: 'right' },
        { text: t('fundingStatus'), bold: true },
      ],
      lines.map(({ action, line }) => [
        { text: action.title },
        { text: pickLocalized(line.name, locale) || line.source },
        { text: f.euro(line.amountCents), align: 'right' },
        { text: t(`fundingStatus_${line.status}` as MessageKey) },
      ]),
      8.5,
    );
  }

  pdf.heading(t('disclaimerTitle'));
  pdf.paragraph(t('disclaimer'), 9);

  return pdf.finish((n) => `${title} · ${data.organisationName} · ${t('version')} ${data.version} · ${t('page', { n })}`);
}

export async function planWorkbook(data: PlanDocumentData, locale: Lang): Promise<Buffer> {
  const t = translator(locale);
  const actions: SheetTable = {
    sheet: t('sheet_actions'),
    columns: [
      { header: t('kind') },
      { header: t('title') },
      { header: t('needs') },
      { header: t('participants'), format: 'integer' },
      { header: t('hours'), format: 'decimal' },
      { header: t('start') },
      { header: t('end') },
      { header: t('costPerParticipant'), format: 'euro' },
      { header: t('fixedCost'), format: 'euro' },
      { header: t('cost'), format: 'euro' },
      { header: t('responsible') },
      { header: t('actionStatus') },
      { header: t('offer') },
      { header: t('provider') },
      { header: t('editionStart') },
      { header: t('editionEnd') },
    ],
    rows: data.actions.map((a) => [
      t(`kind_${a.kind}` as MessageKey),
      a.title,
      a.needs.map((n) => n.title).join('; '),
      a.effectiveParticipants,
      Math.round((a.durationMinutes / 60) * 100) / 100,
      a.plannedStart,
      a.plannedEnd,
      a.costPerParticipantCents,
      a.fixedCostCents,
      a.costCents,
      a.responsible,
      t(`actionStatus_${a.status}` as MessageKey),
      a.offer ? pickLocalized(a.offer.title, locale) : null,
      a.offer?.providerName ?? null,
      a.offer?.edition?.startsOn ?? null,
      a.offer?.edition?.endsOn ?? null,
    ]),
  };
  const funding: SheetTable = {
    sheet: t('sheet_funding'),
    columns: [
      { header: t('title') },
      { header: t('source') },
      { header: t('amount'), format: 'euro' },
      { header: t('fundingStatus') },
      { header: t('note') },
    ],
    rows: data.actions.flatMap((a) =>
      a.funding.map((line) => [
        a.title,
        pickLocalized(line.name, locale) || line.source,
        line.amountCents,
        t(`fundingStatus_${line.status}` as MessageKey),
        line.note,
      ]),
    ),
  };
  const budget: SheetTable = {
    sheet: t('sheet_budget'),
    columns: [
      { header: t('source') },
      { header: t('planned'), format: 'euro' },
      { header: t('committed'), format: 'euro' },
      { header: t('spent'), format: 'euro' },
    ],
    rows: [
      ...data.budget.bySource.map((line) => [pickLocalized(line.name, locale) || line.source, line.planned, line.committed, line.spent]),
      [t('total'), data.budget.total.planned, data.budget.total.committed, data.budget.total.spent],
      [t('totalCost'), data.budget.costCents, null, null],
      [t('unfunded'), data.budget.unfundedCents, null, null],
    ],
  };
  return workbookBuffer([actions, funding, budget]);
}
