import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/**
 * The printable QR sheet of one team: A4 pages of cut-out cards (2 × 4), each with the person's
 * name, team, a QR code of the personal link and a short plain-language instruction. For people
 * without e-mail or a computer (the workshop floor).
 */

export type SheetLocale = 'nl' | 'fr' | 'en';

export interface SheetCard {
  personName: string;
  teamName: string | null;
  url: string;
}

interface SheetTexts {
  documentTitle: string;
  noTeam: string;
  step1: string;
  step2: string;
  step3: string;
  personal: string;
  until: string;
}

const localesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/locales');
const textCache = new Map<SheetLocale, SheetTexts>();

/** The card texts come from the same message files as the web app (namespace "campaigns", key "sheet"). */
export function sheetTexts(locale: SheetLocale): SheetTexts {
  let texts = textCache.get(locale);
  if (!texts) {
    const messages = JSON.parse(fs.readFileSync(path.join(localesDir, locale, 'campaigns.json'), 'utf8')) as { sheet: SheetTexts };
    texts = messages.sheet;
    textCache.set(locale, texts);
  }
  return texts;
}

const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => values[key] ?? '');

/*
 * Fonts: pdfkit's built-in Helvetica is not embedded and covers only WinAnsi (Western European)
 * letters, enough for Dutch and French but not for every name. When the system has DejaVu Sans
 * (Debian: fonts-dejavu-core, present on most installations) we embed it for full Unicode; we do
 * not bundle a font file ourselves and never install one at run time.
 */
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const DEJAVU_BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';

function chooseFonts(doc: PDFKit.PDFDocument): { regular: string; bold: string } {
  if (fs.existsSync(DEJAVU) && fs.existsSync(DEJAVU_BOLD)) {
    doc.registerFont('body', DEJAVU);
    doc.registerFont('body-bold', DEJAVU_BOLD);
    return { regular: 'body', bold: 'body-bold' };
  }
  return { regular: 'Helvetica', bold: 'Helvetica-Bold' };
}

/** Draws a QR code as vector squares (sharp on any printer). */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2;
  const cell = size / (n + 2 * quiet);
  doc.save().rect(x, y, size, size).fill('#ffffff');
  doc.fillColor('#000000');
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (qr.modules.get(row, col)) doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell + 0.02, cell + 0.02);
    }
  }
  doc.fill('#000000').restore();
}

export interface SheetInput {
  campaignTitle: string;
  /** YYYY-MM-DD */
  closesOn: string;
  teamName: string | null;
  locale: SheetLocale;
  cards: SheetCard[];
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 28;
const GAP = 12;
const COLUMNS = 2;
const ROWS = 4;

export async function renderQrSheet(input: SheetInput): Promise<Buffer> {
  const texts = sheetTexts(input.locale);
  const date = new Intl.DateTimeFormat(`${input.locale}-BE`, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${input.closesOn}T00:00:00Z`),
  );
  const team = input.teamName ?? texts.noTeam;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    autoFirstPage: false,
    info: { Title: `${texts.documentTitle} – ${input.campaignTitle} – ${team}`, Author: 'Leerkompas' },
    lang: input.locale,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  const fonts = chooseFonts(doc);

  const cardWidth = (A4.width - 2 * MARGIN - (COLUMNS - 1) * GAP) / COLUMNS;
  const cardHeight = (A4.height - 2 * MARGIN - (ROWS - 1) * GAP) / ROWS;
  const qrSize = 100;
  const pad = 10;

  input.cards.forEach((card, index) => {
    const slot = index % (COLUMNS * ROWS);
    if (slot === 0) doc.addPage();
    const x = MARGIN + (slot % COLUMNS) * (cardWidth + GAP);
    const y = MARGIN + Math.floor(slot / COLUMNS) * (cardHeight + GAP);
    // Dashed cutting line around the card.
    doc.save().lineWidth(0.6).dash(4, { space: 3 }).strokeColor('#777777').rect(x, y, cardWidth, cardHeight).stroke().undash().restore();

    doc
      .font(fonts.bold)
      .fontSize(14)
      .fillColor('#000000')
      .text(card.personName, x + pad, y + pad, { width: cardWidth - 2 * pad, height: 17, ellipsis: true });
    doc
      .font(fonts.regular)
      .fontSize(10)
      .fillColor('#333333')
      .text(card.teamName ?? texts.noTeam, x + pad, y + pad + 20, { width: cardWidth - 2 * pad, height: 14, ellipsis: true });

    const qrY = y + pad + 38;
    // The QR code's own white margin (quiet zone) lines its modules up with the text above.
    drawQr(doc, card.url, x + pad - 4, qrY, qrSize);

    const textX = x + pad + qrSize;
    const textWidth = cardWidth - qrSize - 2 * pad;
    doc.font(fonts.regular).fontSize(9).fillColor('#000000');
    doc.text(`1. ${texts.step1}`, textX, qrY + 4, { width: textWidth });
    doc.moveDown(0.35).text(`2. ${texts.step2}`, { width: textWidth });
    doc.moveDown(0.35).text(`3. ${texts.step3}`, { width: textWidth });
    doc.font(fonts.bold).moveDown(0.6).text(`${texts.personal}.`, { width: textWidth });

    const footY = y + cardHeight - pad - 26;
    doc
      .font(fonts.bold)
      .fontSize(8.5)
      .text(fill(texts.until, { date }), x + pad, footY, { width: cardWidth - 2 * pad, height: 12, ellipsis: true });
    doc
      .font(fonts.regular)
      .fontSize(8)
      .fillColor('#333333')
      .text(input.campaignTitle, x + pad, footY + 13, { width: cardWidth - 2 * pad, height: 11, ellipsis: true });
  });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
