/** The console's registrations pages: small enhancements, each page still working without them. */
export const enhanceRegistrations = (_document: Document): void => {};
