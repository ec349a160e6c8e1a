import fc from 'fast-check';
import {
  brokenJsonText,
  buildWorkbook,
  datasetText,
  editedTemplate,
  encodeQueryValue,
  fileName,
  hostileString,
  hostileValue,
  workbookKit,
  workbookRecipe,
} from './fuzz-inputs.js';
import { jsonText, type FuzzCase, type FuzzWorld, type Step, type Tree } from './fuzz-world.js';
import type { Identity } from './testing.js';

/**
 * 攻击面: every way a request reaches the server, each a fast-check arbitrary of cases (one or a few requests).
 * `fuzz.test.ts` runs a few hundred cases of each, `bench/fuzz.ts` ten thousand.
 */
export type Surface = { name: string; cases: (world: FuzzWorld) => Promise<fc.Arbitrary<FuzzCase>> };

const weighted = <T>(...items: [T, number][]): fc.Arbitrary<T> =>
  fc.oneof(...items.map(([value, weight]) => ({ arbitrary: fc.constant(value), weight })));

const anyone = weighted<Identity>(['editor', 4], ['reviewer', 2], ['admin', 1], ['anonymous', 2]);

/** The seed document with a fresh contact (a save that changes nothing writes nothing). */
function seedWithContact(world: FuzzWorld, contact = '模糊测试联系人@@serial@@'): Record<string, Tree> {
  const document = world.seedDocument as Record<string, Tree>;
  return { ...document, department: { ...(document['department'] as Record<string, Tree>), contact } };
}

/** A JSON body route: the template is a valid request, which the fuzz breaks. */
type BodyRoute = { method: string; path: string; as: fc.Arbitrary<Identity>; template: Tree };

function bodyRoutes(world: FuzzWorld): BodyRoute[] {
  const document = seedWithContact(world);
  return [
    {
      method: 'POST',
      path: '/api/auth/login',
      as: weighted<Identity>(['anonymous', 3], ['editor', 1]),
      template: { name: 'fuzz-nobody', password: 'wrong-password-1' },
    },
    {
      method: 'POST',
      path: '/api/auth/password',
      as: anyone,
      template: { currentPassword: 'not-the-password', newPassword: 'another-password-2' },
    },
    {
      method: 'POST',
      path: '/api/users',
      as: weighted<Identity>(['admin', 4], ['editor', 1], ['anonymous', 1]),
      template: {
        name: 'fuzz-@@serial@@',
        displayName: '模糊测试',
        role: 'reviewer',
        departmentIds: [],
        password: 'fuzz-password-1',
      },
    },
    {
      method: 'PATCH',
      path: '/api/users/@@user@@',
      as: weighted<Identity>(['admin', 4], ['reviewer', 1]),
      template: { displayName: '模糊测试（改）@@serial@@', role: 'reviewer', disabled: false },
    },
    {
      method: 'POST',
      path: '/api/departments',
      as: weighted<Identity>(['admin', 4], ['editor', 1]),
      template: { code: 'FZ@@serial@@', name: '模糊部门@@serial@@', parentId: null },
    },
    {
      method: 'PATCH',
      path: '/api/departments/@@department@@',
      as: weighted<Identity>(['admin', 4], ['editor', 1]),
      template: { name: '模糊测试局（bodies）' },
    },
    {
      method: 'POST',
      path: '/api/datasets',
      as: weighted<Identity>(['editor', 4], ['reviewer', 1]),
      template: { departmentId: '@@num:department@@', document: { ...document, fiscalYear: 2099 } },
    },
    {
      method: 'PUT',
      path: '/api/datasets/@@dataset@@',
      as: weighted<Identity>(['editor', 6], ['reviewer', 1], ['anonymous', 1]),
      template: { baseRevision: '@@num:latest@@', document, note: '模糊测试' },
    },
    {
      method: 'POST',
      path: '/api/datasets/@@dataset@@/submit',
      as: weighted<Identity>(['editor', 4], ['reviewer', 1]),
      template: { revisionNo: '@@num:latest@@', explanations: world.explanations },
    },
    {
      method: 'POST',
      path: '/api/datasets/@@dataset@@/return',
      as: weighted<Identity>(['reviewer', 4], ['editor', 1]),
      template: { revisionNo: '@@num:latest@@', comment: '退回（模糊测试）' },
    },
    {
      method: 'POST',
      path: '/api/datasets/@@dataset@@/approve',
      as: weighted<Identity>(['reviewer', 4], ['editor', 1]),
      template: { revisionNo: '@@num:latest@@' },
    },
    {
      method: 'POST',
      path: '/api/datasets/@@dataset@@/publish',
      as: weighted<Identity>(['reviewer', 4], ['admin', 1]),
      template: { revisionNo: '@@num:latest@@' },
    },
    {
      method: 'POST',
      path: '/api/datasets/@@dataset@@/comments',
      as: weighted<Identity>(['reviewer', 2], ['editor', 2]),
      template: { revisionNo: '@@num:latest@@', body: '请核对（模糊测试）', path: '$.income.basic' },
    },
  ];
}

/** The template as is, edited in its own fields (not deep inside a document), replaced, or as broken JSON. */
function bodyOf(template: Tree): fc.Arbitrary<Tree | Buffer> {
  return fc.oneof(
    { arbitrary: fc.constant(template), weight: 2 },
    { arbitrary: editedTemplate(template, 2, 2), weight: 8 },
    { arbitrary: hostileValue, weight: 1 },
    { arbitrary: brokenJsonText(jsonText(template)), weight: 2 },
  );
}

/** A JSON body, or bytes sent as JSON. */
function jsonStep(method: string, path: string, as: Identity, body: Tree | Buffer): Step {
  return Buffer.isBuffer(body)
    ? { method, path, as, body, headers: [['Content-Type', 'application/json']] }
    : { method, path, as, json: body };
}

/** Every JSON body of every POST / PUT / PATCH route (but the dataset document, which has its own surface). */
const bodies: Surface = {
  name: 'json-bodies',
  cases: (world) => {
    const routes = bodyRoutes(world).map((route) => fc.tuple(fc.constant(route), route.as, bodyOf(route.template)));
    return Promise.resolve(
      fc.oneof(...routes).map(([route, as, body]) => ({
        label: `${route.method} ${route.path}`,
        steps: [jsonStep(route.method, route.path, as, body)],
      })),
    );
  },
};

/** What is read after a save: the figures, findings, score or problems, or a report (a PDF now and then). */
const afterSave = fc.oneof(
  { arbitrary: fc.constant<Step[]>([]), weight: 6 },
  {
    arbitrary: fc
      .constantFrom('figures', 'findings', 'score', 'problems')
      .map((what): Step[] => [{ method: 'GET', path: `/api/datasets/@@dataset@@/${what}`, as: 'reviewer' }]),
    weight: 2,
  },
  {
    arbitrary: fc
      .constantFrom('md', 'md', 'html', 'html', 'docx', 'pdf')
      .map((format): Step[] => [
        { method: 'GET', path: `/api/datasets/@@dataset@@/report?format=${format}`, as: 'editor' },
      ]),
    weight: 1,
  },
);

/** The dataset document of a save or a new dataset: hostile values at any of its paths; then a read of it. */
const documents: Surface = {
  name: 'documents',
  cases: (world) => {
    const document = seedWithContact(world);
    const save = fc
      .tuple(editedTemplate(document, 3), fc.option(hostileString(600), { nil: undefined }), afterSave)
      .map(([edited, note, after]) => ({
        label: `PUT document${after.length === 0 ? '' : ` → ${after[0]?.path ?? ''}`}`,
        steps: [
          jsonStep(
            'PUT',
            '/api/datasets/@@dataset@@',
            'editor',
            note === undefined
              ? { baseRevision: '@@num:latest@@', document: edited }
              : { baseRevision: '@@num:latest@@', document: edited, note },
          ),
          ...after,
        ],
      }));
    const create = editedTemplate({ ...document, fiscalYear: 2098 }, 3).map((edited) => ({
      label: 'POST document',
      steps: [jsonStep('POST', '/api/datasets', 'editor', { departmentId: '@@num:department@@', document: edited })],
    }));
    return Promise.resolve(fc.oneof({ arbitrary: save, weight: 4 }, { arbitrary: create, weight: 1 }));
  },
};

const ID_TRICKS = [
  '0',
  '-1',
  '01',
  '+1',
  '0x10',
  '1e3',
  '1.0',
  '%201',
  '1%20',
  '2147483647',
  '2147483648',
  '99999999999',
  '9'.repeat(400),
  '%00',
  '..',
  '%2e%2e',
  '..%2f..%2fetc%2fpasswd',
  '%2F',
  'null',
  'NaN',
  '%EF%BC%91',
  '%ED%A0%80',
  '%FF',
  '%',
  '%zz',
  '1;x',
  '1%27',
  '%5B%5D',
  '1?',
  '1#x',
];

const pathId = fc.oneof(
  { arbitrary: fc.constantFrom('@@dataset@@', '@@department@@', '1', '2'), weight: 4 },
  { arbitrary: fc.constantFrom(...ID_TRICKS), weight: 4 },
  { arbitrary: fc.integer().map(String), weight: 1 },
  { arbitrary: hostileString(3000).map(encodeQueryValue), weight: 2 },
);

const QUERY_KEYS = [
  'revision',
  'format',
  'from',
  'to',
  'year',
  'fiscalYear',
  'departmentId',
  'parentId',
  'user',
  'action',
  'before',
  'limit',
  'dryRun',
  'fileName',
  'baseRevision',
];

const queryValue = fc.oneof(
  {
    arbitrary: fc.constantFrom('1', '@@latest@@', 'md', 'html', 'json', 'yaml', '2020', 'true', '', '0', '-1'),
    weight: 4,
  },
  { arbitrary: fc.constantFrom(...ID_TRICKS), weight: 2 },
  { arbitrary: hostileString(3000).map(encodeQueryValue), weight: 3 },
);

const query = fc
  .array(
    fc.tuple(
      fc.oneof(
        { arbitrary: fc.constantFrom(...QUERY_KEYS), weight: 5 },
        { arbitrary: fc.constantFrom('__proto__', 'constructor', 'revision[]', 'format[x]', 'a.b'), weight: 1 },
        { arbitrary: fc.string({ maxLength: 10 }).map(encodeQueryValue), weight: 1 },
      ),
      queryValue,
    ),
    { maxLength: 5 },
  )
  .map((pairs) => (pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => (v === '' ? k : `${k}=${v}`)).join('&')}`));

const GET_ROUTES = [
  '/api/datasets/{id}',
  '/api/datasets/{id}/revisions',
  '/api/datasets/{id}/revisions/{id2}',
  '/api/datasets/{id}/diff',
  '/api/datasets/{id}/figures',
  '/api/datasets/{id}/findings',
  '/api/datasets/{id}/score',
  '/api/datasets/{id}/problems',
  '/api/datasets/{id}/report',
  '/api/datasets/{id}/export',
  '/api/datasets/{id}/workflow',
  '/api/datasets/{id}/comments',
  '/api/departments',
  '/api/departments/{id}',
  '/api/datasets',
  '/api/overview',
  '/api/audit',
  '/api/public/reports',
  '/api/public/reports/{id}',
  '/api/users',
  '/api/auth/session',
  '/api/health',
  '/api/{id}',
  '/api/datasets/{id}/{id2}',
];

/** Path ids and query parameters of every GET route, and the bare paths of the POST routes. */
const paths: Surface = {
  name: 'paths-queries',
  cases: () =>
    Promise.resolve(
      fc
        .tuple(
          fc.oneof(
            { arbitrary: fc.constantFrom(...GET_ROUTES).map((p) => ['GET', p] as const), weight: 6 },
            {
              arbitrary: fc.tuple(
                fc.constantFrom('HEAD', 'OPTIONS', 'DELETE', 'TRACE', 'PROPFIND', 'PATCH', 'PUT', 'get'),
                fc.constantFrom(...GET_ROUTES),
              ),
              weight: 1,
            },
            {
              arbitrary: fc
                .constantFrom(
                  '/api/datasets/{id}/submit',
                  '/api/datasets/{id}/approve',
                  '/api/datasets/{id}/publish',
                  '/api/users/{id}',
                )
                .map((p) => [p.includes('users') ? 'PATCH' : 'POST', p] as const),
              weight: 1,
            },
          ),
          pathId,
          pathId,
          query,
          anyone,
          fc.oneof(
            { arbitrary: fc.constant(''), weight: 9 },
            {
              arbitrary: fc.constantFrom('/', '//', '/..', '/.', '%2F', ';x=1', '#frag', ' HTTP/1.0', '\u00e9'),
              weight: 1,
            },
          ),
        )
        .map(([[method, route], id, id2, q, as, tail]) => {
          const path = route.replace('{id}', id).replace('{id2}', id2) + tail + q;
          return { label: `${method} ${route}`, steps: [{ method, path, as }] };
        }),
    ),
};

/** A header value cannot hold CR, LF or NUL (they would end the header, not test it). */
const headerSafe = (value: string) =>
  value
    .replace(/[\r\n]/g, '')
    .split(String.fromCharCode(0))
    .join('');

const headerValue = (valid: string) =>
  fc.oneof(
    { arbitrary: fc.constant<string | null>(valid), weight: 4 },
    { arbitrary: fc.constant<string | null>(null), weight: 2 },
    { arbitrary: fc.constantFrom<string | null>('', ' ', `${valid} `, `${valid}x`, valid.toUpperCase()), weight: 1 },
    {
      arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map(headerSafe),
      weight: 2,
    },
  );

const cookieValue = (as: Identity) =>
  fc.oneof(
    { arbitrary: fc.constant<string | null>(as === 'anonymous' ? null : `@@cookie:${as}@@`), weight: 4 },
    { arbitrary: fc.constant<string | null>(null), weight: 1 },
    {
      arbitrary: fc
        .string({
          unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'.split('')),
          minLength: 20,
          maxLength: 200,
        })
        .map((token) => `jixiao_session=${token}`),
      weight: 2,
    },
    {
      arbitrary: fc.constantFrom(
        `@@cookie:${as === 'anonymous' ? 'editor' : as}@@; jixiao_session=forged-forged-forged-forged`,
        `jixiao_session=forged-forged-forged-forged; @@cookie:${as === 'anonymous' ? 'editor' : as}@@`,
        'jixiao_session=',
        'jixiao_session="quoted-token-quoted-token"',
        'jixiao_session=%00%00%00%00%00%00%00%00%00%00%00%00',
        'jixiao_session=%E4%B8%AD%E6%96%87%E4%B8%AD%E6%96%87%E4%B8%AD%E6%96%87',
        ';;;===;;;',
        '=',
        'jixiao_session',
        `${'a=b; '.repeat(4000)}`,
        `jixiao_session=${'x'.repeat(5000)}`,
        '\u00ff\u00fe=\u00e9',
      ),
      weight: 2,
    },
    {
      arbitrary: fc.string({ unit: 'binary', maxLength: 100 }).map(headerSafe),
      weight: 1,
    },
  );

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json;;;',
  'APPLICATION/JSON',
  'application/yaml',
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'multipart/form-data',
  'application/octet-stream',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/*',
  '*/*',
  'json',
  '',
  ' ',
  `application/json; ${'x=y; '.repeat(500)}`,
];

const ORIGINS = [
  'http://127.0.0.1:@@port@@',
  'null',
  'http://evil.example',
  'https://127.0.0.1:@@port@@',
  'http://[::1',
  'http://127.0.0.1:@@port@@.evil.example',
  '//127.0.0.1',
  'file://',
  '',
];

const EXTRA_HEADERS: readonly (readonly [string, string])[] = [
  ['X-Forwarded-For', '10.0.0.1, 127.0.0.1'],
  ['X-Forwarded-Host', 'evil.example'],
  ['Transfer-Encoding', 'chunked'],
  ['Content-Encoding', 'gzip'],
  ['Content-Encoding', 'br, identity'],
  ['Expect', '100-continue'],
  ['Expect', 'something-else'],
  ['Content-Length', '-1'],
  ['Content-Length', '99999999999'],
  ['Host', 'evil.example'],
  ['Host', ''],
  ['Accept', 'application/xml'],
  ['Accept-Encoding', 'gzip;q=0, *;q=0'],
  ['X-HTTP-Method-Override', 'DELETE'],
  ['X-Jixiao-User', 'admin'],
  ['Authorization', 'Basic YWRtaW46YWRtaW4='],
  ['Range', 'bytes=0-1'],
  ['If-None-Match', '*'],
  ['Cookie', 'second=cookie'],
  ['X-CSRF-Token', 'second-token'],
  ['Referer', 'http://evil.example/'],
  ['X-Long', 'x'.repeat(20_000)],
  ['\u00e9', '\u00e9'],
];

type HeaderRoute = { method: string; path: string; type?: string; body?: (world: FuzzWorld) => string };

const HEADER_ROUTES: HeaderRoute[] = [
  { method: 'GET', path: '/api/datasets/@@dataset@@' },
  { method: 'GET', path: '/api/auth/session' },
  { method: 'POST', path: '/api/auth/logout' },
  {
    method: 'POST',
    path: '/api/auth/login',
    type: 'application/json',
    body: () => JSON.stringify({ name: 'fuzz-nobody', password: 'wrong-password-1' }),
  },
  {
    method: 'PUT',
    path: '/api/datasets/@@dataset@@',
    type: 'application/json',
    body: (world) => jsonText({ baseRevision: '@@num:latest@@', document: seedWithContact(world) }),
  },
  {
    method: 'POST',
    path: '/api/datasets/@@dataset@@/comments',
    type: 'application/json',
    body: () => JSON.stringify({ revisionNo: '@@num:latest@@', body: '头部测试' }),
  },
  { method: 'POST', path: '/api/import?dryRun=true', type: 'application/yaml', body: (world) => world.seedYaml },
];

/** Cookie, CSRF token, content type, origin and other headers of reads, writes, login, logout and uploads. */
const headers: Surface = {
  name: 'headers',
  cases: (world) =>
    Promise.resolve(
      fc
        .tuple(fc.constantFrom(...HEADER_ROUTES), anyone)
        .chain(([route, as]) =>
          fc.record({
            route: fc.constant(route),
            as: fc.constant(as),
            cookie: cookieValue(as),
            csrf: headerValue(as === 'anonymous' ? 'x' : `@@csrf:${as}@@`),
            csrfTwice: fc.boolean(),
            type: headerValue(route.type ?? 'application/json').chain((v) =>
              fc.oneof(
                { arbitrary: fc.constant(v), weight: 3 },
                { arbitrary: fc.constantFrom(...CONTENT_TYPES), weight: 1 },
              ),
            ),
            origin: fc.option(fc.constantFrom(...ORIGINS), { nil: undefined }),
            extra: fc.array(fc.constantFrom(...EXTRA_HEADERS), { maxLength: 2 }),
          }),
        )
        .map(({ route, as, cookie, csrf, csrfTwice, type, origin, extra }) => {
          const lines: [string, string][] = [];
          if (cookie !== null) lines.push(['Cookie', cookie]);
          if (csrf !== null) lines.push(['X-CSRF-Token', csrf]);
          if (csrf !== null && csrfTwice) lines.push(['X-CSRF-Token', csrf]);
          if (route.body !== undefined && type !== null) lines.push(['Content-Type', type]);
          if (origin !== undefined) lines.push(['Origin', origin.replace('@@port@@', String(world.port))]);
          lines.push(...extra.map(([k, v]) => [k, v] as [string, string]));
          const step: Step = {
            method: route.method,
            path: route.path,
            as,
            auth: 'none',
            headers: lines,
            ...(route.body === undefined ? {} : { body: route.body(world) }),
          };
          return { label: `${route.method} ${route.path}`, steps: [step] };
        }),
    ),
};

const IMPORT_PATHS = ['/api/import', '/api/datasets/@@dataset@@/import'];

/** A query value: absent, one of the usual ones (most of the time), or a wrong one. */
const param = (usual: string[], wrong: string[]) =>
  fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 3 },
    { arbitrary: fc.constantFrom(...usual), weight: 4 },
    { arbitrary: fc.constantFrom(...wrong), weight: 1 },
  );

const importQuery = (formats: string[]) =>
  fc
    .record({
      dryRun: param(['true', 'true', 'false'], ['TRUE', '1', '', 'yes']),
      format: param(formats, ['xls', 'csv', '', 'YAML', 'pdf']),
      fileName: fc.oneof(
        { arbitrary: fc.constant(undefined), weight: 4 },
        { arbitrary: fc.constantFrom(...formats.map((f) => `2020-自评.${f}`)), weight: 1 },
        { arbitrary: fileName, weight: 1 },
      ),
      departmentId: param(['@@department@@'], ['1', '0', '999999', 'x']),
      baseRevision: param(['@@latest@@'], ['0', '1', '-1', '99999']),
    })
    .map((q) =>
      Object.entries(q)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}=${encodeQueryValue(v ?? '')}`)
        .join('&'),
    );

const importAs = weighted<Identity>(['editor', 8], ['reviewer', 1], ['anonymous', 1]);

/** YAML and JSON uploads to both import routes. */
const importText: Surface = {
  name: 'import-text',
  cases: (world) =>
    Promise.resolve(
      fc
        .tuple(
          fc.constantFrom(...IMPORT_PATHS),
          importQuery(['yaml', 'json']),
          datasetText(world.seedYaml, JSON.stringify(world.seedDocument)),
          fc.option(
            fc.constantFrom(
              'application/yaml',
              'application/json',
              'text/plain',
              'application/octet-stream',
              'text/yaml; charset=gbk',
              '',
            ),
            { nil: undefined },
          ),
          importAs,
        )
        .map(([path, q, body, type, as]) => ({
          label: `POST ${path}`,
          steps: [
            {
              method: 'POST',
              path: `${path}?${q}`,
              as,
              body,
              headers: type === undefined ? [] : [['Content-Type', type] as const],
            },
          ],
        })),
    ),
};

/** Workbook uploads: random bytes, truncated and corrupted workbooks, lying zips, bombs, hostile cells. */
const importXlsx: Surface = {
  name: 'import-xlsx',
  cases: async (world) => {
    const kit = await workbookKit(world.workbook);
    return fc
      .tuple(
        fc.constantFrom(...IMPORT_PATHS),
        importQuery(['xlsx']),
        workbookRecipe(world.workbook.length),
        fc.option(
          fc.constantFrom(
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'application/octet-stream',
            'application/vnd.ms-excel',
            'application/zip',
            '',
          ),
          { nil: undefined },
        ),
        importAs,
      )
      .map(([path, q, recipe, type, as]) => ({
        label: `POST ${path} ${recipe.kind}`,
        steps: [
          {
            method: 'POST',
            path: `${path}?${q}`,
            as,
            body: () => buildWorkbook(kit, recipe),
            headers: type === undefined ? [] : [['Content-Type', type] as const],
          },
        ],
      }));
  },
};

const hostileName = fc.oneof(
  hostileString(300),
  fc.constantFrom('a/b\\c', '..', '"quoted"', 'x\r\ny', '\uD800', '\uDFFF名'),
);

/**
 * File names: a department or a document named with path tricks, quotes, control characters or lone surrogates,
 * then its export and report downloaded (the file name is built from them); and uploads with such a fileName.
 */
const fileNames: Surface = {
  name: 'file-names',
  cases: (world) => {
    // The export's file name is built from the names; a report (slower to render) is asked for one time in four.
    const downloads = fc
      .tuple(fc.constantFrom('json', 'yaml'), fc.constantFrom('md', 'html', null, null, null, null, null, null))
      .map(([exportFormat, reportFormat]): Step[] => [
        { method: 'GET', path: `/api/datasets/@@dataset@@/export?format=${exportFormat}`, as: 'editor' },
        ...(reportFormat === null
          ? []
          : [
              {
                method: 'GET',
                path: `/api/datasets/@@dataset@@/report?format=${reportFormat}`,
                as: 'reviewer' as const,
              },
            ]),
      ]);
    const renamed = fc.tuple(hostileName, downloads).map(([name, after]) => ({
      label: 'department name → downloads',
      steps: [
        { method: 'PATCH', path: '/api/departments/@@department@@', as: 'admin' as const, json: { name } },
        ...after,
      ],
    }));
    const document = seedWithContact(world);
    const department = document['department'] as Record<string, Tree>;
    const named = fc
      .tuple(fc.constantFrom('shortName', 'name'), hostileName, downloads)
      .map(([field, name, after]) => ({
        label: `document department.${field} → downloads`,
        steps: [
          {
            method: 'PUT',
            path: '/api/datasets/@@dataset@@',
            as: 'editor' as const,
            json: {
              baseRevision: '@@num:latest@@',
              document: { ...document, department: { ...department, [field]: name } },
            },
          },
          ...after,
        ],
      }));
    const uploads = fc.tuple(fileName, fc.constantFrom('yaml', undefined)).map(([name, format]) => ({
      label: 'upload fileName',
      steps: [
        {
          method: 'POST',
          path: `/api/import?dryRun=true&fileName=${encodeQueryValue(name)}${format === undefined ? '' : `&format=${format}`}`,
          as: 'editor' as const,
          body: world.seedYaml,
          headers: [['Content-Type', 'application/yaml'] as const],
        },
      ],
    }));
    return Promise.resolve(
      fc.oneof({ arbitrary: renamed, weight: 2 }, { arbitrary: named, weight: 2 }, { arbitrary: uploads, weight: 1 }),
    );
  },
};

export const SURFACES: readonly Surface[] = [bodies, documents, paths, headers, importText, importXlsx, fileNames];
