// Paths inside commands planton suggests: quoted for a POSIX shell when they hold spaces or shell
// metacharacters, so copying the suggestion runs it as meant.
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellQuote(word: string): string {
  if (PLAIN.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
