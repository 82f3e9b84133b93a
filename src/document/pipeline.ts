// The document pipeline shared by the manifest and the stack input: read (read.ts) → YAML (load.ts)
// → `--set` (set.ts) → schema (schema.ts) → the document's own checks → finishDiagnostics. Each
// loader supplies only its schema and its checks. Pure per call; the only module state is the
// compiled, immutable validators.
import { fileProblem, finishDiagnostics, MAX_DIAGNOSTICS, type Diagnostic, type FileResult } from './diagnostics.js';
import { pointerToPath, valueAt } from './pointer.js';
import { decodeText, kib, MAX_MANIFEST_BYTES, parseYaml, toPlain, tooLarge, type LoadedYaml } from './load.js';
import { locate, type Anchor } from './locate.js';
import { readCapped, readFailure } from './read.js';
import { schemaProblems, type SchemaName } from './schema.js';
import { applySets } from './set.js';
import type { Spellings } from './suggest.js';

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
  /** The parsed YAML document, when the file could be parsed. */
  yaml?: LoadedYaml;
  /** The whole document as plain data (for callers that read other parts, e.g. a stack input's secrets). */
  data?: unknown;
}

/** A problem before it is located: pointers are relative to the validated object. */
export interface Located {
  code: string;
  /** What the problem is about (the diagnostic's pointer and path). */
  pointer: string;
  /** Where to put its line:col (default: `pointer`), and on which end of the node. */
  at?: string;
  anchor: Anchor;
  message: string;
  severity?: 'warning';
}

/**
 * A document's own checks, run after the schema (which has filled in defaults) on the same object.
 * They receive the schema's problems and return the full list, so a check may replace the schema's
 * sentence about a node with a better one.
 */
export type Checks = (value: unknown, schemaProblems: Located[], yaml: LoadedYaml) => Located[];

const schemaOnly: Checks = (_value, problems) => problems;

function resultOf(file: string, diagnostics: Diagnostic[], status?: FileResult['status']): FileResult {
  const invalid = diagnostics.some((d) => d.severity === 'error');
  return { file, status: status ?? (invalid ? 'invalid' : 'valid'), diagnostics };
}

async function readText(opts: ValidateOptions, display: string): Promise<{ text: string } | { diagnostics: Diagnostic[]; status: FileResult['status'] }> {
  if (opts.text !== undefined) return { text: opts.text };
  const read = await readCapped(opts.file, MAX_MANIFEST_BYTES);
  if (!read.ok) {
    if (read.reason === 'too-large') {
      const size = read.size !== undefined ? `is ${kib(read.size)}` : `gives more than ${kib(MAX_MANIFEST_BYTES)}`;
      return { diagnostics: [tooLarge(display, size)], status: 'invalid' };
    }
    if (read.reason === 'silent') {
      return { diagnostics: [fileProblem(display, 'file-silent', `nothing to read within ${read.idleMs / 1000} s (a pipe or FIFO with no writer?); pass a manifest file`)], status: 'error' };
    }
    const failure = readFailure(read.code);
    return { diagnostics: [fileProblem(display, failure.code, failure.message)], status: 'error' };
  }
  const decoded = decodeText(read.bytes, display);
  return decoded.ok ? { text: decoded.text } : { diagnostics: decoded.diagnostics, status: 'invalid' };
}

/**
 * Every stage in order; the first stage that fails ends the run with its diagnostics. `spellings` are
 * the other spellings of enum values the schema's "did you mean" may name (see suggest.ts).
 */
export async function validateDocument(schema: SchemaName, opts: ValidateOptions, checks: Checks = schemaOnly, spellings: Spellings = {}): Promise<ValidatedDocument> {
  const display = opts.displayFile ?? opts.file;
  const at = opts.at ?? '';
  const read = await readText(opts, display);
  if ('diagnostics' in read) return { result: resultOf(display, read.diagnostics, read.status) };

  const loaded = parseYaml(read.text, display);
  if (!loaded.ok) return { result: resultOf(display, loaded.diagnostics, 'invalid') };
  const yaml = loaded.yaml;

  const sets = applySets(yaml.doc, opts.sets ?? [], { at, schema });
  const setDiags: Diagnostic[] = sets.problems.map((p) => fileProblem('--set', 'bad-set', p.message));

  const plain = toPlain(yaml, display);
  if (!plain.ok) return { result: resultOf(display, [...setDiags, ...plain.diagnostics], 'invalid'), yaml };
  const value = valueAt(plain.value, at);

  const excluded = (pointer: string) => (opts.exclude ?? []).some((e) => pointer === e || pointer.startsWith(e + '/'));
  const all = checks(value, schemaProblems(schema, value, spellings).filter((p) => !excluded(p.pointer)), yaml);

  const underSet = (pointer: string) => sets.pointers.some((sp) => pointer === sp || pointer.startsWith(sp + '/'));
  // Locating costs a walk per problem: a file with thousands of mistakes gets the first ones and a count.
  const shown = all.slice(0, MAX_DIAGNOSTICS);
  const located: Diagnostic[] = shown.map((p) => {
    const pointer = at + p.pointer;
    // Also when only the position is under a flag's value: that node has no place in the file.
    const fromSet = underSet(p.pointer) || underSet(p.at ?? p.pointer);
    const pos = fromSet ? { line: 0, col: 0 } : locate(yaml.doc, yaml.lineCounter, at + (p.at ?? p.pointer), p.anchor);
    return { code: p.code, severity: p.severity ?? 'error', message: p.message, path: pointerToPath(pointer), pointer, file: fromSet ? '--set' : display, line: pos.line, col: pos.col };
  });
  // A bad `--set` flag is not a problem of the file: it comes first, outside the file's count.
  const result = resultOf(display, [...setDiags, ...finishDiagnostics(display, located, { omitted: all.length - shown.length })]);
  return { result, value: result.status === 'valid' ? value : undefined, yaml, data: plain.value };
}
