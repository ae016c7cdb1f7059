import type { Renderer } from './renderers';

/** Reminder mail: built by the comms-plan work (issue 4); until then a reminder entry cannot render. */
export const renderReminderMail: Renderer<'reminder'> = async () => {
  throw new Error('Reminder mail cannot be rendered yet');
};
