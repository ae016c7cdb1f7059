import type { PlanEditTarget } from '../../domain/plan/comms-plan';
import type { RouteAuth } from '../../http/claims';
import { campaignsRoutes } from '../campaigns/campaigns-routes';
import { consoleUrls } from '../console-navigation';
import { eventsRoutes } from '../events/events-routes';
import { postsRoutes } from '../posts/posts-routes';

/** The console page that edits a plan item: the event's reminders or survey, the campaign, the post. */
export const planEditPath = (eventId: string, target: PlanEditTarget): string => {
  switch (target.part) {
    case 'reminders':
    case 'survey':
      return `${consoleUrls.event(eventId)}/edit/${target.part}`;
    case 'campaign':
      return `${consoleUrls.section(eventId, 'campaigns')}/${encodeURIComponent(target.campaignId)}`;
    case 'post':
      return `${consoleUrls.section(eventId, 'posts')}/${encodeURIComponent(target.postId)}`;
  }
};

/** Who may open that page, from the route tables that serve it. */
export const planEditAuth = (target: PlanEditTarget): RouteAuth => {
  switch (target.part) {
    case 'reminders':
    case 'survey':
      return eventsRoutes.editPart.auth;
    case 'campaign':
      return campaignsRoutes.detail.auth;
    case 'post':
      return postsRoutes.detail.auth;
  }
};
