// The admin console: GraphiQL with the explorer, example tabs, and a banner to sign in
// and to see who you are. Bundled by ../build.js into one script and one stylesheet the
// gateway serves itself (no CDN), under a CSP that allows nothing else.
import React, { useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import 'graphiql/graphiql.css';
import '@graphiql/plugin-explorer/dist/style.css';
import './console.css';
import { EXAMPLE_TABS } from './examples';
import { SignIn } from './sign-in';
import { getSession, onSessionChange, scopeOf, setToken } from './session';

const explorer = explorerPlugin({ showAttribution: false });

// Every request carries the signed-in token, unless the Headers tab names another one.
const fetcher = createGraphiQLFetcher({
  url: `${window.location.origin}/graphql`,
  fetch: (input, init = {}) => {
    const headers = new Headers(init.headers);
    const session = getSession();
    if (session && !headers.has('authorization')) headers.set('authorization', `Bearer ${session.token}`);
    return window.fetch(input, { ...init, headers });
  },
});

function useSession() {
  const [session, setSession] = useState(getSession());
  useEffect(() => onSessionChange(setSession), []);
  return session;
}

function Identity({ session }) {
  if (!session)
    return (
      <span className="console-who" data-testid="who">
        未登录 · anonymous: public data only
      </span>
    );
  const { claims } = session;
  const expires = claims.exp ? new Date(claims.exp * 1000) : null;
  return (
    <span className="console-who" data-testid="who">
      <strong>{claims.sub}</strong>
      <span data-testid="who-roles"> · roles {(claims.roles ?? []).join(', ') || 'none'}</span>
      <span data-testid="who-scope"> · scope {scopeOf(claims)}</span>
      <span data-testid="who-expiry"> · expires {expires ? expires.toLocaleString() : 'never'}</span>
      <button type="button" onClick={() => setToken(null)}>
        退出 Sign out
      </button>
    </span>
  );
}

function Console() {
  const session = useSession();
  const [config, setConfig] = useState(null);
  const [problem, setProblem] = useState(null);
  useEffect(() => {
    fetch('/console/config.json')
      .then((r) => r.json())
      .then(setConfig, () => setProblem('could not load the console configuration from the gateway'));
  }, []);
  const plugins = useMemo(() => [explorer], []);
  return (
    <div className="console">
      <header className="console-banner">
        <span className="console-title">Sanshe 三社联动 · 管理控制台</span>
        <Identity session={session} />
        {config && !session ? <SignIn config={config} onProblem={setProblem} /> : null}
        {problem ? (
          <span className="console-problem" role="alert">
            {problem}
          </span>
        ) : null}
      </header>
      <main className="console-graphiql">
        <GraphiQL
          fetcher={fetcher}
          plugins={plugins}
          defaultTabs={EXAMPLE_TABS}
          defaultHeaders="{}"
          shouldPersistHeaders={false}
          isHeadersEditorEnabled
          defaultEditorToolsVisibility="headers"
        />
      </main>
    </div>
  );
}

createRoot(document.getElementById('console')).render(<Console />);
