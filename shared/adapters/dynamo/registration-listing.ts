import { chunk } from '../../domain/campaigns/campaign';
import { batchGet } from './batch-get';
import { queryPages } from './query-pages';
import { registrationKeys } from './registration-keys';

/** The items read by their keys at a time: one BatchGetItem. */
const PAGE = 100;

/**
 * An event's registrations, oldest first, a hundred at a time: their keys from the listing index (gsi4,
 * keys only), then the items themselves. The index holds keys only so that a registration's writes after
 * the first cost no index write; a listing pays a read per item instead, and listings are far fewer than
 * writes. `read` narrows what is read of each item (a projection must name `pk`).
 */
export async function* registrationsOfEvent(
  eventId: string,
  read: { readonly projection?: string } = {},
): AsyncGenerator<Record<string, unknown>[]> {
  for await (const entries of queryPages({
    IndexName: 'gsi4',
    KeyConditionExpression: 'gsi4pk = :pk',
    ExpressionAttributeValues: { ':pk': registrationKeys.listing(eventId) },
  })) {
    for (const keys of chunk(entries, PAGE)) {
      const items = new Map(
        (
          await batchGet(
            keys.map(({ pk, sk }) => ({ pk, sk })),
            read,
          )
        ).map((i) => [i.pk, i]),
      );
      // In the index's order; an item gone since the index was read is left out.
      const page = keys.flatMap(({ pk }): Record<string, unknown>[] => {
        const item = items.get(pk);
        return item ? [item] : [];
      });
      if (page.length > 0) yield page;
    }
  }
}
