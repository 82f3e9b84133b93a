import { createMasker, lineMaskingWriter, maskWriters, MASK } from '../../../src/tofu/mask.js';

test('every occurrence of every secret becomes ***', () => {
  const mask = createMasker(['SECRET-MARKER-12345', 'tok-abcdef']);
  expect(mask('key=SECRET-MARKER-12345 token=tok-abcdef again SECRET-MARKER-12345')).toBe(`key=${MASK} token=${MASK} again ${MASK}`);
});

test('a secret containing another is masked whole', () => {
  const mask = createMasker(['abcd', 'xxabcdxx']);
  expect(mask('[xxabcdxx] [abcd]')).toBe('[***] [***]');
});

test('values shorter than four characters and empty values are not masked', () => {
  const mask = createMasker(['', 'abc', undefined]);
  expect(mask('abc is fine')).toBe('abc is fine');
});

test('the stream masker finds a secret split across chunks and flushes the last partial line', () => {
  let out = '';
  const w = lineMaskingWriter((t) => (out += t), createMasker(['SECRET-MARKER-12345']));
  w.write('line one SECRET-MA');
  expect(out).toBe('');
  w.write('RKER-12345 end\nsecond SECRET');
  expect(out).toBe('line one *** end\n');
  w.write('-MARKER-12345');
  w.flush();
  expect(out).toBe('line one *** end\nsecond ***');
});

test('maskWriters masks planton’s own messages on both streams', () => {
  const seen: string[] = [];
  const io = maskWriters({ stdout: (t: string) => seen.push(`out:${t}`), stderr: (t: string) => seen.push(`err:${t}`) }, createMasker(['hunter22']));
  io.stdout('pw hunter22');
  io.stderr('hunter22!');
  expect(seen).toEqual(['out:pw ***', 'err:***!']);
});
