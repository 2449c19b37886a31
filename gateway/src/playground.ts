import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

/**
 * The admin console: GraphiQL with the explorer plugin, example operations and a sign-in
 * banner, bundled by gateway/console/build.js and served by the gateway itself. Nothing
 * comes from another host, and the Content-Security-Policy forbids it, so the page works
 * offline and leaks nothing to third parties. The one exception is the configured OIDC
 * issuer, which the page must reach to trade a sign-in code for a token.
 */
export function playgroundCsp(connectOrigins: string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    // GraphiQL's stylesheet embeds its fonts and icons as data: URIs.
    "font-src 'self' data:",
    "img-src 'self' data:",
    ["connect-src 'self'", ...connectOrigins].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const PLAYGROUND_CSP = playgroundCsp();

const ASSET_PREFIX = '/playground/assets/';
/** Where gateway/console/build.js writes the bundle; the same from src/ (tests) and dist/. */
export const CONSOLE_BUNDLE_DIR = path.resolve(__dirname, '..', 'dist', 'console');

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sanshe 管理控制台 · admin console</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ASSET_PREFIX}console.css">
</head>
<body>
<div id="console">Loading the console…</div>
<script src="${ASSET_PREFIX}console.js"></script>
</body>
</html>
`;

const MISSING = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sanshe admin console</title></head>
<body><p>The admin console is not built. Run <code>npm run build</code> (or <code>node gateway/console/build.js</code>) and reload.</p></body></html>
`;

interface Asset {
  type: string;
  body: Buffer;
}

function loadAssets(): Map<string, Asset> | null {
  const js = path.join(CONSOLE_BUNDLE_DIR, 'console.js');
  const css = path.join(CONSOLE_BUNDLE_DIR, 'console.css');
  if (!existsSync(js) || !existsSync(css)) return null;
  return new Map<string, Asset>([
    ['console.js', { type: 'text/javascript; charset=utf-8', body: readFileSync(js) }],
    ['console.css', { type: 'text/css; charset=utf-8', body: readFileSync(css) }],
  ]);
}

function securityHeaders(csp: string): Record<string, string> {
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
  };
}

/** A browser opening the API URL asks for HTML; API clients ask for JSON. */
function wantsHtml(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').includes('text/html');
}

/**
 * Returns a handler that answers console requests — GET `/`, GET `/graphql` from a
 * browser, and the assets — and returns false for everything else. `connectOrigins` are
 * the other origins the page may call (the OIDC issuer). Without a bundle, the page says
 * how to build it and `onMissing` is told once.
 */
export function createPlayground(
  options: { graphqlPath?: string; connectOrigins?: string[]; onMissing?: (dir: string) => void } = {},
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const graphqlPath = options.graphqlPath ?? '/graphql';
  const assets = loadAssets();
  if (!assets) options.onMissing?.(CONSOLE_BUNDLE_DIR);
  const headers = securityHeaders(playgroundCsp(options.connectOrigins));
  const page = Buffer.from(assets ? PAGE : MISSING);
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname === '/' || (pathname === graphqlPath && wantsHtml(req))) {
      send(res, req, headers, 'text/html; charset=utf-8', page, 'no-cache');
      return true;
    }
    if (!pathname.startsWith(ASSET_PREFIX)) return false;
    const asset = assets?.get(pathname.slice(ASSET_PREFIX.length));
    if (!asset) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`No playground asset at ${pathname}.`);
      return true;
    }
    // Assets change only with a deploy; an hour of caching keeps reloads fast.
    send(res, req, headers, asset.type, asset.body, 'public, max-age=3600');
    return true;
  };
}

function send(
  res: ServerResponse,
  req: IncomingMessage,
  headers: Record<string, string>,
  type: string,
  body: Buffer,
  cacheControl: string,
): void {
  res.writeHead(200, { ...headers, 'content-type': type, 'content-length': body.length, 'cache-control': cacheControl });
  res.end(req.method === 'HEAD' ? undefined : body);
}
