import { DomainError, type FieldProblem } from '../../domain/errors';
import { checkParts, MAX_PARTS } from '../../domain/social/post-parts';
import { MAX_WEIGHTED_LENGTH, weightedLengthOf } from '../../domain/social/weighted-length';
import { pageErrors, type FieldCopy, type PageErrors } from '../../pages/form-errors';
import { partBoxes, type PostFormValues } from './post-form';

/** What a refusal is read against: the form as sent, which box each part came from, the event's zone. */
export interface RefusedPost {
  readonly values: PostFormValues;
  /** The box of each part sent (blank boxes are left out of the post). */
  readonly partOf: readonly number[];
  readonly timezone: string;
}

const partId = (box: number): string => `part-${box + 1}`;

/** The element a problem's path belongs beside; undefined for none (shown at the top). */
const idOf = (path: string, { partOf }: RefusedPost): string | undefined => {
  if (path === 'text') return partId(partOf[0] ?? 0);
  const part = /^thread\.(\d+)/.exec(path);
  if (part) return partId(partOf[Number(part[1])] ?? 0);
  if (path === 'thread') return partId(0);
  if (path === 'when') return 'when';
  if (path.startsWith('publishAt.time')) return 'publish-time';
  if (path.startsWith('publishAt')) return 'publish-date-day';
  if (path.startsWith('offset.from')) return 'offset-from';
  if (path.startsWith('offset')) return 'offset-amount';
  return undefined;
};

/** The API's words for a problem (schema or use-case) as GOV.UK would say them beside the field. */
const inPageWords = (problem: FieldProblem, refused: RefusedPost): string => {
  const { path, message } = problem;
  const id = idOf(path, refused);
  if (id?.startsWith('part-')) {
    if (path === 'thread') return `A thread can have up to ${MAX_PARTS} parts`;
    const box = Number(id.slice('part-'.length)) - 1;
    const text = refused.values.parts[box] ?? '';
    if (text.trim() === '') return 'Enter the text of the post';
    const written = refused.values.parts.filter((p) => p.trim() !== '').length;
    const name = written === 1 ? 'The post' : `Part ${box + 1}`;
    return `${name} must be ${MAX_WEIGHTED_LENGTH} characters or less (it has ${weightedLengthOf(text)})`;
  }
  if (/in the past/.test(message))
    return path.startsWith('offset')
      ? 'The time this gives has passed. Choose a later time'
      : 'The date and time must be in the future';
  if (/does not exist/.test(message))
    return `That time does not exist in ${refused.timezone}, as the clocks go forward then. Choose another time`;
  if (path.startsWith('offset.from')) return 'Choose what the time counts from';
  if (path.startsWith('offset.minutes')) return 'Enter a number of minutes, hours or days up to a year';
  return message;
};

/**
 * What the use-case would say of the post's parts (blank, too long), in the page's words: shown beside a
 * time the form itself refused, so a blank form names all it lacks at once, not one thing a try.
 */
export const partProblemsOf = (body: Record<string, unknown>, refused: RefusedPost): FieldProblem[] => {
  const thread = Array.isArray(body.thread) ? (body.thread as string[]) : undefined;
  try {
    checkParts(thread ?? [String(body.text ?? '')], thread ? 'thread' : 'text');
    return [];
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.details.map((p) => ({ ...p, message: inPageWords(p, refused) }));
  }
};

/**
 * The refused form's errors in page order: each problem beside its part or time field. Problems the
 * form found are already in the page's words; the API's (`fromApi`) are put into them.
 */
export const postFormErrors = (
  problems: readonly FieldProblem[],
  refused: RefusedPost,
  fromApi: boolean,
): PageErrors => {
  const order = [
    ...partBoxes(refused.values.parts).map((_, i) => partId(i)),
    'when',
    'publish-date-day',
    'publish-time',
    'offset-amount',
    'offset-from',
  ];
  const fields: FieldCopy[] = problems
    .flatMap((problem) => {
      const id = idOf(problem.path, refused);
      return id === undefined
        ? []
        : [{ path: problem.path, id, message: fromApi ? inPageWords(problem, refused) : problem.message }];
    })
    .sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  return pageErrors(problems, fields, { id: 'save-post' });
};
