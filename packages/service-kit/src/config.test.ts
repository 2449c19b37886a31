import { baseConfigSchema, ConfigError, DEV_IDENTITY_SECRET, loadConfig } from './config';

describe('configuration in production', () => {
  it('refuses the public development identity secret', () => {
    expect(() => loadConfig(baseConfigSchema, { NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig(baseConfigSchema, { NODE_ENV: 'production', IDENTITY_SECRET: DEV_IDENTITY_SECRET })).toThrow(/IDENTITY_SECRET: the development default is public/);
  });

  it('starts with a secret of its own, and in development with the default', () => {
    expect(loadConfig(baseConfigSchema, { NODE_ENV: 'production', IDENTITY_SECRET: 'a-secret-of-our-own-32-characters' }).IDENTITY_SECRET).toBe('a-secret-of-our-own-32-characters');
    expect(loadConfig(baseConfigSchema, {}).IDENTITY_SECRET).toBe(DEV_IDENTITY_SECRET);
  });
});
