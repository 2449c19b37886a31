/**
 * kafkajs 2.2.4, the last release, re-arms a timer with a negative delay every time its request
 * queue checks for pending requests, even when nothing is pending and nothing is throttled
 * (tulios/kafkajs#1556, #1604, #1704; the fix in #1667 was never released). Every connection of
 * every consumer and producer therefore wakes its process about once a millisecond: about 1,700
 * event-loop wake-ups a second in an idle subgraph, some 20 ms of CPU each second, and timer
 * work that every request then queues behind.
 *
 * The replacement schedules a check only when requests wait: at the end of a broker's throttle,
 * or after kafkajs' own 10 ms interval when they wait for an in-flight slot (a finished request
 * also checks the queue). An empty queue needs no timer: `push` schedules one when it queues.
 *
 * Each connection also checks its in-flight requests for a timeout every 100 ms, another 10
 * wake-ups a second per connection for timeouts of 30 s or more; it checks every second instead,
 * so a request the broker never answers still fails within a second of its timeout.
 */

interface RequestQueueInternals {
  pending: unknown[];
  inflight: Map<number, { sentAt: number; requestTimeout: number; timeoutRequest(): void }>;
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  enforceRequestTimeout: boolean;
  requestTimeout: number;
  requestTimeoutIntervalId?: NodeJS.Timeout;
  isConnected(): boolean;
  destroy(): void;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
  scheduleRequestTimeoutCheck(): void;
}

/** kafkajs' CHECK_PENDING_REQUESTS_INTERVAL. */
const CHECK_PENDING_REQUESTS_INTERVAL_MS = 10;

function scheduleCheckPendingRequests(this: RequestQueueInternals): void {
  if (this.throttleCheckTimeoutId || this.pending.length === 0) return;
  const untilUnthrottled = this.throttledUntil - Date.now();
  this.throttleCheckTimeoutId = setTimeout(
    () => {
      this.throttleCheckTimeoutId = null;
      this.checkPendingRequests();
    },
    untilUnthrottled > 0 ? untilUnthrottled : CHECK_PENDING_REQUESTS_INTERVAL_MS,
  );
}

/** How often a connection looks for in-flight requests past their timeout (kafkajs: 100 ms). */
export const REQUEST_TIMEOUT_CHECK_MS = 1_000;

function scheduleRequestTimeoutCheck(this: RequestQueueInternals): void {
  if (!this.enforceRequestTimeout) return;
  this.destroy();
  this.requestTimeoutIntervalId = setInterval(
    () => {
      const now = Date.now();
      this.inflight.forEach((request) => {
        if (now - request.sentAt > request.requestTimeout) request.timeoutRequest();
      });
      if (!this.isConnected()) this.destroy();
    },
    Math.min(this.requestTimeout, REQUEST_TIMEOUT_CHECK_MS),
  );
}

/** The kafkajs request queue class, patched once per process (idempotent). */
export function patchKafkajsRequestQueue(): { prototype: RequestQueueInternals } {
  // A file inside kafkajs, not its public API: kafkajs is pinned at 2.2.4, the release this fixes.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const RequestQueue = require('kafkajs/src/network/requestQueue') as { prototype: RequestQueueInternals };
  RequestQueue.prototype.scheduleCheckPendingRequests = scheduleCheckPendingRequests;
  RequestQueue.prototype.scheduleRequestTimeoutCheck = scheduleRequestTimeoutCheck;
  return RequestQueue;
}

patchKafkajsRequestQueue();
