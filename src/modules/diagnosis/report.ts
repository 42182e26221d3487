import { createPdf, type TableCell } from '../../server/documents/pdf.js';
import { pickLocalized, type Lang } from '../../domain/competences/localized.js';
import type { Translate } from './messages.js';
import type { Heatmap, HeatmapGroup, Prognosis, PrognosisPoint, TopNeeds } from './schemas.js';

/**
 * The printable diagnosis report (A4 landscape): heat map as a colour-coded table with a legend,
 * the largest needs per target group, the prognosis now vs the horizon, and the method used. It
 * is drawn from the same objects the screens get, so suppression is already applied.
 */

export interface ReportInput {
  locale: Lang;
  t: Translate;
  organisationName: string;
  campaignTitle: string | null;
  generatedAt: Date;
  k: number;
  validityMonths: number;
  heatmap: Heatmap;
  topNeeds: TopNeeds;
  prognosis: Prognosis;
}

/** Colour bands of the share of persons with a gap (text is always printed too, never colour alone). */
export const bands = [
  { below: 0.2, colour: '#d8f0d2', legend: 'legendLow' },
  { below: 0.4, colour: '#fff2a8', legend: 'legendMid' },
  { below: 0.6, colour: '#fcc98b', legend: 'legendHigh' },
  { below: Infinity, colour: '#f4a3a3', legend: 'legendVeryHigh' },
] as const;
export const HIDDEN_COLOUR = '#e3e3e3';
const bandOf = (share: number) => bands.find((b) => share < b.below)!;

export async function renderReport(input: ReportInput): Promise<Buffer> {
  const { t, locale } = input;
  const pdf = createPdf({ title: t('reportTitle'), subject: input.organisationName, locale, layout: 'landscape' });
  const { doc, regular, bold, margin, contentWidth, txt, ensureSpace, heading, paragraph, table } = pdf;
  const label = (l: Record<string, string | undefined>) => txt(pickLocalized(l, locale));

  const hidden = t('hidden', { k: input.k });
  const percent = (share: number | null) => (share === null ? '' : `${Math.round(share * 100)}%`);
  const number = (value: number | null, digits = 1) =>
    value === null ? '' : value.toLocaleString(`${locale}-BE`, { minimumFractionDigits: digits, maximumFractionDigits: digits });

  // ------------------------------------------------------------ title
  pdf.title(t('reportTitle'));
  paragraph(t('reportFor', { title: input.organisationName }), 11);
  paragraph(input.campaignTitle ? t('reportCampaign', { title: input.campaignTitle }) : t('reportAllPeople'), 11);
  paragraph(
    t('reportDate', {
      date: new Intl.DateTimeFormat(`${locale}-BE`, { dateStyle: 'long', timeZone: 'Europe/Brussels' }).format(input.generatedAt),
    }),
    11,
  );
  paragraph(t('reportThreshold', { k: input.k }), 11);

  // ------------------------------------------------------------ heat map
  heading(t('heatmapTitle'));
  paragraph(t('heatmapIntro'));
  const heat = input.heatmap;
  const groupName = (g: HeatmapGroup) => {
    if (g.id === 'none') return t(heat.groupBy === 'function_profile' ? 'none_function_profile' : 'none_team');
    return heat.groupBy === 'target_group' ? t(g.id as 'other_staff') : g.label;
  };
  const labelWidth = 200;
  const columnWidth = 62;
  const perChunk = Math.max(1, Math.floor((contentWidth - labelWidth) / columnWidth) - 1);
  const chunks_ = heat.groups.length
    ? Array.from({ length: Math.ceil(heat.groups.length / perChunk) }, (_, i) => heat.groups.slice(i * perChunk, (i + 1) * perChunk))
    : [[]];
  const cellFor = (a: { shown: boolean; shareGap1: number | null }): TableCell =>
    a.shown
      ? { text: percent(a.shareGap1), fill: bandOf(a.shareGap1 ?? 0).colour, align: 'center' }
      : { text: hidden, fill: HIDDEN_COLOUR, align: 'center' };
  for (const groups of chunks_) {
    const widths = [labelWidth, ...groups.map(() => columnWidth), columnWidth];
    const header: TableCell[] = [
      { text: t('competence'), bold: true },
      ...groups.map((g) => ({ text: groupName(g), bold: true, align: 'center' as const })),
      { text: t('total'), bold: true, align: 'center' },
    ];
    const rows = heat.competences.map((c) => [
      { text: pickLocalized(c.label, locale) || c.key },
      ...groups.map((g) => cellFor(heat.cells.find((cell) => cell.competenceId === c.id && cell.groupId === g.id)!)),
      cellFor(heat.totals.find((cell) => cell.competenceId === c.id)!),
    ]);
    table(widths, header, rows);
  }
  // Legend
  ensureSpace(90);
  doc
    .font(bold)
    .fontSize(9)
    .text(txt(t('legendTitle')), margin, doc.y);
  const legend = [
    ...bands.map((b) => ({ colour: b.colour, text: t(b.legend) })),
    { colour: HIDDEN_COLOUR, text: `${hidden}: ${t('legendHidden', { k: input.k })}` },
  ];
  for (const item of legend) {
    const y = doc.y + 2;
    doc.rect(margin, y, 14, 10).fill(item.colour);
    doc.rect(margin, y, 14, 10).lineWidth(0.5).stroke('#8a8a8a');
    doc
      .font(regular)
      .fontSize(9)
      .fillColor('#000000')
      .text(txt(item.text), margin + 20, y, { width: contentWidth - 20 });
  }
  doc.x = margin;

  // ------------------------------------------------------------ top needs
  doc.addPage();
  heading(t('topNeedsTitle'));
  for (const group of input.topNeeds.groups) {
    ensureSpace(60);
    doc
      .font(bold)
      .fontSize(11)
      .fillColor('#000000')
      .text(txt(t(group.targetGroup)), margin, doc.y);
    doc.moveDown(0.2);
    if (group.items.length) {
      table(
        [40, 330, 90, 150, 150],
        [
          { text: t('rank'), bold: true },
          { text: t('competence'), bold: true },
          { text: t('assessed'), bold: true, align: 'right' },
          { text: t('shareGap1'), bold: true, align: 'right' },
          { text: t('meanGap'), bold: true, align: 'right' },
        ],
        group.items.map((item, i) => [
          { text: String(i + 1) },
          { text: pickLocalized(item.label, locale) || item.key },
          { text: String(item.assessed), align: 'right' },
          { text: percent(item.shareGap1), align: 'right', fill: bandOf(item.shareGap1).colour },
          { text: number(item.meanGap, 2), align: 'right' },
        ]),
        9,
      );
    } else {
      paragraph(t('topNeedsEmpty'));
    }
    if (group.suppressed > 0) paragraph(t('topNeedsSuppressed', { count: group.suppressed }), 9);
  }

  // ------------------------------------------------------------ prognosis
  doc.addPage();
  const year = input.prognosis.horizonYear;
  heading(t('prognosisTitle', { year }));
  paragraph(t('prognosisIntro'));
  const pointCells = (p: PrognosisPoint | null): TableCell[] =>
    p
      ? [
          { text: String(p.needed), align: 'right' },
          { text: String(p.holders), align: 'right' },
          { text: percent(p.coverage), align: 'right' },
          { text: p.atRisk ? t('yes') : t('no'), bold: p.atRisk, fill: p.atRisk ? bands[3].colour : undefined, align: 'center' },
        ]
      : [
          { text: hidden, fill: HIDDEN_COLOUR, align: 'center' },
          { text: '', fill: HIDDEN_COLOUR },
          { text: '', fill: HIDDEN_COLOUR },
          { text: '', fill: HIDDEN_COLOUR },
        ];
  if (input.prognosis.competences.length) {
    table(
      [226, 64, 64, 64, 53, 64, 64, 64, 53],
      [
        { text: t('competence'), bold: true },
        { text: t('neededNow'), bold: true, align: 'right' },
        { text: t('holdersNow'), bold: true, align: 'right' },
        { text: t('coverageNow'), bold: true, align: 'right' },
        { text: t('atRiskNow'), bold: true, align: 'center' },
        { text: t('neededHorizon', { year }), bold: true, align: 'right' },
        { text: t('holdersHorizon', { year }), bold: true, align: 'right' },
        { text: t('coverageHorizon', { year }), bold: true, align: 'right' },
        { text: t('atRiskHorizon', { year }), bold: true, align: 'center' },
      ],
      input.prognosis.competences.map((row) => [
        { text: label(row.competence.label) || row.competence.key },
        ...pointCells(row.now),
        ...pointCells(row.horizon),
      ]),
    );
  } else {
    paragraph(t('prognosisEmpty'));
  }

  // ------------------------------------------------------------ method
  heading(t('methodTitle'));
  for (const key of ['method1', 'method2', 'method3', 'method4', 'method5', 'method6'] as const)
    paragraph(t(key, { k: input.k, months: input.validityMonths }));

  return pdf.finish((page) => `${t('reportTitle')} · ${t('page', { n: page })}`);
}
