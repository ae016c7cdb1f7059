import { renderPage } from '../render';
import type { Controller } from './controller';

/** AWS regions by the place people know them by; others are named by their code. */
const REGION_PLACES: Readonly<Record<string, string>> = {
  'eu-west-2': 'London',
  'eu-west-1': 'Ireland',
  'eu-central-1': 'Frankfurt',
  'eu-north-1': 'Stockholm',
  'eu-west-3': 'Paris',
  'eu-south-1': 'Milan',
};

const regionName = (region: string | undefined): string | undefined =>
  region ? (REGION_PLACES[region] ? `${REGION_PLACES[region]} (${region})` : region) : undefined;

/**
 * The privacy notice: who the controller is, what is collected and why (the lawful basis for each use),
 * how long it is kept (as the code keeps it), the delegate's rights and the ICO.
 */
export const privacyNoticePage = (controller: Controller, region: string | undefined): string =>
  renderPage('information/privacy.njk', {
    title: 'Privacy notice',
    controller,
    region: regionName(region),
  });

/** The accessibility statement, in the form of the model statement for the UK accessibility regulations. */
export const accessibilityStatementPage = (controller: Controller): string =>
  renderPage('information/accessibility.njk', { title: 'Accessibility statement for Convene', controller });
