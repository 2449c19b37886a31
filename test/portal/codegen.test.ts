/**
 * The community portal's committed codegen output (apps/community-portal/src/gql) matches its
 * operations and the graph's API schema: a stale manifest would ship documents the gateway
 * does not know, and enforce mode would refuse them.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseManifest } from '@sanshe/gateway/trusted-documents';

const ROOT = path.resolve(__dirname, '..', '..');
const APP = path.join(ROOT, 'apps', 'community-portal');

describe('the community portal codegen', () => {
  it('is up to date with src/operations.ts and packages/graph-client/schema.graphql', () => {
    const codegen = path.join(ROOT, 'node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js');
    expect(() => execFileSync(process.execPath, [codegen, '--config', 'codegen.ts', '--check'], { cwd: APP, stdio: 'pipe' })).not.toThrow();
  }, 120_000);

  it('writes a manifest the gateway loads, one named operation per document', () => {
    const file = path.join(APP, 'src', 'gql', 'persisted-documents.json');
    const documents = parseManifest(JSON.parse(readFileSync(file, 'utf8')), file);
    const names = [...documents.values()].map((d) => /^(?:query|mutation) (\w+)/.exec(d)?.[1]);
    expect(names).not.toContain(undefined);
    expect(new Set(names).size).toBe(documents.size);
    const operations = readFileSync(path.join(APP, 'src', 'operations.ts'), 'utf8');
    expect(names.sort()).toEqual([...operations.matchAll(/^\s+(?:query|mutation) (\w+)/gm)].map((m) => m[1]).sort());
  });
});
