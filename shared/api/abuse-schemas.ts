import * as z from 'zod';
import { pathId } from './common';

export const bulkRemoveRequest = z
  .strictObject({
    registrationIds: z
      .array(pathId)
      .min(1)
      .max(500)
      .describe(
        'Registrations of the event to remove: each is erased, its places go to those waiting, and it gets no mail',
      ),
  })
  .meta({ id: 'BulkRemoveRequest' });

export const bulkRemoved = z
  .object({
    eventId: z.string(),
    removed: z.array(z.string()).describe('The registrations removed (erased, places given back)'),
    notFound: z.array(z.string()).describe('Ids that are not registrations of this event: nothing done'),
  })
  .meta({ id: 'BulkRemoved' });
