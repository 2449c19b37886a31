import type { IncomingMessage, ServerResponse } from 'node:http';
import { ROLES, sendJson } from '@sanshe/service-kit';
import { mintToken } from './auth';
import { tokenRequestFromArgs, UsageError } from './cli/token';
import type { GatewayConfig } from './config';

type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
/** Console tokens live an hour at most: enough for a session, short if one leaks. */
const TTL = '1h';
const MAX_BODY = 4096;

/**
 * The development-only token endpoint exists when the gateway verifies its own HS256 tokens
 * (no JWKS_URL) outside production. In production it is never routed, so it answers 404.
 */
export function devTokenEnabled(config: Pick<GatewayConfig, 'NODE_ENV' | 'JWKS_URL'>): boolean {
  return config.NODE_ENV !== 'production' && !config.JWKS_URL;
}

/** How the console signs in, as GET /console/config.json tells it. */
export function consoleConfig(config: GatewayConfig) {
  if (config.CONSOLE_OIDC_ISSUER) {
    const oidc = {
      issuer: config.CONSOLE_OIDC_ISSUER,
      clientId: config.CONSOLE_OIDC_CLIENT_ID,
      scope: config.CONSOLE_OIDC_SCOPE,
      resource: config.CONSOLE_OIDC_RESOURCE,
    };
    return { signIn: 'oidc' as const, oidc, roles: ROLES };
  }
  return { signIn: devTokenEnabled(config) ? ('development' as const) : ('none' as const), roles: ROLES };
}

function readSmallBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_BODY) reject(new UsageError(`The request is larger than ${MAX_BODY} bytes.`));
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

/** The request body ({ roles, streetIds, communityIds, orgIds, residentId, socialWorkerId }) as token CLI arguments, so both apply the same rules. */
function asArgs(body: Record<string, unknown>): string[] {
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : []);
  const one = (v: unknown): string[] => (typeof v === 'string' && v ? [v] : []);
  return [
    ...list(body.roles).flatMap((r) => ['--role', r]),
    ...list(body.streetIds).flatMap((id) => ['--street', id]),
    ...list(body.communityIds).flatMap((id) => ['--community', id]),
    ...list(body.orgIds).flatMap((id) => ['--org', id]),
    ...one(body.residentId).flatMap((id) => ['--resident', id]),
    ...one(body.socialWorkerId).flatMap((id) => ['--social-worker', id]),
    '--sub',
    typeof body.sub === 'string' && body.sub ? body.sub : `console-${list(body.roles).join('+').toLowerCase() || 'user'}`,
    '--ttl',
    TTL,
  ];
}

/**
 * POST /dev/token: mints a local token for the console's role-and-scope picker. Answers
 * only callers on this machine (loopback): anyone who can reach it can act as anyone.
 */
export function devTokenRoute(config: GatewayConfig): Route {
  return async (req, res) => {
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) {
      return sendJson(res, 403, {
        error: 'The development token endpoint answers only on this machine (loopback). Use `npm run -s token` there.',
      });
    }
    try {
      const raw = await readSmallBody(req);
      let body: unknown;
      try {
        body = JSON.parse(raw || '{}');
      } catch {
        throw new UsageError('Send a JSON object such as {"roles": ["COMMUNITY_STAFF"], "communityIds": ["community-042"]}.');
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body))
        throw new UsageError('Send a JSON object with "roles" and the scope they need.');
      const { claims, ttl } = tokenRequestFromArgs(asArgs(body as Record<string, unknown>));
      const token = await mintToken(config, claims, ttl);
      sendJson(res, 200, { token });
    } catch (err) {
      if (err instanceof UsageError) return sendJson(res, 400, { error: err.message.replaceAll('--role ', 'role ') });
      throw err;
    }
  };
}
