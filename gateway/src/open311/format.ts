import type { ServerResponse } from 'node:http';
import { XMLBuilder } from 'fast-xml-parser';

export type Format = 'json' | 'xml';

/**
 * A GeoReport answer before it is written: the JSON value, and the XML root element (with
 * the element each row takes when the answer is a list). In XML every list field is a
 * wrapper holding one element per row, named as GeoReport v2 names them.
 */
export interface Answer {
  status: number;
  json: unknown;
  xmlRoot: string;
  xmlRow?: string;
  headers?: Record<string, string>;
}

/** List fields and the element each of their rows takes, as GeoReport v2 nests them. */
const ROW_ELEMENT: Record<string, string> = {
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
};

const builder = new XMLBuilder({ format: true, suppressEmptyNode: false, processEntities: true });

function toXmlTree(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(toXmlTree);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      const row = ROW_ELEMENT[key];
      out[key] = Array.isArray(field) && row ? { [row]: field.map(toXmlTree) } : toXmlTree(field);
    }
    return out;
  }
  return String(value);
}

export function renderXml(answer: Pick<Answer, 'json' | 'xmlRoot' | 'xmlRow'>): string {
  const body = answer.xmlRow ? { [answer.xmlRow]: (answer.json as unknown[]).map(toXmlTree) } : toXmlTree(answer.json);
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [answer.xmlRoot]: body }) as string}`;
}

export function send(res: ServerResponse, format: Format, answer: Answer): void {
  const body = format === 'xml' ? renderXml(answer) : JSON.stringify(answer.json);
  res.writeHead(answer.status, {
    'content-type': format === 'xml' ? 'text/xml; charset=utf-8' : 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...answer.headers,
  });
  res.end(body);
}

/** GeoReport's error list: `[{"code":400,"description":"…"}]`, or `<errors><error>` in XML. */
export const errorAnswer = (status: number, description: string, headers?: Record<string, string>): Answer => ({
  status,
  json: [{ code: status, description }],
  xmlRoot: 'errors',
  xmlRow: 'error',
  ...(headers ? { headers } : {}),
});

export const listAnswer = (xmlRoot: string, xmlRow: string, rows: unknown[]): Answer => ({ status: 200, json: rows, xmlRoot, xmlRow });

/** A refusal a handler throws; the router answers it in the request's format. */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    description: string,
    readonly headers?: Record<string, string>,
  ) {
    super(description);
  }
}
