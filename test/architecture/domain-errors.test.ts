import fs from 'node:fs';
import { domainFiles, relative } from './source-files';

/**
 * Uniqueness reaches domain code as its own AlreadyExistsError (data-access wraps unique writes
 * in service-kit's uniqueWrite); a store's duplicate-key code in domain/ means that wall broke.
 */
describe('domain code and store error codes', () => {
  it('finds domain files to check', () => {
    expect(domainFiles().length).toBeGreaterThan(50);
  });

  it('never reads a duplicate-key code (11000, E11000) nor the kit helper that does', () => {
    const offenders = domainFiles().flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (/\bE?11000\b|isDuplicateKeyError/.test(line) ? [`${relative(file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });
});
