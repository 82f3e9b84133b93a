// Stage 1 of the pipeline: bytes → one YAML Document (+ LineCounter), or located diagnostics for
// everything design §2.1 rule 15 calls bad YAML. Nothing here knows about the manifest's shape.
import { LineCounter, isMap, isScalar, isSeq, parseAllDocuments, type Document } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';

/** Aliases a hand-written manifest might use are few; a larger count means an alias bomb. */
export const MAX_ALIAS_COUNT = 50;

export interface LoadedYaml {
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

export type LoadResult = { ok: true; yaml: LoadedYaml } | { ok: false; diagnostics: Diagnostic[] };

function diag(file: string, code: string, message: string, line = 1, col = 1): Diagnostic {
  return { code, severity: 'error', message, path: '', pointer: '', file, line, col };
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
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const pos = (offset: number) => lineCounter.linePos(offset);

  // Empty documents (a stray `---` at the end, a comment-only part) are not counted as manifests.
  const blank = (d: Document.Parsed) => d.errors.length === 0 && (d.contents === null || (isScalar(d.contents) && d.contents.value === null));
  const real = docs.filter((d) => !blank(d));
  const first = real[0];
  if (!first) {
    return { ok: false, diagnostics: [diag(file, 'yaml-empty', 'the file is empty: a manifest needs apiVersion, kind, metadata and spec')] };
  }

  const diagnostics: Diagnostic[] = [];
  for (const doc of docs) {
    for (const err of doc.errors) {
      const at = pos(err.pos[0]);
      const message = err.code === 'DUPLICATE_KEY' ? 'duplicate key: each key may appear only once in a mapping' : oneLine(err.message);
      diagnostics.push(diag(file, `yaml-${err.code.toLowerCase().replace(/_/g, '-')}`, message, at.line, at.col));
    }
  }
  if (real.length > 1) {
    const at = pos(real[1]!.range[0]);
    diagnostics.push(diag(file, 'yaml-multiple-documents', `the file holds ${real.length} YAML documents; a manifest file holds exactly one`, at.line, at.col));
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics: dedupe(diagnostics) };

  if (!isMap(first.contents)) {
    const node = first.contents as { range?: [number, number, number] } | null;
    const at = pos(node?.range?.[0] ?? 0);
    const found = isSeq(first.contents) ? 'a list' : 'a single value';
    return { ok: false, diagnostics: [diag(file, 'yaml-not-a-mapping', `the manifest must be a YAML mapping of keys to values (apiVersion: ..., kind: ...), found ${found}`, at.line, at.col)] };
  }
  return { ok: true, yaml: { doc: first, lineCounter } };
}

/** The document as plain data; alias bombs surface here, as a diagnostic instead of a hang. */
export function toPlain(yaml: LoadedYaml, file: string): { ok: true; value: unknown } | { ok: false; diagnostics: Diagnostic[] } {
  try {
    return { ok: true, value: yaml.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/alias/i.test(message)) {
      return { ok: false, diagnostics: [diag(file, 'yaml-alias-bomb', `too many alias expansions (more than ${MAX_ALIAS_COUNT}): the file looks like an alias bomb; write the values out instead`)] };
    }
    return { ok: false, diagnostics: [diag(file, 'yaml-unreadable', `the YAML cannot be read as data: ${oneLine(message)}`)] };
  }
}

function oneLine(message: string): string {
  return message.split('\n')[0]!.replace(/\s+/g, ' ').replace(/ at line \d+, column \d+:?$/, '').trim();
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const k = `${d.line}:${d.col}:${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
