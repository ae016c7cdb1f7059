/** The console's campaigns pages: small enhancements, each page still working without them. */
export const enhanceCampaigns = (_document: Document): void => {};
