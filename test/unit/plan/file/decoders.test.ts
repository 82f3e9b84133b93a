// The plan-file readers on small hand-built inputs: zip members, protobuf fields, cty msgpack values,
// resource addresses, and a tfplan whose changes come out as `show -json` would print them.
import { deflateRawSync } from 'node:zlib';
import { decodeMsgpack, UNKNOWN } from '../../../../src/plan/file/msgpack.js';
import { decodeMessage, messagesOf, numberOf, stringOf } from '../../../../src/plan/file/protobuf.js';
import { addressParts, decodeTfplan } from '../../../../src/plan/file/tfplan.js';
import { zipMember } from '../../../../src/plan/file/zip.js';

/** A zip of `members` as terraform writes one: local headers, then the directory, then its end. */
function zip(members: Record<string, { data: Buffer; deflate: boolean }>): Buffer {
  const locals: Buffer[] = [];
  const entries: Buffer[] = [];
  let offset = 0;
  for (const [name, { data, deflate }] of Object.entries(members)) {
    const body = deflate ? deflateRawSync(data) : data;
    const n = Buffer.from(name);
    // A local header and a directory entry hold the same fields from `at` on: method, sizes, name length.
    const header = (signature: number, length: number, at: number) => {
      const h = Buffer.alloc(length);
      h.writeUInt32LE(signature, 0);
      h.writeUInt16LE(deflate ? 8 : 0, at);
      h.writeUInt32LE(body.length, at + 10);
      h.writeUInt32LE(data.length, at + 14);
      h.writeUInt16LE(n.length, at + 18);
      return h;
    };
    const local = header(0x04034b50, 30, 8);
    const entry = header(0x02014b50, 46, 10);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, n, body);
    entries.push(entry, n);
    offset += 30 + n.length + body.length;
  }
  const directory = Buffer.concat(entries);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(members).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

// Protobuf writing, for the fixtures.
const varint = (n: number): Buffer => {
  const out: number[] = [];
  do {
    out.push((n % 128) | (n >= 128 ? 0x80 : 0));
    n = Math.floor(n / 128);
  } while (n > 0);
  return Buffer.from(out);
};
const num = (field: number, n: number) => Buffer.concat([varint(field * 8), varint(n)]);
const bytes = (field: number, b: Buffer | string) => {
  const buf = typeof b === 'string' ? Buffer.from(b) : b;
  return Buffer.concat([varint(field * 8 + 2), varint(buf.length), buf]);
};
const msg = (...parts: Buffer[]) => Buffer.concat(parts);

// cty msgpack, for the fixtures: fixmap, fixstr, fixint, nil, true, fixarray, unknown (fixext1 type 0).
const mp = {
  map: (entries: [string, Buffer][]) => Buffer.concat([Buffer.from([0x80 | entries.length]), ...entries.flatMap(([k, v]) => [mp.str(k), v])]),
  str: (s: string) => Buffer.concat([Buffer.from([0xa0 | Buffer.byteLength(s)]), Buffer.from(s)]),
  int: (n: number) => Buffer.from([n]),
  nil: Buffer.from([0xc0]),
  yes: Buffer.from([0xc3]),
  arr: (items: Buffer[]) => Buffer.concat([Buffer.from([0x90 | items.length]), ...items]),
  unknown: Buffer.from([0xd4, 0x00, 0x00]),
};

test('zipMember finds stored and deflated members, and undefined for a missing one', () => {
  const archive = zip({ tfstate: { data: Buffer.from('{"version":4}'), deflate: false }, tfplan: { data: Buffer.from('plan bytes '.repeat(20)), deflate: true } });
  expect(zipMember(archive, 'tfplan')?.toString()).toBe('plan bytes '.repeat(20));
  expect(zipMember(archive, 'tfstate')?.toString()).toBe('{"version":4}');
  expect(zipMember(archive, 'tfconfig')).toBeUndefined();
  expect(() => zipMember(Buffer.from('not a zip at all, just text'), 'tfplan')).toThrow('not a zip archive');
});

test('decodeMessage reads varints (also past 2^31), strings and repeated messages', () => {
  const m = decodeMessage(msg(num(1, 3), bytes(14, '1.11.4'), num(2, 2 ** 40), bytes(3, msg(num(1, 7))), bytes(3, msg(num(1, 8)))));
  expect(numberOf(m, 1)).toBe(3);
  expect(numberOf(m, 2)).toBe(2 ** 40);
  expect(stringOf(m, 14)).toBe('1.11.4');
  expect(messagesOf(m, 3).map((x) => numberOf(x, 1))).toEqual([7, 8]);
  expect(() => decodeMessage(Buffer.from([0x0a, 0x05, 0x01]))).toThrow('truncated protobuf field');
});

test('decodeMsgpack reads what cty writes, marks unknowns and refuses what it does not know', () => {
  expect(decodeMsgpack(mp.map([['name', mp.str('orders')], ['read', mp.int(5)], ['arn', mp.unknown], ['tags', mp.nil], ['on', mp.yes]]))).toEqual({
    name: 'orders',
    read: 5,
    arn: UNKNOWN,
    tags: null,
    on: true,
  });
  expect(decodeMsgpack(Buffer.from([0xcb, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0]))).toBe(1.5);
  expect(decodeMsgpack(Buffer.from([0xd1, 0xff, 0x38]))).toBe(-200);
  expect(decodeMsgpack(Buffer.from([0xc7, 0x02, 0x0c, 0x01, 0x02]))).toBe(UNKNOWN);
  expect(() => decodeMsgpack(Buffer.from([0xc4, 0x01, 0x00]))).toThrow('msgpack type 0xc4 is not supported');
  // A dynamically typed value: [its type as JSON in a bin, the value], read as the value.
  const typed = (type: string, value: Buffer, parts = 2) => Buffer.concat([Buffer.from([0x90 | parts, 0xc4, type.length]), Buffer.from(type), value]);
  expect(decodeMsgpack(mp.map([['input', typed('"string"', mp.str('orders'))], ['output', typed('"string"', mp.unknown)]]))).toEqual({ input: 'orders', output: UNKNOWN });
  expect(decodeMsgpack(typed('["list","number"]', mp.arr([mp.int(1), mp.int(2)])))).toEqual([1, 2]);
  expect(() => decodeMsgpack(typed('"string"', Buffer.concat([mp.str('a'), mp.str('b')]), 3))).toThrow('a dynamic value of 3 parts');
  expect(() => decodeMsgpack(Buffer.from([0xd4, 0x05, 0x00]))).toThrow('msgpack extension 5 is not supported');
  expect(() => decodeMsgpack(Buffer.from([0xcf, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]))).toThrow('msgpack integer too large');
});

test('addressParts names the module, mode, type, name and index as show -json does', () => {
  expect(addressParts('module.dynamodb.aws_dynamodb_table.this')).toEqual({ module_address: 'module.dynamodb', mode: 'managed', type: 'aws_dynamodb_table', name: 'this' });
  expect(addressParts('data.aws_dynamodb_tables.planton_existing')).toEqual({ mode: 'data', type: 'aws_dynamodb_tables', name: 'planton_existing' });
  expect(addressParts('module.a["x.y"].module.b.aws_appautoscaling_target.read[0]')).toEqual({
    module_address: 'module.a["x.y"].module.b',
    mode: 'managed',
    type: 'aws_appautoscaling_target',
    name: 'read',
    index: 0,
  });
  expect(addressParts('aws_x.y["k.1"]')).toEqual({ mode: 'managed', type: 'aws_x', name: 'y', index: 'k.1' });
});

describe('decodeTfplan', () => {
  const dv = (value: Buffer) => bytes(2, msg(bytes(1, value)));
  const change = (action: number, ...values: Buffer[]) => msg(num(1, action), ...values.map(dv));
  const plan = (...changes: Buffer[]) => msg(num(1, 3), bytes(14, '1.11.4'), num(25, 1), ...changes.map((c) => bytes(3, c)));
  const before = mp.map([['name', mp.str('t')], ['range_key', mp.str('a')], ['tags', mp.arr([mp.str('x')])]]);
  const after = mp.map([['name', mp.str('t')], ['range_key', mp.str('b')], ['tags', mp.arr([mp.unknown, mp.str('y')])], ['arn', mp.unknown]]);
  const replaced = msg(
    bytes(13, 'module.dynamodb.aws_dynamodb_table.this'),
    bytes(9, change(6, before, after)),
    bytes(11, msg(bytes(1, msg(bytes(1, 'range_key'))))),
    num(12, 3),
  );

  test('a replacement: before and after, unknowns as show -json renders them, the replace paths and the reason', () => {
    const created = msg(bytes(13, 'module.dynamodb.aws_cloudwatch_metric_alarm.throttle[0]'), bytes(9, change(1, mp.map([['alarm_name', mp.str('t-throttle')]]))));
    expect(decodeTfplan(plan(replaced, created), '1.11.4')).toEqual({
      terraform_version: '1.11.4',
      applyable: true,
      errored: false,
      resource_drift: [],
      resource_changes: [
        {
          address: 'module.dynamodb.aws_cloudwatch_metric_alarm.throttle[0]',
          module_address: 'module.dynamodb',
          mode: 'managed',
          type: 'aws_cloudwatch_metric_alarm',
          name: 'throttle',
          index: 0,
          change: { actions: ['create'], before: null, after: { alarm_name: 't-throttle' }, after_unknown: {} },
        },
        {
          address: 'module.dynamodb.aws_dynamodb_table.this',
          module_address: 'module.dynamodb',
          mode: 'managed',
          type: 'aws_dynamodb_table',
          name: 'this',
          action_reason: 'replace_because_cannot_update',
          change: {
            actions: ['delete', 'create'],
            before: { name: 't', range_key: 'a', tags: ['x'] },
            after: { name: 't', range_key: 'b', tags: [null, 'y'] },
            after_unknown: { arn: true, tags: [true, false] },
            replace_paths: [['range_key']],
          },
        },
      ],
    });
  });

  test('a plan of another version or format is refused', () => {
    expect(() => decodeTfplan(plan(replaced), '1.12.0')).toThrow('plan made by terraform 1.11.4, not 1.12.0');
    expect(() => decodeTfplan(msg(num(1, 2), bytes(14, '1.11.4')), '1.11.4')).toThrow('plan format version 2');
  });
});
