import { createHash } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A deterministic order-number tag for demo history (seeding must be repeatable); live orders get random tags. */
export function seededTag(key: string): string {
  const bytes = createHash('sha256').update(`sanshe-demo-order:${key}`).digest();
  return Array.from(bytes.subarray(0, 4), (b) => ALPHABET[b % ALPHABET.length]).join('');
}
