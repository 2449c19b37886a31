import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { loadEventSchemas, type EventSchema } from '@sanshe/schemas';

export class EventContractError extends Error {}

/** `cn.sanshe.activities.activity.published.v1` → major version 1. */
export function majorVersionOf(type: string): number {
  const m = /\.v(\d+)$/.exec(type);
  if (!m) throw new EventContractError(`event type ${type} does not end in a major version (.vN)`);
  return Number(m[1]);
}

/**
 * The event contracts in schemas/events, compiled once. Producers validate before an
 * event enters the outbox; consumers validate every record they take.
 */
export class EventContracts {
  private readonly validators = new Map<string, ValidateFunction>();
  readonly schemas: Record<string, EventSchema>;

  constructor(schemas: Record<string, EventSchema> = loadEventSchemas()) {
    this.schemas = schemas;
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    for (const [type, schema] of Object.entries(schemas)) {
      majorVersionOf(type);
      this.validators.set(type, ajv.compile(schema));
    }
  }

  has(type: string): boolean {
    return this.validators.has(type);
  }

  /** The topic of a type: one per bounded context and major version, e.g. `sanshe.activities.v1`. */
  topicFor(type: string): string {
    const schema = this.schemas[type];
    if (!schema) throw new EventContractError(`no contract in schemas/events for event type ${type}`);
    return `sanshe.${schema['x-context']}.v${majorVersionOf(type)}`;
  }

  dataschemaFor(type: string): string | undefined {
    return this.schemas[type]?.$id;
  }

  /** Returns null when `data` satisfies the contract of `type`, else a readable reason. */
  check(type: string, data: unknown): string | null {
    const validate = this.validators.get(type);
    if (!validate) return `no contract in schemas/events for event type ${type}`;
    if (validate(data)) return null;
    return (validate.errors ?? []).map((e) => `${e.instancePath || '(data)'} ${e.message ?? 'is invalid'}`).join('; ');
  }

  assertValid(type: string, data: unknown): void {
    const reason = this.check(type, data);
    if (reason) throw new EventContractError(`event ${type} breaks its contract: ${reason}`);
  }

  topics(): string[] {
    return [...new Set(Object.keys(this.schemas).map((t) => this.topicFor(t)))].sort();
  }
}
