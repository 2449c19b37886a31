import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { normalizeIdentity, UnauthenticatedError, type Identity } from '@sanshe/domain-kit';

export const IDENTITY_HEADER = 'x-sanshe-identity';
const VERSION = 'v2';
/** The longest an identity signature may live: one hop, not a session. */
export const IDENTITY_MAX_TTL_SECONDS = 10;
/** Clock difference between the gateway's host and a subgraph's that is tolerated. */
export const IDENTITY_CLOCK_SKEW_SECONDS = 2;
const KID = /^[A-Za-z0-9_-]{1,64}$/;

/** The gateway's private key with its id (`kid`), which tells subgraphs which public key to use. */
export interface SigningKey {
  kid: string;
  key: KeyObject;
}

/** `kid` → Ed25519 public key: every key a subgraph currently trusts (two during a rotation). */
export type TrustedKeys = ReadonlyMap<string, KeyObject>;

/** What one signature is bound to: the subgraph it is for and the exact request body. */
export interface HopClaims {
  aud: string;
  iat: number;
  exp: number;
  /** base64url SHA-256 of the HTTP request body. */
  bdy: string;
  idn: Identity;
}

const digest = (body: string | Uint8Array) => createHash('sha256').update(body).digest('base64url');

/** A fresh Ed25519 key pair as base64 DER (PKCS#8 / SPKI): what the env variables hold. */
export function generateIdentityKeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
}

function splitKid(value: string, variable: string): [string, string] {
  const at = value.indexOf(':');
  const kid = value.slice(0, at);
  if (at < 1 || !KID.test(kid)) throw new Error(`${variable} must be "<kid>:<base64 key>", the kid made of letters, digits, - and _`);
  return [kid, value.slice(at + 1).trim()];
}

/** Parses `IDENTITY_SIGNING_KEY` (`<kid>:<base64 PKCS#8 DER>`); throws a message naming the variable. */
export function parseSigningKey(value: string, variable = 'IDENTITY_SIGNING_KEY'): SigningKey {
  const [kid, material] = splitKid(value.trim(), variable);
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: Buffer.from(material, 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new Error(`${variable} is not a base64 PKCS#8 private key; generate one with \`npm run -s keys\``);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${variable} must be an Ed25519 key, not ${key.asymmetricKeyType}`);
  return { kid, key };
}

/** Parses `IDENTITY_PUBLIC_KEYS` (`<kid>:<base64 SPKI DER>` separated by commas). */
export function parseTrustedKeys(value: string, variable = 'IDENTITY_PUBLIC_KEYS'): TrustedKeys {
  const keys = new Map<string, KeyObject>();
  for (const entry of value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [kid, material] = splitKid(entry, variable);
    let key: KeyObject;
    try {
      key = createPublicKey({ key: Buffer.from(material, 'base64'), format: 'der', type: 'spki' });
    } catch {
      throw new Error(`${variable} holds a key (kid ${kid}) that is not a base64 SPKI public key`);
    }
    if (key.asymmetricKeyType !== 'ed25519')
      throw new Error(`${variable} must hold Ed25519 keys, not ${key.asymmetricKeyType} (kid ${kid})`);
    keys.set(kid, key);
  }
  if (keys.size === 0) throw new Error(`${variable} must name at least one public key`);
  return keys;
}

/**
 * Signs an identity for one hop gateway → `audience`, bound to that request's body:
 * `v2.<kid>.<claims>.<Ed25519 signature>`. Only the gateway holds the private key.
 */
export function signIdentity(
  identity: Identity,
  signer: SigningKey,
  hop: { audience: string; body: string | Uint8Array; nowSeconds?: number; ttlSeconds?: number },
): string {
  const iat = hop.nowSeconds ?? Math.floor(Date.now() / 1000);
  const ttl = Math.min(hop.ttlSeconds ?? IDENTITY_MAX_TTL_SECONDS, IDENTITY_MAX_TTL_SECONDS);
  const claims: HopClaims = { aud: hop.audience, iat, exp: iat + ttl, bdy: digest(hop.body), idn: identity };
  const signedPart = `${VERSION}.${signer.kid}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${signedPart}.${sign(null, Buffer.from(signedPart), signer.key).toString('base64url')}`;
}

const refuse = (why: string) => new UnauthenticatedError(`Requests must come through the Sanshe gateway: ${why}`);

/**
 * Verifies the identity header of a request to subgraph `audience`. A missing, forged,
 * expired header, or one signed for another subgraph or another body, is refused, so
 * a subgraph port reached directly, or a captured header, lets no one in.
 */
export function verifyIdentity(
  header: string | undefined,
  trusted: TrustedKeys,
  request: { audience: string; body: string | Uint8Array; nowSeconds?: number },
): Identity {
  if (!header) throw refuse('the identity signature is missing.');
  const parts = header.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) throw refuse('the identity signature is malformed.');
  const [, kid, payload, sig] = parts as [string, string, string, string];
  const key = trusted.get(kid);
  if (!key) throw refuse('the identity signature names an unknown key.');
  if (!verify(null, Buffer.from(`${VERSION}.${kid}.${payload}`), key, Buffer.from(sig, 'base64url'))) {
    throw refuse('the identity signature is invalid.');
  }
  let claims: Partial<HopClaims>;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<HopClaims>;
  } catch {
    throw refuse('the identity signature is malformed.');
  }
  if (claims.aud !== request.audience) throw refuse('the identity signature was made for another service.');
  if (claims.bdy !== digest(request.body)) throw refuse('the identity signature was made for another request body.');
  const now = request.nowSeconds ?? Math.floor(Date.now() / 1000);
  const { iat, exp } = claims;
  if (typeof iat !== 'number' || typeof exp !== 'number' || exp < iat || exp - iat > IDENTITY_MAX_TTL_SECONDS) {
    throw refuse('the identity signature has no valid lifetime.');
  }
  if (iat > now + IDENTITY_CLOCK_SKEW_SECONDS || now > exp + IDENTITY_CLOCK_SKEW_SECONDS) {
    throw refuse('the identity signature has expired; send the request again through the gateway.');
  }
  return normalizeIdentity(claims.idn ?? {});
}
