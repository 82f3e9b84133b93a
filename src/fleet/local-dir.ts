// Under --local one DynamoDB Local serves a whole fleet run: its data lives beside the manifests' common
// ancestor (<ancestor>/.planton/local-dynamodb), which for manifests of one directory is exactly where
// a single-manifest run keeps it, so one manifest planned alone or in its fleet sees the same tables.
import { dirname, resolve, sep } from 'node:path';

/** The deepest directory holding every one of `files` (paths relative to `cwd`, or absolute). */
export function commonAncestor(files: readonly string[], cwd: string): string {
  const dirs = files.map((f) => dirname(resolve(cwd, f)).split(sep));
  const first = dirs[0];
  if (first === undefined) return cwd;
  const common: string[] = [];
  for (let i = 0; i < first.length && dirs.every((d) => d[i] === first[i]); i++) common.push(first[i]!);
  return common.join(sep) || sep;
}
