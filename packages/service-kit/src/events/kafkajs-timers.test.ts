import { patchKafkajsRequestQueue, REQUEST_TIMEOUT_CHECK_MS } from './kafkajs-timers';

// kafkajs' own request queue class, with the kit's patch applied (as importing the kit does).
const RequestQueue = patchKafkajsRequestQueue() as unknown as new (options: object) => {
  pending: unknown[];
  inflight: Map<number, unknown>;
  scheduleRequestTimeoutCheck(): void;
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  destroy(): void;
};

const quietLogger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const newQueue = () =>
  new RequestQueue({
    maxInFlightRequests: 1,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
    clientId: 'test',
    broker: 'localhost:9092',
    logger: quietLogger,
  });

describe("kafkajs' request queue, patched", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('arms no timer while nothing waits (kafkajs 2.2.4 re-armed one every millisecond)', () => {
    const queue = newQueue();
    queue.checkPendingRequests();
    expect(queue.throttleCheckTimeoutId).toBeNull();
    expect(jest.getTimerCount()).toBe(0);
    queue.destroy();
  });

  it('checks waiting requests when the broker throttle ends', () => {
    const queue = newQueue();
    const sent: string[] = [];
    queue.throttledUntil = Date.now() + 500;
    queue.pending.push({ send: () => sent.push('a'), expectResponse: true, correlationId: 1 });
    queue.checkPendingRequests();
    expect(jest.getTimerCount()).toBe(1);
    jest.advanceTimersByTime(499);
    expect(sent).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(sent).toEqual(['a']);
    // Sent, the queue is empty again: no timer is left running.
    expect(jest.getTimerCount()).toBe(0);
    queue.destroy();
  });

  it('checks again after 10 ms while requests wait for an in-flight slot', () => {
    const queue = newQueue();
    const sent: string[] = [];
    queue.inflight.set(7, {});
    queue.pending.push({ send: () => sent.push('b'), expectResponse: true, correlationId: 2 });
    queue.checkPendingRequests();
    jest.advanceTimersByTime(10);
    expect(sent).toEqual([]); // the slot is still taken: checked, and re-armed
    expect(jest.getTimerCount()).toBe(1);
    queue.inflight.clear();
    jest.advanceTimersByTime(10);
    expect(sent).toEqual(['b']);
    expect(jest.getTimerCount()).toBe(0);
    queue.destroy();
  });

  it('looks for timed-out requests once a second, and times them out', () => {
    const queue = new RequestQueue({
      maxInFlightRequests: 1,
      requestTimeout: 30_000,
      enforceRequestTimeout: true,
      clientId: 'test',
      broker: 'localhost:9092',
      logger: quietLogger,
    });
    const timedOut: number[] = [];
    queue.inflight.set(3, { sentAt: Date.now(), requestTimeout: 30_000, timeoutRequest: () => timedOut.push(3) });
    queue.scheduleRequestTimeoutCheck();
    expect(jest.getTimerCount()).toBe(1);
    jest.advanceTimersByTime(30_000);
    expect(timedOut).toEqual([]);
    jest.advanceTimersByTime(REQUEST_TIMEOUT_CHECK_MS);
    expect(timedOut).toEqual([3]);
    queue.destroy();
    expect(jest.getTimerCount()).toBe(0);
  });
});
