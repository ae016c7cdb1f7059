import type { showOutcome } from '../../use-cases/registrations/show-booking';

type Outcome = Awaited<ReturnType<typeof showOutcome>>;

/**
 * What the page after registering says, from the public status alone (no token, no personal data): what
 * happens next and, once decided, the outcome. While undecided it offers Refresh, and its script reloads
 * the page once the status is decided.
 */
export const statusView = ({ status, event }: Outcome) => {
  const waitingFor = status.day.filter((s) => s.chosen && s.status === 'waitlisted').map((s) => s.title);
  const frame = {
    serviceName: event?.title,
    serviceUrl: event ? `/events/${encodeURIComponent(event.eventId)}` : undefined,
  };
  const mailed =
    'We have emailed your booking and a link to manage it. If you cannot find the email, check your spam or junk folder.';
  switch (status.status) {
    case 'pending':
      return {
        ...frame,
        title: 'We are booking your place',
        outcome: 'pending' as const,
        paragraphs: [
          'This usually takes a few seconds.',
          'We will email your booking and a link to manage it.',
        ],
        watch: `/registrations/${encodeURIComponent(status.registrationId)}`,
      };
    case 'confirmed':
      return {
        ...frame,
        title: waitingFor.length > 0 ? 'You have a place, and are on a waiting list' : 'You have a place',
        outcome: 'confirmed' as const,
        panel: waitingFor.length === 0,
        waitingFor,
        paragraphs: [mailed],
      };
    case 'waitlisted':
      return {
        ...frame,
        title: 'You are on the waiting list',
        outcome: 'waitlisted' as const,
        paragraphs: [
          'The event is full at the moment, so you do not have a place yet. We will email you if a place comes up.',
          mailed,
        ],
      };
    case 'cancelled':
      return {
        ...frame,
        title: 'This booking has been cancelled',
        outcome: 'cancelled' as const,
        paragraphs: ['You do not have a place at this event.'],
      };
    case 'rejected':
      return {
        ...frame,
        title: 'We could not book you a place',
        outcome: 'rejected' as const,
        paragraphs: ['Registration for this event has closed. We have not kept a booking for you.'],
      };
  }
};
