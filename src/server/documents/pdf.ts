import fs from 'node:fs';
import PDFDocument from 'pdfkit';

/**
 * Shared pieces for the printable documents (plans, reports): an A4 document with embedded fonts
 * when the system has them, headings, paragraphs, tables whose header repeats on every page,
 * page numbers, and the finished file as a Buffer. Drawn server-side with pdfkit, no browser.
 *
 * Fonts: pdfkit's built-in Helvetica is not embedded and covers only WinAnsi (Western European)
 * letters. When the system has DejaVu Sans (Debian: fonts-dejavu-core) it is embedded for full
 * Unicode; otherwise every text passes through toWinAnsi. No font is bundled or downloaded.
 */

const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const DEJAVU_BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';

const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Replaces what Helvetica (WinAnsi) cannot draw; narrow no-break spaces (French numbers) become no-break spaces. */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text.replace(/[\u202f\u2009]/g, '\u00a0')) {
    const code = ch.codePointAt(0)!;
    out += (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch) || ch === '\n' ? ch : '?';
  }
  return out;
}

export interface TableCell {
  text: string;
  fill?: string;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
}

export interface PdfOptions {
  title: string;
  subject?: string;
  locale: string;
  layout?: 'portrait' | 'landscape';
  margin?: number;
}

export interface PdfBuilder {
  doc: PDFKit.PDFDocument;
  regular: string;
  bold: string;
  margin: number;
  /** Width between the margins. */
  contentWidth: number;
  /** Text as the chosen font can draw it. */
  txt(text: string): string;
  ensureSpace(height: number): void;
  title(text: string): void;
  heading(text: string): void;
  paragraph(text: string, size?: number): void;
  /** Label–value lines (e.g. year, version, status). */
  facts(rows: Array<[string, string]>, size?: number): void;
  /** A table; widths are scaled to the content width when they add up to more. */
  table(widths: number[], header: TableCell[], rows: TableCell[][], fontSize?: number): void;
  /** Writes "footer · page n" on every page, ends the document and returns the file. */
  finish(footer: (page: number) => string): Promise<Buffer>;
}

export function createPdf(options: PdfOptions): PdfBuilder {
  const margin = options.margin ?? 40;
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margin,
    bufferPages: true,
    info: { Title: options.title, Author: 'Leerkompas', Subject: options.subject ?? '' },
    lang: options.locale,
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  const unicode = fs.existsSync(DEJAVU) && fs.existsSync(DEJAVU_BOLD);
  if (unicode) {
    doc.registerFont('body', DEJAVU);
    doc.registerFont('body-bold', DEJAVU_BOLD);
  }
  const regular = unicode ? 'body' : 'Helvetica';
  const bold = unicode ? 'body-bold' : 'Helvetica-Bold';
  const txt = (text: string) => (unicode ? text.replace(/\u202f/g, '\u00a0') : toWinAnsi(text));
  const pageHeight = () => doc.page.height;
  const contentWidth = doc.page.width - 2 * margin;
  const bottom = () => pageHeight() - margin;

  const ensureSpace = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  const builder: PdfBuilder = {
    doc,
    regular,
    bold,
    margin,
    contentWidth,
    txt,
    ensureSpace,
    title(text) {
      doc.font(bold).fontSize(20).fillColor('#000000').text(txt(text), margin, doc.y, { width: contentWidth });
      doc.moveDown(0.3);
    },
    heading(text) {
      ensureSpace(60);
      doc.moveDown(0.6).font(bold).fontSize(14).fillColor('#000000').text(txt(text), margin, doc.y, { width: contentWidth });
      doc.moveDown(0.3);
    },
    paragraph(text, size = 10) {
      doc.font(regular).fontSize(size).fillColor('#000000');
      ensureSpace(doc.heightOfString(txt(text), { width: contentWidth }) + 4);
      doc.text(txt(text), margin, doc.y, { width: contentWidth });
      doc.moveDown(0.3);
    },
    facts(rows, size = 10) {
      const labelWidth = Math.min(160, contentWidth / 3);
      for (const [label, value] of rows) {
        doc.font(regular).fontSize(size);
        const height = Math.max(
          doc.heightOfString(txt(value), { width: contentWidth - labelWidth }),
          doc.heightOfString(txt(label), { width: labelWidth - 8 }),
        );
        ensureSpace(height + 2);
        const y = doc.y;
        doc
          .font(bold)
          .fontSize(size)
          .fillColor('#000000')
          .text(txt(label), margin, y, { width: labelWidth - 8 });
        doc
          .font(regular)
          .fontSize(size)
          .text(txt(value), margin + labelWidth, y, { width: contentWidth - labelWidth });
        doc.x = margin;
        doc.y = y + height + 2;
      }
      doc.moveDown(0.3);
    },
    table(givenWidths, header, rows, fontSize = 8) {
      const sum = givenWidths.reduce((s, w) => s + w, 0);
      const widths = sum > contentWidth ? givenWidths.map((w) => (w * contentWidth) / sum) : givenWidths;
      const pad = 3;
      const rowHeight = (cells: TableCell[]) =>
        Math.max(
          ...cells.map((cell, i) => {
            doc.font(cell.bold ? bold : regular).fontSize(fontSize);
            return doc.heightOfString(txt(cell.text) || ' ', { width: widths[i] - 2 * pad }) + 2 * pad;
          }),
        );
      const drawRow = (cells: TableCell[], y: number, height: number) => {
        let x = margin;
        cells.forEach((cell, i) => {
          if (cell.fill) doc.rect(x, y, widths[i], height).fill(cell.fill);
          doc.rect(x, y, widths[i], height).lineWidth(0.5).stroke('#8a8a8a');
          doc
            .font(cell.bold ? bold : regular)
            .fontSize(fontSize)
            .fillColor('#000000')
            .text(txt(cell.text), x + pad, y + pad, { width: widths[i] - 2 * pad, align: cell.align ?? 'left', lineBreak: true });
          x += widths[i];
        });
        doc.x = margin;
        doc.y = y + height;
      };
      const headerHeight = rowHeight(header);
      ensureSpace(headerHeight + 20);
      drawRow(header, doc.y, headerHeight);
      for (const row of rows) {
        const height = rowHeight(row);
        if (doc.y + height > bottom()) {
          doc.addPage();
          drawRow(header, doc.y, headerHeight);
        }
        drawRow(row, doc.y, height);
      }
      doc.moveDown(0.5);
    },
    async finish(footer) {
      const range = doc.bufferedPageRange();
      for (let i = range.start; i < range.start + range.count; i++) {
        doc.switchToPage(i);
        // Written in the bottom margin, so no page is added.
        const saved = doc.page.margins.bottom;
        doc.page.margins.bottom = 0;
        doc
          .font(regular)
          .fontSize(8)
          .fillColor('#555555')
          .text(txt(footer(i + 1)), margin, pageHeight() - margin + 14, { width: contentWidth, align: 'right', lineBreak: false });
        doc.page.margins.bottom = saved;
      }
      doc.end();
      await done;
      return Buffer.concat(chunks);
    },
  };
  return builder;
}
