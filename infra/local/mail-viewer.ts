import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LocalMail } from './ses-local';

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const when = (at: number): string =>
  new Date(at * 1000).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

// An unnamed part (an invite's inline text/calendar alternative) is named by its type.
const attachmentName = (a: LocalMail['attachments'][number], i: number): string =>
  a.filename ?? `part-${i + 1}.${a.contentType.split('/')[1]?.split(';')[0] ?? 'bin'}`;

const article = (m: LocalMail): string => {
  const id = encodeURIComponent(m.messageId);
  const attachments = m.attachments.length
    ? `<h3>Attachments</h3><ul>${m.attachments
        .map(
          (a, i) =>
            `<li><a href="/mail/${id}/attachments/${i}">${escape(attachmentName(a, i))}</a> ` +
            `(${escape(a.contentType)}, ${a.size} bytes)</li>`,
        )
        .join('')}</ul>`
    : '';
  return (
    `<article><h2>${escape(m.subject)}</h2><dl>` +
    `<dt>Date</dt><dd>${when(m.at)}</dd>` +
    `<dt>From</dt><dd>${escape(m.from)}</dd>` +
    `<dt>To</dt><dd>${escape(m.destination.to.join(', '))}</dd></dl>` +
    `<pre>${escape(m.body.text ?? '(no text part)')}</pre>${attachments}` +
    `<p>${m.body.html ? `<a href="/mail/${id}/html">HTML version</a> · ` : ''}` +
    `<a href="/mail/${id}/raw">Source</a></p></article>`
  );
};

/** The whole page: newest first, each mail's text shown as it is, dated by the virtual clock. */
export const mailPage = (mails: readonly LocalMail[]): string =>
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Convene local mail</title>' +
  '<meta name="viewport" content="width=device-width, initial-scale=1"><style>' +
  'body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}' +
  'article{border-top:1px solid #b1b4b6;padding:.5rem 0}dl{display:grid;grid-template-columns:6rem 1fr;margin:0}' +
  'dt{font-weight:bold}dd{margin:0}pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f3f2f1;padding:.75rem}' +
  `</style></head><body><h1>Local mail (${mails.length})</h1>` +
  (mails.length ? [...mails].reverse().map(article).join('') : '<p>No mail yet.</p>') +
  '</body></html>';

type Reply = { status: number; type: string; body: string | Buffer; headers?: Record<string, string> };

const answer = (mails: readonly LocalMail[], path: string): Reply => {
  if (path === '/') return { status: 200, type: 'text/html; charset=utf-8', body: mailPage(mails) };
  if (path === '/store')
    return { status: 200, type: 'application/json', body: JSON.stringify({ emails: mails }) };
  const match = /^\/mail\/([^/]+)\/(html|raw|attachments\/(\d+))$/.exec(path);
  const mail = match && mails.find((m) => m.messageId === decodeURIComponent(match[1] ?? ''));
  if (!match || !mail) return { status: 404, type: 'text/plain', body: 'Not found' };
  if (match[2] === 'html') {
    // Sandboxed: a mail's HTML is shown, never run, and cannot reach the viewer.
    const headers = { 'content-security-policy': "sandbox; default-src data:; style-src 'unsafe-inline'" };
    return { status: 200, type: 'text/html; charset=utf-8', body: mail.body.html ?? '', headers };
  }
  if (match[2] === 'raw') return { status: 200, type: 'text/plain; charset=utf-8', body: mail.raw ?? '' };
  const index = Number(match[3]);
  const attachment = mail.attachments[index];
  if (!attachment) return { status: 404, type: 'text/plain', body: 'Not found' };
  return {
    status: 200,
    type: attachment.contentType,
    body: Buffer.from(attachment.content, 'base64'),
    headers: {
      'content-disposition': `attachment; filename="${attachmentName(attachment, index).replace(/["\\\r\n]/g, '_')}"`,
    },
  };
};

/** Convene's mail viewer: a small page in place of aws-ses-v2-local's, which needs a click per mail. */
export const startMailViewer = async (
  port: number,
  mails: () => Promise<LocalMail[]>,
): Promise<{ url: string; server: Server }> => {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    mails()
      .then((all) => {
        const reply = answer(all, path);
        response.writeHead(reply.status, { 'content-type': reply.type, ...reply.headers });
        response.end(reply.body);
      })
      .catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
};
