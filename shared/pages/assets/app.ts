/**
 * The pages' only script, loaded as a module (no inline script, so the CSP forbids all others). Every page
 * works without it: it marks the body as GOV.UK Frontend expects, starts its components (the error summary
 * takes focus, a button is not pressed twice), and runs Convene's own small enhancements.
 */
import { initAll } from 'govuk-frontend';
import { watchOutcome } from './watch-outcome';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
watchOutcome(document);
