// Fuzzing the loader and validator: seeded, deterministic mutations of every shipped manifest. Whatever
// the input, the answer is "valid" or a located problem list (exit 1), never a thrown error, and fast.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, parseDocument, stringify } from 'yaml';
import { loadManifest, MAX_DIAGNOSTICS } from '../../src/manifest/index.js';
import { MAX_MANIFEST_BYTES } from '../../src/document/load.js';
import { main } from '../../src/main.js';
import { memoryIo } from '../../src/io.js';
import type { FileResult } from '../../src/document/diagnostics.js';
import { pick, seededRandom, type Random } from '../helpers/random.js';

const root = process.cwd();
const tmp = join(root, 'test/.tmp/faults-fuzz');
const seeds = [join(root, 'hack/manifest.yaml'), ...readdirSync(join(root, 'hack/examples')).map((f) => join(root, 'hack/examples', f))]
  .filter((f) => f.endsWith('.yaml'))
  .map((file) => ({ file, text: readFileSync(file, 'utf8') }));


const ODD_STRINGS = [
  '\u202eevil\u202c', // right-to-left override
  'ש' + 'לום', // Hebrew (RTL)
  'e\u0301\u0301\u0301\u0301', // combining marks
  '🔥🚀', // emoji
  'a\u0000b', // NUL inside a string
  '\ufeffbom',
  '\u200b', // zero-width space
  '', // empty
  ' ', // blank
  'x'.repeat(1024 * 1024), // 1 MB
  'y'.repeat(256),
];
const ODD_SCALARS_TEXT = ['"\\ud800"', '"\\udfff\\ud800"', '"\\0"', '"\\x00\\x01"', '"\\u202e"', '!!binary AAAA', '!!timestamp 2001-12-14', '1e400', '-.inf', '.nan', '0x1F', '~', '!custom x', '"\\U0001F525"'];
const WRONG_VALUES: unknown[] = [0, -1, 1.5, 1e308, true, false, null, 'STRING', 'S', '', [], [1, 'a'], {}, { a: 1 }, ...ODD_STRINGS];

/** Every path (as segments) to a node of the parsed data, for picking a target to mutate. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function parent(data: unknown, path: (string | number)[]): { holder: Record<string | number, unknown>; key: string | number } | undefined {
  if (path.length === 0) return undefined;
  let v: unknown = data;
  for (const seg of path.slice(0, -1)) v = (v as Record<string | number, unknown>)[seg];
  return { holder: v as Record<string | number, unknown>, key: path[path.length - 1]! };
}

/** Mutations of the data (then re-serialised): wrong types, deleted keys, odd keys and values. */
function dataMutation(text: string, r: Random): string {
  const data = parseDocument(text).toJS() as unknown;
  const all = paths(data);
  const at = parent(data, pick(r, all.slice(1)));
  if (!at) return text;
  const { holder, key } = at;
  switch (pick(r, ['type', 'delete', 'oddKey', 'oddValue', 'deep', 'wrap'] as const)) {
    case 'type':
      holder[key] = pick(r, WRONG_VALUES);
      break;
    case 'delete':
      if (Array.isArray(holder)) holder.splice(Number(key), 1);
      else delete holder[key];
      break;
    case 'oddKey':
      if (!Array.isArray(holder)) holder[pick(r, ODD_STRINGS).slice(0, 300) || 'k'] = 1;
      break;
    case 'oddValue':
      holder[key] = pick(r, ODD_STRINGS);
      break;
    case 'deep': {
      // Thousands of levels below a real field.
      let v: unknown = 'x';
      for (let i = 0; i < 3000; i++) v = r() < 0.5 ? [v] : { k: v };
      holder[key] = v;
      break;
    }
    case 'wrap':
      holder[key] = [holder[key], holder[key]];
      break;
  }
  try {
    return stringify(data, { lineWidth: 0 });
  } catch {
    return JSON.stringify(data) ?? text; // yaml's own stringify can overflow on the deepest values: JSON is YAML too.
  }
}

/** Mutations of the text itself: syntax damage that no serializer would produce. */
function textMutation(text: string, r: Random): string {
  const lines = text.split('\n');
  const n = Math.floor(r() * lines.length);
  const line = lines[n] ?? '';
  const indent = /^\s*/.exec(line)![0];
  switch (pick(r, ['dupLine', 'truncate', 'anchor', 'alias', 'flowDeep', 'blockDeep', 'oddScalar', 'garbage', 'swap', 'indent', 'emojiKey', 'nul', 'surrogateBytes'] as const)) {
    case 'dupLine':
      lines.splice(n, 0, line);
      return lines.join('\n');
    case 'truncate':
      return text.slice(0, Math.floor(r() * text.length));
    case 'anchor':
      lines[n] = line.replace(/^(\s*[\w.-]+:)(\s*)/, '$1 &a$2');
      return lines.join('\n') + '\nextra: *a\n';
    case 'alias':
      return `x0: &x0 [a, a, a, a, a, a, a, a, a, a]\n${Array.from({ length: 8 }, (_, i) => `x${i + 1}: &x${i + 1} [${Array(10).fill(`*x${i}`).join(', ')}]`).join('\n')}\n${text}`;
    case 'flowDeep':
      lines.splice(n + 1, 0, `${indent}deep: ${'['.repeat(5000)}${']'.repeat(5000)}`);
      return lines.join('\n');
    case 'blockDeep':
      lines.splice(n + 1, 0, `${indent}deep:`, `${indent}  ${'- '.repeat(5000)}x`);
      return lines.join('\n');
    case 'oddScalar':
      lines[n] = line.replace(/:\s.*$/, `: ${pick(r, ODD_SCALARS_TEXT)}`);
      return lines.join('\n');
    case 'garbage': {
      const bytes = Array.from({ length: 64 }, () => String.fromCharCode(Math.floor(r() * 0x3000))).join('');
      const at = Math.floor(r() * text.length);
      return text.slice(0, at) + bytes + text.slice(at);
    }
    case 'swap': {
      const m = Math.floor(r() * lines.length);
      [lines[n], lines[m]] = [lines[m] ?? '', line];
      return lines.join('\n');
    }
    case 'indent':
      lines[n] = (r() < 0.5 ? '\t' : '   ') + line;
      return lines.join('\n');
    case 'emojiKey':
      lines.splice(n + 1, 0, `${indent}"🔥${'\u0301'.repeat(5)}": 1`);
      return lines.join('\n');
    case 'nul':
      return text.slice(0, n) + '\u0000' + text.slice(n);
    case 'surrogateBytes':
      lines[n] = line.replace(/:\s.*$/, ': "\\ud83d"');
      return lines.join('\n');
  }
}

interface Case {
  name: string;
  text?: string;
  bytes?: Uint8Array;
}

function buildCases(): Case[] {
  const cases: Case[] = [];
  seeds.forEach((seed, s) => {
    const short = seed.file.slice(root.length + 1);
    for (let i = 0; i < 30; i++) {
      const r = seededRandom(1000 * s + i);
      const text = i % 2 === 0 ? dataMutation(seed.text, r) : textMutation(seed.text, r);
      cases.push({ name: `${short}#${i}`, text });
    }
    // Two stacked mutations: damage on top of damage.
    for (let i = 0; i < 6; i++) {
      const r = seededRandom(77_000 + 1000 * s + i);
      cases.push({ name: `${short}#double${i}`, text: textMutation(dataMutation(seed.text, r), r) });
    }
  });
  const base = seeds[0]!.text;
  const r = seededRandom(42);
  cases.push(
    { name: '10 MB file', text: base + '#' + 'c'.repeat(10 * 1024 * 1024) + '\n' },
    { name: '10 MB of list items', text: base + 'list:\n' + '  - 1\n'.repeat(1_750_000) },
    { name: '1 MB string value', text: base.replace(/name: .*/, `name: "${'n'.repeat(1024 * 1024)}"`) },
    { name: 'binary garbage', bytes: Uint8Array.from({ length: 1 << 20 }, () => Math.floor(r() * 256)) },
    { name: 'binary garbage without NUL', bytes: Uint8Array.from({ length: 4096 }, () => 1 + Math.floor(r() * 255)) },
    { name: 'invalid UTF-8 in a value', bytes: Buffer.concat([Buffer.from(base.replace(/name: .*/, 'name: ')), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0x0a])]) },
    { name: 'flow nesting 20000 deep', text: `apiVersion: ${'['.repeat(20000)}${']'.repeat(20000)}\n` },
    { name: 'flow map nesting 10000 deep', text: `spec:\n  tags: ${'{a: '.repeat(10000)}1${'}'.repeat(10000)}\n` },
    { name: 'block sequence nesting 20000 deep', text: `${'- '.repeat(20000)}x\n` },
    { name: 'block nesting 500 deep by indentation', text: Array.from({ length: 500 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + '\n' },
    { name: 'alias bomb', text: `a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n` },
    { name: 'self-referencing anchor', text: 'a: &a [*a]\n' },
    { name: 'alias with no anchor', text: 'apiVersion: *nope\n' },
    { name: 'alias used as a key', text: '&k apiVersion: x\n*k : y\n' },
    { name: 'ten thousand keys with duplicates', text: Array.from({ length: 10000 }, (_, i) => `k${i % 9000}: ${i}`).join('\n') + '\n' },
    { name: 'thousands of unknown fields', text: base.replace('spec:\n', 'spec:\n' + Array.from({ length: 8000 }, (_, i) => `  b${i}: 1`).join('\n') + '\n') },
    { name: 'truncated in a quoted string', text: base.slice(0, base.indexOf('name:') + 8) + '"abc' },
    { name: 'empty file', text: '' },
    { name: 'only a BOM', text: '\ufeff' },
    { name: 'CR line endings', text: base.replace(/\n/g, '\r') },
    { name: 'two documents', text: base + '---\n' + base },
    { name: 'a bare list', text: '- a\n- b\n' },
    { name: '__proto__ keys', text: '__proto__: {polluted: 1}\nconstructor: {prototype: 1}\n' + base },
  );
  return cases;
}

const lineCount = (c: Case): number => (c.text ?? Buffer.from(c.bytes!).toString('latin1')).split(/\r\n|\r|\n/).length;

/** The shape every answer must have: valid, or invalid with every problem located inside the file. */
function checkResult(c: Case, display: string, result: FileResult): string[] {
  const wrong: string[] = [];
  if (result.status === 'valid') {
    if (result.diagnostics.some((d) => d.severity === 'error')) wrong.push('valid with errors');
    return wrong;
  }
  if (result.status !== 'invalid') wrong.push(`status ${result.status}`);
  if (result.diagnostics.length === 0) wrong.push('invalid without a diagnostic');
  if (result.diagnostics.length > MAX_DIAGNOSTICS + 1) wrong.push(`${result.diagnostics.length} diagnostics`);
  for (const d of result.diagnostics) {
    if (d.code === 'too-many-problems') continue; // the "N more" line speaks about the whole file
    if (d.file !== display) wrong.push(`diagnostic for ${d.file}`);
    if (!(d.line >= 1 && d.col >= 1)) wrong.push(`unlocated: ${d.code} ${d.message}`);
    if (d.line > lineCount(c) + 1) wrong.push(`line ${d.line} past the end: ${d.code}`);
    if (!d.message || /\n|    at /.test(d.message)) wrong.push(`message not one clean line: ${JSON.stringify(d.message.slice(0, 200))}`);
  }
  return wrong;
}

async function runCase(c: Case): Promise<{ ms: number; wrong: string[]; result?: FileResult }> {
  const t0 = performance.now();
  try {
    let result: FileResult;
    if (c.bytes) {
      const file = join(tmp, 'bytes.yaml');
      writeFileSync(file, c.bytes);
      result = (await loadManifest({ file, displayFile: 'm.yaml' })).result;
    } else {
      result = (await loadManifest({ file: 'm.yaml', text: c.text! })).result;
    }
    const ms = performance.now() - t0;
    return { ms, wrong: checkResult(c, 'm.yaml', result), result };
  } catch (err) {
    return { ms: performance.now() - t0, wrong: [`threw ${err instanceof Error ? err.stack?.slice(0, 300) : String(err)}`] };
  }
}

describe('the loader and validator under random damage', () => {
  const cases = buildCases();
  beforeAll(() => {
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
  });

  test(`each of ${cases.length} mutated manifests is valid or gives located problems, each within 2 s`, async () => {
    const failures: string[] = [];
    let slowest = { name: '', ms: 0 };
    let valid = 0;
    for (const c of cases) {
      const { ms, wrong, result } = await runCase(c);
      if (ms > slowest.ms) slowest = { name: c.name, ms };
      if (result?.status === 'valid') valid++;
      for (const w of wrong) failures.push(`${c.name}: ${w}`);
    }
    expect(failures).toEqual([]);
    // A failure names the slowest case and its time.
    expect(slowest.ms < 2000 ? 'within 2 s' : `${slowest.name}: ${Math.round(slowest.ms)} ms`).toBe('within 2 s');
    // The mutations must mostly break things, and some survive (a deleted optional key).
    expect(valid).toBeGreaterThan(0);
    expect(valid).toBeLessThan(cases.length / 2);
  }, 120_000);

  test('the CLI prints located lines and exits 1 (or 0) for a sample, never an internal error', async () => {
    const sample = cases.filter((_, i) => i % 15 === 0 || i >= cases.length - 23);
    const failures: string[] = [];
    for (const [i, c] of sample.entries()) {
      const name = `case-${i}.yaml`;
      writeFileSync(join(tmp, name), c.bytes ?? c.text!);
      const io = memoryIo(tmp);
      const code = await main(['validate', '--manifest', name], io);
      const lines = io.out.trimEnd().split('\n');
      const ok =
        (code === 0 && io.out === `${name}: valid\n`) ||
        (code === 1 && lines.length >= 2 && lines.slice(0, -1).every((l) => /^[^:]+:[1-9]\d*:[1-9]\d*  /.test(l) || /^\S+  \d+ more problems not shown/.test(l)) && lines.every((l) => l.startsWith(name)) && /: invalid \(\d+ errors?\)$/.test(lines.at(-1)!));
      if (!ok || io.err !== '') failures.push(`${c.name}: exit ${code}\n${io.out.slice(0, 400)}${io.err.slice(0, 400)}`);
    }
    expect(failures).toEqual([]);
  }, 60_000);
});

describe('regressions found by fuzzing', () => {
  const problems = async (text: string) => (await loadManifest({ file: 'm.yaml', text })).result.diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`);

  test('a file over the size limit is refused before parsing, in milliseconds', async () => {
    const t0 = performance.now();
    expect(await problems('a: 1\n'.repeat(40_000))).toEqual([`1:1 yaml-too-large the file is 195 KiB; a manifest is at most ${MAX_MANIFEST_BYTES / 1024} KiB (is this the right file?)`]);
    expect(performance.now() - t0).toBeLessThan(200);
  });

  test('nesting too deep for the parser is a located error, not a stack overflow', async () => {
    // V8's "Maximum call stack size exceeded" used to leak out, under yaml's RESOURCE_EXHAUSTION or
    // TAG_RESOLVE_FAILED codes; 2000 levels of indentation used to throw RangeError from yaml's parser.
    const deep = await problems(`apiVersion: x\nspec:\n  tags:\n    ${'- '.repeat(20000)}x\n`);
    expect(deep).toHaveLength(1);
    expect(deep[0]).toMatch(/^4:\d+ yaml-too-deep the YAML is nested too deeply to read \(thousands of levels\); a manifest needs fewer than ten$/);
    expect(await problems(`apiVersion: ${'['.repeat(20000)}${']'.repeat(20000)}\n`)).toEqual([expect.stringMatching(/^1:\d+ yaml-too-deep the YAML is nested too deeply/)]);
  });

  test('duplicate keys in a 10000-key mapping are found in linear time', async () => {
    const t0 = performance.now();
    const text = Array.from({ length: 10000 }, (_, i) => `k${i}: 1`).join('\n') + '\nk5: 2\nk9999: 3\n';
    expect(await problems(text)).toEqual([
      '10001:1 yaml-duplicate-key duplicate key `k5`: each key may appear only once in a mapping',
      '10002:1 yaml-duplicate-key duplicate key `k9999`: each key may appear only once in a mapping',
    ]);
    expect(performance.now() - t0).toBeLessThan(1500);
  });

  test('thousands of problems are cut at the first hundred, with a count of the rest', async () => {
    const text = `apiVersion: aws.project-planton.org/v1\nkind: AwsDynamodb\nmetadata:\n  name: users\nspec:\n  partitionKey: {name: id, type: STRING}\n${Array.from({ length: 3000 }, (_, i) => `  bad${i}: 1`).join('\n')}\n`;
    const out = await problems(text);
    expect(out).toHaveLength(MAX_DIAGNOSTICS + 1);
    expect(out[0]).toBe('7:3 schema-unknown-field unknown field `bad0`');
    expect(out.at(-1)).toBe('0:0 too-many-problems 2900 more problems not shown; fix the ones above first');
  });

  test('an alias without an anchor is named as such, on the alias', async () => {
    expect(await problems('apiVersion: x\nkind: [1, *nope]\n')).toEqual(['2:11 yaml-unknown-alias alias `*nope` names no anchor: define `&nope` before it']);
  });

  test('a nested mapping reached through a sequence still gets its duplicate keys reported', async () => {
    expect(await problems('a:\n  - b: 1\n    b: 2\n')).toEqual(['3:5 yaml-duplicate-key duplicate key `b`: each key may appear only once in a mapping']);
  });
});

// Keep the seeds honest: a mutation engine over files that do not parse would test nothing.
test('every seed manifest parses as a mapping', () => {
  for (const s of seeds) expect(isMap(parseDocument(s.text).contents) || isSeq(parseDocument(s.text).contents)).toBe(true);
  expect(seeds.length).toBeGreaterThanOrEqual(10);
});

describe('a stack input holding a secret, damaged at random', () => {
  const SECRET = 'SECRET-MARKER-7f3a9';
  const stack = [
    'provider_config:',
    '  region: us-east-1',
    '  accessKeyId: AKIAPLANTONFUZZ',
    `  secretAccessKey: ${SECRET}`,
    `  sessionToken: "${SECRET}"`,
    '  endpoint: http://127.0.0.1:8000',
    'backend:',
    '  type: local',
    '',
  ].join('\n');

  test('no damaged stack input makes planton print the secret, and none runs tofu', async () => {
    const dir = join(tmp, 'stack');
    mkdirSync(dir, { recursive: true });
    // An invalid manifest: if the stack input passes, planton still stops before any tofu command.
    writeFileSync(join(dir, 'bad.yaml'), 'apiVersion: nope\n');
    const cases: string[] = [];
    for (let i = 0; i < 40; i++) cases.push(i % 2 === 0 ? dataMutation(stack, seededRandom(500 + i)) : textMutation(stack, seededRandom(500 + i)));
    cases.push(
      stack.replace(`secretAccessKey: ${SECRET}`, `secretAccessKey: [${SECRET}]`),
      stack.replace(`secretAccessKey: ${SECRET}`, `secretAccessKey: {${SECRET}: 1}`),
      stack.replace(`secretAccessKey: ${SECRET}`, `secretAccesKey: ${SECRET}`),
      stack.replace(`secretAccessKey: ${SECRET}`, `secretAccessKey: "${SECRET}\\u0000"`),
      stack.replace(`secretAccessKey: ${SECRET}`, `secretAccessKey: ${SECRET}\n  secretAccessKey: ${SECRET}`),
      stack.replace(`  sessionToken: "${SECRET}"`, `  sessionToken: "${SECRET}`),
      stack.replace(`  sessionToken: "${SECRET}"`, `  sessionToken: ${SECRET}: x`),
      stack.replace(`  sessionToken: "${SECRET}"`, `  sessionToken:\n  - ${SECRET}`),
      stack.replace('region: us-east-1', `region: ${SECRET}`).replace(`secretAccessKey: ${SECRET}`, 'secretAccessKey: x'),
      stack + 'target: 1\n',
    );
    const leaks: string[] = [];
    for (const [i, text] of cases.entries()) {
      const file = join(dir, `stack-${i}.yaml`);
      writeFileSync(file, text, { mode: 0o600 });
      const io = memoryIo(dir, { PATH: '/nonexistent' }); // no tofu reachable, even by mistake
      const code = await main(['tofu', 'plan', '--manifest', 'bad.yaml', '--stack-input', `stack-${i}.yaml`], io);
      // Only the region case puts the marker somewhere not secret: there it may be echoed.
      const regionCase = text.includes(`region: ${SECRET}`);
      if (code !== 1 || /internal error/.test(io.err) || (!regionCase && (io.out + io.err).includes(SECRET))) leaks.push(`case ${i} (exit ${code}):\n${text}\n---\n${io.out}${io.err}`);
    }
    expect(leaks).toEqual([]);
  }, 60_000);
});
