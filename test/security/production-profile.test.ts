/**
 * Issue #14, hole 1: development secrets must not work in production. The gateway and a
 * subgraph are started as real processes with NODE_ENV=production; refused, they exit
 * non-zero naming the variable. No secret may have a default written in the source.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateKeySet, withDevelopmentKeys } from '@sanshe/service-kit';
import { gatewayConfigSchema } from '@sanshe/gateway/config';

const root = path.resolve(__dirname, '..', '..');
const register = path.join(root, 'infra', 'bench', 'lib', 'ts-register.js');

/** Runs an entry point as `node` would in production, with only `env` (no inherited secrets). */
function run(entry: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-e', `require(${JSON.stringify(register)}); require(${JSON.stringify(path.join(root, entry))})`],
      {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), NODE_ENV: 'production', LOG_LEVEL: 'silent', PORT: '0', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    // A process that did start would keep running: stop it so the test fails instead of hanging.
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** The values the source used to ship as defaults (issue #14); they must never pass again. */
const FORMER_DEFAULTS = ['sanshe-local-jwt-secret-only-for-development-use', 'sanshe-local-identity-secret-change-me'];

describe('the production profile', () => {
  it('refuses to start the gateway without its keys, naming the variable', async () => {
    const { code, output } = await run('gateway/src/index.ts', {});
    expect(code).not.toBe(0);
    expect(output).toContain('IDENTITY_SIGNING_KEY');
    expect(output).not.toMatch(/\n\s+at /); // a message for the operator, not a stack trace
  });

  it('refuses to start the gateway with the former default JWT secret, naming JWT_SECRET', async () => {
    const { IDENTITY_SIGNING_KEY } = generateKeySet('prod');
    const { code, output } = await run('gateway/src/index.ts', { IDENTITY_SIGNING_KEY, JWT_SECRET: FORMER_DEFAULTS[0]! });
    expect(code).not.toBe(0);
    expect(output).toMatch(/JWT_SECRET .*development value/);
  });

  it('refuses to start a subgraph without the gateway public key, naming the variable', async () => {
    const { code, output } = await run('services/registry/src/index.ts', {});
    expect(code).not.toBe(0);
    expect(output).toContain('IDENTITY_PUBLIC_KEYS');
  });

  it('refuses a short, placeholder or former default secret, and a missing one', () => {
    const { IDENTITY_SIGNING_KEY } = generateKeySet('prod');
    const prod = { NODE_ENV: 'production', IDENTITY_SIGNING_KEY };
    for (const JWT_SECRET of [...FORMER_DEFAULTS, 'too-short', 'please-change-me-before-going-live-2026', 'a'.repeat(64)]) {
      expect(() => gatewayConfigSchema.parse({ ...prod, JWT_SECRET })).toThrow(/JWT_SECRET/);
    }
    expect(() => gatewayConfigSchema.parse(prod)).toThrow(/JWT_SECRET is required/);
    expect(() =>
      gatewayConfigSchema.parse({ ...prod, JWT_SECRET: generateKeySet('prod').JWT_SECRET, IDENTITY_SIGNING_KEY: 'k1:c2hvcnQ=' }),
    ).toThrow(/IDENTITY_SIGNING_KEY/);
  });

  it('turns introspection and the playground off unless they are enabled explicitly', () => {
    const prod = { NODE_ENV: 'production', ...generateKeySet('prod') };
    expect(gatewayConfigSchema.parse(prod)).toMatchObject({ INTROSPECTION: false, PLAYGROUND: false });
    expect(gatewayConfigSchema.parse({ ...prod, INTROSPECTION: 'true', PLAYGROUND: 'true' })).toMatchObject({
      INTROSPECTION: true,
      PLAYGROUND: true,
    });
  });

  it('generates development keys once into a git-ignored folder and never in production', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-keys-'));
    const before = process.env.SANSHE_KEYS_DIR;
    process.env.SANSHE_KEYS_DIR = dir;
    try {
      const first = withDevelopmentKeys({ NODE_ENV: 'development' });
      const again = withDevelopmentKeys({ NODE_ENV: 'development' });
      expect(first.IDENTITY_SIGNING_KEY).toBeDefined();
      expect(again).toEqual(first);
      expect(fs.readdirSync(dir)).toEqual(['development.json']);
      expect(withDevelopmentKeys({ NODE_ENV: 'production' })).toEqual({ NODE_ENV: 'production' });
    } finally {
      if (before === undefined) delete process.env.SANSHE_KEYS_DIR;
      else process.env.SANSHE_KEYS_DIR = before;
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(fs.readFileSync(path.join(root, '.gitignore'), 'utf8')).toMatch(/^\.data\/$/m);
  });

  it('has no secret, password or key with a default string in the source', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (['node_modules', 'dist', '.data', '.cache', '.turbo', 'generated'].includes(entry.name)) continue;
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.(ts|js)$/.test(entry.name)) {
          const text = fs.readFileSync(file, 'utf8');
          for (const m of text.matchAll(/(SECRET|PASSWORD|KEY)\w*\s*:[^\n]*\.default\(\s*['"`]/g))
            offenders.push(`${path.relative(root, file)}: ${m[0]}`);
        }
      }
    };
    for (const dir of ['gateway/src', 'packages', 'services', 'scripts', 'infra', 'tools']) walk(path.join(root, dir));
    expect(offenders).toEqual([]);
  });
});
