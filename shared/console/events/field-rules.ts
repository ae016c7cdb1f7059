import type { FieldProblem } from '../../domain/errors';
import type { FieldCopy } from '../../pages/form-errors';

/**
 * One field of an events form: the problem path it answers, its element's id, and what to tell a
 * person about the first problem found there (GOV.UK's words: what to do), read with what they typed.
 */
export interface FieldRule {
  readonly path: string;
  readonly id: string;
  readonly say: (problem: FieldProblem) => string;
}

const concerns = (path: string, problem: FieldProblem): boolean =>
  problem.path === path || problem.path.startsWith(`${path}.`);

/** The rules as `pageErrors` takes them: each field's message decided by the problem it has. */
export const fieldCopyOf = (rules: readonly FieldRule[], problems: readonly FieldProblem[]): FieldCopy[] =>
  rules.map((rule) => {
    const problem = problems.find((p) => concerns(rule.path, p));
    return { path: rule.path, id: rule.id, message: problem ? rule.say(problem) : '' };
  });

/** What to say about a text field the schema refused: blank, or longer than it takes. */
export const textMessage = (typed: string, blank: string, label: string, max: number): string =>
  typed.trim() === '' ? blank : `${label} must be ${max} characters or less`;

/** A whole number typed in a box: the number, or the text as typed so the schema refuses it. */
export const wholeNumberOf = (typed: string): number | string =>
  /^\s*\d{1,9}\s*$/.test(typed) ? Number(typed) : typed.trim();

/** What to say about a number box the schema refused. */
export const numberMessage = (
  typed: string,
  words: { blank: string; notWhole: string; range: string },
): string => {
  if (typed.trim() === '') return words.blank;
  if (typeof wholeNumberOf(typed) !== 'number') return words.notWhole;
  return words.range;
};
