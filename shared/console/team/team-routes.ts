import type { ConsoleRoutes } from '../console-route';

/** The team's members: organisers list, invite and remove them. */
export const teamRoutes = {
  members: { method: 'GET', path: '/console/team', auth: 'organisers' },
  invite: { method: 'POST', path: '/console/team/members', auth: 'organisers' },
  remove: { method: 'POST', path: '/console/team/members/remove', auth: 'organisers' },
} as const satisfies ConsoleRoutes;

export const teamUrls = {
  members: (teamId: string, done?: string) =>
    `/console/team?${new URLSearchParams({ team: teamId, ...(done ? { done } : {}) })}`,
  invite: '/console/team/members',
  remove: '/console/team/members/remove',
};
