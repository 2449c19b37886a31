import fs from 'node:fs';
import path from 'node:path';
import { ROOT, SERVICES, relative, tsFilesUnder } from './source-files';

/**
 * Every service follows the one layout written down in docs/ARCHITECTURE.md ("Service layout").
 * The test lists each service's folders and files by role, so a new file in the wrong place,
 * or a role under a second name, fails here rather than in a maintainer's head.
 */

const src = (service: string, ...parts: string[]) => path.join(ROOT, 'services', service, 'src', ...parts);
const entries = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []);
const names = (dir: string) =>
  entries(dir)
    .map((e) => (e.isDirectory() ? `${e.name}/` : e.name))
    .sort();
const isTest = (name: string) => name.endsWith('.test.ts');

/** Every module specifier in a file, type-only imports included. */
function specifiers(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]/g)) found.push(m[1]!);
  for (const m of text.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) found.push(m[1]!);
  for (const m of text.matchAll(/\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return found;
}

const resolvesInto = (file: string, specifier: string, dir: string) =>
  specifier.startsWith('.') && path.resolve(path.dirname(file), specifier).startsWith(dir + path.sep);

describe.each(SERVICES)('%s follows the service layout', (service) => {
  it('has exactly the top-level parts: index.ts, service.ts, config.ts, entry-points/, domain/, data-access/, seed/', () => {
    expect(names(src(service))).toEqual(['config.ts', 'data-access/', 'domain/', 'entry-points/', 'index.ts', 'seed/', 'service.ts']);
  });

  it('keeps its entry points in graphql/, kafka/ and (when it has scheduled work) jobs/', () => {
    const parts = names(src(service, 'entry-points'));
    expect(parts.filter((p) => p !== 'jobs/')).toEqual(['graphql/', 'kafka/']);
    expect(names(src(service, 'entry-points', 'kafka')).filter((n) => !isTest(n))).toEqual(['handlers.ts']);
    const serviceTs = fs.readFileSync(src(service, 'service.ts'), 'utf8');
    const schedulesJobs = /from '\.\/entry-points\/jobs'/.test(serviceTs);
    expect({ jobsFolder: parts.includes('jobs/'), serviceSchedulesThem: schedulesJobs }).toEqual({
      jobsFolder: schedulesJobs,
      serviceSchedulesThem: schedulesJobs,
    });
    if (schedulesJobs) expect(names(src(service, 'entry-points', 'jobs'))).toContain('index.ts');
  });

  it('names GraphQL files by role: resolvers.ts (the map), context.ts, <area>-resolvers.ts', () => {
    const misplaced = names(src(service, 'entry-points', 'graphql')).filter(
      (n) => !isTest(n) && n !== 'resolvers.ts' && n !== 'context.ts' && !/^[a-z-]+-resolvers\.ts$/.test(n),
    );
    expect(misplaced).toEqual([]);
  });

  it('keeps data access as models/ plus <name>-repository.ts files', () => {
    const misplaced = names(src(service, 'data-access')).filter(
      (n) => !isTest(n) && n !== 'models/' && !/^[a-z-]+-repository\.ts$/.test(n),
    );
    expect(misplaced).toEqual([]);
    expect(names(src(service, 'data-access', 'models'))).toContain('index.ts');
  });

  it('seeds from seed/index.ts, which is what `npm run seed` runs', () => {
    expect(names(src(service, 'seed'))).toContain('index.ts');
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'services', service, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.seed).toBe('node dist/seed/index.js');
  });

  it('keeps test builders out of src: no testing/ folder, no import from test/', () => {
    const files = tsFilesUnder(src(service));
    expect(files.filter((f) => f.split(path.sep).includes('testing')).map(relative)).toEqual([]);
    const testDir = path.join(ROOT, 'services', service, 'test');
    const leaks = files.flatMap((f) =>
      specifiers(f)
        .filter((s) => resolvesInto(f, s, testDir))
        .map((s) => `${relative(f)} → ${s}`),
    );
    expect(leaks).toEqual([]);
  });

  it('entry points reach the store only through the domain: no entry-point file imports data-access, not even its types', () => {
    const dataAccess = src(service, 'data-access');
    const leaks = tsFilesUnder(src(service, 'entry-points'))
      .filter((f) => !isTest(f))
      .flatMap((f) =>
        specifiers(f)
          .filter((s) => resolvesInto(f, s, dataAccess))
          .map((s) => `${relative(f)} → ${s}`),
      );
    expect(leaks).toEqual([]);
  });

  it('production code never imports seed fixtures outside seed/', () => {
    const seedDir = src(service, 'seed');
    const leaks = tsFilesUnder(src(service))
      .filter((f) => !isTest(f) && !f.startsWith(seedDir + path.sep))
      .flatMap((f) =>
        specifiers(f)
          .filter((s) => s === '@sanshe/seed-fixtures' || s.startsWith('@sanshe/seed-fixtures/') || resolvesInto(f, s, seedDir))
          .map((s) => `${relative(f)} → ${s}`),
      );
    expect(leaks).toEqual([]);
  });
});

describe('the layout test itself', () => {
  it('sees type-only imports, which the runtime import graph leaves out', () => {
    const tmp = path.join(ROOT, '.cache', 'layout-probe.ts');
    fs.mkdirSync(path.dirname(tmp), { recursive: true });
    fs.writeFileSync(tmp, "import type { A } from '../x/data-access/a-repository';\nexport { b } from './b';\nconst c = require('c');\n");
    try {
      expect(specifiers(tmp)).toEqual(['../x/data-access/a-repository', './b', 'c']);
    } finally {
      fs.rmSync(tmp);
    }
  });
});
