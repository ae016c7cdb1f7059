import type * as z from '../zod';
import type { FieldProblem } from '../domain/errors';

const join = (base: string, path: readonly PropertyKey[]): string =>
  [base, ...path.map(String)].filter((p) => p !== '').join('.');

/** One detail per field, as API.md asks; an unknown field is named by its own path. */
export const problemsOf = (error: z.core.$ZodError, base = ''): FieldProblem[] =>
  error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: join(base, [...issue.path, key]), message: 'Unknown field' }))
      : [{ path: join(base, issue.path), message: issue.message }],
  );
