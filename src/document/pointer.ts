// JSON pointers (RFC 6901), the one way planton names a place in a document: schema errors, rules
// and `--set` speak in pointers; locate.ts turns one into a line:col, pointerToPath into what a person reads.

/** `/spec/tags/a~1b` → ['spec', 'tags', 'a/b']; '' and '/' are the whole document. */
export function splitPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** ['spec', 'tags', 'a/b'] → `/spec/tags/a~1b`; no segments is the whole document (''). */
export function joinPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** The plain value at a JSON pointer, or undefined where the path does not exist. */
export function valueAt(data: unknown, pointer: string): unknown {
  let v: unknown = data;
  for (const seg of splitPointer(pointer)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
}

/** `/spec/globalSecondaryIndexes/1/name` → `spec.globalSecondaryIndexes[1].name` */
export function pointerToPath(pointer: string): string {
  let out = '';
  for (const seg of splitPointer(pointer)) {
    if (/^\d+$/.test(seg)) out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
