import * as z from '../shared/zod';

/** Where each chosen session stands; ids only, never personal data. */
export const sessionPlaces = z.record(z.string(), z.enum(['requested', 'confirmed', 'waitlisted']));
