import type { RegistrationFilter } from '../../domain/registration/registration-search';
import { filterStatuses } from './registration-words';

/** The longest search the form keeps: more than any name, address and school together. */
const MAX_SEARCH = 200;

/** The table's filters from the GET form's query; a value the form cannot send is ignored, not refused. */
export const filterOf = (
  query: Readonly<Record<string, string>>,
  workshops: readonly string[],
): RegistrationFilter => {
  const q = (query.q ?? '').trim().slice(0, MAX_SEARCH);
  const status = filterStatuses.find((s) => s === query.status);
  const workshop = workshops.find((w) => w === query.workshop);
  const attended = query.attended === 'yes' ? true : query.attended === 'no' ? false : undefined;
  return {
    ...(q ? { q } : {}),
    ...(status ? { status } : {}),
    ...(workshop ? { workshop } : {}),
    ...(attended === undefined ? {} : { attended }),
  };
};
