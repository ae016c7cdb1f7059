import { now } from '../../clock';
import { formatMomentForUk } from '../../domain/wall-clock';
import { conferenceQueries } from '../../use-cases/conference-queries';
import { eventOverview } from '../../use-cases/event-overview';
import type { ConsolePages } from '../console-handler';
import { consoleUrls } from '../console-navigation';
import { consolePage } from '../console-page';
import { isOrganiser } from '../console-session';
import { cancelPost, confirmCancelPage } from './cancel-page';
import { createEventPost, newEventPage } from './create-event';
import { doneBanner } from './done-banner';
import type { eventsRoutes } from './events-routes';
import { overviewPage, statusTag } from './overview-page';
import { editPartPage, savePartPost } from './part-pages';
import { publishPost } from './publish-post';

export const eventsPages: ConsolePages<typeof eventsRoutes> = {
  home: async (request) => {
    const { events } = await conferenceQueries.list(request.session.groups);
    return consolePage(request, 'events/home.njk', {
      title: 'Your events',
      banner: doneBanner(request.query),
      organiser: isOrganiser(request.session),
      newEventUrl: consoleUrls.newEvent,
      events: events.map((e) => ({
        title: e.title,
        venue: e.venue.name,
        url: consoleUrls.event(e.eventId),
        when: formatMomentForUk(new Date(e.startsAtUtc), e.timezone),
        places: `${e.confirmed} of ${e.capacity}`,
        waiting: e.waitlisted,
        status: statusTag(e),
      })),
    });
  },
  newEvent: async (request) => newEventPage(request),
  createEvent: createEventPost,
  overview: async (request) =>
    overviewPage(request, await eventOverview(request.params.eventId ?? ''), now()),
  editPart: editPartPage,
  savePart: savePartPost,
  publish: publishPost,
  confirmCancel: confirmCancelPage,
  cancel: cancelPost,
};
