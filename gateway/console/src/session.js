// Who is signed in. The token lives only in this module's memory: a reload signs out, and
// nothing readable by other scripts (localStorage, cookies) ever holds it. The OIDC flow
// keeps only its one-time PKCE verifier and state in sessionStorage across the redirect.

let current = null;
const listeners = new Set();

/** Decodes a JWT's payload (no verification: the gateway verifies; this only shows it). */
export function claimsOf(token) {
  const part = token.split('.')[1];
  if (!part) return {};
  const json = atob(
    part
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(part.length / 4) * 4, '='),
  );
  return JSON.parse(decodeURIComponent(escape(json)));
}

export function getSession() {
  return current;
}

export function setToken(token) {
  current = token ? { token, claims: claimsOf(token) } : null;
  for (const listener of listeners) listener(current);
}

export function onSessionChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The scope of a token, as the banner shows it. */
export function scopeOf(claims) {
  const parts = [];
  if (claims.streetIds?.length) parts.push(`streets ${claims.streetIds.join(', ')}`);
  if (claims.communityIds?.length) parts.push(`communities ${claims.communityIds.join(', ')}`);
  if (claims.orgIds?.length) parts.push(`organizations ${claims.orgIds.join(', ')}`);
  if (claims.residentId) parts.push(`resident ${claims.residentId}`);
  if (claims.socialWorkerId) parts.push(`social worker ${claims.socialWorkerId}`);
  return parts.length ? parts.join('; ') : 'district-wide';
}

/** Asks the gateway's development-only endpoint for a local token. */
export async function mintDevelopmentToken(request) {
  const res = await fetch('/dev/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.error ?? `the development token endpoint answered ${res.status}`);
  setToken(body.token);
}

// --- OIDC: authorization code with PKCE (RFC 7636) -------------------------------------

const PENDING = 'sanshe-console-oidc';

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

async function discover(issuer) {
  const res = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!res.ok) throw new Error(`the identity provider ${issuer} did not answer its discovery document (${res.status})`);
  return res.json();
}

function redirectUri() {
  return `${window.location.origin}/`;
}

/** Sends the browser to the issuer's sign-in page. */
export async function startOidcSignIn(oidc) {
  const metadata = await discover(oidc.issuer);
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
  const url = new URL(metadata.authorization_endpoint);
  const params = {
    response_type: 'code',
    client_id: oidc.clientId,
    redirect_uri: redirectUri(),
    scope: oidc.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...(oidc.resource ? { resource: oidc.resource } : {}),
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  window.location.assign(url.toString());
}

/** On the way back from the issuer: trades the code for a token, then cleans the address bar. */
export async function completeOidcSignIn(oidc) {
  const here = new URL(window.location.href);
  const code = here.searchParams.get('code');
  const error = here.searchParams.get('error');
  if (!code && !error) return false;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
  sessionStorage.removeItem(PENDING);
  window.history.replaceState(null, '', '/');
  if (error) throw new Error(`sign-in was refused: ${here.searchParams.get('error_description') ?? error}`);
  if (!pending || pending.state !== here.searchParams.get('state'))
    throw new Error('the sign-in answer does not match the request made from this page; sign in again');
  const metadata = await discover(oidc.issuer);
  // RFC 9207: an issuer that names itself in its answer must name the one this page asked.
  const iss = here.searchParams.get('iss');
  const issPromised = metadata.authorization_response_iss_parameter_supported === true;
  if ((iss !== null || issPromised) && iss !== metadata.issuer) {
    throw new Error(`the sign-in answer comes from ${iss || 'an unnamed issuer'}, not ${metadata.issuer}; sign in again`);
  }
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri(),
    client_id: oidc.clientId,
    code_verifier: pending.verifier,
  });
  if (oidc.resource) body.set('resource', oidc.resource);
  const res = await fetch(metadata.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  const answer = await res.json().catch(() => ({}));
  if (!res.ok || !answer.access_token)
    throw new Error(`the identity provider refused the code: ${answer.error_description ?? answer.error ?? res.status}`);
  // An opaque token would pass for a signed-in session with no role here and be refused by the gateway.
  if (answer.access_token.split('.').length !== 3) {
    throw new Error(
      'the identity provider answered with an opaque access token, which the gateway cannot verify: set CONSOLE_OIDC_RESOURCE to the resource indicator for which it issues JWT access tokens',
    );
  }
  setToken(answer.access_token);
  return true;
}
