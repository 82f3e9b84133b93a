// Everything planton prints passes through a masker: secret values (from the stack input) become ***.
// tofu's output arrives in arbitrary chunks, so the stream masker holds back an unfinished line:
// a secret split across two chunks is still found.

export const MASK = '***';
/** Shorter values are not masked: no real AWS secret is that short, and masking "abc" would garble output. */
export const MIN_SECRET_LENGTH = 4;

export type Mask = (text: string) => string;

export function createMasker(secrets: readonly (string | undefined)[]): Mask {
  // Longest first, so a secret that contains another is replaced whole.
  const values = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH))].sort(
    (a, b) => b.length - a.length,
  );
  if (values.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const v of values) out = out.split(v).join(MASK);
    return out;
  };
}

/** A writer that masks whole lines; `flush` emits what is left once the stream ends. */
export function lineMaskingWriter(write: (text: string) => void, mask: Mask): { write(chunk: string): void; flush(): void } {
  let pending = '';
  return {
    write(chunk: string) {
      pending += chunk;
      const cut = pending.lastIndexOf('\n');
      if (cut < 0) return;
      write(mask(pending.slice(0, cut + 1)));
      pending = pending.slice(cut + 1);
    },
    flush() {
      if (pending !== '') write(mask(pending));
      pending = '';
    },
  };
}

/** An Io-like pair of writers whose text is masked (planton's own messages are single writes). */
export function maskWriters<T extends { stdout: (t: string) => void; stderr: (t: string) => void }>(io: T, mask: Mask): T {
  return { ...io, stdout: (t: string) => io.stdout(mask(t)), stderr: (t: string) => io.stderr(mask(t)) };
}
