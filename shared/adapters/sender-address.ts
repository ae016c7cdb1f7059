import { EnvNames, requireEnv } from '../config/env';

/**
 * The address Convene's mail comes from, for code that names the sender without sending (a calendar
 * entry to download): read at cold start, so a function missing it fails at once. Senders read it
 * through the SES adapter with the rest of their sending settings.
 */
export const senderAddress: string = requireEnv(EnvNames.sesFromAddress);
