import * as z from '../zod';
import { registrationRequest } from './registration-schemas';

/** POST /events/{eventId}/registrations/resend: the address a lost manage link went to. */
export const resendRequest = z
  .strictObject({ email: registrationRequest.shape.email })
  .check(z.meta({ id: 'ResendRequest' }));

export const resendAccepted = z
  .object({
    status: z.literal('requested'),
    message: z.string().check(z.describe('The same whether or not the address is registered')),
  })
  .check(z.meta({ id: 'ResendAccepted' }));
