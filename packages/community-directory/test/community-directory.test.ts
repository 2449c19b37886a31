import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { connectMongo } from '@sanshe/service-kit';
import { CommunityDirectory, type KnownCommunity } from '../src/community-directory';

const community = (n: number, streetId = 'street-1'): KnownCommunity => ({
  _id: `community-${n}`,
  name: `社区${n}`,
  streetId,
  urban: true,
});

describe('the community directory', () => {
  let connection: Connection;
  let finds: string[];
  beforeAll(async () => {
    const url = (process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017').replace(/\/?$/, '/');
    connection = await connectMongo(`${url}?monitorCommands=true`, `kit_${randomBytes(4).toString('hex')}`);
    finds = [];
    connection.getClient().on('commandStarted', (e) => {
      if (e.commandName === 'find' && (e.command as { find?: string }).find === 'known_communities')
        finds.push(JSON.stringify(e.command.filter));
    });
  });
  afterAll(() => connection.close());

  it('answers a burst of look-ups for 71 communities with one query', async () => {
    const directory = new CommunityDirectory(connection, 60_000);
    await directory.rememberAll(Array.from({ length: 71 }, (_, i) => community(i, i < 40 ? 'street-1' : 'street-2')));
    finds.length = 0;
    const found = await Promise.all(Array.from({ length: 71 }, (_, i) => directory.get(`community-${i}`)));
    expect(found.map((c) => c?.name)).toEqual(Array.from({ length: 71 }, (_, i) => `社区${i}`));
    expect(await directory.getMany(['community-3', 'nowhere', 'community-70'])).toEqual([community(3), community(70, 'street-2')]);
    expect(await directory.streetKnown('street-2')).toBe(true);
    expect(await directory.streetKnown('street-9')).toBe(false);
    expect(await directory.get('nowhere')).toBeNull();
    expect(finds).toHaveLength(1);
  });

  it("sees this process's own writes at once, through any directory object on the connection", async () => {
    const reader = new CommunityDirectory(connection, 60_000);
    const writer = new CommunityDirectory(connection, 60_000);
    expect(await reader.get('community-new')).toBeNull();
    await writer.remember(community(999, 'street-3'));
    expect(await reader.get('community-999')).toEqual(community(999, 'street-3'));
    await writer.remember({ ...community(999, 'street-3'), name: '新名字' });
    expect((await reader.get('community-999'))?.name).toBe('新名字');
  });

  it("reloads after its time to live, so another replica's writes show up", async () => {
    const directory = new CommunityDirectory(connection, 200);
    expect(await directory.get('community-elsewhere')).toBeNull();
    // Another process writes straight to the collection; this one learns of it only by reloading.
    await connection
      .collection('known_communities')
      .insertOne({ _id: 'community-elsewhere', name: '别处', streetId: 'street-4', urban: false } as never);
    await new Promise((r) => setTimeout(r, 250));
    expect((await directory.get('community-elsewhere'))?.name).toBe('别处');
  });
});
