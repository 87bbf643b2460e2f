/** The built pages (web/dist): files by path, the app itself for any other path, strict headers. */
import type http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HttpError } from './errors';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
};

/** Only the console's own files run in its pages. */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/**
 * A file of the built pages; any other path is the app itself (index.html), which shows the page
 * for it. Paths are resolved inside `webDir` only.
 */
async function webFile(
  webDir: string,
  urlPath: string,
): Promise<{ body: Buffer; type: string; immutable: boolean }> {
  const wanted = path.resolve(webDir, `.${decodeURIComponent(urlPath)}`);
  const inside = wanted.startsWith(path.resolve(webDir) + path.sep);
  const extension = path.extname(wanted);
  if (inside && extension && extension !== '.html') {
    try {
      return {
        body: await readFile(wanted),
        type: CONTENT_TYPES[extension] ?? 'application/octet-stream',
        immutable: urlPath.startsWith('/assets/'),
      };
    } catch {
      throw new HttpError(404, 'NOT_FOUND', `no ${urlPath}`);
    }
  }
  try {
    return {
      body: await readFile(path.join(webDir, 'index.html')),
      type: CONTENT_TYPES['.html'] ?? '',
      immutable: false,
    };
  } catch {
    throw new HttpError(503, 'PAGES_NOT_BUILT', 'the console pages are not built: npm run build:console');
  }
}

/** Answers a page request from `webDir`. */
export async function servePage(
  webDir: string | undefined,
  request: http.IncomingMessage,
  response: http.ServerResponse,
  urlPath: string,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    throw new HttpError(405, 'GET_ONLY', 'pages are read only');
  if (!webDir) throw new HttpError(404, 'NOT_FOUND', `no ${urlPath}`);
  const file = await webFile(webDir, urlPath);
  response
    .writeHead(200, {
      'content-type': file.type,
      'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'same-origin',
    })
    .end(request.method === 'HEAD' ? undefined : file.body);
}
