import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { DomainError } from './errors';

export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface HttpAppOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** Builds the resolver context; a DomainError thrown here becomes a 401/403 GraphQL response. */
  context: (req: IncomingMessage) => Promise<TContext>;
  maxBodyBytes: number;
  graphqlPath?: string;
  /** Extra endpoints keyed `METHOD /path`, e.g. `GET /health/live`. */
  routes?: Record<string, Route>;
  /** Called after every GraphQL response (metrics). */
  onGraphQLResponse?: (info: { status: number; durationMs: number }) => void;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function errorBody(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new BodyTooLarge());
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const HTTP_STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403 };

/**
 * A small HTTP integration for Apollo Server on node:http: body limit, JSON parsing,
 * extra routes (health, metrics, playground). Shared by the gateway and every subgraph.
 */
export function createRequestListener<TContext extends BaseContext>(opts: HttpAppOptions<TContext>): RequestListener {
  const graphqlPath = opts.graphqlPath ?? '/graphql';
  return (req, res) => {
    void handle(req, res).catch((err) => {
      if (!res.headersSent) sendJson(res, 500, errorBody('Internal server error.', 'INTERNAL_SERVER_ERROR'));
      else res.destroy(err as Error);
    });
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = opts.routes?.[`${req.method} ${url.pathname}`];
    if (route) return route(req, res);
    if (url.pathname !== graphqlPath) return sendJson(res, 404, { error: `No route for ${req.method} ${url.pathname}` });

    const started = performance.now();
    let raw: string;
    try {
      raw = await readBody(req, opts.maxBodyBytes);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        return sendJson(res, 413, errorBody(`The request body is larger than ${opts.maxBodyBytes} bytes.`, 'BAD_REQUEST'));
      }
      throw err;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = raw;
    if ((headers.get('content-type') ?? '').includes('application/json') && raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        return sendJson(res, 400, errorBody('The request body is not valid JSON.', 'BAD_REQUEST'));
      }
    }
    const response = await opts.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => {
        try {
          return await opts.context(req);
        } catch (err) {
          if (err instanceof DomainError) {
            throw new GraphQLError(err.message, { extensions: { code: err.code, http: { status: HTTP_STATUS[err.code] ?? 400 } } });
          }
          throw err;
        }
      },
    });
    const status = response.status ?? 200;
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = status;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
    opts.onGraphQLResponse?.({ status, durationMs: performance.now() - started });
  }
}
