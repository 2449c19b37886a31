export declare const CLOUDEVENTS_CONTENT_TYPE: string;
export declare const TRACEPARENT_PATTERN: string;
export declare const ENVELOPE_REQUIRED: string[];
export declare function dataSchemaOf(schema: Record<string, unknown>): Record<string, unknown>;
export declare function envelopeSchema(type: string, schema: Record<string, unknown>): Record<string, unknown>;
export declare function headersSchema(): Record<string, unknown>;
