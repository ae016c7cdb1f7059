import { DeleteTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { VirtualClock } from './clock';
import { ensureTable } from './dynamodb-local';
import type { SchedulerEmulator } from './emulators/scheduler';
import type { LocalSes } from './ses-local';

export interface ResettableParts {
  readonly settle: () => Promise<void>;
  readonly table: { readonly client: DynamoDBClient; readonly name: string };
  readonly ses: Pick<LocalSes, 'clear'>;
  readonly scheduler: Pick<SchedulerEmulator, 'list' | 'deleteSchedule'>;
  readonly clock: Pick<VirtualClock, 'reset'>;
  /** Writes what is kept across restarts (the clock's offset) after the reset. */
  readonly saveClock: () => void;
}

/**
 * `POST /local/reset`: starts afresh without deleting folders by hand. Once the work in flight is done:
 * an empty table (dropped and made again from the table design), no mail, no schedules, the machine's time.
 */
export const resetLocalState = async (parts: ResettableParts): Promise<void> => {
  await parts.settle();
  for (const s of parts.scheduler.list()) parts.scheduler.deleteSchedule(s.name, s.groupName);
  await parts.table.client.send(new DeleteTableCommand({ TableName: parts.table.name }));
  await ensureTable(parts.table.client, parts.table.name);
  await parts.ses.clear();
  parts.clock.reset();
  parts.saveClock();
};
