// After a failed tofu command: the few failures a person cannot act on from tofu's own words get one
// planton sentence saying what happened and what to do. Reads tofu's error text; never changes the exit code.

/** The last part of a child's stderr, kept to recognise its error (bounded: tofu can print a lot). */
export const FAILURE_TEXT_LIMIT = 64 * 1024;

/** `binaryName` is what the user runs for a manual fix (`terraform` or `tofu`). */
export function explainFailure(stderr: string, workDir: string, binaryName = 'terraform'): string[] {
  // Colour codes and the box tofu draws around diagnostics on a terminal (`│ Error: ...`) say nothing here.
  const text = stderr.replace(/\x1b\[[0-9;]*m/g, '').replace(/^[╷╵│] ?/gm, '');
  const hints: string[] = [];

  if (/Error acquiring the state lock/.test(text)) {
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

  const guarded = /deleting AWS DynamoDB Table \(([^)]+)\)[\s\S]*?protected against deletion/.exec(text);
  if (guarded) {
    hints.push(
      `planton: table '${guarded[1]}' has deletion protection on, so it was not deleted. To delete it, set ` +
        '`deletionProtectionEnabled: false` under spec in the manifest, run `planton tofu apply`, then `planton tofu destroy` again.',
    );
  }

  // The table exists but this state does not hold it (normally caught before apply: live-table.ts).
  const preexisting = /Cannot create preexisting table|Table already exists/.test(text);
  if (preexisting) {
    hints.push(
      'planton: the table already exists outside this state. If this manifest manages it, run the same command with `--adopt` ' +
        'to take it into state; otherwise give the manifest another table name.',
    );
  }

  // One UpdateTable call cannot change capacity and the stream together; the provider sends them in one.
  if (/Cannot change IOPS and Streams at the same time/.test(text)) {
    hints.push(
      'planton: DynamoDB cannot change capacity and the stream in one update. Apply the stream change on its own first ' +
        '(keep the old capacities in the manifest for one apply), then the capacity change.',
    );
  }

  const refused = /dial tcp ([^\s]+): connect: connection refused/.exec(text);
  if (refused) {
    hints.push(
      `planton: nothing answers at ${refused[1]} (connection refused): is the endpoint of provider_config.endpoint (e.g. DynamoDB Local) running? ` +
        'Start it again (same port and data directory) and rerun the command; tofu kept the state of what it finished.',
    );
  }
  const registry = /could not connect to (registry\.[^\s:]+)/.exec(text);
  if (registry) {
    hints.push(
      `planton: init could not reach ${registry[1]} to download the AWS provider. ` +
        'offline? pass --plugin-dir or set PLANTON_PLUGIN_DIR to a directory holding the provider (a `terraform providers mirror` of it).',
    );
  }
  return hints;
}
