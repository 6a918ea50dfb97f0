// A row's two text cells (成果目標, 成果指標) as pdftotext prints them: each cell's text is
// centred in the row's height, so the taller text's lines stand at every line and the shorter
// text's half a line or whole lines below its top; pdftotext writes them in order of height,
// joining two that stand at one height (or nearly) into one line, left cell first. Given how
// many lines each text has, that order is fixed: the box is read by trying every count and
// keeping the readings the box's lines fit, and the widths choose among them (a text's lines
// but its last are as wide as its column, and the goal's column is the wider).
import type { Token } from '../tokenize/labels.js';
import { FULL_LINE } from './text-field.js';
import { partsOf, printedWidth } from './text-columns.js';

interface Reading {
  goal: string[];
  indicator: string[];
}

/** The lines of two centred texts of these heights, by height: the column of each, 0 left. */
function heightOrder(left: number, right: number): Array<{ column: 0 | 1; height: number }> {
  const offset = Math.abs(left - right) / 2;
  const lines = [
    ...Array.from({ length: left }, (_, i) => ({ column: 0 as const, height: i + (left < right ? offset : 0) })),
    ...Array.from({ length: right }, (_, i) => ({ column: 1 as const, height: i + (right < left ? offset : 0) })),
  ];
  return lines.sort((a, b) => a.height - b.height || a.column - b.column);
}

/** Every reading of the box's lines as two centred texts: a line of two parts is one line of each, at heights no more than half a line apart. */
function readings(lines: readonly string[][]): Reading[] {
  const count = lines.reduce((n, parts) => n + parts.length, 0);
  if (lines.some((parts) => parts.length > 2)) return [];
  const out: Reading[] = [];
  for (let left = 1; left < count; left++) {
    const order = heightOrder(left, count - left);
    const columns: [string[], string[]] = [[], []];
    let at = 0;
    const fits = lines.every((parts) => {
      if (parts.length === 1) {
        columns[order[at++]!.column].push(parts[0]!);
        return true;
      }
      const [a, b] = [order[at]!, order[at + 1]!];
      at += 2;
      columns[0].push(parts[0]!);
      columns[1].push(parts[1]!);
      return a.column !== b.column && Math.abs(a.height - b.height) <= 0.5;
    });
    if (fits) out.push({ goal: columns[0], indicator: columns[1] });
  }
  return out;
}

const widest = (lines: readonly string[]) => Math.max(...lines.map(printedWidth));
/** A line wider than its column, beyond what a wide letter's spill explains. */
const WIDER_THAN_COLUMN = 1.05;
/** Costs: a line too wide for its column is all but impossible; a short line before another is a paragraph's end, which happens. */
const TOO_WIDE = 3;
const SHORT_LINE = 1;
const NARROWER_GOAL = 2;

/** A reading's cost given the columns' widths; without them, a column's widest line stands for its width. */
function costOf(reading: Reading, widths: readonly [number, number] | null): number {
  const columns = [reading.goal, reading.indicator] as const;
  let cost = widest(reading.goal) <= widest(reading.indicator) ? NARROWER_GOAL : 0;
  columns.forEach((lines, c) => {
    const width = widths?.[c] ?? widest(lines);
    if (widths) cost += TOO_WIDE * lines.filter((l) => printedWidth(l) > width * WIDER_THAN_COLUMN + 0.5).length;
    cost += SHORT_LINE * lines.slice(0, -1).filter((l) => printedWidth(l) < width * FULL_LINE).length;
  });
  return cost;
}

interface Scored {
  reading: Reading;
  cost: number;
}

/** The cheapest reading, when every other costs at least `margin` more (a tie reads nothing). */
function cheapest(options: readonly Reading[], widths: readonly [number, number] | null, margin: number): Scored | null {
  const scored = options.map((reading) => ({ reading, cost: costOf(reading, widths) })).sort((a, b) => a.cost - b.cost);
  const [best, next] = scored;
  return best && (!next || next.cost - best.cost >= margin) ? best : null;
}

/** A box read as a row's goal and indicator; `exact` when every line is as wide as its place asks. */
export interface CentredPair {
  pair: [string, string];
  exact: boolean;
}

/**
 * Each box read as a row's goal and indicator, or null where the widths do not choose one
 * reading. The columns' widths are the same in every row: those of the boxes whose reading is
 * sure alone (by a whole line's cost) measure them for the rest.
 */
export function centredColumns(boxes: readonly Token[]): Array<CentredPair | null> {
  const options = boxes.map((box) => readings(partsOf(box)));
  const sure = options.map((o) => cheapest(o, null, SHORT_LINE)).filter((r) => r !== null).map((r) => r.reading);
  const widths: [number, number] | null = sure.length ? [Math.max(...sure.map((r) => widest(r.goal))), Math.max(...sure.map((r) => widest(r.indicator)))] : null;
  return options.map((o) => {
    // Any margin at all: here the widths are the section's, and only a tie leaves a box unread.
    const best = cheapest(o, widths, Number.MIN_VALUE);
    return best ? { pair: [best.reading.goal.join(''), best.reading.indicator.join('')], exact: best.cost === 0 } : null;
  });
}
