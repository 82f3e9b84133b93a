// The YAML stage of the pipeline: bytes → one YAML Document (+ LineCounter), or located diagnostics
// for everything docs/contract.md `rules` rule 15 calls bad YAML. Nothing here knows about the manifest's shape.
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document } from 'yaml';
import { finishDiagnostics, type Diagnostic } from './diagnostics.js';
import { pointerToPath } from './pointer.js';
import { explainYamlError } from './yaml-errors.js';
import { unfaithfulNodes } from './yaml-values.js';

/** Aliases a hand-written manifest might use are few; a larger count means an alias bomb. */
export const MAX_ALIAS_COUNT = 50;

/**
 * The largest manifest planton reads. A real one (20 GSIs, 50 tags, a 20 KB resource policy) is far
 * under 100 KB; past this size parsing alone takes seconds, so the file is refused before it starts.
 */
export const MAX_MANIFEST_BYTES = 128 * 1024;

export interface LoadedYaml {
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

export type LoadResult = { ok: true; yaml: LoadedYaml } | { ok: false; diagnostics: Diagnostic[] };

function diag(file: string, code: string, message: string, line = 1, col = 1): Diagnostic {
  return { code, severity: 'error', message, path: '', pointer: '', file, line, col };
}

export const kib = (n: number): string => `${Math.round(n / 1024)} KiB`;

/** The file is past MAX_MANIFEST_BYTES; `size` says by how much (`is 300 KiB`, `gives more than 128 KiB`). */
export function tooLarge(file: string, size: string): Diagnostic {
  return diag(file, 'yaml-too-large', `the file ${size}; a manifest is at most ${kib(MAX_MANIFEST_BYTES)} (is this the right file?)`);
}

/** 1-based line/col of a character offset, for text that was never parsed. */
function positionOf(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
}

/** Decodes bytes as UTF-8, refusing binary content (NUL bytes) and invalid UTF-8. */
export function decodeText(bytes: Uint8Array, file: string): { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] } {
  const loose = new TextDecoder('utf-8').decode(bytes);
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const at = positionOf(loose, loose.indexOf('\u0000'));
    return { ok: false, diagnostics: [diag(file, 'yaml-binary', 'this is a binary file (it contains NUL bytes), not a YAML manifest', at.line, at.col)] };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    const at = positionOf(loose, Math.max(0, loose.indexOf('\uFFFD')));
    return { ok: false, diagnostics: [diag(file, 'yaml-invalid-utf8', 'the file is not valid UTF-8 text; save it as UTF-8', at.line, at.col)] };
  }
}

/** Parses exactly one YAML mapping document; every other outcome is a located diagnostic. */
export function parseYaml(text: string, file: string): LoadResult {
  if (text.includes('\u0000')) {
    const at = positionOf(text, text.indexOf('\u0000'));
    return { ok: false, diagnostics: [diag(file, 'yaml-binary', 'this is a binary file (it contains NUL bytes), not a YAML manifest', at.line, at.col)] };
  }
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_MANIFEST_BYTES) return { ok: false, diagnostics: [tooLarge(file, `is ${kib(bytes)}`)] };
  const lineCounter = new LineCounter();
  let parsed: Document.Parsed[];
  try {
    // uniqueKeys off: yaml compares every key with every other (seconds for a 10k-key map); duplicateKeys is linear.
    // merge: `<<: *anchor` is ordinary YAML that people write; its aliases count against MAX_ALIAS_COUNT.
    parsed = parseAllDocuments(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true, merge: true }) as Document.Parsed[];
  } catch (err) {
    // yaml's parser (below the composer, which catches its own) recurses once per nesting level.
    if (!(err instanceof RangeError)) throw err;
    const at = positionOf(text, deepestOffset(text));
    return { ok: false, diagnostics: [diag(file, 'yaml-too-deep', TOO_DEEP, at.line, at.col)] };
  }
  const docs = parsed;
  const pos = (offset: number) => lineCounter.linePos(offset);

  // Empty documents (a stray `---` at the end, a comment-only part) are not counted as manifests.
  const blank = (d: Document.Parsed) => d.errors.length === 0 && (d.contents === null || (isScalar(d.contents) && d.contents.value === null));
  const real = docs.filter((d) => !blank(d));
  const first = real[0];
  if (!first) {
    return { ok: false, diagnostics: [diag(file, 'yaml-empty', 'the file is empty: a manifest needs apiVersion, kind, metadata and spec')] };
  }

  const diagnostics: Diagnostic[] = [];
  const lines = text.split(/\r?\n/);
  // yaml reports one indentation mistake several times (under several codes): it is said once per line.
  const explainedLines = new Set<number>();
  for (const doc of docs) {
    for (const err of doc.errors) {
      const at = pos(err.pos[0]);
      const explained = explainYamlError({ code: err.code, message: err.message, line: at.line, col: at.col }, lines);
      if (explainedLines.has(at.line) || (explained && explainedLines.has(explained.line))) continue;
      if (explained) {
        explainedLines.add(at.line).add(explained.line);
        diagnostics.push(diag(file, `yaml-${err.code.toLowerCase().replace(/_/g, '-')}`, explained.message, explained.line, explained.col));
        continue;
      }
      // The composer reports a stack overflow from deep nesting as RESOURCE_EXHAUSTION with V8's own words.
      // (and under other codes, e.g. TAG_RESOLVE_FAILED, when the overflow hits while resolving a scalar).
      const tooDeep = /call stack/i.test(err.message);
      if (tooDeep && diagnostics.some((d) => d.code === 'yaml-too-deep')) continue; // each unwinding level reports it again
      const message = err.code === 'DUPLICATE_KEY' ? duplicate() : tooDeep ? TOO_DEEP : oneLine(err.message);
      diagnostics.push(diag(file, tooDeep ? 'yaml-too-deep' : `yaml-${err.code.toLowerCase().replace(/_/g, '-')}`, message, at.line, at.col));
    }
    for (const { offset, key } of duplicateKeys(doc)) {
      const at = pos(offset);
      diagnostics.push(diag(file, 'yaml-duplicate-key', duplicate(key), at.line, at.col));
    }
  }
  const trailing: Diagnostic[] = [];
  if (real.length > 1) {
    const at = pos(real[1]!.range[0]);
    trailing.push(diag(file, 'yaml-multiple-documents', `the file holds ${real.length} YAML documents; a manifest file holds exactly one`, at.line, at.col));
  }
  if (diagnostics.length + trailing.length > 0) return { ok: false, diagnostics: finishDiagnostics(file, diagnostics, { trailing }) };

  if (!isMap(first.contents)) {
    const node = first.contents as { range?: [number, number, number] } | null;
    const at = pos(node?.range?.[0] ?? 0);
    const found = isSeq(first.contents) ? 'a list' : 'a single value';
    return { ok: false, diagnostics: [diag(file, 'yaml-not-a-mapping', `the manifest must be a YAML mapping of keys to values (apiVersion: ..., kind: ...), found ${found}`, at.line, at.col)] };
  }
  const unfaithful = unfaithfulNodes(first, text).map((p) => {
    const at = pos(p.offset);
    return { ...diag(file, p.code, p.message, at.line, at.col), pointer: p.pointer, path: pointerToPath(p.pointer) };
  });
  if (unfaithful.length > 0) return { ok: false, diagnostics: finishDiagnostics(file, unfaithful) };
  return { ok: true, yaml: { doc: first, lineCounter } };
}

const duplicate = (key?: unknown) =>
  `duplicate key${key === undefined ? '' : ` \`${oneLine(String(key)).slice(0, 80)}\``}: each key may appear only once in a mapping`;
const TOO_DEEP = 'the YAML is nested too deeply to read (thousands of levels); a manifest needs fewer than ten';

/** Keys already seen in their mapping, found with one Set per mapping and no recursion. */
function duplicateKeys(doc: Document.Parsed): { offset: number; key: unknown }[] {
  const found: { offset: number; key: unknown }[] = [];
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isSeq(node)) for (const item of node.items) pending.push(item);
    if (!isMap(node)) continue;
    const seen = new Set<unknown>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      pending.push(pair.key, pair.value);
      // Same equality as yaml's own check: scalar keys by value (1 and "1" differ), other keys never collide.
      if (!isScalar(pair.key)) continue;
      const value = pair.key.value;
      if (seen.has(value) && pair.key.range) found.push({ offset: pair.key.range[0], key: value });
      seen.add(value);
    }
  }
  return found;
}

/** Where nesting is deepest (most indented line, or deepest bracket), to point a too-deep error at. */
function deepestOffset(text: string): number {
  let best = 0;
  let bestDepth = -1;
  let depth = 0;
  let lineStart = 0;
  let indent = 0;
  let inIndent = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineStart = i + 1;
      indent = 0;
      inIndent = true;
      continue;
    }
    if (inIndent && (c === 32 || c === 45)) {
      indent++;
      continue;
    }
    if (inIndent) {
      inIndent = false;
      if (indent > bestDepth) [best, bestDepth] = [lineStart + indent, indent];
    }
    if (c === 91 || c === 123) depth++;
    else if (c === 93 || c === 125) depth--;
    if (depth > bestDepth) [best, bestDepth] = [i, depth];
  }
  return best;
}

/** The document as plain data; alias bombs surface here, as a diagnostic instead of a hang. */
export function toPlain(yaml: LoadedYaml, file: string): { ok: true; value: unknown } | { ok: false; diagnostics: Diagnostic[] } {
  try {
    return { ok: true, value: yaml.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const unresolved = /^Unresolved alias.*: (.*)$/.exec(message);
    if (unresolved) {
      const at = aliasOffset(yaml.doc, unresolved[1]!);
      const { line, col } = yaml.lineCounter.linePos(at);
      return { ok: false, diagnostics: [diag(file, 'yaml-unknown-alias', `alias \`*${unresolved[1]}\` names no anchor: define \`&${unresolved[1]}\` before it`, Math.max(1, line), Math.max(1, col))] };
    }
    if (/alias/i.test(message)) {
      return { ok: false, diagnostics: [diag(file, 'yaml-alias-bomb', `too many alias expansions (more than ${MAX_ALIAS_COUNT}): the file looks like an alias bomb; write the values out instead`)] };
    }
    return { ok: false, diagnostics: [diag(file, 'yaml-unreadable', `the YAML cannot be read as data: ${oneLine(message)}`)] };
  }
}

/** Offset of the first alias `*name` in the document (no recursion: nesting may be deep). */
function aliasOffset(doc: Document.Parsed, name: string): number {
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isAlias(node) && node.source === name) return node.range?.[0] ?? 0;
    if (isSeq(node)) for (const item of node.items) pending.push(item);
    if (isMap(node)) for (const pair of node.items) pending.push(pair.key, pair.value);
  }
  return 0;
}

function oneLine(message: string): string {
  return message.split('\n')[0]!.replace(/\s+/g, ' ').replace(/ at line \d+, column \d+:?$/, '').trim();
}
