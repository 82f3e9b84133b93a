// Content hashes: the init fingerprint, the saved plan's inputs, a fetched manifest's cache entry, the schemas behind the precompiled validators.
import { createHash } from 'node:crypto';

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}
