// A seeded random walk over one table on DynamoDB Local: each step edits the manifest, changes the
// table behind planton's back with the SDK, or interrupts an apply at a random moment; then one
// `apply` must make the live table equal the manifest, and `plan --detailed-exitcode` must exit 0.
// The same seed replays the same walk (the interrupt lands where the clock says, so timing can vary).
import { UpdateTableCommand, UpdateTimeToLiveCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { liveModel, manifestYaml, type TableModel } from '../helpers/converge.js';
import { childEnv, spawnPlanton } from '../faults/helpers.js';
import { writeLocalStackInput } from '../helpers/stack-input.js';
import { pick, seededRandom, type Random } from '../helpers/random.js';
import { removeScratch } from '../helpers/scratch.js';

const capacity = (rnd: Random, not?: number): number => {
  const v = 1 + Math.floor(rnd() * 12);
  return v === not ? (v % 12) + 1 : v;
};

interface Edit {
  what: string;
  next: TableModel;
}

/** Every manifest edit possible from `m` (tags are not: DynamoDB Local cannot update them). */
export function edits(m: TableModel, rnd: Random): Edit[] {
  const out: Edit[] = [];
  const read = capacity(rnd, m.read);
  const write = capacity(rnd, m.write);
  out.push({ what: `table capacity ${m.read}/${m.write} → ${read}/${write}`, next: { ...m, read, write } });
  const names = Object.keys(m.indexes);
  if (names.length < 2) {
    const name = ['ByAlpha', 'ByBravo'].find((n) => !names.includes(n))!;
    const ix = { read: capacity(rnd), write: capacity(rnd) };
    out.push({ what: `add index ${name} ${ix.read}/${ix.write}`, next: { ...m, indexes: { ...m.indexes, [name]: ix } } });
  }
  if (names.length > 0) {
    const name = pick(rnd, names);
    const rest = { ...m.indexes };
    delete rest[name];
    out.push({ what: `remove index ${name}`, next: { ...m, indexes: rest } });
    const ix = { read: capacity(rnd, m.indexes[name]!.read), write: capacity(rnd, m.indexes[name]!.write) };
    out.push({ what: `index ${name} capacity → ${ix.read}/${ix.write}`, next: { ...m, indexes: { ...m.indexes, [name]: ix } } });
  }
  if (m.ttl !== undefined) {
    const next = { ...m };
    delete next.ttl;
    out.push({ what: 'remove the ttl block', next });
  } else {
    out.push({ what: 'ttl on expires_at', next: { ...m, ttl: 'expires_at' } });
  }
  if (m.stream !== undefined) {
    const next = { ...m };
    delete next.stream;
    out.push({ what: 'stream off', next });
  } else {
    const view = pick(rnd, ['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES'] as const);
    out.push({ what: `stream on (${view})`, next: { ...m, stream: view } });
  }
  out.push({ what: `deletion protection ${m.deletionProtection ? 'off' : 'on'}`, next: { ...m, deletionProtection: !m.deletionProtection } });
  return out;
}

interface Outside {
  what: string;
  act(client: DynamoDBClient): Promise<unknown>;
}

/** Changes made with the SDK, as a console user or another tool would. */
export function outsideChanges(m: TableModel, rnd: Random): Outside[] {
  const read = capacity(rnd, m.read);
  const write = capacity(rnd, m.write);
  const out: Outside[] = [
    {
      what: `UpdateTable capacity ${read}/${write}`,
      act: (c) => c.send(new UpdateTableCommand({ TableName: m.name, ProvisionedThroughput: { ReadCapacityUnits: read, WriteCapacityUnits: write } })),
    },
    {
      what: `UpdateTable deletion protection ${m.deletionProtection ? 'off' : 'on'}`,
      act: (c) => c.send(new UpdateTableCommand({ TableName: m.name, DeletionProtectionEnabled: !m.deletionProtection })),
    },
    m.ttl !== undefined
      ? { what: 'UpdateTimeToLive off', act: (c) => c.send(new UpdateTimeToLiveCommand({ TableName: m.name, TimeToLiveSpecification: { AttributeName: m.ttl!, Enabled: false } })) }
      : { what: 'UpdateTimeToLive on (outside_ttl)', act: (c) => c.send(new UpdateTimeToLiveCommand({ TableName: m.name, TimeToLiveSpecification: { AttributeName: 'outside_ttl', Enabled: true } })) },
  ];
  const names = Object.keys(m.indexes);
  if (names.length > 0) {
    const name = pick(rnd, names);
    const r = capacity(rnd, m.indexes[name]!.read);
    out.push({
      what: `UpdateTable index ${name} capacity ${r}/${r}`,
      act: (c) => c.send(new UpdateTableCommand({ TableName: m.name, GlobalSecondaryIndexUpdates: [{ Update: { IndexName: name, ProvisionedThroughput: { ReadCapacityUnits: r, WriteCapacityUnits: r } } }] })),
    });
  }
  return out;
}

export interface WalkOptions {
  seed: number;
  steps: number;
  endpoint: string;
  client: DynamoDBClient;
  /** A directory for the manifest, stack input and work directory. */
  parent: string;
  log?: (line: string) => void;
}

export class WalkFailure extends Error {}

export async function walk(o: WalkOptions): Promise<string[]> {
  const rnd = seededRandom(o.seed);
  const journal: string[] = [];
  const say = (line: string) => {
    journal.push(line);
    o.log?.(line);
  };
  const dir = mkdtempSync(join(o.parent, 'walk-'));
  const env = childEnv(process.env.PLANTON_PLUGIN_DIR ? { PLANTON_PLUGIN_DIR: process.env.PLANTON_PLUGIN_DIR } : {});
  writeLocalStackInput(join(dir, 'stack.yaml'), { endpoint: o.endpoint, accessKeyId: 'local', secretAccessKey: 'walksecret' });
  const args = ['--manifest', 'm.yaml', '--stack-input', 'stack.yaml'];
  const planton = (op: string[]) => spawnPlanton(['tofu', ...op, ...args], dir, env);
  const fail = (msg: string, run?: { out: string; err: string }) => {
    throw new WalkFailure(`random walk (seed ${o.seed}; replay: npm run soak -- --seed ${o.seed} --steps ${o.steps}) failed: ${msg}\n${journal.join('\n')}${run ? `\n--- stdout\n${run.out.slice(-6000)}\n--- stderr\n${run.err.slice(-4000)}` : ''}`);
  };

  let model: TableModel = { name: `walk-${o.seed}`, read: capacity(rnd), write: capacity(rnd), indexes: {}, deletionProtection: false };
  const converge = async (step: string) => {
    writeFileSync(join(dir, 'm.yaml'), manifestYaml(model));
    const apply = await planton(['apply', '--auto-approve']).done;
    if (apply.code !== 0) fail(`${step}: apply exited ${apply.code}`, apply);
    const live = await liveModel(o.client, model.name);
    if (!isDeepStrictEqual(live, model)) fail(`${step}: the live table differs from the manifest\n  live:     ${JSON.stringify(live)}\n  manifest: ${JSON.stringify(model)}`, apply);
    const plan = await planton(['plan', '--detailed-exitcode']).done;
    if (plan.code !== 0) fail(`${step}: plan --detailed-exitcode exited ${plan.code} right after apply`, plan);
  };

  say(`create ${JSON.stringify(model)}`);
  await converge('create');
  for (let i = 1; i <= o.steps; i++) {
    const kind = pick(rnd, ['edit', 'edit', 'outside', 'interrupt'] as const);
    if (kind === 'edit') {
      const e = pick(rnd, edits(model, rnd));
      say(`step ${i}: edit: ${e.what}`);
      model = e.next;
    } else if (kind === 'outside') {
      const c = pick(rnd, outsideChanges(model, rnd));
      say(`step ${i}: outside planton: ${c.what}`);
      await c.act(o.client);
    } else {
      const e = pick(rnd, edits(model, rnd));
      const afterMs = 500 + Math.floor(rnd() * 15_000);
      say(`step ${i}: interrupt: ${e.what}, SIGINT after ${afterMs} ms`);
      model = e.next;
      writeFileSync(join(dir, 'm.yaml'), manifestYaml(model));
      const run = planton(['apply', '--auto-approve']);
      const timer = setTimeout(() => run.child.kill('SIGINT'), afterMs);
      const r = await run.done;
      clearTimeout(timer);
      say(`  interrupted apply exited ${r.code ?? r.signal}`);
    }
    await converge(`step ${i}`);
  }
  removeScratch(dir);
  return journal;
}
