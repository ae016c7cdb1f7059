import type * as z from '../shared/zod';

/** What producers, consumers and rule patterns share about one kind of event on the bus. */
export interface EventContract<TSchema extends z.ZodMiniType = z.ZodMiniType> {
  readonly source: string;
  readonly detailType: string;
  readonly schema: TSchema;
  /** File name in events/samples/ holding a whole EventBridge envelope of this event. */
  readonly sample: string;
}

export type DetailOf<C extends EventContract> = z.infer<C['schema']>;

export const defineEvent = <TSchema extends z.ZodMiniType>(
  source: string,
  detailType: string,
  schema: TSchema,
  sample: string,
): EventContract<TSchema> => ({ source, detailType, schema, sample });

/** An EventBridge pattern matching any of the contracts (one source list, one detail-type list). */
export const patternFor = (
  contracts: readonly EventContract[],
): { source: string[]; 'detail-type': string[] } => ({
  source: [...new Set(contracts.map((c) => c.source))].sort(),
  'detail-type': [...new Set(contracts.map((c) => c.detailType))].sort(),
});
