import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../../../shared/domain/errors';
import {
  DEFAULT_TEAM,
  inTeam,
  isTeamId,
  owningTeam,
  teamForNewEvent,
  teamGroup,
  teamsOf,
} from '../../../shared/domain/teams/teams';

const refusal = (work: () => unknown): DomainError | undefined => {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  return undefined;
};

describe('teams', () => {
  it('reads a team from each group named exactly team:<id>, nothing looser', () => {
    expect(teamsOf(['organisers', 'team:north-west', 'team:south-east'])).toEqual([
      'north-west',
      'south-east',
    ]);
    expect(
      teamsOf(['team:', 'Team:north-west', 'team:North-West', 'team:north west', 'x team:north-west']),
    ).toEqual([]);
    expect(teamsOf(['team:-north', 'team:north-', 'team:north--west', 'team:a'])).toEqual([]);
    expect(teamGroup('north-west')).toBe('team:north-west');
    expect(isTeamId('north-west')).toBe(true);
  });

  it('gives an event made before teams to the default team, north-west', () => {
    expect(DEFAULT_TEAM).toBe('north-west');
    expect(owningTeam({})).toBe('north-west');
    expect(owningTeam({ teamId: 'south-east' })).toBe('south-east');
  });

  it('lets only members act for a team', () => {
    expect(inTeam(['organisers', 'team:north-west'], 'north-west')).toBe(true);
    expect(inTeam(['organisers', 'team:south-east'], 'north-west')).toBe(false);
    expect(inTeam(['organisers', 'north-west'], 'north-west')).toBe(false);
  });

  it('creates an event for the caller’s only team, or the one a member of several names', () => {
    expect(teamForNewEvent(['organisers', 'team:north-west'])).toBe('north-west');
    expect(teamForNewEvent(['team:north-west', 'team:south-east'], 'south-east')).toBe('south-east');
    expect(refusal(() => teamForNewEvent(['team:north-west', 'team:south-east']))).toMatchObject({
      kind: 'invalid',
      details: [{ path: 'teamId' }],
    });
    expect(refusal(() => teamForNewEvent(['team:north-west'], 'south-east'))).toMatchObject({
      kind: 'invalid',
    });
    expect(refusal(() => teamForNewEvent(['organisers']))).toMatchObject({
      kind: 'forbidden',
      code: 'no_team',
    });
  });
});
