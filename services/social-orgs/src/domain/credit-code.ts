import { BadInputError } from '@sanshe/domain-kit';

/**
 * The unified social credit code (GB 32100-2015): 18 characters over a 31-character
 * alphabet (digits and capitals without I, O, S, V, Z) —
 * 1 registration authority, 1 organization type, 6 administrative-division digits,
 * 9 organization code, 1 check character.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** 3^i mod 31 for positions 1–17. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The check character for the first 17 characters; null when `body` is not 17 alphabet characters. */
export function creditCodeCheckCharacter(body: string): string | null {
  if (body.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CREDIT_CODE_ALPHABET.indexOf(body[i]!);
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  const check = 31 - (sum % 31);
  return CREDIT_CODE_ALPHABET[check === 31 ? 0 : check]!;
}

/** Completes a 17-character body with its check character. */
export function completeCreditCode(body: string): string {
  const check = creditCodeCheckCharacter(body);
  if (!check) throw new Error(`${body} is not a 17-character credit code body`);
  return body + check;
}

/** Why `code` is not a valid unified social credit code, or null when it is. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return `it has ${code.length} characters; a unified social credit code has 18`;
  const bad = [...code].find((ch) => !CREDIT_CODE_ALPHABET.includes(ch));
  if (bad !== undefined) return `"${bad}" is not allowed (digits and capitals except I, O, S, V, Z)`;
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'characters 3–8 must be the digits of an administrative division';
  const expected = creditCodeCheckCharacter(code.slice(0, 17))!;
  if (code[17] !== expected) return `the check character is ${code[17]}, but the first 17 characters give ${expected}`;
  return null;
}

/** Normalizes (trim, upper case) and validates; throws BAD_USER_INPUT naming the field. */
export function parseCreditCode(raw: string, field = 'creditCode'): string {
  const code = raw.trim().toUpperCase();
  const problem = creditCodeProblem(code);
  if (problem) throw new BadInputError(field, `${code || '(empty)'} is not a valid unified social credit code: ${problem}.`);
  return code;
}
