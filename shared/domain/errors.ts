/** One problem with one field of a request, as API.md's `details` items give it. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * What went wrong in terms a client can act on. `kind` decides the HTTP status at the edge;
 * `code` is the machine code API.md names (`already_registered`, `registration_closed`, ...).
 */
export type ProblemKind = 'invalid' | 'unauthorised' | 'forbidden' | 'not_found' | 'conflict' | 'gone';

export class DomainError extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly code: string,
    message: string,
    readonly details: readonly FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (
  details: readonly FieldProblem[],
  message = 'The request is not valid.',
): DomainError => new DomainError('invalid', 'invalid_request', message, details);

export const notFound = (what: string): DomainError =>
  new DomainError('not_found', 'not_found', `${what} was not found.`);

export const conflict = (code: string, message: string): DomainError =>
  new DomainError('conflict', code, message);
