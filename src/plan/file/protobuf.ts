// Protocol Buffers' wire format, read without a schema: each message becomes its fields by number, as
// raw values (varints as bigint-free numbers, length-delimited fields as bytes). The caller knows what
// each number means (tfplan.ts).

export type Field = number | Buffer;
export type Message = Map<number, Field[]>;

function varint(buf: Buffer, at: number): [number, number] {
  let value = 0;
  let scale = 1;
  for (let i = at; i < buf.length; i++) {
    const byte = buf[i] as number;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) {
      if (value > Number.MAX_SAFE_INTEGER) throw new Error('protobuf varint too large');
      return [value, i + 1];
    }
    scale *= 128;
  }
  throw new Error('truncated protobuf varint');
}

export function decodeMessage(buf: Buffer): Message {
  const fields: Message = new Map();
  let at = 0;
  while (at < buf.length) {
    const [key, next] = varint(buf, at);
    at = next;
    const field = Math.floor(key / 8);
    let value: Field;
    switch (key % 8) {
      case 0:
        [value, at] = varint(buf, at);
        break;
      case 1:
        value = buf.subarray(at, at + 8);
        at += 8;
        break;
      case 2: {
        const [length, start] = varint(buf, at);
        if (start + length > buf.length) throw new Error('truncated protobuf field');
        value = buf.subarray(start, start + length);
        at = start + length;
        break;
      }
      case 5:
        value = buf.subarray(at, at + 4);
        at += 4;
        break;
      default:
        throw new Error(`protobuf wire type ${key % 8} is not supported`);
    }
    const list = fields.get(field);
    if (list) list.push(value);
    else fields.set(field, [value]);
  }
  return fields;
}

export const bytesOf = (m: Message, field: number): Buffer[] => (m.get(field) ?? []).filter((v): v is Buffer => Buffer.isBuffer(v));
export const messagesOf = (m: Message, field: number): Message[] => bytesOf(m, field).map(decodeMessage);
export const messageOf = (m: Message, field: number): Message | undefined => messagesOf(m, field).at(-1);
export const stringOf = (m: Message, field: number): string => bytesOf(m, field).at(-1)?.toString('utf8') ?? '';
export const numberOf = (m: Message, field: number): number => {
  const v = m.get(field)?.at(-1);
  return typeof v === 'number' ? v : 0;
};
