import { seeOther, type HttpResult } from '../../http/respond';
import { conferenceCommands } from '../../use-cases/conference-commands';
import { cancellationEffects } from '../../use-cases/event-changes/cancellation-effects';
import type { ConsoleRequest } from '../console-handler';
import { consoleUrls } from '../console-navigation';
import { consolePage } from '../console-page';
import { consoleProblem } from '../console-problem';
import { eventUrls } from './event-parts';

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** What cancelling will do, in a sentence per consequence, from the counts of the moment. */
const consequences = (effects: Awaited<ReturnType<typeof cancellationEffects>>): string[] => [
  effects.withPlace > 0
    ? `${count(effects.withPlace, 'person with a place is', 'people with a place are')} emailed that the event is cancelled, with a calendar update that takes it out of their calendar.`
    : 'Nobody has a place, so no booking is cancelled.',
  ...(effects.waiting > 0
    ? [
        `${count(effects.waiting, 'person', 'people')} on the waiting list ${effects.waiting === 1 ? 'is' : 'are'} emailed that the event is cancelled.`,
      ]
    : []),
  'Registration closes: the event page says the event is cancelled.',
  ...(effects.reminders > 0
    ? [
        `${count(effects.reminders, 'reminder', 'reminders')} still to go ${effects.reminders === 1 ? 'is' : 'are'} not sent.`,
      ]
    : []),
  ...(effects.surveyDue ? ['The survey invitation is not sent.'] : []),
  ...(effects.posts > 0
    ? [
        `${count(effects.posts, 'scheduled post', 'scheduled posts')} to X ${effects.posts === 1 ? 'is' : 'are'} cancelled.`,
      ]
    : []),
];

/** GET: what cancelling will do, stated, and the one button that does it. */
export const confirmCancelPage = async (request: ConsoleRequest): Promise<HttpResult> => {
  const effects = await cancellationEffects(request.params.eventId ?? '');
  const { view } = effects;
  if (view.status === 'cancelled' || view.finished)
    return consoleProblem(
      409,
      view.finished ? 'The event is over; it cannot be cancelled.' : 'This event is already cancelled.',
      request.session,
    );
  return consolePage(request, 'events/cancel.njk', {
    title: `Cancel ${view.title}`,
    event: { id: view.eventId, title: view.title, section: 'overview' },
    backLink: { href: consoleUrls.event(view.eventId), text: 'Back to the overview' },
    eventTitle: view.title,
    consequences: consequences(effects),
    campaigns:
      effects.campaigns > 0
        ? {
            text: `${count(effects.campaigns, 'campaign is', 'campaigns are')} still scheduled: cancelling the event does not stop ${effects.campaigns === 1 ? 'it' : 'them'}.`,
            href: consoleUrls.section(view.eventId, 'campaigns'),
          }
        : undefined,
    action: eventUrls.cancel(view.eventId),
    overviewUrl: consoleUrls.event(view.eventId),
  });
};

/** POST: cancels through POST /events/{id}/cancel's use-case, then the overview says so. */
export const cancelPost = async (request: ConsoleRequest): Promise<HttpResult> => {
  const eventId = request.params.eventId ?? '';
  await conferenceCommands.cancel(eventId);
  return seeOther(eventUrls.done(eventId, { done: 'cancelled' }));
};
