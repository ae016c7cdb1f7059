import { notFound } from '../../domain/errors';
import { json, seeOther } from '../../http/respond';
import { cancelCampaign } from '../../use-cases/campaigns/cancel';
import { listCampaigns } from '../../use-cases/campaigns/list';
import { showCampaign } from '../../use-cases/campaigns/show';
import { loadConference } from '../../use-cases/load-conference';
import type { ConsolePage } from '../console-handler';
import { consolePage } from '../console-page';
import { audienceRows } from './audience-words';
import { campaignLinks } from './campaign-links';
import { progressView } from './progress-view';

/** The campaign, if it is this event's (a campaign of another event is not found here). */
const campaignOf = async (eventId: string, campaignId: string) => {
  const [progress, { conference }] = await Promise.all([showCampaign(campaignId), loadConference(eventId)]);
  if (progress.eventId !== eventId) throw notFound('The campaign');
  return { progress, conference };
};

/** What the page after a post says happened (`?done=`), as a GOV.UK success banner. */
const doneBanners: Readonly<Record<string, string>> = {
  sending: 'Your campaign is being sent',
  scheduled: 'Your campaign is scheduled',
  cancelled: 'The campaign is cancelled',
};

export const progressPages = {
  /** The event's campaigns, newest first, each with its state and counts. */
  list: (async (request) => {
    const { eventId } = request.params as { eventId: string };
    const [{ conference }, { campaigns }] = await Promise.all([
      loadConference(eventId),
      listCampaigns(eventId),
    ]);
    return consolePage(request, 'campaigns/list.njk', {
      title: 'Campaigns',
      event: { id: eventId, title: conference.title, section: 'campaigns' },
      composeUrl: campaignLinks.compose(eventId),
      campaigns: campaigns.map((c) => ({
        ...progressView(c, conference.timezone),
        subject: c.subject,
        url: campaignLinks.detail(eventId, c.campaignId),
      })),
    });
  }) satisfies ConsolePage,

  /** One campaign's progress; its script refreshes the counts while it sends. */
  detail: (async (request) => {
    const { eventId, campaignId } = request.params as { eventId: string; campaignId: string };
    const { progress, conference } = await campaignOf(eventId, campaignId);
    return consolePage(request, 'campaigns/detail.njk', {
      title: progress.subject,
      event: { id: eventId, title: conference.title, section: 'campaigns' },
      backLink: { href: campaignLinks.list(eventId), text: 'All campaigns' },
      done: doneBanners[request.query.done ?? ''],
      view: progressView(progress, conference.timezone),
      rows: audienceRows(progress.audience, progress.purpose, conference.sessions),
      selfUrl: campaignLinks.detail(eventId, campaignId),
      progressUrl: campaignLinks.progress(eventId, campaignId),
      cancelUrl: campaignLinks.cancel(eventId, campaignId),
    });
  }) satisfies ConsolePage,

  /** JSON for the progress page's script: the same view the page shows. */
  progress: (async (request) => {
    const { eventId, campaignId } = request.params as { eventId: string; campaignId: string };
    const { progress, conference } = await campaignOf(eventId, campaignId);
    return json(200, progressView(progress, conference.timezone));
  }) satisfies ConsolePage,

  /** "Cancel this campaign": stops what has not gone; once sent, there is nothing to cancel (a 409 page). */
  cancel: (async (request) => {
    const { eventId, campaignId } = request.params as { eventId: string; campaignId: string };
    await campaignOf(eventId, campaignId);
    await cancelCampaign(campaignId);
    return seeOther(`${campaignLinks.detail(eventId, campaignId)}?done=cancelled`);
  }) satisfies ConsolePage,
};
