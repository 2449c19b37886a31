import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { generateIdentityKeyPair } from './identity';

/**
 * Development keys, generated on first start into a git-ignored folder and reused by every
 * process of the checkout, so `npm start` works with zero configuration while no key is
 * ever written in the source. Never used with NODE_ENV=production.
 */
export interface DevKeys {
  JWT_SECRET: string;
  IDENTITY_SIGNING_KEY: string;
  IDENTITY_PUBLIC_KEYS: string;
}

/** `<repo>/.data/keys`: this file sits at packages/service-kit/{src,dist}/ in the repository. */
export const defaultKeysDir = () => process.env.SANSHE_KEYS_DIR ?? path.resolve(__dirname, '../../../.data/keys');

/** A fresh set: a random JWT secret and an Ed25519 pair whose kid is derived from the public key. */
export function generateKeySet(kidPrefix = 'dev'): DevKeys {
  const pair = generateIdentityKeyPair();
  const kid = `${kidPrefix}-${createHash('sha256').update(pair.publicKey).digest('hex').slice(0, 8)}`;
  return {
    JWT_SECRET: randomBytes(32).toString('base64url'),
    IDENTITY_SIGNING_KEY: `${kid}:${pair.privateKey}`,
    IDENTITY_PUBLIC_KEYS: `${kid}:${pair.publicKey}`,
  };
}

/**
 * Reads the checkout's development keys, creating them on first use. The file appears
 * atomically (hard link of a complete temp file), so processes started together agree.
 */
export function loadDevKeys(dir = defaultKeysDir()): DevKeys {
  const file = path.join(dir, 'development.json');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(temp, JSON.stringify(generateKeySet(), null, 2), { mode: 0o600 });
    try {
      fs.linkSync(temp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      fs.unlinkSync(temp);
    }
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as DevKeys;
}

/** `env` with the development keys filled in where unset; production gets nothing added. */
export function withDevelopmentKeys(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (env.NODE_ENV === 'production') return env;
  const missing = (['JWT_SECRET', 'IDENTITY_SIGNING_KEY', 'IDENTITY_PUBLIC_KEYS'] as const).filter((k) => !env[k]);
  if (missing.length === 0) return env;
  const keys = loadDevKeys();
  return { ...env, ...Object.fromEntries(missing.map((k) => [k, keys[k]])) };
}

/**
 * Why a shared secret must not be used in production, or null: too short, or shaped like a
 * placeholder or a development value (published in docs, old defaults, `aaaa…`).
 */
export function weakSecretReason(value: string, minLength: number): string | null {
  if (value.length < minLength) return `is shorter than ${minLength} characters`;
  if (/change-?me|develop|example|sanshe-local|placeholder|default|password|^test/i.test(value))
    return 'looks like a placeholder or a development value';
  if (new Set(value).size < 10) return 'has too few distinct characters to be random';
  return null;
}
