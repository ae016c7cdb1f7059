import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { campaignBlocks } from '../../adapters/dynamo/suppression-lookup';
import {
  AudienceCollector,
  type Audience,
  type CampaignPurpose,
  type Excluded,
  type Recipient,
} from '../../domain/campaigns/audience';

const collect = async (eventId: string, audience: Audience, purpose?: CampaignPurpose) => {
  const collector = new AudienceCollector(audience, purpose);
  for await (const page of registrationRepository.ofEvent(eventId)) collector.add(page);
  return collector;
};

/**
 * Everyone an audience reaches among an event's registrations as they stand, each address once, and for
 * a `news` campaign only those who consented. Unsubscribed and suppressed addresses stay in: the sender
 * settles each as suppressed, so a campaign's counts show them.
 */
export const listRecipients = async (
  eventId: string,
  audience: Audience,
  purpose?: CampaignPurpose,
): Promise<Recipient[]> => (await collect(eventId, audience, purpose)).recipients();

/** Who a campaign will reach now, and who matched its audience but will not, by reason. */
export const campaignReach = async (
  eventId: string,
  audience: Audience,
  purpose?: CampaignPurpose,
): Promise<{ recipients: Recipient[]; excluded: Excluded }> => {
  const collector = await collect(eventId, audience, purpose);
  const addressed = collector.addressed();
  const blocks = await campaignBlocks(addressed.map((a) => a.email));
  const recipients = addressed.filter((a) => !blocks.has(a.email)).map((a) => a.recipient);
  const reasons = [...addressed].map((a) => blocks.get(a.email));
  return {
    recipients,
    excluded: {
      unsubscribed: reasons.filter((r) => r === 'unsubscribed').length,
      suppressed: reasons.filter((r) => r === 'suppressed').length,
      noConsent: collector.noConsent(),
    },
  };
};
