import type { QuestionResult } from '../../domain/surveys/results';

/**
 * The shapes of the survey results' charts, drawn by the template as inline SVG. Positions across are
 * percentages of the chart's width and positions down are pixels, so the chart fills a phone or a laptop
 * and its text stays the page's size (a viewBox would shrink the text on a phone).
 */

/** One count as a person reads it, and as the chart's hidden table lists it. */
export interface ChartCount {
  readonly label: string;
  readonly count: number;
  /** Of all who answered the question, a whole percentage. */
  readonly percent: number;
}

/** A column chart (the 1 to 5 ratings): a column per score, its count over it, the score under it. */
export interface ColumnChart {
  readonly type: 'columns';
  readonly height: number;
  readonly baseline: number;
  readonly columns: readonly (ChartCount & {
    readonly x: string;
    readonly width: string;
    readonly centre: string;
    readonly y: number;
    readonly barHeight: number;
    readonly countY: number;
    readonly labelY: number;
  })[];
}

/** A bar chart (choices, the NPS split): a row per answer, its label over a bar with the count beside it. */
export interface BarChart {
  readonly type: 'bars';
  readonly height: number;
  readonly rows: readonly (ChartCount & {
    readonly lines: readonly { readonly text: string; readonly y: number }[];
    readonly y: number;
    readonly width: string;
    readonly countY: number;
    /** The colour class: `plain`, or for the NPS split `detractors`, `passives`, `promoters`. */
    readonly tone: string;
  })[];
}

export type Chart = ColumnChart | BarChart;

const LINE = 20;
const BAR = 24;
const GAP = 16;
/** A label wraps at this many characters, about a 320 px phone's width at the page's font size. */
const WRAP_AT = 32;
/** The widest bar leaves room beside it for its count. */
const MAX_BAR_PERCENT = 75;

const percentOf = (count: number, total: number): number =>
  total === 0 ? 0 : Math.round((count / total) * 100);

const pct = (value: number): string => `${Math.round(value * 100) / 100}%`;

/** A label cut into lines at spaces (a word longer than a line gets a line of its own). */
export const wrapLabel = (label: string, width = WRAP_AT): string[] => {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines.length > 0 ? lines : [''];
};

const COLUMN_TOP = 28;
const COLUMN_PLOT = 140;
const COLUMN_FOOT = 32;

export const columnChart = (counts: readonly { label: string; count: number }[]): ColumnChart => {
  const total = counts.reduce((n, c) => n + c.count, 0);
  const max = Math.max(1, ...counts.map((c) => c.count));
  const slot = 100 / Math.max(1, counts.length);
  const baseline = COLUMN_TOP + COLUMN_PLOT;
  return {
    type: 'columns',
    height: baseline + COLUMN_FOOT,
    baseline,
    columns: counts.map((c, i) => {
      const barHeight = c.count === 0 ? 0 : Math.max(2, Math.round((COLUMN_PLOT * c.count) / max));
      return {
        ...c,
        percent: percentOf(c.count, total),
        x: pct(slot * i + slot * 0.2),
        width: pct(slot * 0.6),
        centre: pct(slot * (i + 0.5)),
        y: baseline - barHeight,
        barHeight,
        countY: baseline - barHeight - 8,
        labelY: baseline + 22,
      };
    }),
  };
};

export const barChart = (counts: readonly { label: string; count: number; tone?: string }[]): BarChart => {
  const total = counts.reduce((n, c) => n + c.count, 0);
  const max = Math.max(1, ...counts.map((c) => c.count));
  let y = 0;
  const rows = counts.map((c) => {
    const lines = wrapLabel(c.label).map((text, i) => ({ text, y: y + LINE * (i + 1) - 4 }));
    const barY = y + LINE * lines.length + 4;
    y = barY + BAR + GAP;
    return {
      label: c.label,
      count: c.count,
      percent: percentOf(c.count, total),
      lines,
      y: barY,
      width: pct(c.count === 0 ? 0 : Math.max(0.5, (MAX_BAR_PERCENT * c.count) / max)),
      countY: barY + BAR - 6,
      tone: c.tone ?? 'plain',
    };
  });
  return { type: 'bars', height: Math.max(y - GAP, 0), rows };
};

/** The counts of a question's distribution in its own order (scores ascending, options as asked). */
const countsOf = (distribution: Readonly<Record<string, number>>) =>
  Object.entries(distribution).map(([label, count]) => ({ label, count }));

/** The chart a question's result is drawn as, or none (text answers, or a breakdown withheld). */
export const chartOf = (q: QuestionResult): Chart | undefined => {
  if (q.withheld) return undefined;
  if (q.kind === 'rating' && q.distribution) return columnChart(countsOf(q.distribution));
  if (q.kind === 'choice' && q.distribution) return barChart(countsOf(q.distribution));
  if (q.kind === 'nps' && q.nps) {
    return barChart([
      { label: 'Detractors (0 to 6)', count: q.nps.detractors, tone: 'detractors' },
      { label: 'Passives (7 or 8)', count: q.nps.passives, tone: 'passives' },
      { label: 'Promoters (9 or 10)', count: q.nps.promoters, tone: 'promoters' },
    ]);
  }
  return undefined;
};
