// `planton import --table NAME [--stack-input PATH | --local] [--out PATH]` (docs/contract.md `cli`): read a live
// table through terraform (live/read.ts), map it to a manifest (importer/to-manifest.ts),
// check that it validates, then write it (or print it).
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { EnvironmentError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { readLiveTables } from '../live/read.js';
import { ownPlanReading } from '../plan/file/read-plan.js';
import type { LiveAutoScaling } from '../importer/to-manifest.js';
import { renderManifestYaml, schemaReference } from '../importer/render.js';
import { toManifest } from '../importer/to-manifest.js';
import { loadManifest } from '../manifest/index.js';
import { manifestSchemaPath } from '../files/paths.js';
import { formatText } from '../report/text.js';
import { checkEndpointOptions, openBaseSession, type BaseSession, type Endpoint } from '../session/base.js';
import { localDataDir } from '../session/local.js';
import { shellQuote } from '../terminal/shell-quote.js';
import { makeDirectory } from '../files/make-dir.js';

export interface ImportOptions {
  table: string;
  stackInput?: string;
  local: boolean;
  out?: string;
  binary?: string;
  pluginDir?: string;
}

export async function importTable(opts: ImportOptions, io: Io): Promise<number> {
  checkEndpointOptions(opts);
  const outFile = opts.out !== undefined ? resolve(io.cwd, opts.out) : undefined;
  if (outFile && existsSync(outFile)) throw new UsageError(`${opts.out} already exists; planton import does not overwrite a manifest`, 'Choose another --out, or move the file away first.');
  // Before the table is read (a terraform run): a directory that cannot hold --out is said now.
  if (outFile) makeDirFor(outFile, opts.out!);

  // Credentials: the stack input's secrets are masked in everything printed from here on.
  const session = await openBaseSession(opts, io);
  if (typeof session === 'number') return session;
  const { out } = session;

  // The same data directory `planton tofu ... --local` uses for a manifest written to --out.
  const dataDir = localDataDir(outFile ? dirname(outFile) : io.cwd);
  const { live, region } = await session.withEndpoint(dataDir, async (e) => ({ live: await readOne(opts.table, e, session), region: e.aws.region }));
  const imported = toManifest(live.table, live.autoscaling);
  const text = renderManifestYaml(imported.manifest, {
    schemaRef: schemaReference(outFile ? dirname(outFile) : io.cwd, manifestSchemaPath),
    source: `table ${opts.table}`,
  });
  for (const note of [...live.notes, ...imported.notes]) out.stderr(`planton: note: ${note}\n`);

  // What import writes must pass `planton validate` unchanged: check it the same way.
  const display = opts.out ?? '<stdout>';
  const checked = await loadManifest({ file: outFile ?? join(io.cwd, 'imported.yaml'), displayFile: display, text, region });
  if (outFile) writeOut(outFile, opts.out!, text, out);
  else out.stdout(text);
  if (checked.result.status !== 'valid') {
    out.stderr(formatText([checked.result], { color: io.color }));
    out.stderr(`planton: the manifest of table '${opts.table}' does not validate as written: fix the fields above before planning\n`);
    return 1;
  }
  if (outFile) {
    const where = opts.local ? ' --local' : opts.stackInput !== undefined ? ` --stack-input ${shellQuote(opts.stackInput)}` : '';
    out.stderr(`planton: wrote ${opts.out} (table ${opts.table}); take the table into state with \`planton tofu apply -m ${shellQuote(opts.out!)}${where} --adopt\`\n`);
  }
  return 0;
}

/** One table through the live reader, with what it could not read said as notes. */
async function readOne(table: string, e: Endpoint, s: BaseSession): Promise<{ table: Record<string, unknown>; autoscaling: LiveAutoScaling[]; notes: string[] }> {
  const { tables } = await readLiveTables({
    tables: [table],
    aws: e.aws,
    binary: s.binary.path,
    pluginDir: s.pluginDir,
    env: s.io.env,
    mask: s.mask,
    stderr: s.out.stderr,
    // A custom endpoint (DynamoDB Local, LocalStack) has no Application Auto Scaling to ask.
    autoscaling: e.kind === 'aws',
    provider: e.provider,
    purpose: 'import',
    planFileVersion: ownPlanReading(s.binary, s.io.env),
  });
  const read = tables.get(table)!;
  if (read.status === 'missing') {
    const where = e.aws.endpoint ? `${e.aws.region} at ${e.aws.endpoint}` : e.aws.region;
    throw new UsageError(`table '${table}' was not found in ${where}`, 'Check --table, the region and the credentials (or --local).');
  }
  if (read.status === 'unreadable') {
    s.out.stderr(read.log);
    throw new UsageError(`could not read table '${table}': ${read.reason} (terraform's messages are above)`);
  }
  const notes = [...read.notes];
  if (e.kind === 'local') {
    notes.push('autoscaling was not read: Application Auto Scaling is not part of DynamoDB Local');
    notes.push('tags were not read: DynamoDB Local does not support tagging');
  } else if (e.kind === 'endpoint') notes.push(`autoscaling was not read: ${e.aws.endpoint} is a DynamoDB endpoint only`);
  return { table: read.table, autoscaling: read.autoscaling, notes };
}

function makeDirFor(file: string, shown: string): void {
  try {
    makeDirectory(dirname(file));
  } catch (err) {
    throw new EnvironmentError(`cannot create the directory of --out ${shown} (${(err as NodeJS.ErrnoException).code})`, 'Choose another --out.');
  }
}

/** Writes the manifest; if that fails the read is not lost: the manifest goes to stdout instead. */
function writeOut(file: string, shown: string, text: string, out: Io): void {
  try {
    writeFileSync(file, text, { flag: 'wx' });
  } catch (err) {
    out.stdout(text);
    throw new EnvironmentError(`cannot write --out ${shown} (${(err as NodeJS.ErrnoException).code}); the manifest is on stdout instead`, 'Save it from there, or run again with another --out.');
  }
}
