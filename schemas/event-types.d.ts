export declare const declarationsPath: string;
export declare const constantsPath: string;
/** The text of generated/events.d.ts (types) and generated/events.js (constants), from the schemas given (default: events/**). */
export declare function generateEventTypes(
  schemas?: Record<string, import('./index').EventSchema>,
): Promise<{ declarations: string; constants: string }>;
