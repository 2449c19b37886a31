/**
 * A real local OpenID Provider (the certified `oidc-provider` package) for tests of the
 * gateway's OIDC path. It runs in a child process (oidc-provider-process.mjs: the package is
 * ESM-only, jest loads tests as CommonJS) on an ephemeral port of 127.0.0.1; the keys it
 * signs with are made here, so a test can rotate them or sign with one it never published.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

/** A client as oidc-provider registers it (OIDC Dynamic Client Registration metadata). */
export interface OidcClient {
  client_id: string;
  client_secret?: string;
  redirect_uris?: string[];
  grant_types?: string[];
  response_types?: string[];
  token_endpoint_auth_method?: string;
}

export interface OidcSetup {
  clients: OidcClient[];
  /** Accounts by login: the claims go into their access tokens (a Sanshe role and its scope). */
  accounts: Record<string, { name: string; claims: Record<string, unknown> }>;
  /** Claims for tokens a client gets for itself (client credentials), by client id. */
  clientClaims?: Record<string, Record<string, unknown>>;
  /** Resource servers by indicator (RFC 8707): their access tokens are JWTs with this audience. */
  resourceServers: { indicator: string; scope: string; audience?: string }[];
  /** Access-token lifetime in seconds by client id (default 600). */
  accessTokenTTL?: Record<string, number>;
}

/** The parts of the discovery document the tests read. */
export interface OidcMetadata {
  issuer: string;
  jwks_uri: string;
  authorization_endpoint: string;
  token_endpoint: string;
  [key: string]: unknown;
}

export interface LocalOidcProvider {
  issuer: string;
  /** The private signing keys, the one that signs first. */
  keys: JWK[];
  configure(setup: OidcSetup): Promise<void>;
  /** Publishes a new signing key in front of the current ones and signs with it from now on. */
  rotate(): Promise<JWK>;
  discover(): Promise<OidcMetadata>;
  /** How many times the JWKS was fetched since the start. */
  jwksFetches(): Promise<number>;
  /** An access token for `resource` from the client credentials grant. */
  clientToken(clientId: string, secret: string, resource: string): Promise<string>;
  stop(): Promise<void>;
}

/** A private RS256 signing key as a JWK, with its key id. */
export async function newSigningKey(kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
}

function ask<T extends { type: string }>(child: ChildProcess, message: object, answer: string, output: () => string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: T) => {
      if (reply.type !== answer && reply.type !== 'error') return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (reply.type === 'error') reject(new Error(`oidc-provider: ${(reply as unknown as { message: string }).message}`));
      else resolve(reply);
    };
    const onExit = (code: number | null) =>
      reject(new Error(`the oidc-provider process exited (${code}) before answering ${JSON.stringify(message)}:\n${output()}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send(message);
  });
}

export async function startOidcProvider(setup: OidcSetup): Promise<LocalOidcProvider> {
  // The provider's start-up notices (in-memory adapter, development interactions) are expected
  // here; its output is kept only to explain a failure.
  const child = fork(path.join(__dirname, 'oidc-provider-process.mjs'), [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let current = setup;
  let generation = 1;
  const keys: JWK[] = [await newSigningKey(`key-${generation}`)];
  try {
    const { issuer } = await ask<{ type: string; issuer: string }>(child, { type: 'listen' }, 'listening', () => output);
    const configure = async (next: OidcSetup) => {
      current = next;
      await ask(child, { type: 'configure', setup: next, keys }, 'configured', () => output);
    };
    await configure(setup);
    const discover = async (): Promise<OidcMetadata> => {
      const res = await fetch(`${issuer}/.well-known/openid-configuration`);
      if (!res.ok) throw new Error(`discovery answered ${res.status}`);
      return (await res.json()) as OidcMetadata;
    };
    return {
      issuer,
      keys,
      configure,
      async rotate() {
        generation += 1;
        const key = await newSigningKey(`key-${generation}`);
        keys.unshift(key);
        await configure(current);
        return key;
      },
      discover,
      async jwksFetches() {
        return (await ask<{ type: string; jwksFetches: number }>(child, { type: 'stats' }, 'stats', () => output)).jwksFetches;
      },
      async clientToken(clientId, secret, resource) {
        const { token_endpoint } = await discover();
        const res = await fetch(token_endpoint, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
          },
          body: new URLSearchParams({ grant_type: 'client_credentials', resource }),
        });
        const body = (await res.json()) as { access_token?: string; error?: string; error_description?: string };
        if (!res.ok || !body.access_token)
          throw new Error(`the provider refused a client token: ${body.error_description ?? body.error ?? res.status}`);
        return body.access_token;
      },
      async stop() {
        if (child.exitCode !== null) return;
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill();
        });
      },
    };
  } catch (err) {
    child.kill();
    throw err;
  }
}
