import { CampaignSendDue } from '../../events';
import { FAN_OUT_TIMEOUT_SECONDS } from '../../shared/domain/campaigns/start-sweep';
import type { FunctionSpec } from './types';

/**
 * Campaigns: preview, create (now or at sendAt), progress, cancel, the fan-out when one is due, and the
 * sweeper that starts again a due campaign whose start was lost.
 */
export const campaignFunctions = {
  previewCampaign: {
    entry: 'preview-campaign',
    description: "Shows a campaign's recipients, a rendered sample, its sending time and the quota check",
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/events/{eventId}/campaigns/preview',
      auth: 'organisers',
    },
    access: { table: 'read', sendingLimits: 'read', tokens: 'sign' },
    timeoutSeconds: 29,
  },
  createCampaign: {
    entry: 'create-campaign',
    description: 'Checks and stores a campaign, then starts it now or schedules it for sendAt',
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/events/{eventId}/campaigns',
      auth: 'organisers',
      audit: 'campaign.created',
    },
    access: { table: 'readWrite', bus: 'put', scheduler: 'manage', sendingLimits: 'read', tokens: 'sign' },
    timeoutSeconds: 29,
  },
  listCampaigns: {
    entry: 'list-campaigns',
    description: "Lists an event's campaigns, newest first, with status and counts",
    trigger: { kind: 'http', method: 'GET', path: '/events/{eventId}/campaigns', auth: 'organisers' },
    access: { table: 'read' },
  },
  getCampaign: {
    entry: 'get-campaign',
    description: "Shows a campaign's status and counts",
    trigger: { kind: 'http', method: 'GET', path: '/campaigns/{campaignId}', auth: 'organisers' },
    access: { table: 'read' },
  },
  cancelCampaign: {
    entry: 'cancel-campaign',
    description: 'Cancels a campaign: its schedule goes, and what is not sent is not sent',
    trigger: {
      kind: 'http',
      method: 'POST',
      path: '/campaigns/{campaignId}/cancel',
      auth: 'organisers',
      audit: 'campaign.cancelled',
    },
    access: { table: 'readWrite', bus: 'put', scheduler: 'manage' },
  },
  startCampaign: {
    entry: 'start-campaign',
    description: "Fixes a due campaign's audience and records and queues one mail per recipient",
    trigger: { kind: 'event', events: [CampaignSendDue] },
    access: {
      table: 'readWrite',
      sendQueue: 'send',
      tokens: 'sign',
      sendingLimits: 'read',
      retention: 'read',
    },
    memoryMb: 1024,
    timeoutSeconds: FAN_OUT_TIMEOUT_SECONDS,
  },
  sweepCampaignStarts: {
    entry: 'sweep-campaign-starts',
    description: 'Puts Campaign Send Due on the bus again for due campaigns whose start was lost',
    trigger: { kind: 'schedule', everyMinutes: 1 },
    access: { table: 'read', bus: 'put' },
    timeoutSeconds: 50,
  },
} as const satisfies Record<string, FunctionSpec>;
