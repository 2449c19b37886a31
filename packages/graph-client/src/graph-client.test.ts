import { execFileSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Kind, print, type OperationDefinitionNode } from 'graphql';
import {
  CommunityActivitiesDocument,
  GraphRequestError,
  request,
  type CommunityActivitiesQuery,
  type CommunityActivitiesQueryVariables,
} from './index';

const packageDir = path.join(__dirname, '..');
const repoRoot = path.join(packageDir, '..', '..');

// Type-level expectations: `tsc` (the first test) fails when the generated types drift from them.
const variables: CommunityActivitiesQueryVariables = { id: 'community-1' };
// @ts-expect-error `id` is required
const noVariables: CommunityActivitiesQueryVariables = {};
type ActivityRow = NonNullable<CommunityActivitiesQuery['community']>['activities'][number];
const row: ActivityRow = { id: 'a-1', title: '社区睦邻学堂', startsAt: '2026-12-01T09:00:00+08:00', status: 'PUBLISHED' };
// @ts-expect-error status is one of the ActivityStatus values
const badStatus: ActivityRow['status'] = 'POSTPONED';

/** A one-route stand-in for the gateway that records what it was sent. */
async function fakeGateway(answer: object): Promise<{ url: string; received: () => Record<string, unknown>; close: () => Promise<void> }> {
  let body = '';
  let headers: http.IncomingHttpHeaders = {};
  const server = http.createServer((req, res) => {
    headers = req.headers;
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    received: () => ({ ...JSON.parse(body), authorization: headers.authorization }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('@sanshe/graph-client', () => {
  it('type-checks, with the generated types for the whole graph', () => {
    void [variables, noVariables, row, badStatus];
    const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    expect(() =>
      execFileSync(process.execPath, [tsc, '-p', path.join(packageDir, 'tsconfig.json'), '--noEmit'], { stdio: 'pipe' }),
    ).not.toThrow();
  });

  it('exports the example query as a typed DocumentNode named CommunityActivities', () => {
    expect(CommunityActivitiesDocument.kind).toBe(Kind.DOCUMENT);
    const operation = CommunityActivitiesDocument.definitions[0] as OperationDefinitionNode;
    expect(operation).toMatchObject({ kind: Kind.OPERATION_DEFINITION, operation: 'query', name: { value: 'CommunityActivities' } });
    expect(print(CommunityActivitiesDocument)).toContain('community(id: $id)');
  });

  it('sends the operation with its name and variables and returns the typed data', async () => {
    const data: CommunityActivitiesQuery = { community: { id: 'community-1', name: '武汉路社区', activities: [row] } };
    const gateway = await fakeGateway({ data });
    try {
      const result = await request(gateway.url, CommunityActivitiesDocument, variables, { token: 'jwt-1' });
      expect(result.community?.activities[0]?.title).toBe('社区睦邻学堂');
      expect(gateway.received()).toMatchObject({
        operationName: 'CommunityActivities',
        variables: { id: 'community-1' },
        authorization: 'Bearer jwt-1',
      });
      expect(gateway.received().query).toContain('query CommunityActivities');
    } finally {
      await gateway.close();
    }
  });

  it('throws the errors with their codes', async () => {
    const gateway = await fakeGateway({
      data: null,
      errors: [{ message: 'Sign in to see this.', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    try {
      const failure = request(gateway.url, CommunityActivitiesDocument, variables);
      await expect(failure).rejects.toBeInstanceOf(GraphRequestError);
      await expect(failure).rejects.toThrow('UNAUTHENTICATED: Sign in to see this.');
    } finally {
      await gateway.close();
    }
  });

  it('is generated from the committed supergraph (`npm run generate -w @sanshe/graph-client`)', () => {
    const run = (cmd: string, args: string[]) => execFileSync(process.execPath, [cmd, ...args], { cwd: packageDir, stdio: 'pipe' });
    expect(() => run(path.join(packageDir, 'scripts', 'write-schema.js'), ['--check'])).not.toThrow();
    expect(() =>
      run(path.join(repoRoot, 'node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js'), ['--config', 'codegen.yml', '--check']),
    ).not.toThrow();
  });
});
