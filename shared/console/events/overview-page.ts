import { parallelSlots } from '../../domain/conference/slots';
import { reminderDates } from '../../domain/reminders/dates';
import { surveyTimes } from '../../domain/surveys/plan';
import { formatMomentForUk, formatRangeForUk, timezoneNote } from '../../domain/wall-clock';
import type { HttpResult } from '../../http/respond';
import type { EventOverview } from '../../use-cases/event-overview';
import type { ConsoleRequest } from '../console-handler';
import { consoleUrls } from '../console-navigation';
import { consolePage } from '../console-page';
import { isOrganiser } from '../console-session';
import { doneBanner } from './done-banner';
import { EventParts, eventUrls, partNames } from './event-parts';
import { eventPageAddress } from './public-address';

type View = EventOverview['view'];

const kindNames = { keynote: 'Keynote', workshop: 'Workshop', networking: 'Networking' } as const;

/** The event's state as a GOV.UK tag: a finished event stays published, and says it is over. */
export const statusTag = (view: Pick<View, 'status' | 'finished'>) => {
  if (view.finished) return { text: 'Finished', classes: 'govuk-tag--grey' };
  if (view.status === 'draft') return { text: 'Draft', classes: 'govuk-tag--yellow' };
  if (view.status === 'cancelled') return { text: 'Cancelled', classes: 'govuk-tag--red' };
  return { text: 'Published', classes: 'govuk-tag--green' };
};

const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "12 of 30 places taken, 3 waiting"; "Open to everyone" where a session has no limit. */
export const placesText = (capacity: number | null, taken: number, waiting: number): string =>
  capacity === null
    ? 'Open to everyone'
    : `${taken} of ${capacity} ${capacity === 1 ? 'place' : 'places'} taken${waiting > 0 ? `, ${waiting} waiting` : ''}`;

const timeOfDay = (wallClock: string): string => wallClock.slice(11, 16);

/** A slot's times: "11:00 to 12:00" on the event's first day, the full dates on any other. */
const slotTimes = (view: View, first: View['sessions'][number], last: View['sessions'][number]): string =>
  first.startsAt.slice(0, 10) === view.startsAt.slice(0, 10) &&
  last.endsAt.slice(0, 10) === view.startsAt.slice(0, 10)
    ? `${timeOfDay(first.startsAt)} to ${timeOfDay(last.endsAt)}`
    : formatRangeForUk(new Date(first.startsAtUtc), new Date(last.endsAtUtc), view.timezone);

/** The programme in time slots: sessions at the same time side by side, each with its places. */
const programme = ({ view, places }: EventOverview) =>
  parallelSlots(view.sessions).map((slot) => {
    const last = slot.reduce((a, b) => (Date.parse(b.endsAtUtc) > Date.parse(a.endsAtUtc) ? b : a));
    return {
      when: slotTimes(view, slot[0]!, last),
      parallel: slot.length > 1 ? `${slot.length} at the same time` : undefined,
      sessions: slot.map((s) => {
        const counted = places.sessions[s.id] ?? { taken: 0, waiting: 0 };
        return {
          title: s.title,
          kind: kindNames[s.kind],
          places: placesText(s.capacity, counted.taken, counted.waiting),
        };
      }),
    };
  });

/** Each reminder with the day it goes, in the event's zone. */
export const reminderLines = (view: View, at: Date) =>
  reminderDates(
    {
      eventId: view.eventId,
      status: view.status,
      timezone: view.timezone,
      startsAt: view.startsAtUtc,
      reminders: view.reminders,
    },
    at,
  ).map((r) => ({
    step: `${r.daysBefore === 0 ? 'On the day' : `${count(r.daysBefore, 'day')} before`}, at ${r.at}`,
    subject: r.subject,
    goes: formatMomentForUk(new Date(r.dueAt), view.timezone),
    passed: r.passed,
  }));

/** When the survey's mails go and when it closes, in the event's zone. */
export const surveyLines = (view: Pick<View, 'survey' | 'endsAtUtc' | 'timezone'>) => {
  if (!view.survey) return undefined;
  const times = surveyTimes(view.survey, new Date(view.endsAtUtc), view.timezone);
  const moment = (at: Date) => formatMomentForUk(at, view.timezone);
  return {
    questions: count(view.survey.questions.length, 'question'),
    invitation: moment(times.invitation),
    reminder: times.reminder ? moment(times.reminder) : undefined,
    closes: moment(times.closesAt),
  };
};

/**
 * An event's overview: its state, when and where, places taken and waiting, the programme, the plan of
 * reminders and survey, and (for organisers) links to change each part, publish and cancel. The
 * communications team sees the same, read-only, with links to the plan and the posts.
 */
export const overviewPage = (request: ConsoleRequest, overview: EventOverview, at: Date): HttpResult => {
  const { view, places } = overview;
  const organiser = isOrganiser(request.session);
  const started = Date.parse(view.startsAtUtc) <= at.getTime();
  const editable = organiser && view.status !== 'cancelled';
  return consolePage(request, 'events/overview.njk', {
    title: `Overview: ${view.title}`,
    event: { id: view.eventId, title: view.title, section: 'overview' },
    banner: doneBanner(request.query),
    status: statusTag(view),
    when: formatRangeForUk(new Date(view.startsAtUtc), new Date(view.endsAtUtc), view.timezone),
    zoneNote: timezoneNote(view.timezone, new Date(view.startsAtUtc)),
    venue: view.venue,
    places: placesText(view.capacity, places.event.taken, places.event.waiting),
    contact: view.contact,
    registration:
      view.status !== 'published' || view.finished
        ? undefined
        : started
          ? 'The event has started: registration has closed.'
          : 'Registration is open.',
    eventPage: view.status === 'published' && !view.finished ? eventPageAddress(view.eventId) : undefined,
    cancelledOn: view.cancelledAt ? formatMomentForUk(new Date(view.cancelledAt), view.timezone) : undefined,
    slots: programme(overview),
    reminders: reminderLines(view, at),
    survey: surveyLines(view),
    organiser,
    changeLinks: editable
      ? Object.fromEntries(
          EventParts.map((part) => [
            part,
            { href: eventUrls.edit(view.eventId, part), text: partNames[part].link },
          ]),
        )
      : undefined,
    publishUrl:
      organiser && view.status === 'draft' && !started ? eventUrls.publish(view.eventId) : undefined,
    cancelUrl:
      organiser && view.status === 'published' && !view.finished ? eventUrls.cancel(view.eventId) : undefined,
    commsLinks: organiser
      ? undefined
      : [
          {
            href: consoleUrls.section(view.eventId, 'plan'),
            text: 'See the plan of everything that goes out',
          },
          { href: consoleUrls.section(view.eventId, 'posts'), text: 'Schedule and change posts to X' },
        ],
  });
};
