// After a failed tofu command: the few failures a person cannot act on from tofu's own words get one
// planton sentence saying what happened and what to do. Reads tofu's error text; never changes the exit code.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { damagedStateMessage } from './state-file.js';

/** The last part of a child's stderr, kept to recognise its error (bounded: tofu can print a lot). */
export const FAILURE_TEXT_LIMIT = 64 * 1024;

/**
 * `binaryName` is what the user runs for a manual fix (`terraform` or `tofu`); `env` is the child's
 * environment, which says where credentials were looked for.
 */
export function explainFailure(stderr: string, workDir: string, binaryName = 'terraform', env: Record<string, string | undefined> = {}): string[] {
  // Colour codes and the box tofu draws around diagnostics on a terminal (`│ Error: ...`) say nothing here.
  const text = stderr.replace(/\x1b\[[0-9;]*m/g, '').replace(/^[╷╵│] ?/gm, '');
  // tofu wraps its error text at about 80 columns, anywhere between words: phrases are matched in one line.
  const flat = text.replace(/\s+/g, ' ');
  const hints: string[] = [];

  // tofu wraps a state it cannot parse in its lock error: that is a damaged state, never a lock.
  const damaged = /Unsupported state file format|Failed to load state/.test(flat);
  if (damaged) {
    const local = damagedStateMessage(workDir);
    hints.push(
      local
        ? `planton: ${local.message}. ${local.hint}`
        : `planton: the state is damaged (${binaryName} cannot parse it), not locked by another run: restore it from a copy ` +
            '(for an s3 backend, an earlier version of the state object) and run again.',
    );
  }

  if (/No valid credential sources found/.test(flat)) hints.push(noCredentialsSentence(env));

  if (!damaged && /Error acquiring the state lock/.test(flat)) {
    const field = (name: string) => new RegExp(`^\\s*${name}:[ \\t]*(.*)$`, 'm').exec(text)?.[1]?.trim();
    const id = field('ID');
    const who = [field('Operation')?.replace(/^OperationType/, '').toLowerCase(), field('Who') && `by ${field('Who')}`, field('Created') && `since ${field('Created')}`]
      .filter(Boolean)
      .join(' ');
    hints.push(
      `planton: the state is locked by another run${who ? ` (${who})` : ''}; wait for it to finish and try again.` +
        (id ? ` If no other run is active (it crashed), release the lock with \`${binaryName} force-unlock ${id}\` in ${workDir}.` : ''),
    );
  }

  const guarded = /deleting AWS DynamoDB Table \(([^)]+)\)[\s\S]*?protected against deletion/.exec(flat);
  if (guarded) {
    hints.push(
      `planton: table '${guarded[1]}' has deletion protection on, so it was not deleted. To delete it, set ` +
        '`deletionProtectionEnabled: false` under spec in the manifest, run `planton tofu apply`, then `planton tofu destroy` again.',
    );
  }

  // The table exists but this state does not hold it (normally caught before apply: live-table.ts).
  const preexisting = /Cannot create preexisting table|Table already exists/.test(flat);
  if (preexisting) {
    hints.push(
      'planton: the table already exists outside this state. If this manifest manages it, run the same command with `--adopt` ' +
        'to take it into state; otherwise give the manifest another table name.',
    );
  }

  // One UpdateTable call cannot change capacity and the stream together; the provider sends them in one.
  if (/Cannot change IOPS and Streams at the same time/.test(flat)) {
    hints.push(
      'planton: DynamoDB cannot change capacity and the stream in one update. Apply the stream change on its own first ' +
        '(keep the old capacities in the manifest for one apply), then the capacity change.',
    );
  }

  const refused = /dial tcp ([^\s]+): connect: connection refused/.exec(flat);
  if (refused) {
    // The provider's endpoint travels in the environment (env.ts); any other address is the backend's.
    const field = isAddressOf(env.AWS_ENDPOINT_URL_DYNAMODB, refused[1]!) ? 'provider_config.endpoint' : 'backend.endpoint or backend.dynamodbEndpoint';
    hints.push(
      `planton: nothing answers at ${refused[1]} (connection refused): is the endpoint of ${field} (e.g. DynamoDB Local) running? ` +
        'Start it again (same port and data directory) and rerun the command; tofu kept the state of what it finished.',
    );
  }
  const registry = /could not connect to (registry\.[^\s:]+)/.exec(flat);
  if (registry) {
    hints.push(
      `planton: init could not reach ${registry[1]} to download the AWS provider. ` +
        'offline? pass --plugin-dir or set PLANTON_PLUGIN_DIR to a directory holding the provider (a `terraform providers mirror` of it).',
    );
  }
  return hints;
}

/** True when `url` is absent (nothing to tell apart) or names `hostPort` (`127.0.0.1:8000`). */
function isAddressOf(url: string | undefined, hostPort: string): boolean {
  if (url === undefined) return true;
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || (u.protocol === 'https:' ? '443' : '80')}` === hostPort || u.host === hostPort;
  } catch {
    return true;
  }
}

/** What the provider's credential chain was given, from the environment tofu ran with (env.ts puts the stack input there). */
function noCredentialsSentence(env: Record<string, string | undefined>): string {
  const home = env.HOME ?? homedir();
  const files = [env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, '.aws', 'credentials'), env.AWS_CONFIG_FILE ?? join(home, '.aws', 'config')].join(' and ');
  const fix = 'For DynamoDB Local, run with --local (or give any accessKeyId/secretAccessKey in the stack input for one of your own); for AWS, give provider_config.accessKeyId/secretAccessKey or provider_config.profile in a stack input (--stack-input).';
  if (env.AWS_ACCESS_KEY_ID || env.AWS_SECRET_ACCESS_KEY) {
    const [given, missing] = env.AWS_ACCESS_KEY_ID ? ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'] : ['AWS_SECRET_ACCESS_KEY', 'AWS_ACCESS_KEY_ID'];
    return `planton: no AWS credentials: the environment sets ${given} but not ${missing}, and the default profile chain (${files}) has none. ${fix}`;
  }
  if (env.AWS_PROFILE) {
    return `planton: no AWS credentials: profile '${env.AWS_PROFILE}' (provider_config.profile or AWS_PROFILE) gave none; planton looked in ${files}. ${fix}`;
  }
  return (
    'planton: no AWS credentials: the stack input gives no provider_config.accessKeyId/secretAccessKey or provider_config.profile, ' +
    `the environment has no AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE, and the default profile chain (${files}) has none. ${fix}`
  );
}
