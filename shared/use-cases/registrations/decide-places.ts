import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import {
  CancellationRequested,
  EventUpdated,
  RegistrationRequested,
  SessionChangeRequested,
} from '../../../events';
import type { DetailOf, EventContract } from '../../../events/contract';
import type { BusEntry } from '../../adapters/outbox';
import { contractOf } from '../../bus/bus-event';
import { eachInOrder } from '../../queue/each-in-order';
import { allocatePlaces } from './allocate';
import { performCancellation } from './cancel';
import { performSessionChange } from './change-sessions';
import { fillFreePlaces } from './promote';

interface Decider {
  readonly contract: EventContract;
  readonly decide: (detail: unknown) => Promise<unknown>;
}

const decider = <C extends EventContract>(
  contract: C,
  decide: (detail: DetailOf<C>) => Promise<unknown>,
): Decider => ({ contract, decide: async (detail) => decide(contract.schema.parse(detail) as DetailOf<C>) });

/** What the places queue carries, and what each asks of the event's places. */
const deciders: readonly Decider[] = [
  decider(RegistrationRequested, (d) => allocatePlaces(d.registrationId)),
  decider(CancellationRequested, (d) => performCancellation(d.registrationId)),
  decider(SessionChangeRequested, (d) => performSessionChange(d)),
  // A raised capacity, passed from the bus (ask-to-fill-places.ts); a cancellation fills in its own turn.
  decider(EventUpdated, (d) => fillFreePlaces(d.event.eventId)),
];

const contracts = deciders.map((d) => d.contract);

const decide = async (entry: BusEntry): Promise<void> => {
  const contract = contractOf(contracts, entry.Source, entry.DetailType);
  await deciders[contracts.indexOf(contract)]!.decide(JSON.parse(entry.Detail));
};

/**
 * Makes the place decisions the places queue hands over (places-queue.ts). The queue is FIFO with one
 * group per event, so for each event one decision runs at a time, in the order it was asked for: nothing
 * else in the queue writes the event's seat counters meanwhile, so a decision meets no transaction
 * conflict, and the first to ask is the first served.
 */
export const decideQueuedPlaces = (event: SQSEvent): Promise<SQSBatchResponse> =>
  eachInOrder(event, (record) => decide(JSON.parse(record.body) as BusEntry));
