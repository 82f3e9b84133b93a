// The msgpack terraform stores planned values in (cty's encoding), read without the provider's schema:
// objects and maps become objects, lists, sets and tuples arrays, and a value only known after apply
// (cty's extension 0, or 12 with refinements) the UNKNOWN marker. An attribute of dynamic type (such
// as terraform_data's `input` and `output`) is written as the pair [its type as JSON in a msgpack bin,
// its value]; cty writes bin nowhere else, so such a pair is its value, as show -json prints it.
// Anything else terraform could write (another extension, an integer beyond 2^53) is an error: the
// caller then asks terraform instead.

export const UNKNOWN: unique symbol = Symbol('known after apply');
export type CtyValue = null | boolean | number | string | CtyValue[] | { [key: string]: CtyValue } | typeof UNKNOWN;

export function decodeMsgpack(buf: Buffer): CtyValue {
  let at = 0;
  const take = (n: number): number => {
    const start = at;
    at += n;
    if (at > buf.length) throw new Error('truncated msgpack value');
    return start;
  };
  const str = (n: number) => buf.toString('utf8', take(n), at);
  const isBin = (b: number | undefined) => b !== undefined && b >= 0xc4 && b <= 0xc6;
  const bin = (): string => {
    const b = buf[take(1)] as number;
    const n = b === 0xc4 ? buf.readUInt8(take(1)) : b === 0xc5 ? buf.readUInt16BE(take(2)) : buf.readUInt32BE(take(4));
    return buf.toString('utf8', take(n), at);
  };
  /** cty's [type, value] of a dynamically typed value: the value. */
  const dynamic = (n: number): CtyValue => {
    if (n !== 2) throw new Error(`a dynamic value of ${n} parts`);
    JSON.parse(bin()); // the type, as cty writes it in JSON (a string or an array); the value says it again
    return value();
  };
  const arr = (n: number): CtyValue => (isBin(buf[at]) ? dynamic(n) : Array.from({ length: n }, () => value()));
  const map = (n: number): { [key: string]: CtyValue } => {
    const out: { [key: string]: CtyValue } = {};
    for (let i = 0; i < n; i++) {
      const key = value();
      if (typeof key !== 'string') throw new Error('msgpack map key is not a string');
      out[key] = value();
    }
    return out;
  };
  const ext = (n: number): CtyValue => {
    const type = buf.readInt8(take(1));
    take(n);
    if (type === 0 || type === 12) return UNKNOWN;
    throw new Error(`msgpack extension ${type} is not supported`);
  };
  const safe = (n: number | bigint): number => {
    if (typeof n === 'bigint' && (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER))) throw new Error('msgpack integer too large');
    return Number(n);
  };
  function value(): CtyValue {
    const b = buf[take(1)] as number;
    if (b <= 0x7f) return b;
    if (b >= 0xe0) return b - 0x100;
    if (b >= 0x80 && b <= 0x8f) return map(b & 0x0f);
    if (b >= 0x90 && b <= 0x9f) return arr(b & 0x0f);
    if (b >= 0xa0 && b <= 0xbf) return str(b & 0x1f);
    switch (b) {
      case 0xc0:
        return null;
      case 0xc2:
        return false;
      case 0xc3:
        return true;
      case 0xc7:
        return ext(buf.readUInt8(take(1)));
      case 0xc8:
        return ext(buf.readUInt16BE(take(2)));
      case 0xc9:
        return ext(buf.readUInt32BE(take(4)));
      case 0xca:
        return buf.readFloatBE(take(4));
      case 0xcb:
        return buf.readDoubleBE(take(8));
      case 0xcc:
        return buf.readUInt8(take(1));
      case 0xcd:
        return buf.readUInt16BE(take(2));
      case 0xce:
        return buf.readUInt32BE(take(4));
      case 0xcf:
        return safe(buf.readBigUInt64BE(take(8)));
      case 0xd0:
        return buf.readInt8(take(1));
      case 0xd1:
        return buf.readInt16BE(take(2));
      case 0xd2:
        return buf.readInt32BE(take(4));
      case 0xd3:
        return safe(buf.readBigInt64BE(take(8)));
      case 0xd4:
        return ext(1);
      case 0xd5:
        return ext(2);
      case 0xd6:
        return ext(4);
      case 0xd7:
        return ext(8);
      case 0xd8:
        return ext(16);
      case 0xd9:
        return str(buf.readUInt8(take(1)));
      case 0xda:
        return str(buf.readUInt16BE(take(2)));
      case 0xdb:
        return str(buf.readUInt32BE(take(4)));
      case 0xdc:
        return arr(buf.readUInt16BE(take(2)));
      case 0xdd:
        return arr(buf.readUInt32BE(take(4)));
      case 0xde:
        return map(buf.readUInt16BE(take(2)));
      case 0xdf:
        return map(buf.readUInt32BE(take(4)));
      default:
        // bin (0xc4-0xc6) is only a dynamic value's type (above), never a value; 0xc1 is never used.
        throw new Error(`msgpack type 0x${b.toString(16)} is not supported`);
    }
  }
  const result = value();
  if (at !== buf.length) throw new Error('trailing bytes after msgpack value');
  return result;
}
