/** The console's posts pages: small enhancements, each page still working without them. */
export const enhancePosts = (_document: Document): void => {};
