import type { RouteDoc } from './route-doc';

/** The information pages every page's footer links to (HTML only). */
export const informationRoutes: readonly RouteDoc[] = [
  {
    method: 'GET',
    path: '/privacy',
    summary:
      'The privacy notice (text/html): the data controller (configured), what is collected and the lawful ' +
      'basis for each use, how long it is kept, the delegate’s rights and how to complain to the ICO',
    success: { status: 200, description: 'An HTML page' },
    errors: [],
  },
  {
    method: 'GET',
    path: '/accessibility',
    summary:
      'The accessibility statement (text/html), in the form of the model statement for the UK public ' +
      'sector accessibility regulations, with how the pages were tested',
    success: { status: 200, description: 'An HTML page' },
    errors: [],
  },
];
