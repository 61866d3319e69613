import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import http from 'node:http';
import type { ClusterRepository } from '../db/cluster.repository';
import { DatabaseUnavailableError } from '../db/executor';
import { createContext, type GraphQLContext, type Services } from '../graphql/context';
import { ErrorCode } from '../graphql/errors';
import { estimateQueryCost, MAX_QUERY_COST, queryTooComplex } from '../graphql/query-cost';
import { downloadHandlers } from './download';
import { EventLoopMonitor } from './event-loop';
import { mountExports } from './export';

export const MAX_BODY = '100kb';

export interface AppOptions {
  schema: GraphQLSchema;
  services: Services;
  repository: ClusterRepository;
  /** Reported in every response's `extensions`. */
  versions: () => { datasetVersion: string; modelVersion?: string | null };
  development: boolean;
  /** Where the model files are (for the out-of-fold predictions download); default models/. */
  modelsDir?: string;
  log?: (message: string, err?: unknown) => void;
}

function versionPlugin(versions: AppOptions['versions']): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind === 'single') {
            const v = versions();
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, datasetVersion: v.datasetVersion, modelVersion: v.modelVersion ?? null };
          }
        },
      };
    },
  };
}

const costPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, operation, request }) {
        if (!operation) return;
        const cost = estimateQueryCost(document, operation, request.variables ?? {});
        if (cost > MAX_QUERY_COST) throw queryTooComplex(cost);
      },
    };
  },
};

export async function createApp(opts: AppOptions) {
  const log = opts.log ?? ((m: string, e?: unknown) => console.error(m, e ?? ''));
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);

  const armor = new ApolloArmor({
    // Introspection counts too: GraphiQL's introspection query needs about 13 levels.
    maxDepth: { n: 15, ignoreIntrospection: false },
    maxAliases: { n: 15 },
    maxTokens: { n: 2000 },
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
    validationRules: protection.validationRules,
    plugins: [
      ...protection.plugins,
      costPlugin,
      versionPlugin(opts.versions),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
    ],
    formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
      const code = formatted.extensions?.code;
      if (code === ErrorCode.INTERNAL || code === undefined) {
        // Unknown errors may carry Cypher or internals: log them, tell the client nothing specific.
        log('unexpected error while answering a GraphQL request:', error);
        if (!opts.development) return { message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL }, path: formatted.path };
      }
      return formatted;
    },
  });
  await apollo.start();

  const eventLoop = new EventLoopMonitor();
  httpServer.on('close', () => eventLoop.stop());
  // Delay since the previous read (resolution 10 ms); see event-loop.ts.
  app.get('/health/event-loop', (_req, res) => {
    res.set('cache-control', 'no-store').json(eventLoop.readAndReset());
  });

  app.get('/health', async (_req, res) => {
    const dataset = await opts.services.catalog.dataset().catch(() => null);
    res.status(dataset ? 200 : 503).json({ status: dataset ? 'ok' : 'database unavailable', ...opts.versions() });
  });

  const downloads = downloadHandlers(opts.repository, () => opts.versions().datasetVersion);
  app.get('/download/clusters.json', (req, res, next) => downloads.json(req, res).catch(next));
  app.get('/download/clusters.csv', (req, res, next) => downloads.csv(req, res).catch(next));
  mountExports(app, opts.services, opts.versions, opts.modelsDir);

  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY }),
    expressMiddleware(apollo, { context: async () => createContext(opts.services) }),
  );

  // Body-parser and handler failures become JSON errors with a stable code, never an HTML 500 page.
  app.use((err: { type?: string; status?: number; message?: string }, _req: Request, res: Response, _next: NextFunction) => {
    if (err.type === 'entity.too.large') {
      res.status(413).json({ errors: [{ message: `request body exceeds ${MAX_BODY}`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    } else if (err.type === 'entity.parse.failed') {
      res.status(400).json({ errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    } else if (err instanceof DatabaseUnavailableError) {
      res.status(503).json({ errors: [{ message: 'The database is unavailable right now; try again shortly.', extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } }] });
    } else {
      log('unexpected HTTP error:', err);
      res.status(err.status && err.status >= 400 && err.status < 500 ? err.status : 500).json({ errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL } }] });
    }
  });

  return { app, httpServer, apollo };
}
