import type { Needs } from '../../domain/gdpr/needs';
import type { Delegate, Registration, SessionPlace } from '../../domain/registration';
import { tableName } from './client';
import { TableDesign } from './table-design';
import { conferenceKeys } from './conference-repository';
import { EVENT_SCOPE, registrationKeys, sessionScope } from './registration-keys';
import type { Step } from './transact';

/**
 * The writes registrations are made of, each a step of a transaction: seat counters moved under
 * conditions, waiting-list entries, and changes to a registration conditional on where it stood.
 */
const seatKey = (eventId: string, scope: string) =>
  scope === EVENT_SCOPE
    ? conferenceKeys.eventSeats(eventId)
    : conferenceKeys.sessionSeats(eventId, scope.slice(8));

const seatNames = { '#taken': 'taken', '#waiting': 'waiting', '#capacity': 'capacity' };

/** Takes a place if one is free and nobody is waiting for it. */
export const claimSeat = <M extends string>(eventId: string, scope: string, meaning: M): Step<M> => ({
  meaning,
  write: {
    Update: {
      TableName: tableName,
      Key: seatKey(eventId, scope),
      UpdateExpression: 'ADD #taken :one',
      ConditionExpression: '#taken < #capacity AND #waiting = :zero',
      ExpressionAttributeNames: seatNames,
      ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
    },
  },
});

/** Moves the first in line onto a free place. */
export const promoteSeat = <M extends string>(eventId: string, scope: string, meaning: M): Step<M> => ({
  meaning,
  write: {
    Update: {
      TableName: tableName,
      Key: seatKey(eventId, scope),
      UpdateExpression: 'ADD #taken :one, #waiting :minus',
      ConditionExpression: '#taken < #capacity',
      ExpressionAttributeNames: seatNames,
      ExpressionAttributeValues: { ':one': 1, ':minus': -1 },
    },
  },
});

export const adjustSeat = (eventId: string, scope: string, taken: number, waiting: number): Step<never> => ({
  write: {
    Update: {
      TableName: tableName,
      Key: seatKey(eventId, scope),
      UpdateExpression: 'ADD #taken :taken, #waiting :waiting',
      ExpressionAttributeNames: { '#taken': 'taken', '#waiting': 'waiting' },
      ExpressionAttributeValues: { ':taken': taken, ':waiting': waiting },
    },
  },
});

export const joinWaitlist = (r: Registration, scope: string): Step<never>[] => [
  adjustSeat(r.eventId, scope, 0, 1),
  {
    write: {
      Put: {
        TableName: tableName,
        Item: { ...registrationKeys.wait(r.eventId, scope, r), registrationId: r.registrationId },
      },
    },
  },
];

export const leaveWaitlist = <M extends string>(r: Registration, scope: string, meaning?: M): Step<M> => ({
  ...(meaning ? { meaning } : {}),
  write: {
    Delete: {
      TableName: tableName,
      Key: registrationKeys.wait(r.eventId, scope, r),
      ...(meaning ? { ConditionExpression: 'attribute_exists(pk)' } : {}),
    },
  },
});

interface RegistrationChange {
  readonly status?: Registration['status'];
  readonly sessions?: Readonly<Record<string, SessionPlace>>;
  readonly set?: Readonly<Record<string, string>>;
  readonly remove?: readonly string[];
  /** Replaces the choices wholesale (a change of sessions): places, order and waiting times. */
  readonly replaceSessions?: Pick<Registration, 'sessions' | 'sessionOrder' | 'sessionWaitSince'>;
  /** Condition: the registration is still as it was read. */
  readonly expectStatus: Registration['status'];
  readonly expectSessions?: Readonly<Record<string, SessionPlace>>;
  readonly expectVersion?: number;
}

/** Changes a registration if it still stands where the caller read it; always bumps `version`. */
export const changeRegistration = <M extends string>(
  r: Registration,
  change: RegistrationChange,
  meaning: M,
): Step<M> => {
  const names: Record<string, string> = { '#status': 'status', '#version': 'version' };
  const values: Record<string, unknown> = { ':one': 1, ':expect': change.expectStatus };
  const sets = ['#version = #version + :one'];
  const conditions = ['#status = :expect'];
  if (change.status) {
    sets.push('#status = :status');
    values[':status'] = change.status;
  }
  Object.entries(change.sessions ?? {}).forEach(([sessionId, place], i) => {
    names['#sessions'] = 'sessions';
    names[`#s${i}`] = sessionId;
    values[`:s${i}`] = place;
    sets.push(`#sessions.#s${i} = :s${i}`);
  });
  Object.entries(change.expectSessions ?? {}).forEach(([sessionId, place], i) => {
    names['#sessions'] = 'sessions';
    names[`#e${i}`] = sessionId;
    values[`:e${i}`] = place;
    conditions.push(`#sessions.#e${i} = :e${i}`);
  });
  if (change.replaceSessions) {
    const { sessions, sessionOrder, sessionWaitSince } = change.replaceSessions;
    Object.assign(names, {
      '#sessions': 'sessions',
      '#order': 'sessionOrder',
      '#waitSince': 'sessionWaitSince',
    });
    Object.assign(values, {
      ':sessions': sessions,
      ':order': sessionOrder,
      ':waitSince': sessionWaitSince ?? {},
    });
    sets.push('#sessions = :sessions', '#order = :order', '#waitSince = :waitSince');
  }
  if (change.expectVersion !== undefined) {
    values[':expectVersion'] = change.expectVersion;
    conditions.push('#version = :expectVersion');
  }
  Object.entries(change.set ?? {}).forEach(([field, value], i) => {
    names[`#f${i}`] = field;
    values[`:f${i}`] = value;
    sets.push(`#f${i} = :f${i}`);
  });
  const removes = (change.remove ?? []).map((field, i) => {
    names[`#r${i}`] = field;
    return `#r${i}`;
  });
  return {
    meaning,
    write: {
      Update: {
        TableName: tableName,
        Key: registrationKeys.item(r.registrationId),
        UpdateExpression: `SET ${sets.join(', ')}${removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression: conditions.join(' AND '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
  };
};

/** Gives up the registration's claim on an address, named by the address's keyed digest. */
export const releaseEmail = (r: Registration, digest: string): Step<never> => ({
  write: {
    Delete: {
      TableName: tableName,
      Key: registrationKeys.emailClaim(r.eventId, digest),
      ConditionExpression: 'registrationId = :id',
      ExpressionAttributeValues: { ':id': r.registrationId },
    },
  },
});

/** Claims an address (by its keyed digest) for the event: a new claim, or one taken over from a cancelled or rejected registration. */
export const claimEmail = <M extends string>(
  r: Registration,
  digest: string,
  replacing: string | undefined,
  meaning: M,
): Step<M> => ({
  meaning,
  write: {
    Put: {
      TableName: tableName,
      Item: { ...registrationKeys.emailClaim(r.eventId, digest), registrationId: r.registrationId },
      ConditionExpression: replacing ? 'registrationId = :replacing' : 'attribute_not_exists(pk)',
      ...(replacing ? { ExpressionAttributeValues: { ':replacing': replacing } } : {}),
    },
  },
});

/** Gives back every place a registration holds and leaves every waiting list it joined. */
export const givePlacesBack = (r: Registration, capped: ReadonlySet<string>): Step<never>[] => {
  const steps: Step<never>[] = [];
  if (r.status === 'confirmed') steps.push(adjustSeat(r.eventId, EVENT_SCOPE, -1, 0));
  if (r.status === 'waitlisted')
    steps.push(adjustSeat(r.eventId, EVENT_SCOPE, 0, -1), leaveWaitlist(r, EVENT_SCOPE));
  for (const [sessionId, place] of Object.entries(r.sessions)) {
    const scope = sessionScope(sessionId);
    if (place === 'confirmed' && r.status === 'confirmed' && capped.has(sessionId)) {
      steps.push(adjustSeat(r.eventId, scope, -1, 0));
    }
    if (place === 'waitlisted') steps.push(adjustSeat(r.eventId, scope, 0, -1), leaveWaitlist(r, scope));
  }
  return steps;
};

/** Puts a new delegate on a registration still as read, remembering the old one with the new version. */
export const replaceDelegate = <M extends string>(
  r: Registration & { delegate: Delegate },
  next: Delegate,
  meaning: M,
  /** The address the new claim is held under, when not the delegate's own (a plus tag ignored). */
  claimedEmail?: string,
): Step<M> => ({
  meaning,
  write: {
    Update: {
      TableName: tableName,
      Key: registrationKeys.item(r.registrationId),
      UpdateExpression:
        'SET #delegate = :next, #version = #version + :one, ' +
        '#former = list_append(if_not_exists(#former, :none), :former)' +
        (claimedEmail ? ', #claimed = :claimed' : ' REMOVE #claimed'),
      ConditionExpression: '#status = :status AND #version = :version',
      ExpressionAttributeNames: {
        '#delegate': 'delegate',
        '#version': 'version',
        '#former': 'formerDelegates',
        '#status': 'status',
        '#claimed': 'claimedEmail',
      },
      ExpressionAttributeValues: {
        ...(claimedEmail ? { ':claimed': claimedEmail } : {}),
        ':next': next,
        ':one': 1,
        ':none': [],
        ':former': [{ name: r.delegate.name, email: r.delegate.email, version: r.version + 1 }],
        ':status': r.status,
        ':version': r.version,
      },
    },
  },
});

/**
 * Stores a delegate's access and dietary needs in their own item beside the registration, with their own
 * (shorter) expiry: special category data, kept no longer than it is needed for the day.
 */
export const putNeeds = (r: Registration, needs: Needs, expiresAt: number | undefined): Step<never> => ({
  write: {
    Put: {
      TableName: tableName,
      Item: {
        ...registrationKeys.needs(r.registrationId),
        entity: 'Needs',
        gsi1pk: registrationKeys.needsListing(r.eventId),
        gsi1sk: `${r.requestedAt}#${r.registrationId}`,
        registrationId: r.registrationId,
        ...needs,
        ...(expiresAt !== undefined ? { [TableDesign.timeToLiveAttribute]: expiresAt } : {}),
      },
    },
  },
});

/** Removes a delegate's needs item, if there is one (erasure; a place passed on: needs do not pass). */
export const dropNeeds = (r: Registration): Step<never> => ({
  write: { Delete: { TableName: tableName, Key: registrationKeys.needs(r.registrationId) } },
});
