// Generates src/generated/tfvars.ts, the type of planton's tfvars, from the variables of tf-module/variables.tf
// (npm run generate), so the TypeScript side cannot drift from the module it feeds.
//   node scripts/gen-tfvars-type.mjs          write the file
//   node scripts/gen-tfvars-type.mjs --print  print {"<relative path>": "<content>"} as JSON, write nothing
// The mapping is terraform's: a variable takes null (with `nullable = false` and a default, null means
// the default), except one with `nullable = false` and no default; an object attribute
// wrapped in optional() may be left out or null, any other attribute must be given. Every variable is
// a required key, because planton's tfvars set each one explicitly.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUTPUT = 'src/generated/tfvars.ts';

/** Each `variable "name" { … }` block: its name, type expression, description and nullability. */
export function readVariables(text) {
  const out = [];
  for (const m of text.matchAll(/^variable "([\w-]+)" \{\n([\s\S]*?)^\}$/gm)) {
    const [, name, body] = m;
    const start = body.search(/^ {2}type\s*=/m);
    if (start < 0) throw new Error(`variable ${name} has no type`);
    const description = /^ {2}description\s*=\s*"((?:[^"\\]|\\.)*)"/m.exec(body)?.[1];
    const nullable = !/^ {2}nullable\s*=\s*false\s*$/m.test(body) || /^ {2}default\s*=/m.test(body);
    out.push({ name, type: parseType(tokens(typeExpression(body.slice(start).replace(/^ {2}type\s*=/, '')))), description, nullable });
  }
  return out;
}

/** The type expression up to the end of the line where its brackets close; comments dropped. */
function typeExpression(rest) {
  let depth = 0;
  let text = '';
  for (const line of rest.split('\n')) {
    const code = line.replace(/#.*$/, '');
    text += code + '\n';
    for (const ch of code) {
      if ('({['.includes(ch)) depth++;
      else if (')}]'.includes(ch)) depth--;
    }
    if (depth === 0) return text;
  }
  throw new Error(`unbalanced type expression: ${rest.slice(0, 80)}`);
}

function tokens(text) {
  const list = [];
  const re = /\s*([A-Za-z_][\w-]*|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|[(){}[\],=])/gy;
  let m;
  while ((m = re.exec(text))) list.push(m[1]);
  if (text.slice(re.lastIndex).trim() !== '' && list.length === 0) throw new Error(`cannot read type: ${text}`);
  return { list, at: 0 };
}

function next(t, expected) {
  const tok = t.list[t.at++];
  if (expected !== undefined && tok !== expected) throw new Error(`expected ${expected}, found ${tok ?? 'the end'}`);
  return tok;
}

const PRIMITIVES = { string: 'string', number: 'number', bool: 'boolean', any: 'unknown' };

/** string | number | bool | any | list(T) | set(T) | map(T) | object({ name = T | optional(T[, default]) … }) */
function parseType(t) {
  const head = next(t);
  if (head in PRIMITIVES) return { kind: 'primitive', ts: PRIMITIVES[head] };
  next(t, '(');
  let type;
  if (head === 'list' || head === 'set') type = { kind: 'list', of: parseType(t) };
  else if (head === 'map') type = { kind: 'map', of: parseType(t) };
  else if (head === 'object') {
    next(t, '{');
    const attributes = [];
    while (t.list[t.at] !== '}') {
      if (t.list[t.at] === ',') {
        t.at++;
        continue;
      }
      const name = next(t);
      next(t, '=');
      if (t.list[t.at] === 'optional') {
        t.at++;
        next(t, '(');
        attributes.push({ name, optional: true, type: parseType(t) });
        skipToClose(t); // the default value, if any: it does not change the type
      } else {
        attributes.push({ name, optional: false, type: parseType(t) });
      }
    }
    next(t, '}');
    type = { kind: 'object', attributes };
  } else throw new Error(`unknown type constructor ${head}`);
  next(t, ')');
  return type;
}

/** Skips tokens up to and including the `)` that closes the current bracket. */
function skipToClose(t) {
  let depth = 0;
  for (;;) {
    const tok = next(t);
    if (tok === undefined) throw new Error('unclosed optional(');
    if ('({['.includes(tok)) depth++;
    else if (')}]'.includes(tok)) {
      if (depth === 0) return;
      depth--;
    }
  }
}

/**
 * The TypeScript of a type. An object type that an earlier variable already has is written as that
 * variable's type (`NonNullable<Tfvars['autoscaling_read']>`), so HCL's repeated shapes are not repeated.
 */
function render(type, indent, earlier) {
  if (type.kind === 'primitive') return type.ts;
  if (type.kind === 'list') {
    const of = render(type.of, indent, earlier);
    return type.of.kind === 'primitive' || type.of.kind === 'object' ? `${of}[]` : `Array<${of}>`;
  }
  if (type.kind === 'map') return `Record<string, ${render(type.of, indent, earlier)}>`;
  const same = earlier.find((v) => v.type.kind === 'object' && JSON.stringify(v.type) === JSON.stringify(type));
  if (same) return `NonNullable<Tfvars['${same.name}']>`;
  const inner = indent + '  ';
  const lines = type.attributes.map((a) => `${inner}${a.name}${a.optional ? '?' : ''}: ${render(a.type, inner, earlier)}${a.optional ? ' | null' : ''};`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}

export function generate() {
  const variables = readVariables(readFileSync(join(root, 'tf-module', 'variables.tf'), 'utf8'));
  const members = variables.map((v, i) => {
    const doc = v.description ? `  /** ${v.description.replace(/\\"/g, '"').replace(/\*\//g, '*\\/')} */\n` : '';
    return `${doc}  ${v.name}: ${render(v.type, '  ', variables.slice(0, i))}${v.nullable ? ' | null' : ''};`;
  });
  const content =
    '// generated by scripts/gen-tfvars-type.mjs from tf-module/variables.tf, do not edit (npm run generate)\n\n' +
    '/** The tfvars of tf-module/: one key per variable (planton sets every one), null where the module takes null. */\n' +
    `export type Tfvars = {\n${members.join('\n')}\n};\n`;
  return { [OUTPUT]: content };
}

function run() {
  const files = generate();
  if (process.argv.includes('--print')) {
    process.stdout.write(JSON.stringify(files));
    return;
  }
  for (const [rel, content] of Object.entries(files)) {
    writeFileSync(join(root, rel), content);
    console.log(`wrote ${rel}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) run();
