/**
 * What organisers are told where Convene cannot keep personal data out by design: written (free-text)
 * survey answers are kept apart from names and addresses, but a person may still name themselves, their
 * school or something only they would know.
 */
export const FREE_TEXT_NOTE =
  'Written answers may identify the person who wrote them (a name, a school, a detail only they would know). ' +
  'Treat them as personal data: share them only with those who need them.';

/** Said when erasing a delegate who answered the survey: their answers stay, and are not linked to them. */
export const ERASED_ANSWERS_NOTE =
  'They answered the survey. Their answers are kept, not linked to them, so they cannot be erased with ' +
  'the rest; any written answer may still identify them.';
