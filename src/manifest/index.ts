// The validation pipeline: file → YAML (load.ts) → --set (set.ts) → schema (schema.ts) → rules (rules.ts)
// → located diagnostics. Pure per call; the only module state is the compiled, immutable validators.
import { pointerToPath, type Diagnostic, type FileResult } from '../diagnostics.js';
import type { AwsDynamodb } from '../generated/manifest.js';
import { decodeText, MAX_DIAGNOSTICS, MAX_MANIFEST_BYTES, parseYaml, toPlain, type LoadedYaml } from './load.js';
import { readCapped } from './read.js';

export { MAX_DIAGNOSTICS } from './load.js';
import { locate, valueAt, type Anchor } from './locate.js';
import { checkRules } from './rules.js';
import { schemaProblems, type SchemaName } from './schema.js';
import { applySets } from './set.js';

export type { SchemaName } from './schema.js';

export interface ValidateOptions {
  /** Path used to read the file (absolute, or relative to the process cwd). */
  file: string;
  /** Name shown in diagnostics (the path as the user gave it); defaults to `file`. */
  displayFile?: string;
  /** The document's text; when given, `file` is not read. */
  text?: string;
  /** `--set path=value` overrides, relative to the validated object (`spec.billingMode=...`). */
  sets?: string[];
  /** JSON pointer of the validated object inside the document ('' = the whole document). */
  at?: string;
  /** Drop schema problems at or under these pointers (e.g. a stack input's `/target`, validated separately). */
  exclude?: string[];
}

export interface ValidatedDocument {
  result: FileResult;
  /** The validated object with schema defaults applied; set only when the result is valid. */
  value?: unknown;
  /** The parsed YAML document, when the file could be parsed (for callers that locate their own checks). */
  yaml?: LoadedYaml;
  /** The whole document as plain data (for callers that read other parts, e.g. a stack input's target). */
  data?: unknown;
}

interface Located {
  code: string;
  pointer: string;
  at: string;
  anchor: Anchor;
  message: string;
  severity?: 'warning';
}

/** File-level problem (cannot read it): line 0 means "no position". */
function fileDiag(file: string, code: string, message: string): Diagnostic {
  return { code, severity: 'error', message, path: '', pointer: '', file, line: 0, col: 0 };
}

function resultOf(file: string, diagnostics: Diagnostic[], status?: FileResult['status']): FileResult {
  const invalid = diagnostics.some((d) => d.severity === 'error');
  return { file, status: status ?? (invalid ? 'invalid' : 'valid'), diagnostics };
}

async function readText(opts: ValidateOptions, display: string): Promise<{ text: string } | { diagnostics: Diagnostic[]; status: FileResult['status'] }> {
  if (opts.text !== undefined) return { text: opts.text };
  const read = await readCapped(opts.file, MAX_MANIFEST_BYTES);
  if (!read.ok) {
    const kib = (n: number) => `${Math.round(n / 1024)} KiB`;
    if (read.reason === 'too-large') {
      const size = read.size !== undefined ? `is ${kib(read.size)}` : `gives more than ${kib(MAX_MANIFEST_BYTES)}`;
      return { diagnostics: [{ ...fileDiag(display, 'yaml-too-large', `the file ${size}; a manifest is at most ${kib(MAX_MANIFEST_BYTES)} (is this the right file?)`), line: 1, col: 1 }], status: 'invalid' };
    }
    if (read.reason === 'silent') {
      return { diagnostics: [fileDiag(display, 'file-silent', `nothing to read within ${read.idleMs / 1000} s (a pipe or FIFO with no writer?); pass a manifest file`)], status: 'error' };
    }
    const code = read.code;
    const message =
      code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not a manifest file' : code === 'EACCES' ? 'permission denied' : `cannot read the file (${code})`;
    return { diagnostics: [fileDiag(display, code === 'ENOENT' ? 'file-not-found' : 'file-unreadable', message)], status: 'error' };
  }
  const bytes = read.bytes;
  const decoded = decodeText(bytes, display);
  return decoded.ok ? { text: decoded.text } : { diagnostics: decoded.diagnostics, status: 'invalid' };
}


/** Shared stages: read, parse, apply --set, schema, optional extra checks; diagnostics sorted and deduplicated. */
async function run(
  schema: SchemaName,
  opts: ValidateOptions,
  extra: (value: unknown) => Located[],
): Promise<ValidatedDocument> {
  const display = opts.displayFile ?? opts.file;
  const at = opts.at ?? '';
  const read = await readText(opts, display);
  if ('diagnostics' in read) return { result: resultOf(display, read.diagnostics, read.status) };

  const loaded = parseYaml(read.text, display);
  if (!loaded.ok) return { result: resultOf(display, loaded.diagnostics, 'invalid') };
  const yaml = loaded.yaml;

  const sets = applySets(yaml.doc, opts.sets ?? [], { at, schema });
  const setDiags: Diagnostic[] = sets.problems.map((p) => ({ ...fileDiag('--set', 'bad-set', p.message) }));

  const plain = toPlain(yaml, display);
  if (!plain.ok) return { result: resultOf(display, [...setDiags, ...plain.diagnostics], 'invalid'), yaml };
  const value = valueAt(plain.value, at);

  // Schema first (fills defaults in place), then the rules on the same object.
  const excluded = (pointer: string) => (opts.exclude ?? []).some((e) => pointer === e || pointer.startsWith(e + '/'));
  const problems: Located[] = schemaProblems(schema, value).filter((p) => !excluded(p.pointer));
  const ruled = extra(value);
  // A rule speaks about the same node more precisely than the schema: keep the rule's sentence.
  // (A warning never hides an error: a value can be above a quota and also invalid.)
  const rulePointers = new Set(ruled.filter((r) => r.severity !== 'warning').map((r) => r.pointer));
  const all = [...problems.filter((p) => !rulePointers.has(p.pointer)), ...ruled];

  const underSet = (pointer: string) => sets.pointers.some((sp) => pointer === sp || pointer.startsWith(sp + '/'));
  // Locating costs a walk per problem: a file with thousands of mistakes gets the first ones and a count.
  const shown = all.slice(0, MAX_DIAGNOSTICS);
  const diagnostics: Diagnostic[] = shown.map((p) => {
    const pointer = at + p.pointer;
    const fromSet = underSet(p.pointer);
    const pos = fromSet ? { line: 0, col: 0 } : locate(yaml.doc, yaml.lineCounter, at + p.at, p.anchor);
    return { code: p.code, severity: p.severity ?? 'error', message: p.message, path: pointerToPath(pointer), pointer, file: fromSet ? '--set' : display, line: pos.line, col: pos.col };
  });
  const located = sortAndDedupe(diagnostics);
  const more = all.length - shown.length;
  const rest = more > 0 ? [fileDiag(display, 'too-many-problems', `${more} more problems not shown; fix the ones above first`)] : [];
  const result = resultOf(display, [...setDiags, ...located, ...rest]);
  return { result, value: result.status === 'valid' ? value : undefined, yaml, data: plain.value };
}

function sortAndDedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list
    .slice()
    .sort((a, b) => a.line - b.line || a.col - b.col || a.path.localeCompare(b.path))
    .filter((d) => {
      const key = `${d.file}:${d.line}:${d.col}:${d.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/**
 * Load + parse + `--set` + schema for any shipped schema, without the manifest's cross-field rules.
 * The stack-input loader uses it with `'stack-input'`; `loadManifest` adds the rules on top.
 */
export async function validateDocumentAgainst(schema: SchemaName, opts: ValidateOptions): Promise<ValidatedDocument> {
  return run(schema, opts, () => []);
}

/** The manifest pipeline of design §2.1: every problem at once, or the manifest with defaults applied. */
export async function loadManifest(opts: ValidateOptions & { region?: string }): Promise<{ result: FileResult; manifest?: AwsDynamodb }> {
  const out = await run('manifest', opts, (value) => checkRules(value, { region: opts.region }).map((v) => ({ ...v, at: v.pointer })));
  return { result: out.result, manifest: out.value as AwsDynamodb | undefined };
}
