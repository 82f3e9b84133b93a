// YAML values that would change silently on their way to plain data: a `!!set` becomes an empty
// object, an `!!omap` a Map the schema never sees, `!!binary` a Buffer, and an integer past 2^53 is
// rounded (9007199254740993 reads as ...992). Each is reported where it is written, once.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document } from 'yaml';

export interface NodeProblem {
  offset: number;
  code: string;
  message: string;
}

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
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (!node || isAlias(node)) continue;
    if (isPair(node)) {
      pending.push(node.key, node.value);
      continue;
    }
    const tagged = node as { tag?: string; range?: [number, number, number] };
    const offset = tagged.range?.[0] ?? 0;
    const short = tagged.tag?.startsWith(CORE) ? tagged.tag.slice(CORE.length) : undefined;
    if (short !== undefined && NOT_PLAIN[short] !== undefined) {
      // The node's range starts after its tag: point at the tag the user wrote.
      const tagAt = text.lastIndexOf(`!!${short}`, offset);
      found.push({ offset: tagAt >= 0 ? tagAt : offset, code: 'yaml-unsupported-type', message: `the YAML type \`!!${short}\` is not supported in a manifest: ${NOT_PLAIN[short]}` });
      continue; // one problem per node, not one per item inside it
    }
    if (isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) && !Number.isSafeInteger(node.value)) {
      const written = node.source ?? String(node.value);
      found.push({ offset, code: 'number-too-large', message: `\`${written}\` is too large to keep exactly (integers must be at most 9007199254740991, 2^53 - 1)` });
    }
    if (isMap(node) || isSeq(node)) for (const item of node.items) pending.push(item);
  }
  return found.sort((a, b) => a.offset - b.offset);
}
