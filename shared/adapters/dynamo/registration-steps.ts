import type { Registration, SessionPlace } from '../../domain/registration';
import { tableName } from './client';
import { conferenceKeys } from './conference-repository';
import { EVENT_SCOPE, registrationKeys } from './registration-keys';
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
  /** Condition: the registration is still as it was read. */
  readonly expectStatus: Registration['status'];
  readonly expectSessions?: Readonly<Record<string, SessionPlace>>;
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

export const releaseEmail = (r: Registration, email: string): Step<never> => ({
  write: {
    Delete: {
      TableName: tableName,
      Key: registrationKeys.email(r.eventId, email),
      ConditionExpression: 'registrationId = :id',
      ExpressionAttributeValues: { ':id': r.registrationId },
    },
  },
});
