import type { Delegate } from '../registration';

/**
 * Access and dietary needs can reveal health or religion (UK GDPR special category data). Exports leave
 * them out unless asked for with `?include=needs` (one of a comma-separated list, as the audit reads it).
 */
export const NEEDS_INCLUDE = 'needs';

export const includesNeeds = (include: string | undefined): boolean =>
  (include ?? '').split(',').some((part) => part.trim() === NEEDS_INCLUDE);

/** A delegate's needs, kept apart from the rest of their details (they expire sooner). */
export type Needs = Pick<Delegate, 'accessNeeds' | 'dietary'>;

/**
 * A delegate split into what the registration keeps and their needs, if they gave any: the needs are
 * stored in an item of their own with a shorter retention.
 */
export const splitNeeds = <D extends Delegate>(
  delegate: D,
): { readonly delegate: Omit<D, keyof Needs>; readonly needs?: Needs } => {
  const { accessNeeds, dietary, ...rest } = delegate;
  const needs: Needs = {
    ...(accessNeeds !== undefined ? { accessNeeds } : {}),
    ...(dietary !== undefined ? { dietary } : {}),
  };
  return Object.keys(needs).length > 0 ? { delegate: rest, needs } : { delegate: rest };
};

/** The delegate with their needs back in, as organisers see them (no needs: the delegate as is). */
export const withNeeds = <D extends Delegate>(delegate: D, needs: Needs | undefined): D =>
  needs ? { ...delegate, ...needs } : delegate;
