// YAML values that would change silently on their way to plain data: a `!!set` becomes an empty
// object, an `!!omap` a Map the schema never sees, `!!binary` a Buffer, an integer past 2^53 is
// rounded (9007199254740993 reads as ...992), and a tag YAML does not know (`!foo STANDARD`) is
// dropped with only a warning. Each is reported where it is written, once, with the field it is in.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document } from 'yaml';
import { joinPointer } from './pointer.js';

export interface NodeProblem {
  offset: number;
  /** JSON pointer of the value the problem is in ('' when it is not under a plain key). */
  pointer: string;
  code: string;
  message: string;
}

/** Tags a plain value may carry: none, the non-specific `!`, and the core schema's own. */
const PLAIN_TAGS = new Set(['!', ...['str', 'int', 'float', 'bool', 'null', 'map', 'seq', 'merge'].map((t) => `tag:yaml.org,2002:${t}`)]);

const CORE = 'tag:yaml.org,2002:';
const NOT_PLAIN: Record<string, string> = {
  set: 'write a list (`- a`) or a mapping (`a: value`) instead',
  omap: 'write a plain mapping (`key: value`) instead; a manifest does not depend on key order',
  pairs: 'write a plain mapping (`key: value`) instead',
  binary: 'a manifest holds text; write the value as a string',
  timestamp: 'write the date as a quoted string',
};

/** Every node whose tag or value would not survive as the plain data the user wrote. */
export function unfaithfulNodes(doc: Document.Parsed, text: string): NodeProblem[] {
  const found: NodeProblem[] = [];
  // Each node with the path to it; a key that is not a plain scalar ends the path (the schema refuses it anyway).
  const pending: { node: unknown; path: (string | number)[] | undefined }[] = [{ node: doc.contents, path: [] }];
  while (pending.length > 0) {
    const { node, path } = pending.pop()!;
    if (!node || isAlias(node)) continue;
    const pointer = path ? joinPointer(path) : '';
    if (isPair(node)) {
      const key = isScalar(node.key) && (typeof node.key.value === 'string' || typeof node.key.value === 'number') ? String(node.key.value) : undefined;
      pending.push({ node: node.key, path: undefined }, { node: node.value, path: path && key !== undefined ? [...path, key] : undefined });
      continue;
    }
    const tagged = node as { tag?: string; range?: [number, number, number] };
    const offset = tagged.range?.[0] ?? 0;
    const short = tagged.tag?.startsWith(CORE) ? tagged.tag.slice(CORE.length) : undefined;
    if (short !== undefined && NOT_PLAIN[short] !== undefined) {
      // The node's range starts after its tag: point at the tag the user wrote.
      const tagAt = text.lastIndexOf(`!!${short}`, offset);
      found.push({ offset: tagAt >= 0 ? tagAt : offset, pointer, code: 'yaml-unsupported-type', message: `the YAML type \`!!${short}\` is not supported in a manifest: ${NOT_PLAIN[short]}` });
      continue; // one problem per node, not one per item inside it
    }
    if (tagged.tag !== undefined && !PLAIN_TAGS.has(tagged.tag)) {
      const tagAt = short !== undefined ? text.lastIndexOf(`!!${short}`, offset) : text.lastIndexOf('!', offset);
      const shown = short !== undefined ? `!!${short}` : tagged.tag.startsWith('!') ? tagged.tag : `!<${tagged.tag}>`;
      const plain = isScalar(node) ? `: write \`${String(node.source ?? node.value)}\` without it` : ': write the value without it';
      found.push({ offset: tagAt >= 0 ? tagAt : offset, pointer, code: 'yaml-unknown-tag', message: `unknown YAML tag \`${shown}\`; a manifest holds plain YAML values${plain}` });
    }
    if (isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) && !Number.isSafeInteger(node.value)) {
      const written = node.source ?? String(node.value);
      const last = path?.[path.length - 1];
      const field = typeof last === 'string' ? `${last} is \`${written}\`, ` : `\`${written}\` is `;
      found.push({ offset, pointer, code: 'number-too-large', message: `${field}too large to keep exactly (integers must be at most 9007199254740991, 2^53 - 1)` });
    }
    if (isMap(node)) for (const item of node.items) pending.push({ node: item, path });
    if (isSeq(node)) node.items.forEach((item, i) => pending.push({ node: item, path: path ? [...path, i] : undefined }));
  }
  return found.sort((a, b) => a.offset - b.offset);
}
