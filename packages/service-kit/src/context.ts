import type { IncomingMessage } from 'node:http';
import type { Identity } from '@sanshe/domain-kit';
import type { Logger } from './logger';
import { childTraceparent, parseTraceparent } from './trace';

/** What every subgraph resolver receives; services add their loaders and use-cases. */
export interface RequestContext {
  identity: Identity;
  /** W3C trace context of this request, carried on into the events it causes. */
  traceparent: string;
  logger: Logger;
}

export function traceparentOf(req: IncomingMessage): string {
  const incoming = req.headers.traceparent;
  return childTraceparent(Array.isArray(incoming) ? incoming[0] : incoming);
}

export function requestLogger(logger: Logger, traceparent: string): Logger {
  const trace = parseTraceparent(traceparent);
  return trace ? logger.child({ traceId: trace.traceId }) : logger;
}
