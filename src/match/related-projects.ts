// 関連事業: owner (所管府省・部局名), 事業番号 and 事業名 of each related project.
import type { RelatedProject } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import { isLabel } from '../tokenize/labels.js';
import { fold } from '../tokenize/values.js';
import { lineWords, type LineWord } from '../tokenize/document.js';
import type { MatchContext } from './context.js';
import { textWithoutLabels } from './text-field.js';
import { ORGANIZATION_NAME, SELF_CHECK_MARKS } from '../tokenize/vocabulary.js';

/** A 事業番号; a new project's (新27-0041) may lose its dash in pdftotext (新270041). */
const NUMBER = /^(?:新\d{2}-?)?\d{1,4}$/;
const NUMBER_PREFIX = /^新\d{2}-$/;
const MARKS = new Set<string>(SELF_CHECK_MARKS.filter((m) => !/^[-－‐]$/.test(m)));
/** A 事業番号 as printed: digits, never an enclosed numeral (`③ 有識者からの…` opens a list item, which folding makes `3`). */
const isNumberText = (text: string) => NUMBER.test(numberText(text)) && !/[\u2460-\u2473]/.test(text);
const isNumberWord = (w: LineWord) => isNumberText(w.text);
const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/** Lines below the column heads that a related project's wrapped cells may take. */
const TABLE_LINES = 18;
/** How far left of its column head a long owner (所管府省・部局名) may start; the vertical 関連事業 left of it is single letters. */
const OWNER_LEFT_REACH = 20;
/** How far a wrapped cell reaches above or below its row. */
const WRAP_REACH = 2;


/**
 * Layout text: each project on the line of its 事業番号, owner to the left and name to the right,
 * both wrapping onto the lines just above and below; the self-check's mark and explanation
 * stand further right on the same lines and are left out.
 */
function readLines(ctx: MatchContext, header: Token): RelatedProject[] {
  const nameHead = ctx.startingOnRows(header.row, header.row).find((t) => t.col > header.col && t.folded === '事業名');
  const end = ctx.find('checkResult').find((t) => t.row > header.row)?.row ?? header.row + TABLE_LINES;
  const rows = range(header.row + 1, Math.min(end, header.row + TABLE_LINES)).map((row) => ({ row, words: lineWords(ctx.sheet.lines[row - 1] ?? '') }));
  // The self-check's mark (○) stands right of the names, its explanation right of the mark.
  // The first project's mark may stand on the column heads' line.
  const headWords = lineWords(ctx.sheet.lines[header.row - 1] ?? '');
  const markCol = Math.min(...[headWords, ...rows.map((r) => r.words)].flatMap((ws) => ws.filter((w) => w.col > header.col && MARKS.has(w.text)).map((w) => w.col)));
  const nameEdge = (nameHead?.end ?? header.end + 40) + 16;
  const rightEdge = Math.min(nameEdge, markCol);
  // A line's own mark bounds it: the marks of different rows need not stand in one column.
  const edgeOf = (words: readonly LineWord[]) => {
    const own = words.find((w) => w.col > header.col && MARKS.has(w.text));
    return own ? Math.min(nameEdge, own.col) : rightEdge;
  };
  // One letter alone is the vertical heading's, left of the owners, but a cell's wrapped tail
  // right of them (`費`) or under its cell's first letter (`…統計 ⏎ 課`).
  const cellStarts = new Set(rows.flatMap((r) => r.words.filter((w) => [...w.text].length > 1).map((w) => w.col)));
  const tail = (w: LineWord) => w.col > header.end || cellStarts.has(w.col);
  const lines = rows
    .map((r) => ({ row: r.row, words: r.words.filter((w) => w.col >= header.col - OWNER_LEFT_REACH && w.col < edgeOf(r.words) && ([...w.text].length > 1 || tail(w) || isNumberWord(w))) }))
    .filter((l) => l.words.length);
  const mains = lines.filter((l) => l.words.some(isNumberWord));
  return mains.map((main, k) => {
    const at = main.words.findIndex(isNumberWord);
    const numberCol = main.words[at]!.col;
    const owner: string[] = [];
    const name: string[] = [];
    const near = lines.filter((l) => l !== main && Math.abs(l.row - main.row) <= WRAP_REACH && !mains.some((m) => m !== main && Math.abs(m.row - l.row) < Math.abs(main.row - l.row)));
    let prefix = '';
    const add = (ws: LineWord[]) => ws.forEach((w) => {
      // A 事業番号 wrapped in its cell (新27- ⏎ 0010) keeps its prefix.
      if (NUMBER_PREFIX.test(fold(w.text)) && Math.abs(w.col - numberCol) <= WRAP_REACH) prefix = fold(w.text);
      // Prose running across the number's column is not in the table (a text below it).
      else if (w.col < numberCol && w.col + [...w.text].length > numberCol) return;
      else (w.col < numberCol ? owner : name).push(w.text);
    });
    near.filter((l) => l.row < main.row).forEach((l) => add(l.words));
    add([...main.words.slice(0, at), ...main.words.slice(at + 1)]);
    near.filter((l) => l.row > main.row).forEach((l) => add(l.words));
    ctx.trace(`relatedProjects[${k}]`, ...ctx.startingOnRows(main.row, main.row).filter((t) => t.col < rightEdge));
    return { owner: owner.join('') || null, projectNumber: prefix + fold(main.words[at]!.text), name: name.join('') || null };
  });
}

/** A 事業番号 as the output writes it: folded, with its dash half-width (`新27－0010` → `新27-0010`) or put back (`新270041`). */
const numberText = (text: string) => fold(text).replace('－', '-').replace(/^新(\d{2})(\d{4})$/, '新$1-$2');
const isNumberBox = (t: Token | undefined) => t !== undefined && isNumberText(t.text);
const isOwnerBox = (t: Token | undefined) => t !== undefined && ORGANIZATION_NAME.test(t.folded);
const isNameBox = (t: Token | undefined) => t !== undefined && !isNumberBox(t) && !isOwnerBox(t) && t.folded.length >= 4;
/** A 事業名 is a name: never a sentence (`…を図る。`). */
const isSentence = (t: Token | undefined) => t !== undefined && t.folded.includes('。');

/**
 * pdfminer may print the table by columns, in part or whole: the owners and numbers in pairs,
 * then the names (owner, number, owner, number, name, name); all the owners, then number and
 * name pairs; or the owners, the numbers, then the names. Those rows go to `out`; the boxes
 * they took are returned, three a row.
 */
function readColumns(scope: readonly Token[], out: RelatedProject[]): Token[] {
  const rows = (owners: Token[], numbers: Token[], names: Token[]) => {
    owners.forEach((owner, k) => {
      const glued = numbers[k] === names[k] ? gluedCells(numbers[k]!) : null;
      out.push({ owner: ownerText(owner), projectNumber: glued?.projectNumber ?? numberText(numbers[k]!.text), name: glued?.name ?? names[k]!.text });
    });
    return owners.flatMap((owner, k) => [owner, numbers[k]!, names[k]!]);
  };
  const every = (ts: readonly Token[], is: (t: Token) => boolean, k: number) => ts.length === k && ts.every(is);
  for (let i = 0; i < scope.length; i++) {
    // Owner and number pairs, then the names.
    let pairs = 0;
    while (isOwnerBox(scope[i + 2 * pairs]) && isNumberBox(scope[i + 2 * pairs + 1])) pairs++;
    if (pairs >= 2) {
      const names = scope.slice(i + 2 * pairs, i + 3 * pairs);
      const pairBoxes = scope.slice(i, i + 2 * pairs);
      if (every(names, isNameBox, pairs)) return rows(pairBoxes.filter((_, j) => j % 2 === 0), pairBoxes.filter((_, j) => j % 2 === 1), names);
    }
    // The owners, then the numbers and names by rows or by columns.
    let k = 0;
    while (isOwnerBox(scope[i + k])) k++;
    if (k < 2) continue;
    const rest = scope.slice(i + k, i + 3 * k);
    const byRows = numberNamePairs(scope.slice(i + k), k);
    if (byRows) return rows(scope.slice(i, i + k), byRows.numbers, byRows.names);
    if (every(rest.slice(0, k), isNumberBox, k) && every(rest.slice(k), isNameBox, k)) return rows(scope.slice(i, i + k), rest.slice(0, k), rest.slice(k));
    i += k - 1;
  }
  return [];
}

/**
 * `count` rows of a 事業番号 and its 事業名, each two boxes or one box of both glued
 * (`0386 多様な主体…`, whose box then stands for both cells); null unless all are.
 */
function numberNamePairs(boxes: readonly Token[], count: number): { numbers: Token[]; names: Token[] } | null {
  const numbers: Token[] = [];
  const names: Token[] = [];
  for (let at = 0; numbers.length < count; ) {
    const [box, next] = [boxes[at], boxes[at + 1]];
    const glued = box !== undefined && !isNumberBox(box) && gluedCells(box) !== null;
    if (!glued && !(isNumberBox(box) && isNameBox(next))) return null;
    numbers.push(box!);
    names.push(glued ? box! : next!);
    at += glued ? 1 : 2;
  }
  return { numbers, names };
}

/** A box of a 事業番号 glued to its 事業名 (`302 健康増進事業`): the two cells, or null. */
function gluedCells(t: Token): { projectNumber: string; name: string } | null {
  const [first = '', ...rest] = t.text.trim().split(/\s+/);
  const name = rest.join(' ');
  return rest.length && isNumberText(first) && fold(name).length >= 4 && !name.includes('。') ? { projectNumber: numberText(first), name } : null;
}

/** pdftotext boxes the self-check's 関連事業 mark with the first owner (`○ ⏎ 厚生労働省…`): not the owner's. */
function ownerText(t: Token): string {
  const first = t.lines[0]?.text.trim() ?? '';
  return t.lines.length > 1 && /^[○〇△×]$/.test(first) && t.text.startsWith(first) ? t.text.slice(first.length).trimStart() : t.text;
}

export function matchRelatedProjects(ctx: MatchContext): RelatedProject[] {
  const header = ctx.first('relatedOwner');
  if (!header) return [];
  if (ctx.isLayout) return readLines(ctx, header);
  const scope = ctx.tokens.slice(Math.max(0, header.index - 30), header.index + 30).filter((t) => !isLabel(t));
  const out: RelatedProject[] = [];
  const taken = readColumns(scope, out);
  out.forEach((_, k) => ctx.trace(`relatedProjects[${k}]`, ...taken.slice(3 * k, 3 * k + 3)));
  scope.forEach((t, i) => {
    if (taken.includes(t)) return;
    // The number alone, its name the next box; or glued to its name (`333 水質管理等強化対策費`).
    const glued = gluedCells(t);
    if (!glued && !isNumberBox(t)) return;
    const owner = scope[i - 1];
    // pdftotext may box the 事業名 column head with the first name below it (`事業名 ⏎ 遠隔医療…`),
    // and print a self-check explanation beside the row between the number and its name.
    const next = isSentence(scope[i + 1]) && isNameBox(scope[i + 2]) && !isSentence(scope[i + 2]) ? scope[i + 2] : scope[i + 1];
    const name = glued ? glued.name : next && textWithoutLabels(next);
    if (!owner || !name || owner.folded.length < 4 || fold(name).length < 4 || NUMBER.test(fold(name))) return;
    // A number opening a sentence is not a 事業番号: the glued reading wants an owner's name before it.
    if (glued && !ORGANIZATION_NAME.test(owner.folded)) return;
    out.push({ owner: ownerText(owner), projectNumber: glued ? glued.projectNumber : numberText(t.text), name });
    ctx.trace(`relatedProjects[${out.length - 1}]`, owner, t, ...(glued || !next ? [] : [next]));
  });
  return out;
}
