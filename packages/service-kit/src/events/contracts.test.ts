import { TOPICS } from '@sanshe/schemas/generated/events';
import { EventContracts, majorVersionOf } from './contracts';
import { EventFactory } from './outbox';
import { parseCloudEvent } from '@sanshe/domain-kit';

describe('event contracts', () => {
  const contracts = new EventContracts();

  it('compiles every schema in schemas/events and maps each type to its context topic', () => {
    expect(Object.keys(contracts.schemas).length).toBeGreaterThan(5);
    expect(contracts.topicFor('cn.sanshe.activities.activity.published.v1')).toBe(TOPICS.ACTIVITIES_V1);
    expect(contracts.topicFor('cn.sanshe.registry.community.created.v1')).toBe(TOPICS.REGISTRY_V1);
    for (const topic of contracts.topics()) expect(topic).toMatch(/^sanshe\.[a-z-]+\.v\d+$/);
  });

  it('reads the major version from the type', () => {
    expect(majorVersionOf('cn.sanshe.credits.points.awarded.v2')).toBe(2);
    expect(() => majorVersionOf('cn.sanshe.credits.points.awarded')).toThrow(/major version/);
  });

  it('names what is wrong with a payload that breaks its contract', () => {
    const reason = contracts.check('cn.sanshe.registry.community.created.v1', { communityId: 'c1', name: '南口社区', urban: 'yes' });
    expect(reason).toContain('streetId');
    expect(reason).toContain('/urban');
    expect(
      contracts.check('cn.sanshe.registry.community.created.v1', { communityId: 'c1', name: '南口社区', streetId: 's1', urban: true }),
    ).toBeNull();
    expect(contracts.check('cn.sanshe.nowhere.thing.v1', {})).toMatch(/no contract/);
  });

  it('never lets an invalid event into the outbox', () => {
    const factory = new EventFactory('registry', contracts);
    expect(() => factory.create('cn.sanshe.registry.community.created.v1', 'c1', { communityId: 'c1' })).toThrow(/breaks its contract/);
  });

  it('builds a structured-mode CloudEvent keyed by the aggregate id', () => {
    const factory = new EventFactory('registry', contracts);
    const entry = factory.create(
      'cn.sanshe.registry.community.created.v1',
      'c1',
      { communityId: 'c1', name: '南口社区', streetId: 's1', urban: true },
      '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    );
    expect(entry).toMatchObject({
      topic: TOPICS.REGISTRY_V1,
      key: 'c1',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    });
    const parsed = parseCloudEvent(entry.payload);
    expect(parsed).toMatchObject({
      event: {
        specversion: '1.0',
        id: entry.id,
        source: 'registry',
        type: 'cn.sanshe.registry.community.created.v1',
        subject: 'c1',
        datacontenttype: 'application/json',
      },
    });
  });

  it('explains why a record is not a usable CloudEvent', () => {
    expect(parseCloudEvent(Buffer.from('not json'))).toEqual({ error: 'record value is not JSON' });
    expect(parseCloudEvent('{"id":"1"}')).toMatchObject({ error: expect.stringContaining('missing specversion') });
    expect(parseCloudEvent(null)).toEqual({ error: 'record has no value' });
  });
});
