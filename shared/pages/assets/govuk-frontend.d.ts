// GOV.UK Frontend ships no types; the pages use only this.
declare module 'govuk-frontend' {
  export function initAll(): void;
}
