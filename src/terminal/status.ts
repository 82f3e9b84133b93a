// A one-line "what runs now" on a terminal's stderr (init, DynamoDB Local start-up, plan, ...): the
// line is rewritten in place and erased before anything else is printed. Nothing at all when stderr
// is not a terminal, so logs and pipes get exactly the output they got before.
const ERASE = '\r\x1b[K';

export interface Status {
  show(text: string): void;
  clear(): void;
  /** The same writers, each erasing a shown status line first. */
  wrap<T extends { stdout: (t: string) => void; stderr: (t: string) => void }>(io: T): T;
}

export function statusLine(enabled: boolean, stderr: (t: string) => void): Status {
  let shown = false;
  const clear = () => {
    if (!shown) return;
    shown = false;
    stderr(ERASE);
  };
  return {
    show(text) {
      if (!enabled) return;
      stderr(`${ERASE}${text}`);
      shown = true;
    },
    clear,
    wrap(io) {
      if (!enabled) return io;
      return {
        ...io,
        stdout: (t: string) => {
          clear();
          io.stdout(t);
        },
        stderr: (t: string) => {
          clear();
          io.stderr(t);
        },
      };
    },
  };
}
