import * as z from '../shared/zod';
import type { EventContract } from './contract';

export type JsonSchema = Record<string, unknown>;

export const JSON_SCHEMA_DRAFT_4 = 'http://json-schema.org/draft-04/schema#';

/**
 * The JSON Schema (draft 4, what the EventBridge schema registry reads) of a contract's `detail`,
 * generated from its zod schema. `io: 'input'` describes what consumers accept: zod objects strip
 * unknown keys rather than reject them, so the published schema allows fields added later.
 */
export const detailJsonSchema = (contract: EventContract): JsonSchema => {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(contract.schema, {
    target: 'draft-04',
    io: 'input',
  });
  return schema;
};

/** The registry's name for a contract's schema, e.g. `convene.conferences@EventCreated`. */
export const schemaNameFor = (contract: EventContract): string =>
  `${contract.source}@${contract.detailType.replace(/[^A-Za-z0-9]/g, '')}`;

/**
 * The whole EventBridge event of a contract: the envelope with its `source` and `detail-type` fixed
 * (draft 4 has no `const`, so a one-value `enum`) and `detail` described by the contract's schema.
 */
export const eventJsonSchema = (contract: EventContract): JsonSchema => {
  // Shared definitions move to the root, where their "#/definitions/..." references point.
  const { definitions, ...detail } = detailJsonSchema(contract);
  return {
    $schema: JSON_SCHEMA_DRAFT_4,
    title: schemaNameFor(contract),
    description: `${contract.detailType} (${contract.source})`,
    type: 'object',
    required: ['version', 'id', 'detail-type', 'source', 'account', 'time', 'region', 'resources', 'detail'],
    properties: {
      version: { type: 'string' },
      id: { type: 'string' },
      'detail-type': { type: 'string', enum: [contract.detailType] },
      source: { type: 'string', enum: [contract.source] },
      account: { type: 'string' },
      time: { type: 'string', format: 'date-time' },
      region: { type: 'string' },
      resources: { type: 'array', items: { type: 'string' } },
      detail,
    },
    ...(definitions === undefined ? {} : { definitions }),
  };
};
