import type { FieldProblem } from '../domain/errors';

/** What the GOV.UK error summary and each field's error message read. */
export interface PageErrors {
  /** In the order of the fields on the page: `{ text, href: '#field-id' }`. */
  readonly summary: readonly { readonly text: string; readonly href: string }[];
  /** The message beside each field, by the field's id. */
  readonly byField: Readonly<Record<string, string>>;
}

/** How a page names one field of its form: its element id and what to tell a person who got it wrong. */
export interface FieldCopy {
  /** The problem path this field answers (`email`, `sessions`, `answers.q1`); a problem below it counts too. */
  readonly path: string;
  readonly id: string;
  /** GOV.UK's style: says what to do ("Enter your email address"), not what went wrong. */
  readonly message: string;
}

export const noErrors: PageErrors = { summary: [], byField: {} };

/**
 * The problems of a refused form (from the same zod schema or use-case the JSON route uses) in a page's
 * words: one message per field, fields in page order, first problem wins. A problem on no named field
 * is shown under `fallback`, with its own message.
 */
export const pageErrors = (
  problems: readonly FieldProblem[],
  fields: readonly FieldCopy[],
  fallback: { readonly id: string },
): PageErrors => {
  const byField: Record<string, string> = {};
  const matches = (field: FieldCopy, path: string): boolean =>
    path === field.path || path.startsWith(`${field.path}.`) || path.startsWith(`${field.path}[`);
  for (const field of fields)
    if (byField[field.id] === undefined && problems.some((p) => matches(field, p.path)))
      byField[field.id] = field.message;
  const unmatched = problems.find((p) => !fields.some((field) => matches(field, p.path)));
  if (unmatched && byField[fallback.id] === undefined) byField[fallback.id] = unmatched.message;
  const order = [...fields.map((f) => f.id), fallback.id];
  const summary = order
    .filter((id, i) => byField[id] !== undefined && order.indexOf(id) === i)
    .map((id) => ({ text: byField[id]!, href: `#${id}` }));
  return { summary, byField };
};
