import { ulid } from 'ulid';

/** Sortable, unguessable ids with a readable prefix (`evt_01j...`). */
export const newId = (prefix: 'evt' | 'reg' | 'cmp' | 'post' | 'msg'): string =>
  `${prefix}_${ulid().toLowerCase()}`;
