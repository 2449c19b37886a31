import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { ANONYMOUS, DomainError, type Identity, type Logger } from '@sanshe/service-kit';
import type { Authenticator } from '../auth';
import type { GatewayContext } from '../server';
import { Open311Store, type Open311App } from './apps';
import { errorAnswer, Open311Error, send, type Answer, type Format } from './format';
import { graphCaller } from './graph';
import { getRequest, listRequests, postRequest, type RequestCall } from './requests';
import { describeService, discovery, listServices } from './services';

export const OPEN311_PREFIX = '/open311/v2/';
/** The one jurisdiction this endpoint serves; `jurisdiction_id`, when sent, must name it. */
export const JURISDICTION_ID = 'jianxi.luoyang';

export interface Open311Options {
  apollo: ApolloServer<GatewayContext>;
  authenticate: Authenticator;
  store: Open311Store;
  maxBodyBytes: number;
  requestTimeoutMs: number;
  logger: Logger;
}

/** An app's own identity: a partner, which reads orders with personal data masked. */
export const appIdentity = (app: Open311App): Identity => ({ ...ANONYMOUS, userId: `open311:${app._id}`, roles: ['PARTNER'] });

async function readForm(req: IncomingMessage, limit: number): Promise<URLSearchParams> {
  const type = req.headers['content-type'] ?? '';
  if (!type.includes('application/x-www-form-urlencoded')) {
    throw new Open311Error(400, 'POST requests.{json,xml} takes a form: Content-Type application/x-www-form-urlencoded.');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Open311Error(413, `The form is larger than ${limit} bytes.`);
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * The GeoReport v2 facade, served by the gateway under /open311/v2/: a client of the graph
 * (it runs the same queries and mutations through the gateway's executor) that speaks
 * GeoReport's paths, form posts, JSON and XML. Returns false for paths it does not serve.
 */
export function createOpen311(options: Open311Options): (req: IncomingMessage, res: ServerResponse) => boolean {
  const graph = graphCaller(options.apollo, options.requestTimeoutMs, options.logger);

  async function app(params: URLSearchParams): Promise<Open311App> {
    const key = params.get('api_key')?.trim();
    if (!key) throw new Open311Error(400, 'api_key is required: the key your app was given at registration (docs/open311.md).');
    const found = await options.store.appByKey(key);
    if (!found) throw new Open311Error(403, 'The api_key is not registered; ask the platform operator for a key (docs/open311.md).');
    const decision = await options.store.consume(found);
    if (!decision.allowed) {
      throw new Open311Error(429, `This api_key has used its calls for the minute; try again in ${decision.retryAfterSeconds} s.`, {
        'retry-after': String(decision.retryAfterSeconds),
      });
    }
    return found;
  }

  async function route(req: IncomingMessage, path: string, query: URLSearchParams): Promise<Answer> {
    const method = req.method ?? 'GET';
    let params = query;
    if (method === 'POST' && path === 'requests') {
      params = await readForm(req, options.maxBodyBytes);
      for (const [k, v] of query) if (!params.has(k)) params.set(k, v);
    }
    const jurisdiction = params.get('jurisdiction_id')?.trim();
    if (jurisdiction && jurisdiction !== JURISDICTION_ID) {
      throw new Open311Error(404, `This endpoint serves jurisdiction_id "${JURISDICTION_ID}" only, not "${jurisdiction.slice(0, 100)}".`);
    }
    const traceparent = typeof req.headers.traceparent === 'string' ? req.headers.traceparent : undefined;
    if (method === 'GET' && path === 'discovery') return discovery(`http://${req.headers.host ?? 'localhost'}${OPEN311_PREFIX}`);
    if (method === 'GET' && path === 'services') return listServices(graph);
    const service = /^services\/([^/]+)$/.exec(path);
    if (method === 'GET' && service) return describeService(graph, decodeURIComponent(service[1]!));
    const requestId = /^requests\/([^/]+)$/.exec(path);
    if (path === 'requests' || (requestId && method === 'GET')) {
      if (method === 'POST') {
        const caller = await app(params);
        const resident = req.headers.authorization ? await options.authenticate(req.headers.authorization) : null;
        return postRequest({ graph, app: caller, appIdentity: appIdentity(caller), params, traceparent }, resident);
      }
      if (method === 'GET') {
        const caller = await app(params);
        const call: RequestCall = { graph, app: caller, appIdentity: appIdentity(caller), params, traceparent };
        return requestId ? getRequest(call, decodeURIComponent(requestId[1]!)) : listRequests(call);
      }
    }
    throw new Open311Error(404, `There is no ${method} ${OPEN311_PREFIX}${path}: see discovery.json for the endpoints.`);
  }

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(OPEN311_PREFIX)) return false;
    const match = /^(.+)\.(json|xml)$/.exec(url.pathname.slice(OPEN311_PREFIX.length));
    const format: Format = match?.[2] === 'xml' ? 'xml' : 'json';
    void (async () => {
      if (!match) throw new Open311Error(404, 'GeoReport paths end in .json or .xml, e.g. services.json; see discovery.json.');
      return route(req, match[1]!, url.searchParams);
    })()
      .catch((err: unknown) => {
        if (err instanceof Open311Error) return errorAnswer(err.status, err.message, err.headers);
        // A bad resident token: the kit's errors carry messages meant for the caller.
        if (err instanceof DomainError) return errorAnswer(403, err.message);
        options.logger.error({ err, path: url.pathname }, 'open311 request failed');
        return errorAnswer(500, 'The request could not be completed; try again later.');
      })
      .then((answer) => send(res, format, answer))
      .catch((err: unknown) => {
        options.logger.error({ err }, 'open311 answer could not be written');
        res.destroy();
      });
    return true;
  };
}

export { Open311Store };
