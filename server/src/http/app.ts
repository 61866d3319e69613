import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { GraphQLSchema } from 'graphql';
import http from 'node:http';
import type { AuthHttp } from '../auth/http-auth';
import { DatabaseUnavailableError } from '../db/executor';
import { createContext, type GraphQLContext, type Services } from '../graphql/context';
import { ErrorCode } from '../graphql/errors';
import { introspectionLimitRule } from '../graphql/introspection-limit';
import { releasePlugin } from '../graphql/release-plugin';
import { logger as rootLogger } from '../logger';
import { downloadHandlers } from './download';
import { bindRequestLog, currentLog, requestLog } from './request-log';
import { EventLoopMonitor, isLoopbackPeer } from './event-loop';
import { costPlugin, formatGraphQLError, queryOnlyPlugin, versionExtensions, versionPlugin } from './graphql-plugins';
import type { RequestGuards } from './request-guards';
import { mountExports } from './export';

export const MAX_BODY = '100kb';
export const MAX_TOKENS = 2000;

export interface AppOptions {
  schema: GraphQLSchema;
  services: Services;
  /** Reported in every response's `extensions`. */
  versions: () => { datasetVersion: string; modelVersion?: string | null; release?: number };
  development: boolean;
  /** Admission control and the read cache (request-guards.ts); none when absent. */
  guards?: RequestGuards;
  /** API keys and website sessions (auth/http-auth.ts); everyone is anonymous when absent. */
  auth?: AuthHttp;
  /** Where the model files are (for the out-of-fold predictions download); default models/served/. */
  modelsDir?: string;
  log?: (message: string, err?: unknown) => void;
}

/** body-parser's error types (all caused by the request) and what the client is told. */
const BODY_PARSER_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  'entity.too.large': { status: 413, code: ErrorCode.PAYLOAD_TOO_LARGE, message: `request body exceeds ${MAX_BODY}` },
  'entity.parse.failed': { status: 400, code: ErrorCode.BAD_REQUEST, message: 'request body is not valid JSON' },
  'charset.unsupported': { status: 415, code: ErrorCode.UNSUPPORTED_CHARSET, message: 'request body charset is not supported; send UTF-8 JSON' },
  'encoding.unsupported': {
    status: 415,
    code: ErrorCode.UNSUPPORTED_CONTENT_ENCODING,
    message: 'Content-Encoding is not supported; send identity, gzip or deflate',
  },
  'request.aborted': { status: 400, code: ErrorCode.BAD_REQUEST, message: 'request body was aborted' },
  'request.size.invalid': { status: 400, code: ErrorCode.BAD_REQUEST, message: 'request body length does not match Content-Length' },
};

/**
 * Apollo answers some malformed requests (batching, CSRF, bad `variables`, methods) before its
 * request pipeline, so without the version extensions; they are added to those error bodies here.
 */
function withVersionExtensions(versions: AppOptions['versions']) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (typeof body === 'string' && res.statusCode >= 400 && body.length < 64 * 1024 && !body.includes('"datasetVersion"')) {
        try {
          const parsed = JSON.parse(body) as { extensions?: Record<string, unknown> };
          if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
            parsed.extensions = { ...parsed.extensions, ...versionExtensions(versions) };
            body = JSON.stringify(parsed);
          }
        } catch {
          // Not JSON: sent as it is.
        }
      }
      return send(body);
    };
    next();
  };
}

export async function createApp(opts: AppOptions) {
  const log = opts.log ?? ((m: string, e?: unknown) => currentLog(rootLogger).error({ err: e }, m));
  const app = express();
  app.use(requestLog(rootLogger), bindRequestLog);
  app.disable('x-powered-by');
  // The API answers data, never pages: nothing in a response may run, be framed or be sniffed.
  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } }));
  const httpServer = http.createServer(app);
  // Clients that pool connections (the site's server above all) must never be the side that finds an
  // idle connection closed under them: keep idle sockets longer than their pools do (Node: 5 s).
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  // Requests Node's HTTP parser refuses before Express sees them (headers over the limit, bad
  // framing) get the API's JSON error shape too, instead of Node's bare status line.
  httpServer.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || (socket as { _httpMessage?: unknown })._httpMessage) {
      socket.destroy();
      return;
    }
    const [status, code, message] =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'REQUEST_HEADERS_TOO_LARGE', 'the request headers are larger than the server accepts']
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'REQUEST_TIMEOUT', 'the request was not received in time']
          : [400, ErrorCode.BAD_REQUEST, 'the request is not valid HTTP'];
    const body = JSON.stringify({ errors: [{ message, extensions: { code } }], extensions: versionExtensions(opts.versions) });
    const reason = http.STATUS_CODES[status] ?? 'Bad Request';
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });

  const armor = new ApolloArmor({
    // Introspection is bounded by its own rule (introspection-limit.ts): the standard query is 21 deep.
    maxDepth: { n: 15, ignoreIntrospection: true },
    maxAliases: { n: 15 },
    // Armor's token limit parses in a plugin hook, where a syntax error becomes a 500: graphql-js's
    // own maxTokens (parseOptions below) fails the parse itself, a 400 GRAPHQL_PARSE_FAILED.
    maxTokens: { enabled: false },
    maxDirectives: { n: 20 },
    // Replaced by our cost plugin, which multiplies nested lists by their page size.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: !opts.development },
  });
  const protection = armor.protect();

  const apollo = new ApolloServer<GraphQLContext>({
    schema: opts.schema,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: opts.development,
    introspection: true,
    parseOptions: { maxTokens: MAX_TOKENS },
    validationRules: [...protection.validationRules, introspectionLimitRule(opts.schema)],
    plugins: [
      ...protection.plugins,
      queryOnlyPlugin,
      releasePlugin,
      costPlugin(() => ({ catalogMaxAtoms: opts.services.predictions.largestTrainingAtomCount ?? undefined })),
      versionPlugin(opts.versions),
      ...(opts.auth ? [opts.auth.plugin] : []),
      ...(opts.guards?.plugins ?? []),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
    ],
    formatError: formatGraphQLError(log, opts.development),
  });
  await apollo.start();

  const eventLoop = new EventLoopMonitor();
  httpServer.on('close', () => eventLoop.stop());
  // Delay over the current window (resolution 10 ms); see event-loop.ts. Only a caller on this
  // machine, not forwarded by a proxy, may start a new window (?reset=1).
  app.get('/health/event-loop', (req, res) => {
    const reset = req.query.reset === '1' && isLoopbackPeer(req);
    res.set('cache-control', 'no-store').json(reset ? eventLoop.readAndReset() : eventLoop.read());
  });

  app.get('/health', async (_req, res) => {
    const dataset = await opts.services.catalog.dataset().catch(() => null);
    res.status(dataset ? 200 : 503).json({ status: dataset ? 'ok' : 'database unavailable', ...opts.versions() });
  });

  if (opts.guards) app.use('/download', ...opts.guards.beforeBody);
  const downloads = downloadHandlers(opts.services.catalog, () => opts.versions().datasetVersion, opts.services.releases);
  app.get('/download/clusters.json', (req, res, next) => downloads.json(req, res).catch(next));
  app.get('/download/clusters.csv', (req, res, next) => downloads.csv(req, res).catch(next));
  app.get('/download/releases/:release/clusters.json', (req, res, next) => downloads.json(req, res).catch(next));
  app.get('/download/releases/:release/clusters.csv', (req, res, next) => downloads.csv(req, res).catch(next));
  mountExports(app, opts.services, opts.versions, opts.modelsDir);

  if (opts.auth) app.use('/auth/session', ...(opts.guards?.beforeBody ?? []), opts.auth.sessionRouter);

  // Authentication first: admission control charges an authenticated request to its key, not its address.
  app.use(
    '/graphql',
    withVersionExtensions(opts.versions),
    ...(opts.auth?.middleware ?? []),
    ...(opts.guards?.beforeBody ?? []),
    express.json({ limit: MAX_BODY }),
    ...(opts.guards?.afterBody ?? []),
    expressMiddleware(apollo, { context: async ({ req }) => createContext(opts.services, opts.auth?.viewerOf(req) ?? null) }),
  );

  // Body-parser and handler failures become JSON errors with a stable code, never an HTML 500 page.
  app.use((err: { type?: string; status?: number; message?: string; charset?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const fail = (status: number, code: string, message: string) =>
      res.status(status).json({ errors: [{ message, extensions: { code } }], extensions: versionExtensions(opts.versions) });
    const clientError = err.type ? BODY_PARSER_ERRORS[err.type] : undefined;
    if (clientError) fail(clientError.status, clientError.code, clientError.message);
    else if (err instanceof DatabaseUnavailableError) fail(503, ErrorCode.SERVICE_UNAVAILABLE, 'The database is unavailable right now; try again shortly.');
    else if (err.status && err.status >= 400 && err.status < 500) fail(err.status, ErrorCode.BAD_REQUEST, 'the request could not be read');
    else {
      log('unexpected HTTP error:', err);
      fail(500, ErrorCode.INTERNAL, 'Internal server error');
    }
  });

  return { app, httpServer, apollo };
}
