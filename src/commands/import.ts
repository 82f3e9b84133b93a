// `planton import --table NAME [--stack-input PATH | --local] [--out PATH]` (docs/contract.md `cli`): read a live
// table through terraform (importer/read-live.ts), map it to a manifest (importer/to-manifest.ts),
// check that it validates, then write it (or print it).
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { EnvironmentError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { readLiveTable } from '../importer/read-live.js';
import { renderManifestYaml, schemaReference } from '../importer/render.js';
import { toManifest } from '../importer/to-manifest.js';
import { loadManifest } from '../manifest/index.js';
import { manifestSchemaPath } from '../files/paths.js';
import { formatText } from '../report/text.js';
import { awsSettings, chooseRegion, localAws, noRegionError } from '../session/aws.js';
import { localDataDir, withDynamoDbLocal } from '../session/local.js';
import { openStackInput } from '../session/stack.js';
import { findBinary, pluginDirOf } from '../session/toolchain.js';
import type { AwsSettings } from '../tofu/env.js';
import { renderProvider } from '../workspace/provider.js';
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
  if (opts.local && opts.stackInput !== undefined) throw new UsageError('--local and --stack-input exclude each other', 'Use --local for DynamoDB Local, --stack-input for AWS (or another endpoint).');
  const outFile = opts.out !== undefined ? resolve(io.cwd, opts.out) : undefined;
  if (outFile && existsSync(outFile)) throw new UsageError(`${opts.out} already exists; planton import does not overwrite a manifest`, 'Choose another --out, or move the file away first.');
  // Before the table is read (a terraform run): a directory that cannot hold --out is said now.
  if (outFile) makeDirFor(outFile, opts.out!);

  // Credentials: the stack input's secrets are masked in everything printed from here on.
  const { stack, mask, out, valid } = await openStackInput(opts.stackInput, io);
  if (!valid) return 1;
  const pc = stack?.input?.provider_config;

  const binary = await findBinary(opts.binary, io, out);
  const pluginDir = pluginDirOf(opts.pluginDir, io);
  const read = async (settings: AwsSettings, autoscaling: boolean) =>
    readLiveTable({
      tableName: opts.table,
      aws: settings,
      binary: binary.path,
      pluginDir,
      env: io.env,
      mask,
      stderr: out.stderr,
      autoscaling,
      provider: renderProvider({ region: settings.region, endpoint: settings.endpoint }),
    });

  let live;
  let region = 'us-east-1';
  if (opts.local) {
    // The same data directory `planton tofu ... --local` uses for a manifest written to --out.
    const dataDir = localDataDir(outFile ? dirname(outFile) : io.cwd);
    live = await withDynamoDbLocal(dataDir, io, out, (endpoint) => read(localAws(endpoint), false));
    live.notes.push('autoscaling was not read: Application Auto Scaling is not part of DynamoDB Local');
    live.notes.push('tags were not read: DynamoDB Local does not support tagging');
  } else {
    const chosen = chooseRegion(pc, io.env);
    if (!chosen) throw noRegionError();
    region = chosen;
    const settings = awsSettings(pc, region);
    // A custom endpoint (DynamoDB Local, LocalStack) has no Application Auto Scaling to ask.
    live = await read(settings, settings.endpoint === undefined);
    if (settings.endpoint !== undefined) live.notes.push(`autoscaling was not read: ${settings.endpoint} is a DynamoDB endpoint only`);
  }

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
