import { decodeJwt } from 'jose';
import { createAuthenticator } from '../src/auth';
import { runTokenCli, tokenRequestFromArgs } from '../src/cli/token';
import { loadGatewayConfig } from '../src/config';

/** Runs the CLI in-process and collects what it printed. */
async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runTokenCli(argv, env, { write: (t: string) => (stdout += t) }, { write: (t: string) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('npm run token', () => {
  it('prints only a token that the gateway accepts as the requested identity', async () => {
    const { code, stdout, stderr } = await run(['--role', 'community-staff', '--community', 'c-wuhan-road', '--sub', 'wang.li']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const identity = await createAuthenticator(loadGatewayConfig({}))(`Bearer ${stdout.trim()}`);
    expect(identity).toEqual({
      userId: 'wang.li',
      roles: ['COMMUNITY_STAFF'],
      streetIds: [],
      communityIds: ['c-wuhan-road'],
      orgIds: [],
      residentId: null,
      socialWorkerId: null,
    });
  });

  it('signs with the JWT settings from the environment and honours --ttl', async () => {
    const env = { JWT_SECRET: 'another-secret-that-is-long-enough-32', JWT_ISSUER: 'district-idp', JWT_AUDIENCE: 'sanshe-prod' };
    const { stdout } = await run(['--role', 'district-admin', '--ttl', '30m'], env);
    const claims = decodeJwt(stdout.trim());
    expect(claims).toMatchObject({ iss: 'district-idp', aud: 'sanshe-prod', sub: 'district-admin-cli', roles: ['DISTRICT_ADMIN'] });
    expect(claims.exp! - claims.iat!).toBe(30 * 60);
    await expect(createAuthenticator(loadGatewayConfig({}))(`Bearer ${stdout.trim()}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(createAuthenticator(loadGatewayConfig(env))(`Bearer ${stdout.trim()}`)).resolves.toMatchObject({
      roles: ['DISTRICT_ADMIN'],
    });
  });

  it('reads several roles and scopes', () => {
    expect(
      tokenRequestFromArgs([
        '--role',
        'street-staff',
        '--role',
        'SOCIAL_WORKER',
        '--street',
        's1',
        '--street',
        's2',
        '--social-worker',
        'w1',
        '--org',
        'o1',
      ]),
    ).toEqual({
      claims: {
        sub: 'street-staff+social-worker-cli',
        roles: ['STREET_STAFF', 'SOCIAL_WORKER'],
        streetIds: ['s1', 's2'],
        orgIds: ['o1'],
        socialWorkerId: 'w1',
      },
      ttl: '8h',
    });
  });

  it.each([
    [[], /at least one --role/],
    [['--role', 'mayor'], /Unknown role "mayor"\. Use one of: district-admin, street-staff/],
    [['--role', 'street-staff'], /--role street-staff needs --street <id>/],
    [['--role', 'resident'], /--role resident needs --resident <id>/],
    [['--role', 'district-admin', '--ttl', 'forever'], /--ttl "forever" is not a duration/],
    [['--role', 'district-admin', '--ttl', '13h'], /--ttl "13h" must be between 1s and 12h/],
    [['--role', 'district-admin', '--ttl', '7d'], /--ttl "7d" must be between 1s and 12h/],
    [['--role', 'district-admin', '--ttl', '0m'], /--ttl "0m" must be between 1s and 12h/],
    [['--role', 'district-admin', '--colour', 'red'], /Unknown option '--colour'/],
  ])('refuses %j with a message saying what to change, printing no token', async (argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('prints usage on --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('npm run -s token -- --role <role>');
  });
});
