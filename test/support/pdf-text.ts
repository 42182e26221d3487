import zlib from 'node:zlib';

/**
 * The text a PDF written by pdfkit shows, line by line, so tests can check what a printed document
 * says (and does not say). pdfkit compresses its content streams and draws embedded fonts by glyph
 * number, so the text is read back the way a PDF viewer copies it: each font's ToUnicode map turns
 * glyph numbers into characters. Fonts without one (pdfkit's built-in Helvetica) carry WinAnsi
 * bytes, read here as Latin-1. Only what pdfkit writes is understood: hex strings in TJ arrays.
 */
export function pdfText(pdf: Buffer): string {
  const objects = pdfObjects(pdf);
  const unicodeOf = new Map<string, Map<number, string>>();
  for (const { dictionary } of objects.values()) {
    // Font resources: /Font << /F1 12 0 R /F2 15 0 R >>
    const fonts = /\/Font\s*<<([^>]*)>>/.exec(dictionary);
    if (!fonts) continue;
    for (const [, name, ref] of fonts[1].matchAll(/\/(\S+)\s+(\d+)\s+0\s+R/g)) {
      const font = objects.get(Number(ref));
      const toUnicode = font && /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(font.dictionary);
      const cmap = toUnicode && objects.get(Number(toUnicode[1]));
      if (cmap?.stream) unicodeOf.set(name, parseToUnicode(cmap.stream.toString('latin1')));
    }
  }
  const lines: string[] = [];
  for (const { stream } of objects.values()) {
    if (!stream) continue;
    const content = stream.toString('latin1');
    if (!/\bBT\b/.test(content)) continue;
    let font: string | null = null;
    for (const [, fontName, array] of content.matchAll(/\/(\S+)\s+[\d.]+\s+Tf|\[([^\]]*)\]\s*TJ/g)) {
      if (fontName) {
        font = fontName;
        continue;
      }
      const cmap = font === null ? undefined : unicodeOf.get(font);
      lines.push([...array.matchAll(/<([0-9a-fA-F]*)>/g)].map(([, hex]) => decode(hex, cmap)).join(''));
    }
  }
  return lines.join('\n');
}

/** The text with every run of white space (line breaks of wrapped cells included) as one space. */
export const pdfWords = (pdf: Buffer) => pdfText(pdf).replace(/\s+/g, ' ');

function decode(hex: string, cmap: Map<number, string> | undefined): string {
  if (!cmap) return Buffer.from(hex, 'hex').toString('latin1');
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += cmap.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\ufffd';
  return out;
}

/** pdfkit's ToUnicode maps: `<start> <end> [<utf16> <utf16> …]` ranges. */
function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [, start, values] of cmap.matchAll(/<([0-9a-fA-F]+)>\s*<[0-9a-fA-F]+>\s*\[([^\]]*)\]/g)) {
    [...values.matchAll(/<([0-9a-fA-F ]+)>/g)].forEach(([, utf16], i) => {
      const units = utf16.split(' ').map((unit) => parseInt(unit, 16));
      map.set(parseInt(start, 16) + i, String.fromCharCode(...units));
    });
  }
  return map;
}

interface PdfObject {
  dictionary: string;
  stream: Buffer | null;
}

/** Every `n 0 obj … endobj` of the file, with its stream inflated when it is compressed. */
function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const match of text.matchAll(/(\d+) 0 obj\b([\s\S]*?)\bendobj/g)) {
    const body = match[2];
    const streamAt = body.search(/\bstream\r?\n/);
    const length = /\/Length\s+(\d+)(?!\s+0\s+R)/.exec(body);
    if (streamAt < 0 || !length) {
      objects.set(Number(match[1]), { dictionary: body, stream: null });
      continue;
    }
    const dictionary = body.slice(0, streamAt);
    // Latin-1 maps bytes one to one, so string offsets are byte offsets.
    const bodyStart = match.index + match[0].length - 'endobj'.length - body.length;
    const dataStart = bodyStart + streamAt + (body[streamAt + 6] === '\r' ? 8 : 7);
    let data = pdf.subarray(dataStart, dataStart + Number(length[1]));
    if (/\/FlateDecode/.test(dictionary)) data = zlib.inflateSync(data);
    objects.set(Number(match[1]), { dictionary, stream: data });
  }
  return objects;
}
