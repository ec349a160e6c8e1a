import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { importDataset, renderDataset } from '../app/import-export.js';
import { createUser } from '../app/users.js';
import { parseDataset } from '../domain/dataset/parse.js';
import { latestRevisionNo } from '../store/revisions-repo.js';
import { rawRequest, type RawAnswer } from './fuzz-http.js';
import { signIn, TEST_PASSWORD, type Identity, type TestServer } from './testing.js';

/** A JSON body as the fuzz builds it: plain JSON, verbatim text, or an object with any keys (duplicates, __proto__). */
export type Tree = null | boolean | number | string | Tree[] | { [key: string]: Tree } | Raw | Entries;
/** Text sent as is where a JSON value goes (1e400, a truncated value, 100,000 brackets). */
export class Raw {
  constructor(readonly text: string) {}
}
/** An object as a list of entries, so a key may repeat or be `__proto__`. */
export class Entries {
  constructor(readonly entries: readonly (readonly [string, Tree])[]) {}
}

export function jsonText(tree: Tree): string {
  if (tree instanceof Raw) return tree.text;
  if (tree instanceof Entries)
    return `{${tree.entries.map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`).join(',')}}`;
  if (Array.isArray(tree)) return `[${tree.map(jsonText).join(',')}]`;
  if (tree !== null && typeof tree === 'object')
    return `{${Object.entries(tree)
      .map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`)
      .join(',')}}`;
  if (typeof tree === 'number' && !Number.isFinite(tree)) return 'null';
  return JSON.stringify(tree);
}

/**
 * One request of a case. Paths, header values and text bodies may hold placeholders, filled in when sent:
 * `@@dataset@@`, `@@department@@`, `@@latest@@` (the case's dataset and its latest revision number), `@@user@@`
 * (an account the fuzz may change), `@@serial@@` (a fresh number), `@@cookie:AS@@`, `@@csrf:AS@@`; inside JSON
 * text, `"@@num:NAME@@"` becomes the number itself.
 */
export type Step = {
  method: string;
  path: string;
  as: Identity;
  /** 'auto' adds the identity's session cookie and CSRF token; 'none' sends only `headers`. */
  auth?: 'auto' | 'none';
  headers?: readonly (readonly [string, string])[];
  /** A JSON body (sent with `Content-Type: application/json`). */
  json?: Tree;
  /** Any other body: bytes, text (placeholders filled), or bytes made when the step is sent. */
  body?: Buffer | string | (() => Promise<Buffer>);
};

export type FuzzCase = { label: string; steps: readonly Step[] };

/** The dataset (and its department) a surface works on: each surface has its own, so one cannot starve another. */
export type Target = { datasetId: number; departmentId: number };

type Session = { cookie: string; csrf: string };

export type FuzzWorld = {
  server: TestServer;
  port: number;
  seedYaml: string;
  seedDocument: Record<string, unknown>;
  /** The seed as a workbook (exported by the app itself). */
  workbook: Buffer;
  /** An account the fuzz may rename, disable or give a new password (never one the fuzz signs in with). */
  userId: number;
  /** Explanations of the seed's warnings, so that a valid submission can happen. */
  explanations: Record<string, string>;
  target: (surface: string) => Promise<Target>;
  sessions: Map<Identity, Session>;
  serial: () => number;
};

const SEED_FILE = 'examples/yuhua-2020.yaml';
const SYSTEM = { kind: 'system', label: '模糊测试' } as const;

/** Sets up the data every surface needs on a started test server. */
export async function setUpWorld(server: TestServer): Promise<FuzzWorld> {
  const ctx = server.ctx;
  const seedYaml = await readFile(SEED_FILE, 'utf8');
  const seeded = await importDataset(ctx, { format: 'yaml', content: seedYaml, actor: SYSTEM });
  if (!seeded.ok || !seeded.value.saved) throw new Error('the seed could not be imported');
  const seedDocument = seeded.value.document as Record<string, unknown>;
  const parsed = parseDataset(seedDocument);
  if (!parsed.ok) throw new Error('the seed does not parse');
  const workbook = await renderDataset(parsed.dataset, 'xlsx');
  if (!workbook.ok) throw new Error('the seed workbook could not be written');
  const spare = await createUser(
    ctx,
    { name: 'fuzz-spare', displayName: '模糊测试备用', role: 'reviewer', departmentIds: [], password: TEST_PASSWORD },
    SYSTEM,
  );
  if (!spare.ok) throw new Error(spare.error.message);
  const targets = new Map<string, Target>();
  const target = async (surface: string): Promise<Target> => {
    const found = targets.get(surface);
    if (found !== undefined) return found;
    const content = seedYaml.replace('长沙市雨花区行政审批服务局', `模糊测试局（${surface}）`);
    const created = await importDataset(ctx, { format: 'yaml', content, actor: SYSTEM });
    if (!created.ok || !created.value.saved) throw new Error(`no dataset for ${surface}`);
    const made = { datasetId: created.value.id, departmentId: created.value.departmentId };
    targets.set(surface, made);
    await grant();
    return made;
  };
  // The test editor is granted every department that exists whenever its headers are asked for.
  const grant = async () => void (await server.headers('editor'));
  const sessions = new Map<Identity, Session>();
  for (const as of ['editor', 'reviewer', 'admin'] as const) {
    const headers = await server.headers(as);
    sessions.set(as, { cookie: headers['cookie'] ?? '', csrf: headers['x-csrf-token'] ?? '' });
  }
  const findings = await server.call('GET', `/api/datasets/${seeded.value.id}/findings`);
  const warnings = (findings.body['findings'] as { severity: string; key: string }[]).filter(
    (f) => f.severity === 'warning',
  );
  let serial = 0;
  return {
    server,
    port: Number(new URL(server.base).port),
    seedYaml,
    seedDocument,
    workbook: workbook.value,
    userId: spare.value.id,
    explanations: Object.fromEntries(warnings.map((w) => [w.key, '已说明原因（模糊测试）'])),
    target,
    sessions,
    serial: () => ++serial,
  };
}

/**
 * What a refused request must not change: every table but the audit log, login failures and session times, and
 * the latest document of each dataset. A digest, compared before and after.
 */
export async function snapshot(world: FuzzWorld): Promise<string> {
  const db = world.server.ctx.store.db;
  const hash = createHash('sha256');
  const add = (rows: unknown) =>
    hash.update(JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
  add(await db.selectFrom('departments').select(['id', 'code', 'name', 'parent_id']).orderBy('id').execute());
  add(
    await db
      .selectFrom('datasets')
      .select(['id', 'department_id', 'fiscal_year', 'state', 'state_revision'])
      .orderBy('id')
      .execute(),
  );
  // Revisions are append-only, so their count and last id show a write; not the sum of their sizes, which read every
  // document ever saved at each step and made long runs quadratic (10,000 saves: 150 MB read per snapshot).
  add(
    await db
      .selectFrom('revisions')
      .select([sql<number>`count(*)`.as('n'), sql<number>`max(id)`.as('last')])
      .execute(),
  );
  add(
    await db
      .selectFrom('revisions as r')
      .select(['r.dataset_id', 'r.revision_no', 'r.document'])
      .where((eb) =>
        eb(
          'r.revision_no',
          '=',
          eb
            .selectFrom('revisions as l')
            .select(sql<number>`max(l.revision_no)`.as('m'))
            .whereRef('l.dataset_id', '=', 'r.dataset_id'),
        ),
      )
      .orderBy('r.dataset_id')
      .execute(),
  );
  add(
    await db
      .selectFrom('users')
      .select(['id', 'name', 'display_name', 'role', 'disabled', 'password_hash'])
      .orderBy('id')
      .execute(),
  );
  for (const table of [
    'publications',
    'user_departments',
    'workflow_steps',
    'review_comments',
    'rule_packs',
    'sessions',
  ] as const)
    add(
      await db
        .selectFrom(table)
        .select(sql<number>`count(*)`.as('n'))
        .execute(),
    );
  return hash.digest('hex');
}

/** The counts of one surface's run. */
export type Tally = {
  surface: string;
  cases: number;
  requests: number;
  s2xx: number;
  s4xx: number;
  s5xx: number;
  /** No answer, a dropped connection, or a status outside 2xx/4xx. */
  other: number;
  /** Cases with a problem (the first problems are kept in `problems`). */
  failed: number;
  problems: string[];
  /** Answers that show a known defect (see KNOWN_DEFECTS), by defect. */
  known: Record<string, number>;
  ms: number;
};

/**
 * A defect already reported, with a failing test of its own (`it.fails` in fuzz.test.ts): its answers are counted
 * here instead of failing every fuzz run. Remove the entry when the defect is fixed (its own test says so).
 */
export type KnownDefect = { id: string; matches: (step: Step, answer: RawAnswer) => boolean };

// None at the moment: the 417 with an empty body and the lone surrogate stored as U+FFFD are fixed (their tests
// in fuzz.test.ts are plain tests now).
export const KNOWN_DEFECTS: KnownDefect[] = [];

export function newTally(surface: string): Tally {
  return {
    surface,
    cases: 0,
    requests: 0,
    s2xx: 0,
    s4xx: 0,
    s5xx: 0,
    other: 0,
    failed: 0,
    problems: [],
    known: {},
    ms: 0,
  };
}

async function fill(world: FuzzWorld, text: string, target: Target): Promise<string> {
  if (!text.includes('@@')) return text;
  let latest: number | undefined;
  if (text.includes('@@latest@@') || text.includes('@@num:latest@@'))
    latest = (await latestRevisionNo(world.server.ctx.store.db, target.datasetId)) ?? 0;
  const value = (name: string): string => {
    if (name === 'dataset') return String(target.datasetId);
    if (name === 'department') return String(target.departmentId);
    if (name === 'latest') return String(latest ?? 0);
    if (name === 'user') return String(world.userId);
    if (name === 'serial') return String(world.serial());
    const [kind, as] = name.split(':');
    const session = world.sessions.get(as as Identity);
    if (kind === 'cookie') return session?.cookie ?? '';
    if (kind === 'csrf') return session?.csrf ?? '';
    return `@@${name}@@`;
  };
  return text
    .replace(/"@@num:([a-z]+)@@"/g, (_m, name: string) => value(name))
    .replace(/@@([a-z]+(?::[a-z]+)?)@@/g, (_m, name: string) => value(name));
}

/** The request bytes of a step, its placeholders filled. */
async function materialize(world: FuzzWorld, step: Step, target: Target) {
  const headers: [string, string][] = [];
  if ((step.auth ?? 'auto') === 'auto' && step.as !== 'anonymous') {
    const session = world.sessions.get(step.as);
    if (session !== undefined) {
      headers.push(['Cookie', session.cookie]);
      headers.push(['X-CSRF-Token', session.csrf]);
    }
  }
  let body: Buffer | undefined;
  if (step.json !== undefined) {
    body = Buffer.from(await fill(world, jsonText(step.json), target), 'utf8');
    headers.push(['Content-Type', 'application/json']);
  } else if (Buffer.isBuffer(step.body)) body = step.body;
  else if (typeof step.body === 'string') body = Buffer.from(await fill(world, step.body, target), 'utf8');
  else if (step.body !== undefined) body = await step.body();
  for (const [name, value] of step.headers ?? []) headers.push([name, await fill(world, value, target)]);
  return { method: step.method, path: await fill(world, step.path, target), headers, body };
}

const describeStep = (step: Step, status: string) =>
  `${step.method} ${step.path.slice(0, 200)} as ${step.as} → ${status}`;

/** A valid answer: 2xx, or 4xx with `{error, message}` strings (an answer to HEAD has no body to check). */
function problemOf(answer: RawAnswer, method: string): string | null {
  if (answer.kind === 'hang') return `no answer within ${answer.ms} ms (received ${answer.received} bytes)`;
  if (answer.kind === 'dropped') return `connection ${answer.reason} after ${answer.ms} ms without an answer`;
  if (answer.status >= 200 && answer.status < 300) return null;
  if (answer.status < 400 || answer.status >= 500)
    return `status ${answer.status}: ${answer.body.subarray(0, 300).toString('utf8')}`;
  if (method.toUpperCase() === 'HEAD') return null;
  try {
    const body = JSON.parse(answer.body.toString('utf8')) as { error?: unknown; message?: unknown };
    if (typeof body.error === 'string' && typeof body.message === 'string') return null;
  } catch {
    // not JSON: reported below
  }
  return `status ${answer.status} without {error, message}: ${answer.body.subarray(0, 300).toString('utf8')}`;
}

export type RunOptions = { timeoutMs: number; tally: Tally };

let addressCounter = 0;

/**
 * Sends a case's requests one after the other and checks each answer: 2xx, or 4xx with `{error, message}`; never
 * a 5xx, a hang or a dropped connection; and a refused request leaves the stored data as it was. Returns the
 * problems (none when all is well). Logins come from changing loopback addresses (127.0.x.y), so the fuzz's
 * failed logins never throttle the test accounts' own address.
 */
export async function runCase(world: FuzzWorld, surface: string, c: FuzzCase, options: RunOptions): Promise<string[]> {
  const target = await world.target(surface);
  const problems: string[] = [];
  const tally = options.tally;
  tally.cases += 1;
  let before = await snapshot(world);
  for (const step of c.steps) {
    const request = await materialize(world, step, target);
    addressCounter = (addressCounter + 1) % 60_000;
    const answer = await rawRequest(world.port, request, options.timeoutMs, {
      localAddress: `127.0.${1 + Math.floor(addressCounter / 250)}.${2 + (addressCounter % 250)}`,
    });
    tally.requests += 1;
    const status = answer.kind === 'answer' ? answer.status : 0;
    if (status >= 200 && status < 300) tally.s2xx += 1;
    else if (status >= 400 && status < 500) tally.s4xx += 1;
    else if (status >= 500) tally.s5xx += 1;
    else tally.other += 1;
    const problem = problemOf(answer, request.method);
    const known = problem === null ? undefined : KNOWN_DEFECTS.find((d) => d.matches(step, answer));
    if (known !== undefined) tally.known[known.id] = (tally.known[known.id] ?? 0) + 1;
    else if (problem !== null) problems.push(`${describeStep(step, String(status || answer.kind))}: ${problem}`);
    const after = await snapshot(world);
    if (status >= 200 && status < 300) {
      // A valid request may change data; a logout (or password change) ends the session it was sent with.
      if (/\/api\/auth\/(logout|password)/.test(step.path)) await renewSessions(world);
    } else if (after !== before) {
      problems.push(`${describeStep(step, String(status || answer.kind))}: changed stored data although refused`);
    }
    before = after;
  }
  if (problems.length > 0) tally.failed += 1;
  for (const p of problems) if (tally.problems.length < 20) tally.problems.push(`[${c.label}] ${p}`);
  return problems;
}

/** Signs the test accounts in again (after a fuzz case ended one of their sessions). */
async function renewSessions(world: FuzzWorld): Promise<void> {
  for (const as of ['editor', 'reviewer', 'admin'] as const) {
    const headers = await signIn(world.server.base, `test-${as}`, TEST_PASSWORD);
    world.sessions.set(as, { cookie: headers['cookie'] ?? '', csrf: headers['x-csrf-token'] ?? '' });
  }
}

export function tallyLine(t: Tally): string {
  const n = (v: number, width: number) => String(v).padStart(width);
  const known = Object.entries(t.known).map(([id, count]) => `${id} ×${count}`);
  return (
    `${t.surface.padEnd(14)} cases ${n(t.cases, 6)}  requests ${n(t.requests, 6)}  4xx ${n(t.s4xx, 6)}  ` +
    `2xx ${n(t.s2xx, 6)}  5xx ${n(t.s5xx, 3)}  other ${n(t.other, 3)}  ${(t.ms / 1000).toFixed(1)} s` +
    (known.length === 0 ? '' : `  known defects: ${known.join(', ')}`)
  );
}
