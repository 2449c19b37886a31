'use strict';
// The portal's own tiny server: the Vite build as static files, and /graphql (plus the
// development /dev/token) passed to the gateway, so the browser talks to one origin and the
// gateway needs no CORS. Listens on loopback unless told otherwise: the proxied /dev/token
// trusts loopback callers, so it is answered only for callers on this machine here too.
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { OUT_DIR } = require('./build.js');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const PROXIED = new Set(['/graphql', '/dev/token']);

function proxy(req, res, gatewayUrl) {
  const target = new URL(req.url, gatewayUrl);
  const headers = { ...req.headers, host: target.host };
  const upstream = http.request(target, { method: req.method, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        errors: [
          {
            message: `The gateway at ${gatewayUrl} does not answer. Start it with \`npm start\`.`,
            extensions: { code: 'GATEWAY_UNAVAILABLE' },
          },
        ],
      }),
    );
  });
  req.pipe(upstream);
}

function serveFile(req, res, dir) {
  const wanted = decodeURIComponent(new URL(req.url, 'http://portal').pathname);
  let file = path.join(dir, path.normalize(wanted).replace(/^(\.\.[/\\])+/, ''));
  if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(dir, 'index.html');
  if (!fs.existsSync(file)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('The portal is not built: run `npm run build`.');
    return;
  }
  // Vite's asset names carry a content hash: cache them; the page itself is always revalidated.
  const immutable = file.includes(`${path.sep}assets${path.sep}`);
  res.writeHead(200, {
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  fs.createReadStream(file).pipe(res);
}

/** An http.Server (not listening) for the built portal in `dir`, passing /graphql to `gatewayUrl`'s origin. */
function createPortalServer({ gatewayUrl, dir = OUT_DIR }) {
  const root = path.resolve(dir);
  return http.createServer((req, res) => {
    const pathname = new URL(req.url, 'http://portal').pathname;
    if (PROXIED.has(pathname)) {
      if (pathname === '/dev/token' && !LOOPBACK.has(req.socket.remoteAddress ?? '')) {
        res
          .writeHead(403, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: 'The development sign-in answers only on this machine (loopback).' }));
        return;
      }
      return proxy(req, res, gatewayUrl);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    serveFile(req, res, root);
  });
}

module.exports = { createPortalServer };

if (require.main === module) {
  const port = Number(process.env.PORTAL_PORT ?? 4100);
  const host = process.env.PORTAL_HOST ?? '127.0.0.1';
  const gatewayUrl = process.env.GATEWAY_URL ?? `http://127.0.0.1:${process.env.PORT ?? 4000}`;
  // One JSON line, like the services' logs: `npm start` files it under .data/logs/community-portal.log.
  const log = (level, msg) => console.log(JSON.stringify({ level, time: Date.now(), service: 'community-portal', msg }));
  const server = createPortalServer({ gatewayUrl });
  server.on('error', (err) => {
    log(50, `the portal cannot listen on ${host}:${port}: ${err.message} (set PORTAL_PORT)`);
    process.exit(1);
  });
  server.listen(port, host, () => log(30, `community portal on http://${host}:${port}/, passing /graphql to ${gatewayUrl}`));
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}
