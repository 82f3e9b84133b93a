// The yaml library's words for the indentation mistakes people make ("Nested mappings are not allowed
// in compact mappings", "Implicit keys need to be on a single line") say how the parser got lost, and
// point at the line above the mistake. This turns them, by their error code and the text around them,
// into what is wrong, said at the line that is wrong. Errors it does not recognise keep yaml's words.

export interface YamlErrorAt {
  /** yaml's error code: BAD_INDENT, BLOCK_AS_IMPLICIT_KEY, MULTILINE_IMPLICIT_KEY, TAB_AS_INDENT, ... */
  code: string;
  message: string;
  /** 1-based position yaml gives. */
  line: number;
  col: number;
}

export interface Explained {
  line: number;
  col: number;
  message: string;
}

interface SourceLine {
  number: number;
  indent: number;
  /** The key the line starts (after a list item's `- `), if any. */
  key?: string;
  /** What follows the key's colon on the same line, trimmed (empty when the value is a block below). */
  value?: string;
  text: string;
}

function sourceLine(lines: readonly string[], number: number): SourceLine | undefined {
  const text = lines[number - 1];
  if (text === undefined) return undefined;
  const m = /^( *)(?:- +)?((?:[^\s:#'"][^:#]*?)|"[^"]*"|'[^']*'):(?:\s+(.*?))?\s*$/.exec(text);
  const indent = /^ */.exec(text)![0].length;
  if (!m) return { number, indent, text };
  // A list item's key sits after `- `: that is the column its nested lines are compared with.
  const keyColumn = text.indexOf(m[2]!, indent);
  return { number, indent: keyColumn, key: m[2]!, value: (m[3] ?? '').replace(/\s+#.*$/, ''), text };
}

const meaningful = (text: string | undefined) => text !== undefined && text.trim() !== '' && !text.trim().startsWith('#');

/** The nearest line before `number` with content, for which `pick` holds. */
function lineBefore(lines: readonly string[], number: number, pick: (l: SourceLine) => boolean): SourceLine | undefined {
  for (let n = number - 1; n >= 1; n--) {
    if (!meaningful(lines[n - 1])) continue;
    const l = sourceLine(lines, n);
    if (l && pick(l)) return l;
  }
  return undefined;
}

function nextMeaningful(lines: readonly string[], number: number): SourceLine | undefined {
  for (let n = number + 1; n <= lines.length; n++) if (meaningful(lines[n - 1])) return sourceLine(lines, n);
  return undefined;
}

const spaces = (n: number) => `${n} space${n === 1 ? '' : 's'}`;
const short = (s: string) => (s.length > 40 ? s.slice(0, 37) + '...' : s);

/** A person's sentence for yaml's error, at the line that is wrong; undefined keeps yaml's own words. */
export function explainYamlError(err: YamlErrorAt, lines: readonly string[]): Explained | undefined {
  const here = sourceLine(lines, err.line);
  if (!here) return undefined;
  const trimmed = here.text.trimStart();
  switch (err.code) {
    case 'TAB_AS_INDENT':
      return { line: err.line, col: 1, message: 'this line is indented with a tab; YAML indents with spaces only: replace the tab with spaces' };
    case 'BAD_INDENT':
      return /All mapping items must start at the same column/.test(err.message) ? misaligned(here, lines) : undefined;
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'MISSING_CHAR': {
      if (err.code === 'MISSING_CHAR' && !/Implicit map keys/.test(err.message)) return undefined;
      if (trimmed.startsWith('- ') && here.key === undefined) {
        return { line: here.number, col: here.indent + 1, message: `a list item (\`${short(trimmed)}\`) among the keys of a mapping: one block is either keys or list items; give it a key of its own, or indent it under one` };
      }
      const rest = here.text.slice(err.col - 1).trim();
      // `partitionKey: name: id`: a mapping started on its parent key's line.
      if (err.line === here.number && err.col - 1 > here.indent && here.key !== undefined && /^[^\s#'"{[][^#]*?:(\s|$)/.test(rest) && rest !== here.text.trim()) {
        return { line: err.line, col: err.col, message: `\`${short(rest)}\` cannot follow \`${here.key}:\` on the same line: put it on its own line below, indented further, or write \`${here.key}: { ${short(rest)} }\`` };
      }
      const next = nextMeaningful(lines, here.number);
      if (here.key !== undefined && here.value !== '' && next && next.indent > here.indent) {
        return {
          line: next.number,
          col: next.indent + 1,
          message: `this line is indented under \`${here.key}\` (line ${here.number}), which already has a value (\`${short(here.value!)}\`): line it up with \`${here.key}\` (${here.indent === 0 ? 'not indented' : spaces(here.indent)}), or move that value off line ${here.number} if this belongs inside \`${here.key}\``,
        };
      }
      if (here.key === undefined && !trimmed.includes(':')) {
        const word = short(trimmed.replace(/^- +/, ''));
        return { line: here.number, col: here.indent + 1, message: `\`${word}\` has no colon: a key needs one (\`${word}:\`), then its value or an indented block` };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** A key whose indentation matches no mapping above it: name the two it falls between. */
function misaligned(here: SourceLine, lines: readonly string[]): Explained {
  const deeper = lineBefore(lines, here.number, (l) => l.key !== undefined && l.indent > here.indent);
  const shallower = lineBefore(lines, here.number, (l) => l.key !== undefined && l.indent < here.indent);
  const options = [deeper, shallower]
    .filter((l): l is SourceLine => l !== undefined)
    .map((l) => `${spaces(l.indent)} to go with \`${l.key}\` (line ${l.number})`);
  const fix = options.length > 0 ? `: indent it ${options.join(', or ')}` : '';
  return { line: here.number, col: here.indent + 1, message: `this line is indented ${spaces(here.indent)}, which lines it up with no key above it; the keys of one mapping start in the same column${fix}` };
}
