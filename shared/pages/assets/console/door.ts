/** The console's door pages: small enhancements, each page still working without them. */
export const enhanceDoor = (_document: Document): void => {};
