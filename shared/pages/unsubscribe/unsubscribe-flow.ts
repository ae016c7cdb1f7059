import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { html, type HttpResult } from '../../http/respond';
import { unsubscribe } from '../../use-cases/delivery/unsubscribe';
import { readUnsubscribeLink } from '../../use-cases/delivery/unsubscribe-token';
import { FormNames, checkFormToken, issueFormToken, postedFromAnotherSite } from '../form-guard';
import { confirmPage, donePage, linkProblemPage, type UnsubscribeEvent } from './unsubscribe-pages';

type Headers = Readonly<Record<string, string | undefined>>;

/** The event a registration was for, to name it at the top of the page and link back to it while it is open. */
const eventOf = async (registrationId: string): Promise<UnsubscribeEvent | undefined> => {
  const registration = await registrationRepository.find(registrationId);
  const conference = registration && (await conferenceRepository.find(registration.eventId))?.conference;
  if (!conference) return undefined;
  return {
    title: conference.title,
    ...(conference.status === 'published'
      ? { url: `/events/${encodeURIComponent(conference.eventId)}` }
      : {}),
  };
};

/** The page the link opens (GET): changes nothing; a bad link is a page saying so. */
export const unsubscribeConfirmPage = async (token: string | undefined): Promise<HttpResult> => {
  const link = readUnsubscribeLink(token);
  if (!link.ok) return linkProblemPage(link.reason);
  const formToken = issueFormToken(FormNames.unsubscribe, link.registrationId);
  return html(200, confirmPage(token ?? '', formToken, await eventOf(link.registrationId)));
};

/** The button's post: refused from another site or without the page's value (the page again), else done. */
export const unsubscribeFromPage = async (
  token: string | undefined,
  form: Readonly<Record<string, string>>,
  headers: Headers,
): Promise<HttpResult> => {
  const link = readUnsubscribeLink(token);
  if (!link.ok) return linkProblemPage(link.reason);
  const event = await eventOf(link.registrationId);
  if (
    postedFromAnotherSite(headers) ||
    !checkFormToken(FormNames.unsubscribe, link.registrationId, form.formToken).ok
  ) {
    const formToken = issueFormToken(FormNames.unsubscribe, link.registrationId);
    return html(400, confirmPage(token ?? '', formToken, event, true));
  }
  const result = await unsubscribe(token);
  return html(200, donePage(result.addressHeld, event));
};
