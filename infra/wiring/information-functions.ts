import type { FunctionSpec } from './types';

/**
 * Pages of information every page links to (the privacy notice and the accessibility statement), and the
 * page for an address that is none of Convene's.
 */
export const informationFunctions = {
  showPrivacyNotice: {
    entry: 'show-privacy-notice',
    description: 'Shows the privacy notice: the controller, what is collected and why, for how long, rights',
    trigger: { kind: 'http', method: 'GET', path: '/privacy', auth: 'public' },
    access: { pages: 'render' },
  },
  showAccessibilityStatement: {
    entry: 'show-accessibility-statement',
    description: 'Shows the accessibility statement, in the form of the UK regulations’ model statement',
    trigger: { kind: 'http', method: 'GET', path: '/accessibility', auth: 'public' },
    access: { pages: 'render' },
  },
  showNotFound: {
    entry: 'show-not-found',
    description: 'Answers an address no route matches: "Page not found" to a browser, a 404 to the API',
    trigger: { kind: 'unmatched', auth: 'public' },
    access: { pages: 'render' },
  },
} as const satisfies Record<string, FunctionSpec>;
