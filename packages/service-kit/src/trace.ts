import { randomBytes } from 'node:crypto';

/** W3C trace context: `00-<32 hex trace id>-<16 hex span id>-<2 hex flags>`. */
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

export function parseTraceparent(value: string | undefined | null): { traceId: string; spanId: string } | null {
  if (!value) return null;
  const m = TRACEPARENT.exec(value.trim());
  if (!m || /^0+$/.test(m[1]!) || /^0+$/.test(m[2]!)) return null;
  return { traceId: m[1]!, spanId: m[2]! };
}

/** Continues the caller's trace with a new span, or starts a new trace. */
export function childTraceparent(parent: string | undefined | null): string {
  const parsed = parseTraceparent(parent);
  const traceId = parsed?.traceId ?? randomBytes(16).toString('hex');
  return `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
}
