import * as z from '../zod';
import { pathId } from './common';

export const bulkRemoveRequest = z
  .strictObject({
    registrationIds: z
      .array(pathId)
      .check(z.minLength(1), z.maxLength(500))
      .check(
        z.describe(
          'Registrations of the event to remove: each is erased, its places go to those waiting, and it gets no mail',
        ),
      ),
  })
  .check(z.meta({ id: 'BulkRemoveRequest' }));

export const bulkRemoved = z
  .object({
    eventId: z.string(),
    removed: z.array(z.string()).check(z.describe('The registrations removed (erased, places given back)')),
    notFound: z
      .array(z.string())
      .check(z.describe('Ids that are not registrations of this event: nothing done')),
  })
  .check(z.meta({ id: 'BulkRemoved' }));
