// The fleet section of `npm run bench` (issue #23's bar): N applied manifests in one directory against
// one DynamoDB Local that the bench starts (127.0.0.1), reached through a stack input's endpoint so that
// a single run pays no server start-up of its own. Three comparisons, each side run in turn:
//  - `planton tofu plan DIR` vs N single `planton tofu plan -m FILE` runs, nothing changed;
//  - the same with two manifests edited (capacity), which the fleet must really plan;
//  - `planton drift DIR` vs one single `planton tofu plan -m FILE`.
// Every fleet plan's report is checked: "no changes" with the preflight's reason for the unchanged
// manifests, a real plan with changes for the edited ones. A wrong verdict fails the bench.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, must, pairedRatio, sec, timeIt } from './measure.mjs';

/** The preflight's reason (src/live/preflight.ts NO_PLAN_NEEDED), as the report gives it. */
const NO_PLAN_REASON = /^unchanged since the last apply/;

const manifestText = (name, read, write) => `apiVersion: aws.project-planton.org/v1
kind: AwsDynamodb
metadata:
  name: ${name}
spec:
  billingMode: PROVISIONED
  provisionedThroughput:
    readCapacityUnits: ${read}
    writeCapacityUnits: ${write}
  partitionKey:
    name: id
    type: STRING
  sortKey:
    name: created_at
    type: NUMBER
  pointInTimeRecovery:
    enabled: false
`;

/**
 * `tables` manifests, `rounds` pairs for each plan comparison and `driftRounds` for drift. `say` prints
 * a result row; `note` prints a line that goes to stdout only.
 */
export async function fleetBenches({ repo, bin, say, note, tables, rounds, driftRounds }) {
  const { startDynamoDbLocal } = await import(join(repo, 'dist/api-local-server.js'));
  const work = mkdtempSync(join(tmpdir(), 'planton-bench-fleet-'));
  let server;
  try {
    server = await startDynamoDbLocal({ dataDir: join(work, 'ddb') });
    mkdirSync(join(work, 'tables'));
    const names = Array.from({ length: tables }, (_, i) => `bench-fleet-${String(i + 1).padStart(2, '0')}`);
    const files = names.map((n) => `tables/${n}.yaml`);
    const write = (i, read = 5, wr = 5) => writeFileSync(join(work, files[i]), manifestText(names[i], read, wr));
    names.forEach((_, i) => write(i));
    writeFileSync(
      join(work, 'stack-input.yaml'),
      `provider_config:\n  region: us-east-1\n  accessKeyId: bench\n  secretAccessKey: bench-secret-key-0000\n  endpoint: ${server.endpoint}\n`,
      { mode: 0o600 },
    );
    const env = { ...process.env, NO_COLOR: '1', CHECKPOINT_DISABLE: '1' };
    const planton = (...args) => must(process.execPath, [bin, ...args, '--stack-input', 'stack-input.yaml', '--no-color'], { cwd: work, env });

    const applied = await timeIt(() => planton('tofu', 'apply', 'tables', '--auto-approve'));
    note(`  applied ${tables} manifests in one fleet apply: ${sec(applied)}`);

    // Where a fleet plan's time went, from its own report: the preflight's read (the seconds of every
    // manifest it answered) and each really planned manifest's own time.
    const parts = { read: [], planned: [] };
    /** A fleet plan of the directory, its report checked against what was edited. */
    const fleetPlan = async (edited) => {
      let report;
      const seconds = await timeIt(async () => {
        report = JSON.parse((await planton('tofu', 'plan', 'tables', '--format', 'json')).stdout);
      });
      for (const [i, m] of report.manifests.entries()) {
        const ok = edited.includes(i) ? m.verdict === 'changes' && m.reason === null : m.verdict === 'no-changes' && NO_PLAN_REASON.test(m.reason ?? '');
        if (!ok) throw new Error(`bench: fleet plan gave ${m.file} the verdict ${m.verdict} (${m.reason ?? 'no reason'}); expected ${edited.includes(i) ? 'a real plan with changes' : 'no changes from the preflight'}`);
        (edited.includes(i) ? parts.planned : parts.read).push(m.seconds);
      }
      return seconds;
    };
    const singles = () => timeIt(async () => {
      for (const f of files) await planton('tofu', 'plan', '-m', f);
    });
    const compare = async (edited) => {
      const fleet = [];
      const loop = [];
      for (let r = 0; r < rounds; r++) {
        fleet.push(await fleetPlan(edited));
        loop.push(await singles());
      }
      return { fleet, loop };
    };
    const row = (what, a, b, goal) => {
      const pairs = a.map((x, i) => (x / b[i]).toFixed(2)).join(', ');
      const ratio = pairedRatio(a, b);
      say(`| ${what} | ${sec(median(a))} vs ${sec(median(b))}; pairs ${pairs} | **${ratio.toFixed(2)}×** (goal ≤ ${goal}×${ratio <= goal ? '' : ', missed'}) |`);
    };

    const breakdown = () => {
      const text = `the read ${sec(median(parts.read))}${parts.planned.length ? `, each planned manifest ${sec(median(parts.planned))}` : ''}`;
      parts.read = [];
      parts.planned = [];
      return text;
    };

    const clean = await compare([]);
    row(`\`planton tofu plan DIR\` of ${tables} applied, unchanged manifests vs ${tables} single \`planton tofu plan -m FILE\` (in the fleet: ${breakdown()})`, clean.fleet, clean.loop, 0.2);

    // Two manifests edited: the first's read capacity, the second's write capacity.
    write(0, 6, 5);
    write(1, 5, 7);
    const edited = await compare([0, 1]);
    row(`the same with 2 of the ${tables} edited (capacity): the fleet plans those 2 (${breakdown()})`, edited.fleet, edited.loop, 0.35);
    write(0);
    write(1);

    const drift = [];
    const one = [];
    let said = '';
    for (let r = 0; r < driftRounds; r++) {
      drift.push(await timeIt(async () => (said = (await planton('drift', 'tables')).stderr)));
      one.push(await timeIt(() => planton('tofu', 'plan', '-m', files[2])));
    }
    const read = /read \d+ live tables? in (\d+ terraform runs?) \((\d+ terraform commands)/.exec(said);
    row(`\`planton drift DIR\` of ${tables} tables vs one single \`planton tofu plan -m FILE\`${read ? ` (drift: ${read[1]}, ${read[2]})` : ''}`, drift, one, 2);
    // No destroy: the tables go with DynamoDB Local's data directory.
  } finally {
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
