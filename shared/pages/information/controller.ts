import * as z from '../../zod';
import { EnvNames } from '../../config/env';

const PRIVACY_CONTROLLER_ENV = EnvNames.privacyController;

/** The organising alliance the privacy notice names as controller (the `convene:controller` setting). */
export const controllerSchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  email: z.email().check(z.maxLength(254)),
  address: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))),
});

export type Controller = z.infer<typeof controllerSchema>;

/** Where no controller is configured (a local stack): a placeholder that says what to set. */
export const placeholderController: Controller = {
  name: 'The organising alliance (set convene:controller)',
  email: 'privacy@example.org',
};

/**
 * The controller as configured. A value that is set but not valid fails loudly (at cold start), so a
 * deployment never publishes a notice naming the placeholder by mistake of a typo.
 */
export const readController = (raw: string | undefined = process.env[PRIVACY_CONTROLLER_ENV]): Controller => {
  if (raw === undefined || raw.trim() === '') return placeholderController;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(`${PRIVACY_CONTROLLER_ENV} is not JSON: expected { "name", "email", "address"? }`);
  }
  const checked = controllerSchema.safeParse(parsed);
  if (!checked.success)
    throw new Error(`${PRIVACY_CONTROLLER_ENV} is not valid: expected { "name", "email", "address"? }`);
  return checked.data;
};
