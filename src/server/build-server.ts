import { existsSync } from 'node:fs';
import { decodeText } from '../ingest/decode-text.js';
import { join, resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance, type FastifyReply } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app/context.js';
import { health } from '../app/health.js';
import { startOverviewWarmUp } from '../app/overview-warm-up.js';
import { installAccess, PUBLIC } from './access.js';
import { addSecurityHeaders, answerExpectContinue, refuseUnstorableCharacters } from './hardening.js';
import { errorHandler } from './error-handler.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { userRoutes } from './routes/users.js';
import { workflowRoutes } from './routes/workflow.js';
import { analysisRoutes } from './routes/analysis.js';
import { datasetRoutes } from './routes/datasets.js';
import { rolloverRoutes } from './routes/rollover.js';
import { departmentRoutes } from './routes/departments.js';
import { overviewRoutes } from './routes/overview.js';
import { auditReportRoutes } from './routes/audit-report.js';
import { fileRoutes, IMPORT_CONTENT_TYPES, UPLOAD_BODY_LIMIT } from './routes/files.js';
import { healthResponse, responses } from './responses.js';
import { publicRoutes } from './routes/public.js';
import { revisionRoutes } from './routes/revisions.js';
import { ledgerRoutes } from './routes/ledger.js';

export type ServerOptions = {
  /** The built web app (web/dist): served at / when it exists, with index.html for client-side routes. */
  webDir?: string;
  /**
   * Request logging (info level; `jixiao serve` turns it on with JIXIAO_LOG=1). Errors are always logged, this
   * or not: the 500 answer says "已记录", so it must be true.
   */
  logger?: boolean;
  /**
   * Behind a reverse proxy (TLS at nginx): take the client's address and protocol from X-Forwarded-For / -Proto, so
   * login throttling counts per real address and the session cookie is marked Secure. Only when the proxy is the
   * only way in (`jixiao serve` sets it from JIXIAO_TRUST_PROXY=1).
   */
  trustProxy?: boolean;
  /** Where log lines go (default stdout); tests pass a collector. */
  logStream?: { write: (line: string) => void };
  /**
   * Warm the bureau overview's cache in the background once listening (`jixiao serve`), so the first overview
   * after a restart is answered from memory; stopped when the server closes.
   */
  warmOverview?: boolean;
};

/** JSON requests; the import routes allow UPLOAD_BODY_LIMIT. */
export const JSON_BODY_LIMIT = 1024 * 1024;

const BINARY_TYPES = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'];
const TEXT_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/plain'];

type OpenApiDocument = ReturnType<typeof jsonSchemaTransformObject>;

/** The import routes take the file itself as the body: document it (the route schemas cannot, as bytes). */
function withUploadBodies(document: OpenApiDocument): OpenApiDocument {
  const binary = { type: 'string', format: 'binary' };
  const content = Object.fromEntries(
    IMPORT_CONTENT_TYPES.map((t) => [t, { schema: t.includes('json') ? { type: 'object' } : binary }]),
  );
  const paths = (document as { paths?: Record<string, Record<string, Record<string, unknown>>> }).paths ?? {};
  for (const path of ['/api/import', '/api/datasets/{id}/import']) {
    const post = paths[path]?.['post'];
    if (post !== undefined)
      post['requestBody'] = { required: true, description: '文件本身（xlsx、yaml、json）', content };
  }
  return document;
}

/** Registers the built web app if there is one; returns whether it did. */
function serveWeb(app: FastifyInstance, webDir: string | undefined): boolean {
  const root = resolve(webDir ?? 'web/dist');
  if (!existsSync(join(root, 'index.html'))) return false;
  void app.register(fastifyStatic, { root, wildcard: false, preCompressed: true, setHeaders: cacheForever });
  return true;
}

/**
 * The build's files under assets/ carry their content's hash in their name, so a browser may keep them for good and
 * not even ask again on a reload; index.html (which names them) is asked for every time (max-age=0, ETag).
 */
function cacheForever(reply: FastifyReply, path: string): void {
  if (/[\\/]assets[\\/][^\\/]+-[\w-]{8}\.\w+(\.br|\.gz)?$/.test(path))
    void reply.header('cache-control', 'public, max-age=31536000, immutable');
}

/** Starts the overview warm-up once listening (never delaying `listen`) and stops it when the server closes. */
function warmOverviewOnListen(app: FastifyInstance, ctx: AppContext): void {
  let warmUp: ReturnType<typeof startOverviewWarmUp> | undefined;
  app.addHook('onListen', (done) => {
    warmUp ??= startOverviewWarmUp(ctx);
    done();
  });
  app.addHook('onClose', async () => {
    await warmUp?.stop();
  });
}

/** The HTTP API (and the web app when built) over one application context. */
export async function buildServer(ctx: AppContext, options: ServerOptions = {}): Promise<FastifyInstance> {
  z.config(z.locales.zhCN());
  const level = options.logger === true ? 'info' : 'error';
  const app = Fastify({
    logger: options.logStream === undefined ? { level } : { level, stream: options.logStream },
    logController: new LogController({ disableRequestLogging: options.logger !== true }),
    bodyLimit: JSON_BODY_LIMIT,
    // On close, end keep-alive connections too, so that shutdown (and each test) does not wait on idle clients.
    forceCloseConnections: true,
    trustProxy: options.trustProxy === true,
    // A client that stalls is cut off: the whole request (headers and body) within 60 s, idle keep-alive after 5 s.
    requestTimeout: 60_000,
    connectionTimeout: 0,
    keepAliveTimeout: 5_000,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addContentTypeParser(BINARY_TYPES, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  // A YAML/JSON upload is decoded as a file on disk is (UTF-8, UTF-16 with a BOM, GBK / GB18030); bytes that are
  // none of them stay bytes, and the import answers FILE_ENCODING naming what they look like.
  app.addContentTypeParser(TEXT_TYPES, { parseAs: 'buffer' }, (_req, body, done) => {
    const decoded = decodeText(body as Buffer);
    done(null, decoded.ok ? decoded.text : body);
  });
  // Use cases report what only an operator should see (an unreadable row skipped in a list) to the server log.
  const appCtx: AppContext = ctx.log === undefined ? { ...ctx, log: { error: (d, m) => app.log.error(d, m) } } : ctx;
  await app.register(fastifyCookie);
  addSecurityHeaders(app);
  refuseUnstorableCharacters(app);
  installAccess(app, appCtx);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Jixiao 绩效 API',
        description: '部门整体支出预算绩效自评：数据集、版本、计算、核对、评分、报告、导入导出',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
    transformObject: (document) => withUploadBodies(jsonSchemaTransformObject(document)),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { access: PUBLIC }, schema: { hide: true } }, () => app.swagger());
  app.get(
    '/api/health',
    {
      config: { access: PUBLIC },
      schema: { tags: ['系统'], summary: '健康检查', response: responses(200, healthResponse) },
    },
    () => health(ctx),
  );
  for (const routes of [
    authRoutes,
    userRoutes,
    workflowRoutes,
    auditRoutes,
    departmentRoutes,
    datasetRoutes,
    rolloverRoutes,
    revisionRoutes,
    analysisRoutes,
    fileRoutes,
    auditReportRoutes,
    publicRoutes,
    overviewRoutes,
    ledgerRoutes,
  ])
    routes(app, appCtx);
  answerExpectContinue(app, UPLOAD_BODY_LIMIT);
  if (options.warmOverview === true) warmOverviewOnListen(app, appCtx);
  const web = serveWeb(app, options.webDir);
  // Client-side routes of the web app get index.html; everything else that is unknown is a Chinese 404.
  app.setNotFoundHandler((request, reply) =>
    web && request.method === 'GET' && !request.url.startsWith('/api/')
      ? reply.sendFile('index.html')
      : reply.code(404).send({ error: 'NOT_FOUND', message: `未找到：${request.method} ${request.url}` }),
  );
  return app;
}
