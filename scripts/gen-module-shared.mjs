#!/usr/bin/env node
// Fills the regions of tf-module/variables.tf marked
//   # BEGIN shared <fragment> [key=value …] (npm run generate)
//   # END shared <fragment>
// with that fragment of tf-module/variables.shared.hcl, so the autoscaling target type, its validation and
// the index validations have one source although HCL has no type aliases. `--check` writes nothing and
// exits 1 when variables.tf is stale (test/unit/module-shared.test.ts runs it).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeOrCheck } from './generated-file.mjs';

const moduleDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'tf-module');

/** Fragments of the shared file, by name: each `# ---- name` line starts one; trailing blank lines are dropped. */
export function parseFragments(text) {
  const fragments = new Map();
  let current;
  for (const line of text.split('\n')) {
    const head = /^# ---- (\S+)$/.exec(line);
    if (head) fragments.set(head[1], (current = []));
    else if (current) current.push(line);
  }
  for (const [name, lines] of fragments) {
    while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
    fragments.set(name, lines.join('\n'));
  }
  return fragments;
}

/** `key=value key2=value2` → { key: value, … } (values have no spaces: an expression or a variable name). */
function parseParams(text) {
  return Object.fromEntries([...text.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1], m[2]]));
}

/** One fragment with its `{{key}}` parameters and `{{> other key=value}}` includes filled in. */
export function expand(fragments, name, params, seen = []) {
  if (!fragments.has(name)) throw new Error(`no shared fragment "${name}"`);
  if (seen.includes(name)) throw new Error(`shared fragment "${name}" includes itself`);
  return fragments
    .get(name)
    .split('\n')
    .map((line) => {
      const indent = /^ */.exec(line)[0];
      return line.replace(/\{\{(>\s*)?([\w.-]+)((?:\s+\w+=[^\s}]+)*)\s*\}\}/g, (_, include, key, args) => {
        if (!include) {
          if (!(key in params)) throw new Error(`shared fragment "${name}" needs the parameter ${key}`);
          return params[key];
        }
        // An included fragment's further lines keep the indentation of the line it is inserted on.
        return expand(fragments, key, { ...params, ...parseParams(args) }, [...seen, name]).replace(/\n(?=.)/g, '\n' + indent);
      });
    })
    .join('\n');
}

const BEGIN = /^( *)# BEGIN shared ([\w.-]+)((?: \w+=\S+)*) \(npm run generate\)$/;

/** variables.tf with every marked region replaced by its fragment, indented like its BEGIN line. */
export function render(variablesTf, fragments) {
  const lines = variablesTf.split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    out.push(lines[i]);
    const begin = BEGIN.exec(lines[i]);
    if (!begin) {
      if (/^ *# (BEGIN|END) shared /.test(lines[i])) throw new Error(`variables.tf line ${i + 1}: malformed or unmatched marker: ${lines[i].trim()}`);
      continue;
    }
    const [, indent, name, args] = begin;
    const end = lines.findIndex((line, j) => j > i && line === `${indent}# END shared ${name}`);
    if (end < 0) throw new Error(`variables.tf line ${i + 1}: no "# END shared ${name}" at the same indentation`);
    const body = expand(fragments, name, parseParams(args));
    out.push(...body.split('\n').map((line) => (line === '' ? '' : indent + line)), lines[end]);
    i = end;
  }
  return out.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const variablesPath = join(moduleDir, 'variables.tf');
  const current = readFileSync(variablesPath, 'utf8');
  const fragments = parseFragments(readFileSync(join(moduleDir, 'variables.shared.hcl'), 'utf8'));
  writeOrCheck(variablesPath, current, render(current, fragments), 'tf-module/variables.tf');
}
