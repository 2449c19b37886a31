// eslint-disable-next-line @typescript-eslint/no-require-imports
const capacity = require('../model.js') as {
  cpuMsPerRequest(load: unknown): Record<string, Record<string, number>>;
  mixedCpuMs(perWorkload: Record<string, Record<string, number>>, mix: Record<string, number>): Record<string, number>;
  peakRequestsPerSecond(residents: number, a: unknown): number;
  model(
    residents: number,
    cpuMs: Record<string, number>,
    a: unknown,
  ): {
    peakRps: number;
    topics: Record<string, { eventsPerSecond: number; partitions: number }>;
    replicas: Record<string, { cores: number; replicas: number }>;
    gatewaySaturatesAtRps: number;
    rustRouter: boolean;
    storageGiBPerYear: number;
  };
};

const run = (rps: number, cpu: Record<string, number>) => ({
  gateway: { rps, cpu: { processes: Object.fromEntries(Object.entries(cpu).map(([p, c]) => [p, { cpuPercent: c }])) } },
});
const A = {
  dailyActiveShare: 0.1,
  requestsPerActiveResidentPerDay: 36,
  peakHourShareOfDay: 0.1,
  peakBurstFactor: 1,
  workloadMix: { read: 0.5, mutations: 0.5 },
  eventsPerMutationByTopic: { 'sanshe.a.v1': 2 },
  eventsPerPartitionPerSecond: 10,
  minPartitions: 3,
  targetCpuUtilization: 0.5,
  minReplicas: 2,
  bytesPerStoredEvent: 1024,
  storedDocumentsPerEvent: 1,
  indexOverhead: 0,
  gatewayReplicasBeforeRustRouter: 4,
};

describe('the capacity model', () => {
  it('derives CPU ms per request from CPU % and requests/s, less each process idle CPU', () => {
    const perWorkload = capacity.cpuMsPerRequest({ read: run(100, { gateway: 55, svc: 25 }), mutations: run(10, { gateway: 15, svc: 5 }) });
    // gateway idles at 15 %: (55 − 15) % of a core over 100 req/s = 4 ms; svc idles at 5 %: 2 ms.
    expect(perWorkload.read).toEqual({ gateway: 4, svc: 2 });
    expect(perWorkload.mutations).toEqual({ gateway: 0, svc: 0 });
    expect(capacity.mixedCpuMs(perWorkload, { read: 0.5, mutations: 0.5 })).toEqual({ gateway: 2, svc: 1 });
  });

  it('turns residents into peak requests, events, partitions, replicas and storage', () => {
    // 100,000 residents × 10 % active × 36 requests = 360,000 a day; 10 % in the peak hour = 10 req/s.
    expect(capacity.peakRequestsPerSecond(100_000, A)).toBeCloseTo(10);
    const m = capacity.model(1_000_000, { gateway: 100, svc: 25 }, A);
    expect(m.peakRps).toBeCloseTo(100);
    // Half are mutations, two events each: 100 events/s at peak, 10 per partition.
    expect(m.topics['sanshe.a.v1']!.eventsPerSecond).toBeCloseTo(100);
    expect(m.topics['sanshe.a.v1']!.partitions).toBe(10);
    // 100 req/s × 100 ms = 10 cores, at 50 % target: 20 gateway replicas; svc 2.5 cores → 5.
    expect(m.replicas.gateway).toEqual({ cores: 10, replicas: 20 });
    expect(m.replicas.svc!.replicas).toBe(5);
    expect(m.gatewaySaturatesAtRps).toBe(10);
    expect(m.rustRouter).toBe(true);
    // 100 events/s at peak = 10 % of a day's events in an hour: 3.6 M a day, × 365 × 1 KiB.
    expect(m.storageGiBPerYear).toBeCloseTo((3_600_000 * 365 * 1024) / 2 ** 30);
  });

  it('keeps the minimum partitions and replicas when the load is small', () => {
    const m = capacity.model(1_000, { gateway: 1, svc: 1 }, A);
    expect(m.topics['sanshe.a.v1']!.partitions).toBe(3);
    expect(m.replicas.svc!.replicas).toBe(2);
    expect(m.rustRouter).toBe(false);
  });
});
