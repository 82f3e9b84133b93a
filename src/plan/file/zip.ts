// One member of a zip archive (a terraform plan file is one), read with Node's own inflate. Only what
// terraform writes is read: stored or deflated members, no zip64, no encryption; anything else is
// an error, and the caller asks terraform instead.
import { inflateRawSync } from 'node:zlib';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

export function zipMember(zip: Buffer, name: string): Buffer | undefined {
  // The end-of-directory record is the last 22 bytes plus a comment of at most 65535.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip archive');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new Error('damaged zip directory');
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      if (flags & 1 || size === 0xffffffff || local === 0xffffffff) throw new Error(`zip member ${name} is encrypted or zip64`);
      if (zip.readUInt32LE(local) !== LOCAL_HEADER) throw new Error('damaged zip member');
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      if (method === 0) return data;
      if (method === 8) return inflateRawSync(data);
      throw new Error(`zip member ${name} uses compression method ${method}`);
    }
    at += 46 + skip;
  }
  return undefined;
}
