import { jwtVerify } from 'jose';
import { startStubGateway, type StubStack } from './stub-subgraph';

async function mint(stack: StubStack, body: unknown): Promise<{ status: number; body: { token?: string; error?: string } }> {
  const res = await fetch(`${stack.origin}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { token?: string; error?: string } };
}

describe('the development token endpoint', () => {
  describe('in development', () => {
    let stack: StubStack;
    beforeAll(async () => {
      stack = await startStubGateway({ NODE_ENV: 'development' });
    });
    afterAll(() => stack?.stop());

    it('mints a one-hour token with the chosen role and scope, which the gateway accepts', async () => {
      const { status, body } = await mint(stack, { roles: ['COMMUNITY_STAFF'], communityIds: ['community-042'] });
      expect(status).toBe(200);
      const { payload } = await jwtVerify(body.token!, new TextEncoder().encode(stack.config.JWT_SECRET), {
        issuer: stack.config.JWT_ISSUER,
        audience: stack.config.JWT_AUDIENCE,
      });
      expect(payload).toMatchObject({ roles: ['COMMUNITY_STAFF'], communityIds: ['community-042'] });
      expect(payload.exp! - payload.iat!).toBe(3600);
      const answer = await stack.post({ query: '{ tree { id } }' }, { authorization: `Bearer ${body.token}` });
      expect(answer.body).toEqual({ data: { tree: { id: 'n0' } } });
    });

    it('refuses a role without the scope it acts in, saying which scope is missing', async () => {
      const { status, body } = await mint(stack, { roles: ['COMMUNITY_STAFF'] });
      expect(status).toBe(400);
      expect(body.error).toMatch(/community/);
      const unknown = await mint(stack, { roles: ['MAYOR'] });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error).toMatch(/Unknown role "MAYOR"/);
    });

    it('tells the console to offer the role picker', async () => {
      const res = await fetch(`${stack.origin}/console/config.json`);
      expect(await res.json()).toMatchObject({
        signIn: 'development',
        roles: expect.arrayContaining(['DISTRICT_ADMIN', 'COMMUNITY_STAFF']),
      });
    });
  });

  describe('with NODE_ENV=production', () => {
    let stack: StubStack;
    beforeAll(async () => {
      // The console is off by default in production; switched on, it must still offer no development sign-in.
      stack = await startStubGateway({
        NODE_ENV: 'production',
        PLAYGROUND: 'true',
        JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
      });
    });
    afterAll(() => stack?.stop());

    it('is absent: 404, and the console offers no picker', async () => {
      const { status } = await mint(stack, { roles: ['DISTRICT_ADMIN'] });
      expect(status).toBe(404);
      const res = await fetch(`${stack.origin}/console/config.json`);
      expect(await res.json()).toMatchObject({ signIn: 'none' });
    });
  });
});
