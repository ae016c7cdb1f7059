import { readLinkSecret } from './link-secret';

/** The key that signs delegates' links, read once at cold start (link-secret.ts says from where). */
export const tokenKey: string = await readLinkSecret();
