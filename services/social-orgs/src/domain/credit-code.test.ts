import { completeCreditCode, creditCodeCheckCharacter, creditCodeProblem, parseCreditCode } from './credit-code';

describe('the unified social credit code', () => {
  // Published codes: the GB 32100-2015 example, then Xiaomi, Tencent, Alibaba (China), Baidu, Huawei.
  const published = [
    '91350100M000100Y43',
    '91110108551385082Q',
    '9144030071526726XG',
    '91330100716105852F',
    '91110000802100433B',
    '914403001922038216',
  ];

  it.each(published)('accepts the published code %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
  });

  it('computes the check character of published codes from their first 17 characters', () => {
    for (const code of published) expect(creditCodeCheckCharacter(code.slice(0, 17))).toBe(code[17]);
  });

  it('maps a remainder of 0 to the check character 0, not to 31', () => {
    // Vary the 17th character until the weighted sum is a multiple of 31.
    const body = '5241030500000000';
    const withZero = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'].map((c) => body + c).find((b) => creditCodeCheckCharacter(b) === '0');
    expect(withZero).toBeDefined();
    expect(creditCodeProblem(`${withZero}0`)).toBeNull();
  });

  it('refuses a wrong check character, naming the expected one', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toMatch(/check character is 4, but the first 17 characters give 3/);
    expect(creditCodeProblem('91110108551385082P')).toMatch(/give Q/);
  });

  it('refuses a wrong length, letters outside the alphabet and a non-numeric division code', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toMatch(/17 characters/);
    expect(creditCodeProblem('91350100M0001O0Y43')).toMatch(/"O" is not allowed/);
    expect(creditCodeProblem('913501A0M000100Y43')).toMatch(/administrative division/);
  });

  it('normalizes case and whitespace, and throws BAD_USER_INPUT for a bad code', () => {
    expect(parseCreditCode(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    expect(() => parseCreditCode('91350100M000100Y44')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'creditCode' } }),
    );
  });

  it('refuses to complete a body with characters outside the alphabet', () => {
    expect(() => completeCreditCode('52410305MJ8XYZ123')).toThrow(/not a 17-character/);
  });

  it('completes a 17-character body so that the result validates', () => {
    const code = completeCreditCode('52410305MJ8XY0123');
    expect(code).toHaveLength(18);
    expect(creditCodeProblem(code)).toBeNull();
  });
});
