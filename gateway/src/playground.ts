import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

/**
 * The admin playground: GraphiQL served by the gateway itself. Every script, style
 * and font comes from this gateway (React and GraphiQL from node_modules), and the
 * Content-Security-Policy forbids anything else, so the page works offline and
 * leaks nothing to third parties.
 */
export const PLAYGROUND_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // GraphiQL's stylesheet embeds its fonts and icons as data: URIs.
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const ASSET_PREFIX = '/playground/assets/';

function packageFile(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

/** Runs in the browser after GraphiQL's bundle; a file, not inline, so the CSP needs no exceptions. */
const BOOT_SCRIPT = `'use strict';
(function () {
  var hint = [
    '# Sanshe GraphQL playground.',
    '#',
    '# Anonymous callers see public data only. To act as a staff member, open the',
    '# Headers tab below and add {"Authorization": "Bearer <token>"}.',
    '# A local token: npm run -s token -- --role district-admin',
    '',
    '{ __typename }',
    '',
  ].join('\\n');
  var fetcher = GraphiQL.createFetcher({ url: window.location.origin + '/graphql' });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: hint,
      defaultHeaders: '{}',
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: 'headers',
    }),
  );
})();
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sanshe GraphQL playground</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ASSET_PREFIX}graphiql.min.css">
<link rel="stylesheet" href="${ASSET_PREFIX}playground.css">
</head>
<body>
<div id="graphiql">Loading the playground…</div>
<script src="${ASSET_PREFIX}react.production.min.js"></script>
<script src="${ASSET_PREFIX}react-dom.production.min.js"></script>
<script src="${ASSET_PREFIX}graphiql.min.js"></script>
<script src="${ASSET_PREFIX}playground.js"></script>
</body>
</html>
`;

interface Asset {
  type: string;
  body: Buffer;
}

function loadAssets(): Map<string, Asset> {
  const js = 'text/javascript; charset=utf-8';
  const css = 'text/css; charset=utf-8';
  return new Map<string, Asset>([
    ['react.production.min.js', { type: js, body: readFileSync(packageFile('react', 'umd/react.production.min.js')) }],
    ['react-dom.production.min.js', { type: js, body: readFileSync(packageFile('react-dom', 'umd/react-dom.production.min.js')) }],
    ['graphiql.min.js', { type: js, body: readFileSync(packageFile('graphiql', 'graphiql.min.js')) }],
    ['graphiql.min.css', { type: css, body: readFileSync(packageFile('graphiql', 'graphiql.min.css')) }],
    ['playground.js', { type: js, body: Buffer.from(BOOT_SCRIPT) }],
    ['playground.css', { type: css, body: Buffer.from('html, body, #graphiql { height: 100%; margin: 0; }\n') }],
  ]);
}

const SECURITY_HEADERS = {
  'content-security-policy': PLAYGROUND_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** A browser opening the API URL asks for HTML; API clients ask for JSON. */
function wantsHtml(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').includes('text/html');
}

/**
 * Returns a handler that answers playground requests — GET `/`, GET `/graphql` from a
 * browser, and the assets — and returns false for everything else.
 */
export function createPlayground(graphqlPath = '/graphql'): (req: IncomingMessage, res: ServerResponse) => boolean {
  const assets = loadAssets();
  const page = Buffer.from(PAGE);
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname === '/' || (pathname === graphqlPath && wantsHtml(req))) {
      send(res, req, 'text/html; charset=utf-8', page, 'no-cache');
      return true;
    }
    if (!pathname.startsWith(ASSET_PREFIX)) return false;
    const asset = assets.get(pathname.slice(ASSET_PREFIX.length));
    if (!asset) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`No playground asset at ${pathname}.`);
      return true;
    }
    // Assets change only with a deploy; an hour of caching keeps reloads fast.
    send(res, req, asset.type, asset.body, 'public, max-age=3600');
    return true;
  };
}

function send(res: ServerResponse, req: IncomingMessage, type: string, body: Buffer, cacheControl: string): void {
  res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': body.length, 'cache-control': cacheControl });
  res.end(req.method === 'HEAD' ? undefined : body);
}
