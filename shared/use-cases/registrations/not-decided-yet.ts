/** Thrown for a registration still pending, so the bus retries the request once the allocator has decided. */
export class NotDecidedYetError extends Error {
  constructor(registrationId: string) {
    super(`Registration ${registrationId} is still pending; the cancellation is retried`);
    this.name = 'NotDecidedYetError';
  }
}
