import { campaignRepository } from '../../adapters/dynamo/campaign-repository';
import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { nowMs } from '../../clock';
import type { Conference } from '../../domain/conference';
import { renderCampaignMessage } from '../../mail/campaign-message';
import { compileCampaign, type CompiledCampaign } from '../../mail/campaign-template';
import { unsubscribeUrl } from '../delivery/unsubscribe-link';
import { replyToOf } from './event-contact';
import { outgoingTo } from './outgoing';
import type { Renderer } from './renderers';
import { manageUrl } from './render-registration-mail';

// A campaign's templates never change, so each instance compiles them once; a few campaigns at a time.
const compiled = new Map<string, { eventId: string; render: CompiledCampaign }>();
const COMPILED_KEPT = 20;

// The event's title and end are read at most once a minute per instance, not once per recipient.
const events = new Map<string, { conference: Conference; until: number }>();
const EVENT_KEPT_MS = 60_000;

// A batch's mails are sent side by side: those asking a campaign's status while a read of it is on its way
// share that read's answer, begun at most one round trip before they asked (never cached beyond that).
const statusReads = new Map<string, ReturnType<typeof campaignRepository.statusOf>>();
const statusOf = (campaignId: string): ReturnType<typeof campaignRepository.statusOf> => {
  const pending = statusReads.get(campaignId);
  if (pending) return pending;
  const read = campaignRepository.statusOf(campaignId).finally(() => statusReads.delete(campaignId));
  statusReads.set(campaignId, read);
  return read;
};

const templatesOf = async (campaignId: string) => {
  const held = compiled.get(campaignId);
  if (held) return held;
  const content = await campaignRepository.content(campaignId);
  if (!content) return undefined;
  const entry = { eventId: content.eventId, render: compileCampaign(content) };
  if (compiled.size >= COMPILED_KEPT) compiled.delete(compiled.keys().next().value as string);
  compiled.set(campaignId, entry);
  return entry;
};

const conferenceOf = async (eventId: string): Promise<Conference | undefined> => {
  const held = events.get(eventId);
  if (held && held.until > nowMs()) return held.conference;
  const found = await conferenceRepository.find(eventId);
  if (found) events.set(eventId, { conference: found.conference, until: nowMs() + EVENT_KEPT_MS });
  return found?.conference;
};

/**
 * Renders one recipient's campaign mail at send time, with the placeholders filled from the registration
 * as it stands, a visible unsubscribe link and the RFC 8058 one-click headers. Undefined when it should
 * no longer go: the campaign was cancelled, or the delegate erased.
 */
export const renderCampaignMail: Renderer<'campaign'> = async (spec, messageKey) => {
  const status = await statusOf(spec.campaignId);
  if (status !== 'sending') return undefined;
  const templates = await templatesOf(spec.campaignId);
  const r = await registrationRepository.find(spec.registrationId);
  if (!templates || !r?.delegate || r.eventId !== templates.eventId) return undefined;
  const conference = await conferenceOf(r.eventId);
  if (!conference) return undefined;
  const unsubscribe = unsubscribeUrl(r.registrationId);
  const message = renderCampaignMessage(templates.render, {
    name: r.delegate.name,
    eventTitle: conference.title,
    manageUrl: manageUrl(r, conference.endsAt),
    unsubscribeUrl: unsubscribe,
  });
  return outgoingTo(r.delegate, { ...message, ...replyToOf(conference) }, messageKey, unsubscribe);
};
