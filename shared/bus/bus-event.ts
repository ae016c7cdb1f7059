import type { MiddlewareObj } from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import type { DetailOf, EventContract } from '../../events/contract';

/** One of the contracts a function listens to, with its detail checked against that contract. */
export type Parsed<C extends readonly EventContract[]> = {
  [K in keyof C]: C[K] extends EventContract
    ? { readonly contract: C[K]; readonly detail: DetailOf<C[K]> }
    : never;
}[number];

export type BusEvent<C extends readonly EventContract[]> = EventBridgeEvent<string, unknown> & {
  parsed: Parsed<C>;
};

export class UnexpectedEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnexpectedEventError';
  }
}

/** The contract an event names by source and detail-type, among those given; anything else is refused. */
export const contractOf = <C extends EventContract>(
  contracts: readonly C[],
  source: string,
  detailType: string,
): C => {
  const contract = contracts.find((c) => c.source === source && c.detailType === detailType);
  if (!contract) throw new UnexpectedEventError(`No contract for ${source} / ${detailType}`);
  return contract;
};

/**
 * The edge of every bus-triggered function: finds the contract of the incoming event and parses its
 * detail with the contract's zod schema. A mismatch throws, so the event is retried and then lands in
 * the rule's DLQ where someone can see it, instead of being half-handled.
 */
export const busEvent = <C extends readonly EventContract[]>(
  ...contracts: C
): MiddlewareObj<BusEvent<C>, void> => ({
  before: (request) => {
    const event = request.event;
    const contract = contractOf(contracts, event.source, event['detail-type']);
    const detail = contract.schema.safeParse(event.detail);
    if (!detail.success) {
      throw new UnexpectedEventError(
        `${contract.detailType} detail breaks its contract: ${detail.error.message}`,
      );
    }
    event.parsed = { contract, detail: detail.data } as Parsed<C>;
  },
});
