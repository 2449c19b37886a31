import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { DomainError } from '@sanshe/domain-kit';

export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface HttpAppOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /**
   * Builds the resolver context; a DomainError thrown here becomes a 401/403 GraphQL response.
   * `signal` aborts when the request outlives `requestTimeoutMs`, so outgoing calls can stop.
   * `rawBody` is the body as received, which a signature may be bound to.
   */
  context: (req: IncomingMessage, signal: AbortSignal, rawBody: string) => Promise<TContext>;
  maxBodyBytes: number;
  /**
   * Longest time a GraphQL request may take. Past it the caller gets HTTP 504 with code
   * REQUEST_TIMEOUT and the context's signal aborts. Unset: no limit.
   */
  requestTimeoutMs?: number;
  graphqlPath?: string;
  /** Extra endpoints keyed `METHOD /path`, e.g. `GET /health/live`. */
  routes?: Record<string, Route>;
  /** Called after every GraphQL response (metrics). */
  onGraphQLResponse?: (info: GraphQLResponseInfo<TContext>) => void;
}

export interface GraphQLResponseInfo<TContext> {
  status: number;
  durationMs: number;
  /** The context built for the request; absent when it was refused before that. */
  context?: TContext;
  /** The error code when Apollo's pipeline did not answer: body too large, bad JSON, credentials refused, timeout. */
  errorCode?: string;
}

export const REQUEST_TIMEOUT_CODE = 'REQUEST_TIMEOUT';

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

const HTTP_STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, RATE_LIMITED: 429 };

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
    let context: TContext | undefined;
    let contextErrorCode: string | undefined;
    const refuse = (status: number, message: string, code: string) => {
      sendJson(res, status, errorBody(message, code));
      opts.onGraphQLResponse?.({ status, durationMs: performance.now() - started, context, errorCode: code });
    };
    let raw: string;
    try {
      raw = await readBody(req, opts.maxBodyBytes);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        return refuse(
          413,
          `The request body is larger than ${opts.maxBodyBytes} bytes; send a smaller query or fewer variables.`,
          'BAD_REQUEST',
        );
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
        return refuse(400, 'The request body is not valid JSON.', 'BAD_REQUEST');
      }
    }
    const abort = new AbortController();
    const execution = opts.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => {
        try {
          context = await opts.context(req, abort.signal, raw);
          return context;
        } catch (err) {
          if (err instanceof DomainError) {
            contextErrorCode = err.code;
            throw new GraphQLError(err.message, { extensions: { code: err.code, http: { status: HTTP_STATUS[err.code] ?? 400 } } });
          }
          throw err;
        }
      },
    });
    const response = await withDeadline(execution, opts.requestTimeoutMs);
    if (response === TIMED_OUT) {
      abort.abort(new Error(`request exceeded ${opts.requestTimeoutMs} ms`));
      // The execution winds down on its own once its outgoing calls abort; its answer is dropped.
      execution.catch(() => undefined);
      return refuse(
        504,
        `The request took longer than ${opts.requestTimeoutMs} ms and was stopped; ask for fewer fields or items, or try again later.`,
        REQUEST_TIMEOUT_CODE,
      );
    }
    const status = response.status ?? 200;
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = status;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
    opts.onGraphQLResponse?.({ status, durationMs: performance.now() - started, context, errorCode: contextErrorCode });
  }
}

const TIMED_OUT = Symbol('timed out');

function withDeadline<T>(work: Promise<T>, ms: number | undefined): Promise<T | typeof TIMED_OUT> {
  if (!ms) return work;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
