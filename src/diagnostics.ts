// One shape for every problem planton reports: YAML syntax, schema, cross-field rules, stack input.
// Positions are 1-based; `path` is the manifest path a person reads (spec.globalSecondaryIndexes[1].projection),
// `pointer` the JSON pointer it came from (/spec/globalSecondaryIndexes/1/projection).
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  path: string;
  pointer: string;
  file: string;
  line: number;
  col: number;
}

/** kubeconform's split: the user's file is wrong ("invalid") vs planton could not run ("error"). */
export type Status = 'valid' | 'invalid' | 'error';

export interface FileResult {
  file: string;
  status: Status;
  diagnostics: Diagnostic[];
}

/** `/spec/globalSecondaryIndexes/1/name` → `spec.globalSecondaryIndexes[1].name` */
export function pointerToPath(pointer: string): string {
  if (pointer === '' || pointer === '/') return '';
  let out = '';
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(seg)) out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
