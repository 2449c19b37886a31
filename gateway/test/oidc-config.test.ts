import { generateKeySet } from '@sanshe/service-kit';
import { gatewayConfigSchema } from '../src/config';

const ISSUER = 'https://id.district.example/realms/sanshe';
const prod = { NODE_ENV: 'production', IDENTITY_SIGNING_KEY: generateKeySet('prod').IDENTITY_SIGNING_KEY, PLAYGROUND: 'true' };

describe('the console OIDC configuration', () => {
  it('accepts an issuer whose keys and name the gateway verifies tokens with', () => {
    const config = gatewayConfigSchema.parse({
      ...prod,
      CONSOLE_OIDC_ISSUER: ISSUER,
      JWT_ISSUER: ISSUER,
      JWKS_URL: `${ISSUER}/protocol/openid-connect/certs`,
    });
    expect(config).toMatchObject({ CONSOLE_OIDC_ISSUER: ISSUER, JWT_ISSUER: ISSUER });
    // No local secret is needed, so none can be leaked or guessed.
    expect(config.JWT_SECRET).toBeUndefined();
  });

  it('refuses a console issuer without its JWKS, which would sign people in to a gateway that refuses them', () => {
    expect(() =>
      gatewayConfigSchema.parse({
        ...prod,
        JWT_SECRET: generateKeySet('prod').JWT_SECRET,
        CONSOLE_OIDC_ISSUER: ISSUER,
        JWT_ISSUER: ISSUER,
      }),
    ).toThrow(/JWKS_URL is required with CONSOLE_OIDC_ISSUER/);
  });

  it('refuses a console issuer other than the one tokens must name', () => {
    expect(() => gatewayConfigSchema.parse({ ...prod, CONSOLE_OIDC_ISSUER: ISSUER, JWKS_URL: `${ISSUER}/certs` })).toThrow(
      /JWT_ISSUER is .*sanshe-local.* but the console signs in at CONSOLE_OIDC_ISSUER/,
    );
    expect(() =>
      gatewayConfigSchema.parse({ ...prod, CONSOLE_OIDC_ISSUER: ISSUER, JWT_ISSUER: `${ISSUER}/`, JWKS_URL: `${ISSUER}/certs` }),
    ).toThrow(/JWT_ISSUER/);
  });
});
