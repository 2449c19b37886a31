import { parseArgs } from 'node:util';
import { ROLES, type Role } from '@sanshe/service-kit';
import { mintToken, type SansheClaims } from '../auth';
import { loadGatewayConfig } from '../config';

/** The longest a locally minted token lives. */
const MAX_TTL_SECONDS = 12 * 3600;

export const USAGE = `Mints a local Sanshe access token (HS256, signed with the gateway's JWT_SECRET) and prints only the token.

  npm run -s token -- --role <role> [scope…] [--sub <name>] [--ttl 8h]

Roles (repeat --role for several): ${ROLES.map(toFlag).join(', ')}
Scope (repeat for several): --street <id>  --community <id>  --org <id>
  --resident <id>  --social-worker <id>
Each territorial role needs its scope: street-staff --street, community-staff --community,
org-staff --org, resident --resident, social-worker --social-worker.

Example: curl -H "authorization: Bearer $(npm run -s token -- --role community-staff --community c1)" …`;

/** The scope each territorial role acts within; a token without it could do nothing. */
const NEEDS: Partial<Record<Role, { flag: string; has: (c: SansheClaims) => boolean }>> = {
  STREET_STAFF: { flag: '--street', has: (c) => (c.streetIds?.length ?? 0) > 0 },
  COMMUNITY_STAFF: { flag: '--community', has: (c) => (c.communityIds?.length ?? 0) > 0 },
  ORG_STAFF: { flag: '--org', has: (c) => (c.orgIds?.length ?? 0) > 0 },
  RESIDENT: { flag: '--resident', has: (c) => !!c.residentId },
  SOCIAL_WORKER: { flag: '--social-worker', has: (c) => !!c.socialWorkerId },
};

export class UsageError extends Error {}

function toFlag(role: Role): string {
  return role.toLowerCase().replaceAll('_', '-');
}

function toRole(value: string): Role {
  const role = value.trim().toUpperCase().replaceAll('-', '_');
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new UsageError(`Unknown role "${value}". Use one of: ${ROLES.map(toFlag).join(', ')}.`);
  }
  return role as Role;
}

export interface TokenRequest {
  claims: SansheClaims & { sub: string };
  ttl: string;
}

/** Reads the command line into token claims, refusing a token that could not act anywhere. */
export function tokenRequestFromArgs(argv: string[]): TokenRequest {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      role: { type: 'string', multiple: true },
      street: { type: 'string', multiple: true },
      community: { type: 'string', multiple: true },
      org: { type: 'string', multiple: true },
      resident: { type: 'string' },
      'social-worker': { type: 'string' },
      sub: { type: 'string' },
      ttl: { type: 'string', default: '8h' },
    },
  });
  const roles = [...new Set((values.role ?? []).map(toRole))];
  if (roles.length === 0) throw new UsageError('Give at least one --role, e.g. --role district-admin.');
  const ttl = values.ttl ?? '8h';
  if (!/^\d+[smhdw]$/.test(ttl)) throw new UsageError(`--ttl "${ttl}" is not a duration like 30m or 8h.`);
  const seconds = Number(ttl.slice(0, -1)) * { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 }[ttl.slice(-1) as 's' | 'm' | 'h' | 'd' | 'w'];
  // A leaked local token is usable until it expires: one working day at most.
  if (seconds < 1 || seconds > MAX_TTL_SECONDS)
    throw new UsageError(`--ttl "${ttl}" must be between 1s and 12h: mint a new token when it runs out.`);
  const claims: TokenRequest['claims'] = {
    sub: values.sub ?? `${roles.map(toFlag).join('+')}-cli`,
    roles,
    ...(values.street ? { streetIds: values.street } : {}),
    ...(values.community ? { communityIds: values.community } : {}),
    ...(values.org ? { orgIds: values.org } : {}),
    ...(values.resident ? { residentId: values.resident } : {}),
    ...(values['social-worker'] ? { socialWorkerId: values['social-worker'] } : {}),
  };
  for (const role of roles) {
    const need = NEEDS[role];
    if (need && !need.has(claims))
      throw new UsageError(`--role ${toFlag(role)} needs ${need.flag} <id>: that role acts only within its own ${need.flag.slice(2)}.`);
  }
  return { claims, ttl };
}

interface Output {
  write(text: string): unknown;
}

/** Runs the CLI; returns the exit code. Only the token goes to `stdout`, so `$(…)` captures it. */
export async function runTokenCli(
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
  stdout: Output = process.stdout,
  stderr: Output = process.stderr,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    const { claims, ttl } = tokenRequestFromArgs(argv);
    const config = loadGatewayConfig(env);
    if (config.JWKS_URL) {
      stderr.write(
        `Warning: JWKS_URL is set, so the gateway verifies tokens from ${config.JWKS_URL} and will refuse this locally signed one.\n`,
      );
    }
    stdout.write(`${await mintToken(config, claims, ttl)}\n`);
    return 0;
  } catch (err) {
    const usage = err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    stderr.write(`${(err as Error).message}\n${usage ? '\nRun with --help for usage.\n' : ''}`);
    return 2;
  }
}

if (require.main === module) {
  void runTokenCli().then((code) => {
    process.exitCode = code;
  });
}
