import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { LocalRoute } from './http-routes';

/** `<address>:<port>` as CloudFront writes CloudFront-Viewer-Address (IPv6 unbracketed). */
const viewerAddress = (req: IncomingMessage): string =>
  `${(req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '')}:${req.socket.remotePort ?? 0}`;

/**
 * Builds the API Gateway HTTP API (payload 2.0) event a Lambda would receive for this request on a route
 * without an authoriser: no `authorizer` in the context; the Authorization header goes to the function.
 */
export const apiGatewayEvent = (
  req: IncomingMessage,
  url: URL,
  body: Buffer,
  route: LocalRoute,
  pathParameters: Record<string, string>,
  now: Date,
): APIGatewayProxyEventV2 => {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (name === 'cookie') cookies.push(...String(value).split(/;\s*/));
    else headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  // CloudFront tells the API the viewer's address (its origin request policy forwards this header, which
  // CloudFront sets itself, whatever the viewer sent); sourceIp below is, on AWS, CloudFront's own.
  headers['cloudfront-viewer-address'] = viewerAddress(req);
  const query: Record<string, string> = {};
  for (const key of new Set(url.searchParams.keys())) query[key] = url.searchParams.getAll(key).join(',');
  const textual = /json|text|xml|x-www-form-urlencoded/.test(headers['content-type'] ?? 'application/json');
  const event = {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(route.params.length > 0 ? { pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: 'local',
      http: {
        method: route.method,
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: crypto.randomUUID(),
      routeKey: route.routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length > 0 ? { body: textual ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: body.length > 0 && !textual,
  };
  return event as APIGatewayProxyEventV2;
};
