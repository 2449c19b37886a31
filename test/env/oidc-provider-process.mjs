// A real OpenID Provider for tests: the certified `oidc-provider` package, run in its own
// process because it is ESM-only and jest loads the tests as CommonJS. oidc-provider.ts
// starts it with fork() and talks to it over IPC:
//   parent → { type: 'listen' }                 child → { type: 'listening', issuer }
//   parent → { type: 'configure', setup, keys } child → { type: 'configured' }
//   parent → { type: 'stats' }                  child → { type: 'stats', jwksFetches }
// Configuring comes after listening because the clients' redirect URIs name the gateway, and the
// gateway is started with the issuer's address. Configuring again with new keys rotates them.
// `setup` names the clients, the accounts with their Sanshe claims and the resource servers;
// the keys are private JWKs the parent made, so a test can also sign with a key the provider
// never published.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import Provider, { errors } from 'oidc-provider';

const cookieKeys = [randomBytes(32).toString('base64url')];
let handle = null;
let jwksFetches = 0;

function configuration(setup, keys) {
  const resourceServers = new Map(setup.resourceServers.map((rs) => [rs.indicator, rs]));
  return {
    clients: setup.clients,
    jwks: { keys },
    cookies: { keys: cookieKeys },
    // Every client proves possession of its code (RFC 7636), public or not.
    pkce: { required: () => true },
    findAccount: (_ctx, id) => {
      const account = setup.accounts[id];
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ sub: id, name: account.name }) };
    },
    // The Sanshe role and territory scope travel in the access token, as an IdP's claim mapping would put them.
    extraTokenClaims: (_ctx, token) => (token.accountId ? setup.accounts[token.accountId]?.claims : setup.clientClaims?.[token.clientId]),
    // The console calls the token endpoint from its own origin: allow exactly the origins of the client's redirect URIs.
    clientBasedCORS: (_ctx, origin, client) => client.redirectUris.some((uri) => new URL(uri).origin === origin),
    features: {
      devInteractions: { enabled: true },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator, client) => {
          const rs = resourceServers.get(indicator);
          if (!rs) throw new errors.InvalidTarget(`no resource server ${indicator}`);
          const ttl = setup.accessTokenTTL?.[client.clientId] ?? 600;
          return { scope: rs.scope, audience: rs.audience ?? indicator, accessTokenFormat: 'jwt', accessTokenTTL: ttl };
        },
      },
    },
  };
}

function build(issuer, setup, keys) {
  const provider = new Provider(issuer, configuration(setup, keys));
  // Quiet: a refused request is what many tests want, and the parent reads the answer itself.
  provider.on('server_error', (_ctx, err) => process.stderr.write(`oidc-provider server_error: ${err.stack}\n`));
  return provider.callback();
}

const server = http.createServer((req, res) => {
  if (!handle) return void res.writeHead(503).end('not configured yet');
  if (req.url?.startsWith('/jwks')) jwksFetches += 1;
  handle(req, res);
});

let issuer;
process.on('message', (message) => {
  switch (message.type) {
    case 'listen':
      server.listen(0, '127.0.0.1', () => {
        issuer = `http://127.0.0.1:${server.address().port}`;
        process.send({ type: 'listening', issuer });
      });
      break;
    case 'configure':
      // The same issuer and stored grants (the memory adapter lives per process); the first key signs.
      handle = build(issuer, message.setup, message.keys);
      process.send({ type: 'configured' });
      break;
    case 'stats':
      process.send({ type: 'stats', jwksFetches });
      break;
    default:
      process.send({ type: 'error', message: `unknown message ${message.type}` });
  }
});
process.on('disconnect', () => process.exit(0));
