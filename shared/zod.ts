/**
 * Convene's zod: zod's small build (`zod/mini`), the same schemas, checks and messages as its classic
 * API in about a quarter of a function's bundle (issue 15, cold start). Every module that builds or
 * parses a schema imports zod from here, because the small build loads no locale of its own: without
 * the English one set below, every message would read "Invalid input".
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';
