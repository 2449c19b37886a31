/** One event waiting in a document's outbox (service-kit's outbox plugin stores it, its relay publishes it). */
export interface OutboxEntry {
  id: string;
  type: string;
  topic: string;
  key: string;
  payload: string;
  traceparent?: string;
  createdAt: Date;
}
