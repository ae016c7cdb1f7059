import type { Renderer } from './renderers';

/** Campaign mail: built by the campaigns work (issue 4); until then a campaign entry cannot render. */
export const renderCampaignMail: Renderer<'campaign'> = async () => {
  throw new Error('Campaign mail cannot be rendered yet');
};
