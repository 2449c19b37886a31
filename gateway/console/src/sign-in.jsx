// Signing in: the configured OIDC issuer (production), or a role-and-scope picker that asks
// the gateway's development-only endpoint for a local token (development on loopback).
import React, { useEffect, useState } from 'react';
import { completeOidcSignIn, mintDevelopmentToken, startOidcSignIn } from './session';

/** The scope a role acts within, as the dev endpoint expects it. */
const SCOPE_OF = {
  STREET_STAFF: 'streetIds',
  COMMUNITY_STAFF: 'communityIds',
  ORG_STAFF: 'orgIds',
  RESIDENT: 'residentId',
  SOCIAL_WORKER: 'socialWorkerId',
};
const SCOPE_LABEL = {
  streetIds: '街道 street id',
  communityIds: '社区 community id',
  orgIds: '社会组织 organization id',
  residentId: '居民 resident id',
  socialWorkerId: '社工 social worker id',
};

function OidcSignIn({ oidc, onProblem }) {
  useEffect(() => {
    completeOidcSignIn(oidc).catch((err) => onProblem(err.message));
  }, [oidc, onProblem]);
  return (
    <button type="button" data-testid="oidc-sign-in" onClick={() => startOidcSignIn(oidc).catch((err) => onProblem(err.message))}>
      登录 Sign in
    </button>
  );
}

function DevelopmentSignIn({ roles, onProblem }) {
  const [role, setRole] = useState('DISTRICT_ADMIN');
  const [scope, setScope] = useState('');
  const [communities, setCommunities] = useState([]);
  const field = SCOPE_OF[role];
  const wantsCommunities = field === 'communityIds';
  useEffect(() => {
    if (!wantsCommunities || communities.length > 0) return;
    // Public data: lets staff pick a community by name instead of typing its id.
    fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ communities { id name } }' }),
    })
      .then((r) => r.json())
      .then(
        (body) => setCommunities(body.data?.communities ?? []),
        () => setCommunities([]),
      );
  }, [wantsCommunities, communities.length]);
  const submit = (event) => {
    event.preventDefault();
    onProblem(null);
    const request = { roles: [role] };
    if (field) request[field] = field.endsWith('Ids') ? [scope] : scope;
    mintDevelopmentToken(request).catch((err) => onProblem(err.message));
  };
  return (
    <form className="console-sign-in" onSubmit={submit} data-testid="dev-sign-in">
      <label>
        角色 role{' '}
        <select
          name="role"
          value={role}
          onChange={(e) => {
            setRole(e.target.value);
            setScope('');
          }}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      {field === 'communityIds' && communities.length > 0 ? (
        <label>
          社区 community{' '}
          <select name="scope" value={scope} onChange={(e) => setScope(e.target.value)} required>
            <option value="">—</option>
            {communities.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      ) : field ? (
        <label>
          {SCOPE_LABEL[field]} <input name="scope" value={scope} onChange={(e) => setScope(e.target.value)} required />
        </label>
      ) : null}
      <button type="submit">签发开发令牌 Sign in (development)</button>
    </form>
  );
}

export function SignIn({ config, onProblem }) {
  if (config.signIn === 'oidc') return <OidcSignIn oidc={config.oidc} onProblem={onProblem} />;
  if (config.signIn === 'development') return <DevelopmentSignIn roles={config.roles} onProblem={onProblem} />;
  return <span className="console-hint">Paste a token into the Headers tab: {'{"Authorization": "Bearer …"}'}</span>;
}
