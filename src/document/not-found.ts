// The sentences for an input file that is not there (or is a directory): prefixed `planton:`, naming the
// default when the user gave no path, and saying what to do next.
import { statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { packageRoot } from '../files/paths.js';

export const DEFAULT_MANIFEST = 'hack/manifest.yaml';

type Kind = 'missing' | 'directory' | undefined;

export function fileProblem(cwd: string, path: string): Kind {
  try {
    return statSync(resolve(cwd, path)).isDirectory() ? 'directory' : undefined;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : undefined;
  }
}

/** The error for a manifest path, or undefined when it is a file (read errors are the loader's). */
export function manifestProblem(cwd: string, path: string | undefined): UsageError | undefined {
  const shown = path ?? DEFAULT_MANIFEST;
  const problem = fileProblem(cwd, shown);
  if (problem === 'directory') return new UsageError(`manifest ${shown} is a directory, not a file`, 'Pass a manifest file with -m FILE.');
  if (problem !== 'missing') return undefined;
  if (path === undefined) {
    return new UsageError(
      `manifest ${shown} not found: that is the default path, relative to ${cwd}`,
      'Pass a manifest with -m FILE, or run planton from the directory that holds hack/.',
    );
  }
  return new UsageError(`manifest ${shown} not found (relative to ${cwd})`, 'Check the path.');
}

/** The error for a stack-input path, or undefined when it is a file. */
export function stackInputProblem(cwd: string, path: string): UsageError | undefined {
  const problem = fileProblem(cwd, path);
  if (problem === 'directory') return new UsageError(`stack input ${path} is a directory, not a file`, 'Pass the stack input YAML file with -s FILE.');
  if (problem !== 'missing') return undefined;
  const example = join(packageRoot, 'hack', 'stack-input.example.yaml');
  const shownExample = relative(cwd, example).startsWith('..') || isAbsolute(relative(cwd, example)) ? example : relative(cwd, example);
  return new UsageError(
    `stack input ${path} not found (relative to ${cwd})`,
    `Start from the example, readable only by you (it will hold credentials): install -m 600 ${shownExample} ${path}`,
  );
}
