import { describe, expect, it } from '@jest/globals';
import * as z from '../../shared/zod';
import { allContracts, EventCreated } from '../../events';
import {
  detailJsonSchema,
  eventJsonSchema,
  JSON_SCHEMA_DRAFT_4,
  schemaNameFor,
} from '../../events/json-schema';

describe('JSON Schemas of the event contracts', () => {
  it('wraps the detail schema in the EventBridge envelope with source and detail-type fixed', () => {
    const schema = eventJsonSchema(EventCreated);
    expect(schema).toMatchObject({
      $schema: JSON_SCHEMA_DRAFT_4,
      type: 'object',
      properties: {
        source: { enum: [EventCreated.source] },
        'detail-type': { enum: [EventCreated.detailType] },
        detail: detailJsonSchema(EventCreated),
      },
    });
    expect(schema.required).toEqual(expect.arrayContaining(['source', 'detail-type', 'detail']));
  });

  it('takes the detail from zod, as draft 4, without a nested $schema', () => {
    const detail = detailJsonSchema(EventCreated);
    const { $schema, ...fromZod } = z.toJSONSchema(EventCreated.schema, { target: 'draft-04', io: 'input' });
    expect($schema).toBe(JSON_SCHEMA_DRAFT_4);
    expect(detail).toEqual(fromZod);
    expect(detail).not.toHaveProperty('$schema');
  });

  it('gives every contract a distinct registry name', () => {
    const names = allContracts.map(schemaNameFor);
    expect(new Set(names).size).toBe(names.length);
    expect(schemaNameFor(EventCreated)).toBe('convene.conferences@EventCreated');
  });
});
