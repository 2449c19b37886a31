import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const SERVICES = ['registry', 'social-orgs', 'activities', 'resident-services', 'credits'] as const;

/** Every .ts file under `dir` (absolute), skipping node_modules and build output. */
export function tsFilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : tsFilesUnder(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The production files of every service's `domain/` (tests are not domain code). */
export const domainFiles = (): string[] =>
  SERVICES.flatMap((s) => tsFilesUnder(path.join(ROOT, 'services', s, 'src', 'domain'))).filter((f) => !f.endsWith('.test.ts'));

export const relative = (file: string) => path.relative(ROOT, file);
