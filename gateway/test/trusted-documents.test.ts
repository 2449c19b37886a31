import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mintToken } from '../src/auth';
import { loadGatewayConfig } from '../src/config';
import { createGateway } from '../src/server';
import { sha256 } from '../src/trusted-documents';
import { startStubGateway, type StubStack } from './stub-subgraph';

const REGISTERED = 'query TreeIds { tree { id } }';
const UNREGISTERED = 'query TreeNames { tree { name } }';

function writeManifest(documents: Record<string, string>): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'sanshe-trusted-')), 'persisted-documents.json');
  writeFileSync(file, JSON.stringify(documents));
  return file;
}

describe('trusted documents', () => {
  const manifest = writeManifest({ [sha256(REGISTERED)]: REGISTERED });

  describe('enforce', () => {
    let stack: StubStack;
    beforeAll(async () => {
      stack = await startStubGateway({ TRUSTED_DOCUMENTS: 'enforce', TRUSTED_DOCUMENTS_MANIFEST: manifest });
    });
    afterAll(() => stack?.stop());

    it('answers a registered operation for anyone', async () => {
      const { status, body } = await stack.post({ query: REGISTERED });
      expect(status).toBe(200);
      expect(body).toEqual({ data: { tree: { id: 'n0' } } });
    });

    it('refuses an unregistered operation from a non-admin caller with a code and what to do, before any subgraph call', async () => {
      const before = stack.subgraph.requests;
      const token = await mintToken(stack.config, { sub: 'staff-1', roles: ['COMMUNITY_STAFF'], communityIds: ['c1'] });
      for (const headers of [{}, { authorization: `Bearer ${token}` }] as Record<string, string>[]) {
        const { status, body } = await stack.post({ query: UNREGISTERED }, headers);
        expect(status).toBe(400);
        expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_NOT_TRUSTED', hash: sha256(UNREGISTERED) });
        expect(body.errors?.[0]?.message).toMatch(/registered .*docs\/frontend\.md/);
      }
      expect(stack.subgraph.requests).toBe(before);
    });

    it('lets a district admin run any operation (the console)', async () => {
      const token = await mintToken(stack.config, { sub: 'admin-1', roles: ['DISTRICT_ADMIN'] });
      const { body } = await stack.post({ query: UNREGISTERED }, { authorization: `Bearer ${token}` });
      expect(body).toEqual({ data: { tree: { name: 'node 0' } } });
    });
  });

  describe('log, with the manifest from a URL', () => {
    let stack: StubStack;
    let server: http.Server;
    beforeAll(async () => {
      server = http.createServer((_req, res) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ [sha256(REGISTERED)]: REGISTERED })),
      );
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/persisted-documents.json`;
      stack = await startStubGateway({ TRUSTED_DOCUMENTS: 'log', TRUSTED_DOCUMENTS_MANIFEST: url });
    });
    afterAll(async () => {
      await stack?.stop();
      await new Promise((resolve) => server?.close(resolve));
    });

    it('runs an unregistered operation and reports it', async () => {
      const warnings: unknown[] = [];
      const warn = stack.gateway.logger.warn.bind(stack.gateway.logger);
      stack.gateway.logger.warn = ((obj: unknown, ...rest: unknown[]) => {
        warnings.push(obj);
        return (warn as (...a: unknown[]) => void)(obj, ...rest);
      }) as typeof stack.gateway.logger.warn;
      const { status, body } = await stack.post({ query: UNREGISTERED });
      expect(status).toBe(200);
      expect(body).toEqual({ data: { tree: { name: 'node 0' } } });
      expect(warnings).toContainEqual(expect.objectContaining({ hash: sha256(UNREGISTERED), operationName: 'TreeNames', mode: 'log' }));
    });
  });

  it('will not start without a manifest, or with a hash that is not its document', async () => {
    const config = (env: Record<string, string>) => loadGatewayConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
    await expect(createGateway(config({ TRUSTED_DOCUMENTS: 'enforce' }))).rejects.toThrow(/needs TRUSTED_DOCUMENTS_MANIFEST/);
    const forged = writeManifest({ [sha256(REGISTERED)]: UNREGISTERED });
    await expect(createGateway(config({ TRUSTED_DOCUMENTS: 'enforce', TRUSTED_DOCUMENTS_MANIFEST: forged }))).rejects.toThrow(
      /not the SHA-256 of its document/,
    );
  });
});
