// What users expect of a command-line tool, in-process: each command accepts and lists only its own
// flags, help shows examples and the environment, colour follows NO_COLOR/FORCE_COLOR, missing inputs
// get a planton: sentence with the next step, a status line appears on a terminal only.
import { execa } from 'execa';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOFU_FLAGS } from '../../src/cli.js';
import { colorWanted } from '../../src/terminal/color-choice.js';
import { memoryIo } from '../../src/io.js';
import { portFor, recordedPort, recordPort } from '../../src/local/port.js';
import { main } from '../../src/main.js';
import { packageRoot } from '../../src/files/paths.js';
import { commandLine } from '../../src/terminal/shell-quote.js';
import { statusLine } from '../../src/terminal/status.js';
import { explainFailure } from '../../src/tofu/failure.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'planton-cli-'));
  writeFileSync(join(dir, 'orders.yaml'), 'apiVersion: aws.project-planton.org/v1\nkind: AwsDynamodb\nmetadata: { name: orders }\nspec:\n  partitionKey: { name: id, type: STRING }\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const io = memoryIo(dir, { PATH: '/nonexistent', ...env });
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

describe('per-command flags', () => {
  test('a flag of another operation is a usage error, not silently accepted', async () => {
    expect(await run(['tofu', 'output', '--auto-approve'])).toEqual({ code: 1, out: '', err: "error: unknown option '--auto-approve'\n(run planton help tofu output for usage)\n" });
    expect((await run(['tofu', 'output', '--allow-replace'])).code).toBe(1);
    expect((await run(['tofu', 'destroy', '--adopt'])).code).toBe(1);
    expect((await run(['tofu', 'load-tfvars', '--local'])).code).toBe(1);
  });

  test('the usage hint names the command whose help to read', async () => {
    expect((await run(['apply', '--bogus'])).err).toBe("error: unknown option '--bogus'\n(run planton help apply for usage)\n");
    expect((await run(['local', 'start', '--bogus'])).err).toBe("error: unknown option '--bogus'\n(run planton help local start for usage)\n");
    expect(await run(['bogus'])).toEqual({ code: 1, out: '', err: "error: unknown command 'bogus'\n(run planton help for usage)\n" });
  });

  test('terraform habits: a one-dash flag planton has gets its two-dash spelling; -var, -target and friends get the planton way', async () => {
    const hint = async (args: string[]) => (await run(args)).err.split('\n')[1];
    expect(await run(['apply', '-auto-approve'])).toEqual({
      code: 1,
      out: '',
      err: "error: unknown option '-auto-approve'\n  planton's options take two dashes: --auto-approve\n(run planton help apply for usage)\n",
    });
    expect(await hint(['tofu', 'plan', '-detailed-exitcode'])).toBe("  planton's options take two dashes: --detailed-exitcode");
    expect(await hint(['tofu', 'plan', '-plugin-dir=/opt/p'])).toBe("  planton's options take two dashes: --plugin-dir=/opt/p");
    expect(await hint(['tofu', 'plan', '-var', 'x=1'])).toBe(
      '  planton has no -var: the manifest is the input; override one of its fields with --set PATH=VALUE (e.g. --set spec.billingMode=PROVISIONED)',
    );
    expect(await hint(['plan', '-var-file=prod.tfvars'])).toBe('  planton takes no tfvars file: the manifest (-m FILE) is the input; --set PATH=VALUE overrides one of its fields');
    expect(await hint(['apply', '-target=aws_dynamodb_table.this'])).toBe('  planton has no -target: a run covers exactly the table of one manifest; choose the manifest with -m FILE');
    expect(await hint(['tofu', 'plan', '-out=tfplan'])).toBe('  planton has no -out: plan always saves its plan in the work directory, and the next apply of the same inputs applies it');
    // A flag this command does not take is not suggested: plan has no --auto-approve.
    expect((await run(['tofu', 'plan', '-auto-approve'])).err).toBe("error: unknown option '-auto-approve'\n(run planton help tofu plan for usage)\n");
  });

  test.each(Object.entries(TOFU_FLAGS))('`planton help tofu %s` lists exactly its own flags, examples and the environment', async (op, flags) => {
    const help = await run(['help', 'tofu', op]);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(new RegExp(`^Usage: planton tofu ${op} \\[options\\]`));
    const listed = [...help.out.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]).filter((f) => f !== '--help');
    // -f is Project Planton's hidden spelling of --manifest.
    const expected = flags.filter((f) => f !== 'f').map((f) => '--' + f.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()));
    expect(listed.sort()).toEqual(expected.sort());
    expect(help.out).toContain(`Examples:\n  $ planton tofu ${op}`);
    if (op !== 'load-tfvars') for (const v of ['PLANTON_TOFU_BIN', 'PLANTON_PLUGIN_DIR', 'NO_COLOR', 'FORCE_COLOR']) expect(help.out).toContain(`  ${v} `);
  });

  test('the top-level help has examples and the environment variables', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Examples:\n  $ planton validate hack/examples/');
    expect(help.out).toMatch(/Environment:\n {2}PLANTON_TOFU_BIN .*\n {2}PLANTON_PLUGIN_DIR /);
  });
});

describe('colour', () => {
  test('NO_COLOR counts only when non-empty (no-color.org); FORCE_COLOR forces it on; --no-color wins', () => {
    expect(colorWanted([], {}, true)).toBe(true);
    expect(colorWanted([], {}, false)).toBe(false);
    expect(colorWanted([], { NO_COLOR: '' }, true)).toBe(true);
    expect(colorWanted([], { NO_COLOR: '1' }, true)).toBe(false);
    expect(colorWanted([], { FORCE_COLOR: '1' }, false)).toBe(true);
    expect(colorWanted([], { FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(true);
    expect(colorWanted([], { FORCE_COLOR: '0' }, true)).toBe(false);
    expect(colorWanted([], { FORCE_COLOR: '' }, false)).toBe(false);
    expect(colorWanted(['node', 'planton', 'validate', '--no-color'], { FORCE_COLOR: '1' }, true)).toBe(false);
  });
});

test('the built CLI colours a piped report only under a FORCE_COLOR other than 0', async () => {
  // dist/ is built by `npm test` before jest runs.
  const report = (env: Record<string, string>) =>
    execa('node', [join(packageRoot, 'dist', 'planton.cjs'), 'validate', 'hack/examples/invalid/bad.yaml'], { cwd: packageRoot, reject: false, env, extendEnv: false });
  const forced = await report({ FORCE_COLOR: '1', NO_COLOR: '' });
  expect(forced.exitCode).toBe(1);
  expect(forced.stdout).toContain('\x1b[31m');
  const piped = await report({ NO_COLOR: '' });
  expect(piped.stdout).not.toContain('\x1b[');
  expect((await report({ FORCE_COLOR: '0' })).stdout).toBe(piped.stdout);
});

describe('missing inputs', () => {
  test('a missing manifest says planton:, whether the path was the default, and what to do', async () => {
    expect(await run(['tofu', 'plan', '--local'])).toEqual({
      code: 1,
      out: '',
      err: `planton: manifest hack/manifest.yaml not found: that is the default path, relative to ${dir}\n  Pass a manifest with -m FILE, or run planton from the directory that holds hack/.\n`,
    });
    expect((await run(['tofu', 'load-tfvars', '-m', 'nope.yaml'])).err).toBe(`planton: manifest nope.yaml not found (relative to ${dir})\n  Check the path.\n`);
  });

  test('a missing stack input suggests copying the example, private; a directory is not called a manifest', async () => {
    const missing = await run(['tofu', 'plan', '-m', 'orders.yaml', '-s', 'hack/stack-input.yaml']);
    expect(missing.code).toBe(1);
    expect(missing.err).toBe(
      `planton: stack input hack/stack-input.yaml not found (relative to ${dir})\n` +
        `  Start from the example, readable only by you (it will hold credentials): install -m 600 ${join(packageRoot, 'hack', 'stack-input.example.yaml')} hack/stack-input.yaml\n`,
    );
    mkdirSync(join(dir, 'hack'));
    const directory = await run(['tofu', 'plan', '-m', 'orders.yaml', '-s', 'hack']);
    expect(directory).toEqual({ code: 1, out: '', err: 'planton: stack input hack is a directory, not a file\n  Pass the stack input YAML file with -s FILE.\n' });
  });
});

test('suggested commands are quoted for a POSIX shell', () => {
  expect(commandLine(['planton', 'tofu', 'apply', '-m', 'my table.yaml', '--set', "spec.tags={\"o'k\":1}"])).toBe(
    `planton tofu apply -m 'my table.yaml' --set 'spec.tags={"o'\\''k":1}'`,
  );
});

describe('status line', () => {
  test('on a terminal it is shown, then erased before the next output', () => {
    let err = '';
    let out = '';
    const status = statusLine(true, (t) => (err += t));
    const io = status.wrap({ stdout: (t: string) => (out += t), stderr: (t: string) => (err += t) });
    status.show('planton: running terraform init …');
    io.stdout('Plan: 1 to add\n');
    status.show('planton: running terraform plan …');
    status.clear();
    status.clear();
    expect(err).toBe('\r\x1b[Kplanton: running terraform init …\r\x1b[K\r\x1b[Kplanton: running terraform plan …\r\x1b[K');
    expect(out).toBe('Plan: 1 to add\n');
  });

  test('without a terminal nothing extra is written', () => {
    let err = '';
    const status = statusLine(false, (t) => (err += t));
    const io = { stdout: () => undefined, stderr: (t: string) => (err += t) };
    expect(status.wrap(io)).toBe(io);
    status.show('planton: running terraform init …');
    status.clear();
    expect(err).toBe('');
  });
});

test('init that cannot reach the registry says: offline? pass --plugin-dir or set PLANTON_PLUGIN_DIR', () => {
  // terraform 1.11.4's words on a machine without network.
  const stderr = [
    'Error: Failed to query available provider packages',
    '',
    'Could not retrieve the list of available versions for provider hashicorp/aws:',
    'could not connect to registry.terraform.io: failed to request discovery',
    'document: Get "https://registry.terraform.io/.well-known/terraform.json":',
    'dial tcp: lookup registry.terraform.io on 10.255.255.53:53: no such host',
  ].join('\n');
  expect(explainFailure(stderr, '/w')).toEqual([
    'planton: init could not reach registry.terraform.io to download the AWS provider. offline? pass --plugin-dir or set PLANTON_PLUGIN_DIR to a directory holding the provider (a `terraform providers mirror` of it).',
  ]);
});

describe('DynamoDB Local port per data directory', () => {
  test('the recorded port is reused while it is free, and a taken one gives way', async () => {
    const fallback = async () => 1;
    expect(recordedPort(dir)).toBeUndefined();
    expect(await portFor(dir, fallback)).toBe(1);
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '0.0.0.0', done));
    const taken = (blocker.address() as { port: number }).port;
    try {
      recordPort(dir, taken);
      expect(recordedPort(dir)).toBe(taken);
      expect(await portFor(dir, fallback)).toBe(1);
    } finally {
      await new Promise((done) => blocker.close(done));
    }
    expect(await portFor(dir, fallback)).toBe(taken);
  });
});
