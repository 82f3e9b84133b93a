// No value is silently changed on its way from the YAML to tfvars: YAML types that do not map to plain
// data, integers past 2^53, prototype-named keys, merge keys. Each is kept exactly or reported, located.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTfvars } from '../../../src/commands/load-tfvars.js';
import { memoryIo } from '../../../src/io.js';
import { loadManifest } from '../../../src/manifest/index.js';
import { removeScratch, scratchDir } from '../../helpers/scratch.js';
import { PK, problems, withSpec } from './helpers.js';

async function tfvarsOf(text: string, set: string[] = []): Promise<{ code: number; vars?: Record<string, unknown>; err: string }> {
  const dir = scratchDir('faithful');
  try {
    writeFileSync(join(dir, 'm.yaml'), text);
    const io = memoryIo(dir);
    const code = await loadTfvars({ manifest: 'm.yaml', set }, io);
    return { code, vars: code === 0 ? (JSON.parse(io.out) as Record<string, unknown>) : undefined, err: io.err };
  } finally {
    removeScratch(dir);
  }
}

describe('YAML types that are not plain data', () => {
  test('tags as !!set are refused where they are written', async () => {
    expect(await problems(withSpec(PK + '  tags: !!set { team, owner }\n'))).toEqual([
      '9:9  spec.tags  the YAML type `!!set` is not supported in a manifest: write a list (`- a`) or a mapping (`a: value`) instead [yaml-unsupported-type]',
    ]);
  });

  test('tags as !!omap are refused, not dropped', async () => {
    expect(await problems(withSpec(PK + '  tags: !!omap\n    - team: core\n    - owner: me\n'))).toEqual([
      '9:9  spec.tags  the YAML type `!!omap` is not supported in a manifest: write a plain mapping (`key: value`) instead; a manifest does not depend on key order [yaml-unsupported-type]',
    ]);
  });

  test('tags: !!binary is one short error, not Buffer internals', async () => {
    const got = await problems(withSpec(PK + '  tags: !!binary aGVsbG8gd29ybGQ=\n'));
    expect(got).toEqual(['9:9  spec.tags  the YAML type `!!binary` is not supported in a manifest: a manifest holds text; write the value as a string [yaml-unsupported-type]']);
  });
});

describe('numbers', () => {
  test.each([
    ['99999999999999999999', '10:47'],
    ['9007199254740993', '10:47'],
  ])('%s is refused, not rounded', async (n, at) => {
    const spec = PK + `  billingMode: PROVISIONED\n  provisionedThroughput: { readCapacityUnits: ${n}, writeCapacityUnits: 1 }\n`;
    expect(await problems(withSpec(spec))).toEqual([`${at}  spec.provisionedThroughput.readCapacityUnits  readCapacityUnits is \`${n}\`, too large to keep exactly (integers must be at most 9007199254740991, 2^53 - 1) [number-too-large]`]);
  });

  test('--set with an integer past 2^53 is refused too', async () => {
    const spec = PK + '  billingMode: PROVISIONED\n  provisionedThroughput: { readCapacityUnits: 1, writeCapacityUnits: 1 }\n';
    expect(await problems(withSpec(spec), { sets: ['spec.provisionedThroughput.readCapacityUnits=9007199254740993'] })).toEqual([
      '0:0  --set spec.provisionedThroughput.readCapacityUnits=9007199254740993: `9007199254740993` is too large to keep exactly (integers must be at most 9007199254740991, 2^53 - 1) [bad-set]',
    ]);
  });
});

describe('keys named like JavaScript internals are plain data', () => {
  test('a tag key __proto__ reaches tfvars', async () => {
    const r = await tfvarsOf(withSpec(PK + '  tags:\n    __proto__: yes-really\n    team: core\n'));
    expect(r.err).toBe('');
    expect(r.vars?.tags).toEqual(JSON.parse('{"__proto__":"yes-really","team":"core"}'));
    expect(Object.keys(r.vars!.tags as object)).toEqual(['__proto__', 'team']);
  });

  test('--set spec.tags.__proto__ sets a tag, not a prototype', async () => {
    const r = await tfvarsOf(withSpec(PK), ['spec.tags.__proto__=via-set', 'spec.tags.constructor=c']);
    expect(r.err).toBe('');
    expect(Object.entries(r.vars!.tags as object)).toEqual([['__proto__', 'via-set'], ['constructor', 'c']]);
  });
});

describe('anchors and merge keys', () => {
  test('<<: *anchor merges, and the mapping\'s own keys win', async () => {
    const spec = `  partitionKey: { name: id, type: STRING }
  billingMode: PROVISIONED
  provisionedThroughput: &small { readCapacityUnits: 2, writeCapacityUnits: 2 }
  globalSecondaryIndexes:
    - name: byA
      partitionKey: { name: a, type: STRING }
      projection: { type: KEYS_ONLY }
      provisionedThroughput:
        <<: *small
        readCapacityUnits: 7
`;
    const { result, manifest } = await loadManifest({ file: 'm.yaml', text: withSpec(spec) });
    expect(result.diagnostics).toEqual([]);
    expect(manifest?.spec.globalSecondaryIndexes?.[0]?.provisionedThroughput).toEqual({ readCapacityUnits: 7, writeCapacityUnits: 2 });
  });

  test('a merge key still counts against the alias-bomb limit', async () => {
    const lines = ['a0: &a0 { k: 1 }'];
    for (let i = 1; i < 60; i++) lines.push(`a${i}: &a${i} { <<: *a${i - 1}, k${i}: 1 }`);
    const got = await problems(lines.join('\n') + '\n');
    expect(got).toEqual(['1:1  too many alias expansions (more than 50): the file looks like an alias bomb; write the values out instead [yaml-alias-bomb]']);
  });
});

test('a duplicate key is named', async () => {
  expect(await problems(withSpec(PK + '  billingMode: PROVISIONED\n  billingMode: PAY_PER_REQUEST\n'))).toEqual([
    '10:3  duplicate key `billingMode`: each key may appear only once in a mapping [yaml-duplicate-key]',
  ]);
});

describe('hidden characters in names', () => {
  const keyed = (name: string) => withSpec(`  partitionKey:\n    name: "${name}"\n    type: STRING\n`);
  test.each([
    ['a NUL', 'id\\0x', '7:11  spec.partitionKey.name  the attribute name contains the control character U+0000 at character 3 [name-hidden-character]'],
    ['a right-to-left override', 'user\\u202Edi', '7:11  spec.partitionKey.name  the attribute name contains the invisible formatting character U+202E at character 5, which makes the name look like another [name-hidden-character]'],
    ['a lone surrogate', 'id\\ud800', '7:11  spec.partitionKey.name  the attribute name contains a lone surrogate (U+D800) at character 3, which is not valid UTF-8 [name-hidden-character]'],
  ])('an attribute name with %s is refused, located', async (_what, name, expected) => {
    expect(await problems(keyed(name))).toEqual([expected]);
  });

  test('a non-key attribute and a TTL attribute are checked too; a proper emoji pair is fine', async () => {
    const spec = `${PK}  ttl: { enabled: true, attributeName: "exp\\u2066" }
  globalSecondaryIndexes:
    - name: byA
      partitionKey: { name: "a😀", type: STRING }
      projection: { type: INCLUDE, nonKeyAttributes: ["ok", "b\\x1b[31m"] }
`;
    expect(await problems(withSpec(spec))).toEqual([
      '9:40  spec.ttl.attributeName  the attribute name contains the invisible formatting character U+2066 at character 4, which makes the name look like another [name-hidden-character]',
      '13:61  spec.globalSecondaryIndexes[0].projection.nonKeyAttributes[1]  the attribute name contains the control character U+001B at character 2 [name-hidden-character]',
    ]);
  });

  test('table and index names with hidden characters are refused by their character rule', async () => {
    const got = await problems(withSpec(`${PK}  tableName: "users\\u202E"\n`));
    expect(got).toEqual(['9:14  spec.tableName  table name `users\u202E` must be 3-255 characters of letters, digits, `_`, `.` or `-` [table-name-invalid]']);
  });
});

describe('capacity limits', () => {
  const provisioned = (read: number, extra = '') => withSpec(`${PK}  billingMode: PROVISIONED\n  provisionedThroughput: { readCapacityUnits: ${read}, writeCapacityUnits: 5 }\n${extra}`);

  test('a capacity above the default per-table quota (40,000) is a warning; the manifest stays valid', async () => {
    const { result } = await loadManifest({ file: 'm.yaml', text: provisioned(40_001) });
    expect(result.status).toBe('valid');
    expect(result.diagnostics.map((d) => `${d.severity} ${d.line}:${d.col} ${d.message}`)).toEqual([
      "warning 10:47 readCapacityUnits 40001 is above AWS's default per-table quota of 40,000 units: the apply fails unless the account's quota was raised (Service Quotas)",
    ]);
    expect((await loadManifest({ file: 'm.yaml', text: provisioned(40_000) })).result.diagnostics).toEqual([]);
  });

  test('an autoscaling bound past what Application Auto Scaling accepts (2^31 - 1) is an error, not just a warning', async () => {
    const extra = '  autoScaling:\n    read: { minCapacity: 1, maxCapacity: 2147483648 }\n';
    const { result } = await loadManifest({ file: 'm.yaml', text: provisioned(5, extra) });
    expect(result.status).toBe('invalid');
    expect(result.diagnostics.map((d) => `${d.severity} ${d.line}:${d.col} ${d.path}`)).toEqual([
      'error 12:42 spec.autoScaling.read.maxCapacity',
      'warning 12:42 spec.autoScaling.read.maxCapacity',
    ]);
  });
});
