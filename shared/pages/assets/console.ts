/**
 * The console's only script, loaded as a module by console pages (console/layout.njk) instead of app.ts.
 * Every console page works without it where a form can do the job; each area adds its enhancements.
 */
import { initAll } from 'govuk-frontend';
import { enhanceCampaigns } from './console/campaigns';
import { enhanceDoor } from './console/door';
import { enhanceEvents } from './console/events';
import { enhancePosts } from './console/posts';
import { enhanceRegistrations } from './console/registrations';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
enhanceEvents(document);
enhanceRegistrations(document);
enhanceDoor(document);
enhanceCampaigns(document);
enhancePosts(document);
