// Stage 1: bytes → text. Users bring files from many tools, so the encoding is detected
// rather than asked for: UTF-8 (with or without BOM), UTF-16 with a BOM, Shift_JIS (CP932),
// the encoding of most Japanese government downloads before 2020, and EUC-JP, which
// `pdftotext -enc EUC-JP` and older Unix tools write.

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis' | 'euc-jp';

export type DecodeResult =
  | { ok: true; text: string; encoding: Encoding }
  | { ok: false; code: 'empty' | 'binary'; message: string };

const SIGNATURES: Array<[string, number[]]> = [
  ['a PDF file', [0x25, 0x50, 0x44, 0x46]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a ZIP archive (an Excel or Word file?)', [0x50, 0x4b, 0x03, 0x04]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['an Excel or Word file of the old format (.xls, .doc)', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function knownBinaryKind(bytes: Uint8Array): string | null {
  for (const [kind, signature] of SIGNATURES) if (startsWith(bytes, signature)) return kind;
  return null;
}

/** Share of C0 control characters other than tab, line ends, form feed and NUL padding. */
function controlShare(text: string): number {
  const sample = text.slice(0, 65536);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0) || c === 0xfffd) controls++;
  }
  return sample.length ? controls / sample.length : 0;
}

function tryDecode(bytes: Uint8Array, encoding: Encoding): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

function detectEncoding(bytes: Uint8Array): Encoding {
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (tryDecode(bytes.subarray(0, 1 << 20), 'utf-8') !== null) return 'utf-8';
  const decoded = LEGACY_ENCODINGS.flatMap((encoding) => {
    const text = cleanDecoding(bytes, encoding);
    return text === null ? [] : [{ encoding, halfWidthKana: text.match(HALF_WIDTH_KANA)?.length ?? 0 }];
  });
  // EUC-JP's two-byte kanji may read as Shift_JIS without a fault, as pairs of half-width katakana.
  return decoded.sort((a, b) => a.halfWidthKana - b.halfWidthKana)[0]?.encoding ?? 'utf-8';
}

const LEGACY_ENCODINGS = ['shift_jis', 'euc-jp'] as const;
const HALF_WIDTH_KANA = /[\uFF61-\uFF9F]/g;

/** The text, if the bytes decode without a fault; a truncated first megabyte may cut a sequence, so the whole is tried too. */
function cleanDecoding(bytes: Uint8Array, encoding: Encoding): string | null {
  return tryDecode(bytes.subarray(0, 1 << 20), encoding) ?? tryDecode(bytes, encoding);
}

/**
 * Spaces of other kinds than the ASCII one and the ideographic one (which the template's
 * headings are spaced with): a viewer's copy may bring no-break or thin spaces.
 */
const OTHER_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F]/g;
/** Tab stops, as `expand` sets them. */
const TAB_WIDTH = 8;

/** Tabs become the spaces that reach the next tab stop, so that layout text keeps its columns. */
function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const c of line) out += c === '\t' ? ' '.repeat(TAB_WIDTH - (out.length % TAB_WIDTH)) : c;
  return out;
}

/**
 * Line ends: LF, CRLF or CR; or CR CR LF where every line end is one, a CRLF file that went
 * through a second conversion to CRLF (each line would otherwise be followed by a blank one).
 */
const lineEnd = (text: string) => (text.includes('\r\r\n') && text.split('\r\r\n').every((piece) => !piece.includes('\r') && !piece.includes('\n')) ? /\r\r\n/g : /\r\n?/g);

/**
 * Line ends become \n, NUL bytes go, tabs and spaces of other kinds become spaces; form feeds
 * stay, as page breaks the tokenizer reads.
 */
export function normalizeText(text: string): string {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\u0000/g, '').replace(lineEnd(text), '\n').replace(OTHER_SPACES, ' ');
  return normalized.includes('\t') ? normalized.split('\n').map(expandTabs).join('\n') : normalized;
}

export function decode(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, code: 'empty', message: 'the file is empty' };
  const kind = knownBinaryKind(bytes);
  if (kind) return { ok: false, code: 'binary', message: `this is ${kind}, not extracted text; run a text extractor (pdftotext, pdfminer) on the sheet's PDF first` };
  const encoding = detectEncoding(bytes);
  const text = new TextDecoder(encoding, { fatal: false }).decode(bytes);
  if (controlShare(text) > 0.05) {
    return { ok: false, code: 'binary', message: 'this looks like a binary file, not extracted text' };
  }
  const normalized = normalizeText(text);
  if (normalized.trim() === '') return { ok: false, code: 'empty', message: 'the file holds only white space' };
  return { ok: true, text: normalized, encoding };
}
