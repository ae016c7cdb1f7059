import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, type GetCommandInput } from '@aws-sdk/lib-dynamodb';
import { EnvNames, requireEnv } from '../../config/env';
import { owningTeam } from '../../domain/teams/teams';
import { campaignKeys } from './campaign-keys';
import { conferenceKeys } from './conference-keys';
import { socialPostKeys } from './social-post-keys';

/**
 * Its own client, made on the first check rather than at load (client.ts reads the table's name at load):
 * the HTTP edge of every function reaches this module, but only a signed-in caller's request runs it, and
 * every function with a signed-in route has the table (test/infra/route-audience.test.ts).
 */
let client: {
  send: (input: Omit<GetCommandInput, 'TableName'>) => Promise<Record<string, unknown> | undefined>;
};
const reader = () =>
  (client ??= (() => {
    const tableName = requireEnv(EnvNames.tableName);
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 4 }));
    return {
      send: async (input) => (await documents.send(new GetCommand({ ...input, TableName: tableName }))).Item,
    };
  })());

/** What a signed-in route's path names, of which the owning event (and so its team) can be found. */
export interface OwnedIds {
  readonly eventId?: string;
  readonly campaignId?: string;
  readonly postId?: string;
}

const attributeOf = async (key: Record<string, string>, name: string): Promise<string | undefined> => {
  const Item = await reader().send({
    Key: key,
    ProjectionExpression: '#a',
    ExpressionAttributeNames: { '#a': name },
  });
  return typeof Item?.[name] === 'string' ? Item[name] : undefined;
};

/** The event a path names, directly or through its campaign or post; undefined when there is none. */
const owningEventOf = async (ids: OwnedIds): Promise<string | undefined> => {
  if (ids.eventId !== undefined) return ids.eventId;
  if (ids.campaignId !== undefined) return attributeOf(campaignKeys.item(ids.campaignId), 'eventId');
  if (ids.postId !== undefined) return attributeOf(socialPostKeys.item(ids.postId), 'eventId');
  return undefined;
};

/**
 * The team that owns what these ids name (one small read per level), or undefined when the event does not
 * exist: the route then answers its own 404.
 */
export const owningTeamOf = async (ids: OwnedIds): Promise<string | undefined> => {
  const eventId = await owningEventOf(ids);
  if (eventId === undefined) return undefined;
  const Item = await reader().send({
    Key: conferenceKeys.item(eventId),
    ProjectionExpression: 'eventId, teamId',
  });
  return Item ? owningTeam(Item as { teamId?: string }) : undefined;
};
