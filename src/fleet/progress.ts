// One line per manifest as it moves (queued, reading, planning, applying, done in 9.8 s: no changes).
// On a terminal the lines are a block redrawn in place; into a pipe or a log each move is one plain
// line, so CI logs read top to bottom. tofu's own output never appears here: it is kept per manifest.
const ERASE_LINE = '\x1b[2K';
const up = (n: number) => (n > 0 ? `\x1b[${n}A` : '');
/** Past this many lines a redrawn block scrolls off the screen: plain lines then. */
const MAX_BLOCK = 40;

export interface Progress {
  update(index: number, state: string): void;
}

export function progressLines(files: readonly string[], terminal: boolean, write: (text: string) => void): Progress {
  const states = files.map(() => 'queued');
  const width = Math.max(...files.map((f) => f.length), 0);
  const line = (i: number) => `  ${(files[i] ?? '').padEnd(width)}  ${states[i]}`;
  if (!terminal || files.length > MAX_BLOCK) {
    return {
      update(i, state) {
        if (states[i] === state) return;
        states[i] = state;
        write(`planton: ${files[i]}: ${state}\n`);
      },
    };
  }
  write(files.map((_, i) => line(i) + '\n').join(''));
  return {
    update(i, state) {
      if (states[i] === state) return;
      states[i] = state;
      // From below the block: up to line i, rewrite it, back down.
      const rows = files.length - i;
      write(`${up(rows)}\r${ERASE_LINE}${line(i)}\r\x1b[${rows}B`);
    },
  };
}
