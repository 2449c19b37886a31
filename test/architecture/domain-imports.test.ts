import fs from 'node:fs';
import path from 'node:path';
import { domainFiles, relative, ROOT, SERVICES, tsFilesUnder } from './source-files';
import { runtimePackagesReached, runtimeSpecifiers } from './import-graph';

/** What a domain file may never load, directly or through any local module it loads. */
const INFRASTRUCTURE = /^(mongoose|mongodb|kafkajs|graphql|graphql-.*|@apollo\/.*|pino|pino-.*|dataloader|prom-client)$/;

describe('domain code loads no infrastructure at run time', () => {
  const cache = new Map<string, string[]>();

  it('walks every domain file', () => {
    expect(domainFiles().length).toBeGreaterThan(50);
  });

  it.each(SERVICES)('%s: no domain file reaches mongoose, kafkajs, graphql, @apollo/* or pino', (service) => {
    const files = domainFiles().filter((f) => f.includes(`${path.sep}services${path.sep}${service}${path.sep}`));
    const violations = files.flatMap((file) =>
      [...runtimePackagesReached(file, cache)]
        .filter(([name]) => INFRASTRUCTURE.test(name) || name.startsWith('unresolved '))
        .map(([name, chain]) => `${name} via ${chain.map(relative).join(' → ')}`),
    );
    expect(violations).toEqual([]);
  });

  it('sees through the kit: the runtime kit does reach mongoose, the domain kit does not', () => {
    const reached = (file: string) => [...runtimePackagesReached(path.join(ROOT, file), cache).keys()];
    expect(reached('packages/service-kit/src/index.ts')).toEqual(expect.arrayContaining(['mongoose', 'kafkajs', 'graphql', 'pino']));
    expect(reached('packages/domain-kit/src/index.ts')).toEqual([]);
  });
});

describe('walls between deployables', () => {
  const SERVICE_SPECIFIER = /^@sanshe\/(registry|social-orgs|activities|resident-services|credits)(\/|$)/;
  const filesOf = (dir: string) => tsFilesUnder(path.join(ROOT, dir));
  /** The service a specifier written in `file` reaches, by workspace name or by a relative path. */
  const serviceReached = (specifier: string, file: string): string | null => {
    const named = SERVICE_SPECIFIER.exec(specifier);
    if (named) return named[1]!;
    if (!specifier.startsWith('.')) return null;
    const target = path.relative(path.join(ROOT, 'services'), path.resolve(path.dirname(file), specifier));
    return target.startsWith('..') ? null : target.split(path.sep)[0]!;
  };
  const importsOf = (file: string) => {
    const text = fs.readFileSync(file, 'utf8');
    // Type-only imports count here too: a wall is about knowing the other side, not loading it.
    return [...runtimeSpecifiers(file), ...[...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!)];
  };

  it('the kits and the gateway import no service', () => {
    const files = [...filesOf('packages'), ...filesOf('gateway/src')];
    const offenders = files.flatMap((file) =>
      importsOf(file)
        .filter((s) => serviceReached(s, file))
        .map((s) => `${relative(file)} → ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it.each(SERVICES)('%s imports no other service', (service) => {
    const offenders = filesOf(`services/${service}`).flatMap((file) =>
      importsOf(file)
        .filter((s) => {
          const other = serviceReached(s, file);
          return other !== null && other !== service;
        })
        .map((s) => `${relative(file)} → ${s}`),
    );
    expect(offenders).toEqual([]);
  });
});
