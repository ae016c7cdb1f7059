import { instantToWallClock } from '../../domain/wall-clock';

/** A campaign answer with its `sendAt` also as wall-clock in the event's zone (null when sent at once). */
export const withSendAtLocal = <T extends { readonly sendAt: string | null }>(answer: T, zone: string) => ({
  ...answer,
  sendAtLocal: answer.sendAt === null ? null : instantToWallClock(answer.sendAt, zone),
});
