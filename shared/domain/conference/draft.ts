import { invalid, type FieldProblem } from '../errors';
import { eventTimeProblem } from '../limits/bounds';
import { surveyTimeProblems } from '../surveys/plan';
import { instantToWallClock, isValidZone, wallClockToInstant } from '../wall-clock';
import type { Conference, ConferenceInput, Session, SessionInput } from './conference';

const SESSION_ID = /^[A-Za-z0-9_-]{1,40}$/;

const slug = (title: string): string =>
  title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32) || 'session';

/** Ids organisers can read in URLs and exports: from the title, made unique, kept when given. */
const assignSessionIds = (sessions: readonly SessionInput[]): string[] => {
  const taken = new Set(sessions.flatMap((s) => (s.id ? [s.id] : [])));
  return sessions.map((s) => {
    if (s.id) return s.id;
    const base = slug(s.title);
    let id = base;
    for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
    taken.add(id);
    return id;
  });
};

/**
 * Checks an organiser's input and turns it into the stored conference (UTC instants), collecting
 * every problem at once so the organiser can fix them in one go.
 */
export const resolveConference = (
  input: ConferenceInput,
  base: Pick<
    Conference,
    'eventId' | 'status' | 'version' | 'createdAt' | 'updatedAt' | 'publishedAt' | 'teamId'
  >,
  now: Date,
  options: { requireFuture: boolean } = { requireFuture: true },
): Conference => {
  const problems: FieldProblem[] = [];
  const zone = input.timezone;
  if (!isValidZone(zone)) {
    throw invalid([{ path: 'timezone', message: `Unknown IANA time zone: ${zone}` }]);
  }
  const toInstant = (value: string, path: string): Date | undefined => {
    const converted = wallClockToInstant(value, zone, path);
    if (converted.ok) return converted.instant;
    problems.push(converted.problem);
    return undefined;
  };

  const startsAt = toInstant(input.startsAt, 'startsAt');
  const endsAt = toInstant(input.endsAt, 'endsAt');
  if (startsAt && endsAt && endsAt <= startsAt)
    problems.push({ path: 'endsAt', message: 'Must be after startsAt' });
  if (startsAt && options.requireFuture && startsAt <= now) {
    problems.push({ path: 'startsAt', message: 'Must be in the future' });
  }
  for (const [at, path] of [
    [startsAt, 'startsAt'],
    [endsAt, 'endsAt'],
  ] as const) {
    const outside = at && eventTimeProblem(at, now, path);
    if (outside) problems.push(outside);
  }

  const sessionInputs = input.sessions ?? [];
  const ids = assignSessionIds(sessionInputs);
  const seen = new Set<string>();
  const sessions: Session[] = [];
  sessionInputs.forEach((s, i) => {
    const path = `sessions.${i}`;
    const id = ids[i] as string;
    if (!SESSION_ID.test(id))
      problems.push({ path: `${path}.id`, message: 'Use 1-40 letters, digits, - or _' });
    if (seen.has(id)) problems.push({ path: `${path}.id`, message: `Duplicate session id ${id}` });
    seen.add(id);
    const from = toInstant(s.startsAt, `${path}.startsAt`);
    const to = toInstant(s.endsAt, `${path}.endsAt`);
    if (from && to && to <= from)
      problems.push({ path: `${path}.endsAt`, message: 'Must be after startsAt' });
    if (from && startsAt && from < startsAt) {
      problems.push({ path: `${path}.startsAt`, message: 'Must not be before the event starts' });
    }
    if (to && endsAt && to > endsAt)
      problems.push({ path: `${path}.endsAt`, message: 'Must not be after the event ends' });
    if (s.capacity !== undefined && s.capacity > input.capacity) {
      problems.push({ path: `${path}.capacity`, message: 'Must not be more than the event capacity' });
    }
    if (from && to) {
      sessions.push({
        id,
        title: s.title,
        kind: s.kind,
        startsAt: from.toISOString(),
        endsAt: to.toISOString(),
        ...(s.capacity === undefined ? {} : { capacity: s.capacity }),
      });
    }
  });

  const reminders = input.reminders ?? [];
  const reminderKeys = new Set<string>();
  reminders.forEach((r, i) => {
    const key = `${r.daysBefore}@${r.at}`;
    if (reminderKeys.has(key)) problems.push({ path: `reminders.${i}`, message: 'Duplicate reminder time' });
    reminderKeys.add(key);
  });

  if (input.survey) {
    const questionIds = new Set<string>();
    input.survey.questions.forEach((q, i) => {
      const path = `survey.questions.${i}`;
      if (questionIds.has(q.id))
        problems.push({ path: `${path}.id`, message: `Duplicate question id ${q.id}` });
      questionIds.add(q.id);
      if (q.kind === 'choice' && (q.options?.length ?? 0) < 2) {
        problems.push({ path: `${path}.options`, message: 'A choice question needs at least two options' });
      }
      if (q.kind !== 'choice' && q.options !== undefined) {
        problems.push({ path: `${path}.options`, message: 'Only choice questions have options' });
      }
    });
  }

  if (input.survey && endsAt) problems.push(...surveyTimeProblems(input.survey, endsAt, zone));

  if (problems.length > 0 || !startsAt || !endsAt) throw invalid(problems);
  return {
    ...base,
    title: input.title,
    timezone: zone,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    venue: input.venue,
    capacity: input.capacity,
    sessions,
    reminders,
    ...(input.survey ? { survey: input.survey } : {}),
    ...(input.contact ? { contact: input.contact } : {}),
    ...(input.ignoreEmailTags === false ? { ignoreEmailTags: false } : {}),
  };
};

/** A new draft conference. */
export const draftConference = (input: ConferenceInput, eventId: string, now: Date): Conference =>
  resolveConference(
    input,
    { eventId, status: 'draft', version: 1, createdAt: now.toISOString(), updatedAt: now.toISOString() },
    now,
  );

/** The organiser-facing input a stored conference came from (wall-clock times again), for PATCH merges. */
export const toInput = (c: Conference): ConferenceInput => ({
  title: c.title,
  timezone: c.timezone,
  startsAt: instantToWallClock(c.startsAt, c.timezone),
  endsAt: instantToWallClock(c.endsAt, c.timezone),
  venue: c.venue,
  capacity: c.capacity,
  sessions: c.sessions.map((s) => ({
    id: s.id,
    title: s.title,
    kind: s.kind,
    startsAt: instantToWallClock(s.startsAt, c.timezone),
    endsAt: instantToWallClock(s.endsAt, c.timezone),
    ...(s.capacity === undefined ? {} : { capacity: s.capacity }),
  })),
  reminders: c.reminders,
  ...(c.survey ? { survey: c.survey } : {}),
  ...(c.contact ? { contact: c.contact } : {}),
  ...(c.ignoreEmailTags === false ? { ignoreEmailTags: false } : {}),
});
