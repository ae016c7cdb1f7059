import { addressDigest } from '../../adapters/address-digest';
import { viewerAddressOf } from '../../domain/abuse/bulk-sign-ups';

type Headers = Readonly<Record<string, string | undefined>>;

/**
 * The client a public registration came from, as a keyed digest of the viewer's address (never the address):
 * CloudFront-Viewer-Address, which CloudFront sets and its origin request policy forwards (the source IP
 * API Gateway sees is CloudFront's own). Undefined when the request did not come through CloudFront.
 */
export const clientOf = async (headers: Headers): Promise<string | undefined> => {
  const viewer = viewerAddressOf(headers['cloudfront-viewer-address']);
  // Its own prefix, so a client's digest is never an address's.
  return viewer ? addressDigest(`client:${viewer}`) : undefined;
};
