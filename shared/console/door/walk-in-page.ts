import { now } from '../../clock';
import type { ConferenceView } from '../../domain/conference';
import type { HttpResult } from '../../http/respond';
import { noErrors, type PageErrors } from '../../pages/form-errors';
import { eventPageModel } from '../../pages/event/event-page';
import type { ConsoleRequest } from '../console-handler';
import { consolePage } from '../console-page';
import { doorUrls } from './door-urls';
import { emptyWalkIn, OVERBOOK_FIELD, type WalkInValues } from './walk-in-form';

const placesWords = (view: ConferenceView): string =>
  view.placesLeft === 0
    ? `The event is full: all ${view.capacity} places are taken.`
    : `${view.placesLeft} of ${view.capacity} places left.`;

/**
 * The walk-in form: the delegate's details and their workshop in each slot (the event page's own
 * questions, with places left), and a place beyond capacity when the event is full.
 */
export const walkInPage = (
  request: ConsoleRequest,
  view: ConferenceView,
  state: { readonly values: WalkInValues; readonly errors: PageErrors } = {
    values: emptyWalkIn,
    errors: noErrors,
  },
  status = 200,
): HttpResult => {
  const model = eventPageModel(view, now(), state);
  const urls = doorUrls(view.eventId);
  return consolePage(
    request,
    'door/walk-in.njk',
    {
      title: 'Register a walk-in',
      event: { id: view.eventId, title: view.title, section: 'door' },
      backLink: { href: urls.door, text: 'Back to check-in' },
      errors: state.errors.summary,
      action: urls.walkIn,
      values: state.values,
      fieldErrors: state.errors.byField,
      choices: model.slots.flatMap((slot) => (slot.choice ? [slot.choice] : [])),
      places: placesWords(view),
      full: view.placesLeft === 0,
      overbookField: OVERBOOK_FIELD,
    },
    status,
  );
};
