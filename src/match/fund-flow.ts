// 資金の流れ: the ministry's box and one box per block (Ａ．name ＋ amount 百万円 ＋ what it does).
import type { FundFlow } from '../assemble/schema.js';
import type { Token } from '../tokenize/labels.js';
import { isLabel } from '../tokenize/labels.js';
import { fold, parseNumber } from '../tokenize/values.js';
import { EXPENSE_CATEGORY, FLOW_CONNECTOR, LABELS, LEGAL_FORM, MINISTRIES } from '../tokenize/vocabulary.js';
import type { MatchContext } from './context.js';
import { centre, nearestColumn } from './values.js';

const BLOCK_NAME = /^([A-ZＡ-Ｚ])\s*[.．]\s*(.+)$/;
const FLOW_AMOUNT = /^([△▲-]?[\d,.]+)百万円$/;
/** Layout text: how many lines below a box's name its amount may stand. */
const AMOUNT_BELOW = 4;
/** A wrapped role line fills its box; the next piece continues it. */
const WRAPPED_WIDTH = 14;

interface FlowBox {
  block: string | null;
  name: string;
  amount: number | null;
  tokens: Token[];
}

/** How many boxes before a name its letter and legal form may stand. */
const HEAD_REACH = 3;
const isLetterAndLegalForm = (text: string) => {
  const m = BLOCK_NAME.exec(text.trim());
  return m !== null && LEGAL_FORM.test(fold(m[2]!));
};

function flowAmount(text: string): number | null {
  const m = FLOW_AMOUNT.exec(fold(text));
  return m ? parseNumber(m[1]!) : null;
}

function blockLetter(letter: string): string {
  return letter.normalize('NFKC');
}

/** A name line followed by an amount line, in one box or in the next one. */
function readBoxes(ctx: MatchContext): FlowBox[] {
  const out: FlowBox[] = [];
  const consumed = new Set<Token>();
  const below = (t: Token) => ctx.startingOnRows(t.row + 1, t.row + AMOUNT_BELOW).find((n) => Math.abs(centre(n) - centre(t)) < 8);
  ctx.tokens.forEach((t, i) => {
    if (consumed.has(t)) return;
    const lines = t.lines.map((l) => l.text);
    let name: string | undefined;
    let amount: number | null = null;
    const used = [t];
    if (lines.length >= 2 && flowAmount(lines[lines.length - 1]!) !== null) {
      name = lines.slice(0, -1).join('');
      amount = flowAmount(lines[lines.length - 1]!);
    } else if (flowAmount(t.text) === null) {
      // Layout text: a long name wraps onto the lines below it (（株）) before its amount.
      let next = ctx.isLayout ? below(t) : ctx.tokens[i + 1];
      const wrapped: Token[] = [];
      while (ctx.isLayout && next && flowAmount(next.text) === null && BLOCK_NAME.test(t.text) && !BLOCK_NAME.test(next.text) && !isLabel(next) && wrapped.length < 2) {
        wrapped.push(next);
        next = below(next);
      }
      if (next && flowAmount(next.text) !== null) {
        name = [t, ...wrapped].map((w) => w.text).join('');
        amount = flowAmount(next.text);
        used.push(...wrapped, next);
      }
    }
    if (name === undefined) return;
    // pdftotext may box the letter and legal form (`B ．（研）`) apart from the rest of the name.
    const head = BLOCK_NAME.test(name.trim()) ? undefined : ctx.tokens.slice(Math.max(0, i - HEAD_REACH), i).findLast((h) => !consumed.has(h) && isLetterAndLegalForm(h.text));
    if (head) {
      name = `${head.text.trim()}\u3000${name}`;
      used.unshift(head);
    }
    used.forEach((u) => consumed.add(u));
    const m = BLOCK_NAME.exec(name.trim());
    out.push({ block: m ? blockLetter(m[1]!) : null, name: (m ? m[2]! : name).trim(), amount, tokens: used });
  });
  return out;
}

function isRoleText(t: Token, boxes: Set<Token>): boolean {
  const own = withoutTitleNotes(t.folded);
  return !boxes.has(t) && !isLabel(t) && !FLOW_CONNECTOR.test(own) && flowAmount(t.text) === null && !BLOCK_NAME.test(t.text) && own.length > 1;
}

/** The section title's bracketed notes, which pdftotext may box with an arrow's word (`（単位：百万円）再委託`). */
const TITLE_NOTES = fold(LABELS.fundFlowTitle.forms[0]).match(/\([^)]*\)/g) ?? [];
const withoutTitleNotes = (folded: string) => TITLE_NOTES.reduce((text, note) => text.replace(note, ''), folded);

/** Role texts come after the boxes they describe, in the same order; wrapped pieces are joined. */
function roleTexts(ctx: MatchContext, from: number, to: number, boxes: Set<Token>): Token[][] {
  const pieces: Token[][] = [];
  // The 費目・使途 table follows the last boxes: its first 費目 or amount ends their roles.
  const scope = ctx.tokens.slice(from, to);
  // A 費目 word followed by a box's contract note (`旅費`, `【一般競争入札】`) is a role still.
  const isNote = (t: Token | undefined) => t !== undefined && /^【.*】$/.test(t.folded);
  const tableAt = scope.findIndex((t, i) => (EXPENSE_CATEGORY.test(t.folded) && !isNote(scope[i + 1])) || /^[\d,.]+$/.test(t.folded));
  const candidates = (tableAt < 0 ? scope : scope.slice(0, tableAt)).filter((t) => isRoleText(t, boxes));
  for (const t of candidates) {
    const last = pieces[pieces.length - 1];
    const lastLine = last?.[last.length - 1]?.lines.at(-1)?.text ?? '';
    const continues = last && !ctx.isLayout && fold(lastLine).length >= WRAPPED_WIDTH && t.index === last[last.length - 1]!.index + 1;
    if (continues) last.push(t);
    else pieces.push([t]);
  }
  return pieces;
}

export function matchFundFlow(ctx: MatchContext): FundFlow[] {
  const boxes = readBoxes(ctx);
  if (!boxes.length) {
    ctx.report('warning', 'missing-section', 'fundFlow', 'no 資金の流れ boxes (name and 百万円 amount) were found');
    return [];
  }
  const taken = new Set(boxes.flatMap((b) => b.tokens));
  // The section ends at the 費目・使途 note or the recipients' title, whichever follows the boxes
  // (pdfminer may print the note before them).
  const boxesStart = boxes[0]!.tokens[0]!.index;
  const end = Math.min(...[...ctx.find('expensesNote'), ...ctx.find('recipientsTitle')].map((t) => t.index).filter((i) => i > boxesStart), ctx.tokens.length);
  const flows: FundFlow[] = [];
  // Boxes are read in rows: each row of boxes is followed by the roles of its boxes.
  let k = 0;
  while (k < boxes.length) {
    const rowStart = k;
    while (k + 1 < boxes.length && nextIsSameRow(ctx, boxes, k)) k++;
    const rowBoxes = boxes.slice(rowStart, k + 1);
    const lastIndex = rowBoxes[rowBoxes.length - 1]!.tokens.at(-1)!.index;
    const nextIndex = boxes[k + 1]?.tokens[0]!.index ?? end;
    const roleScope = ctx.isLayout ? ctx.tokens.filter((t) => t.row > rowBoxes[0]!.tokens[0]!.row && t.index < nextIndex) : null;
    const withRoles = rowBoxes.filter((b) => b.block !== null || !isMinistry(b.name));
    const roles = roleScope
      ? rolesByColumn(rowBoxes, roleScope, taken)
      // A role may stand among the row's own boxes, where pdftotext printed a box's letter apart
      // from its name (`A．… 20百万円`, `B．（研）`, A's role, `産業技術総合研究所 2百万円`, B's role).
      : splitToCount(roleTexts(ctx, rowBoxes[0]!.tokens[0]!.index + 1, Math.max(lastIndex + 1, nextIndex), taken), withRoles.length).map((p) => p.map((t) => t.text).join(''));
    rowBoxes.forEach((b) => {
      const role = b.block === null && isMinistry(b.name) ? null : withoutContractNote(roles[withRoles.indexOf(b)] ?? null);
      flows.push({ block: b.block, name: b.name, amount: b.amount, role });
      b.tokens.forEach((t) => ctx.trace(`fundFlow[${flows.length - 1}]`, t));
    });
    k++;
  }
  return flows;
}

/** The box's contract method noted under its role (`…の検証等【一般競争入札】`) is no part of the role. */
const CONTRACT_NOTE = /\s*【[^】]*】$/;
const withoutContractNote = (role: string | null) => (role === null ? null : role.replace(CONTRACT_NOTE, '') || null);

function isMinistry(name: string): boolean {
  return MINISTRIES.some((m) => fold(name).startsWith(m));
}

/**
 * A row of boxes has a role each: when wrapped pieces were joined into fewer roles than that,
 * a role is split again where the rest is longest (a wrap's last line is short; a role of its
 * own is not).
 */
function splitToCount(pieces: Token[][], count: number): Token[][] {
  const out = pieces.map((p) => [...p]);
  while (out.length < count) {
    let best: { group: number; at: number; rest: number } | null = null;
    out.forEach((p, g) => {
      for (let at = 1; at < p.length; at++) {
        const rest = p.slice(at).reduce((n, t) => n + fold(t.text).length, 0);
        if (!best || rest > best.rest) best = { group: g, at, rest };
      }
    });
    if (!best) break;
    const { group, at } = best as { group: number; at: number };
    out.splice(group, 1, out[group]!.slice(0, at), out[group]!.slice(at));
  }
  return out;
}

/** Boxes of one row stand one after another with nothing but their own tokens between them. */
function nextIsSameRow(ctx: MatchContext, boxes: FlowBox[], k: number): boolean {
  const a = boxes[k]!;
  const b = boxes[k + 1]!;
  // A box whose name wraps onto two lines starts a line above the others of its row.
  if (ctx.isLayout) return Math.abs(b.tokens[0]!.row - a.tokens[0]!.row) <= 1;
  return b.tokens[0]!.index === a.tokens.at(-1)!.index + 1;
}

/**
 * Layout text: a role stands under its box, centred as the box's text is, so a wrapped line
 * starts elsewhere than the one above it. Each piece goes to the box whose centre is nearest;
 * a box's pieces on consecutive lines are one role.
 */
function rolesByColumn(row: FlowBox[], scope: Token[], taken: Set<Token>): Array<string | null> {
  const centres = row.map((b) => centre(b.tokens[0]!));
  const top = Math.min(...row.map((b) => b.tokens[0]!.row));
  const pieces = row.map(() => [] as Token[]);
  for (const t of scope.filter((x) => isRoleText(x, taken) && x.row > top).sort((a, b) => a.row - b.row)) {
    const k = nearestColumn(t, centres);
    const box = row[k]!.tokens[0]!;
    if (Math.abs(centre(t) - centres[k]!) > Math.max(12, box.end - box.col)) continue;
    const last = pieces[k]!.at(-1);
    if (!last || t.row - last.lines.at(-1)!.line <= 1) pieces[k]!.push(t);
  }
  return pieces.map((p) => p.map((t) => t.text).join('') || null);
}
