import { BadInputError } from '@sanshe/domain-kit';

/** A code in capitals (a category, a group kind): safe as a document key, since it holds no `.` or `$`. */
export const CODE = /^[A-Z][A-Z0-9_]{1,39}$/;

/** Trimmed text that must be given, at most `max` characters. */
export function requiredText(field: string, value: string | null | undefined, max: number): string {
  const text = optionalText(field, value, max);
  if (text === null) throw new BadInputError(field, `${field} must not be empty.`);
  return text;
}

/** Trimmed text, or null when left empty; at most `max` characters. */
export function optionalText(field: string, value: string | null | undefined, max: number): string | null {
  const text = (value ?? '').trim();
  if (!text) return null;
  if (text.length > max) throw new BadInputError(field, `${field} has at most ${max} characters.`);
  return text;
}
