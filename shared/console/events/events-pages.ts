import { formatMomentForUk } from '../../domain/wall-clock';
import { conferenceQueries } from '../../use-cases/conference-queries';
import type { ConsolePages } from '../console-handler';
import { consoleProblem } from '../console-problem';
import { consolePage } from '../console-page';
import { consoleUrls } from '../console-navigation';
import { isOrganiser } from '../console-session';
import type { eventsRoutes } from './events-routes';

const notYet = async () => consoleProblem(404, 'This part of the console is not built yet.');

export const eventsPages: ConsolePages<typeof eventsRoutes> = {
  home: async (request) => {
    const { events } = await conferenceQueries.list();
    return consolePage(request, 'events/home.njk', {
      title: 'Your events',
      organiser: isOrganiser(request.session),
      newEventUrl: consoleUrls.newEvent,
      events: events.map((e) => ({
        ...e,
        url: consoleUrls.event(e.eventId),
        when: formatMomentForUk(new Date(e.startsAtUtc), e.timezone),
      })),
    });
  },
  newEvent: notYet,
  createEvent: notYet,
  overview: notYet,
  editPart: notYet,
  savePart: notYet,
  publish: notYet,
  confirmCancel: notYet,
  cancel: notYet,
};
