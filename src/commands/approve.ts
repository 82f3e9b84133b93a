// Approval for apply/destroy: only a person at a terminal can say yes; anything else needs --auto-approve.
import { createInterface } from 'node:readline';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { commandLine } from '../terminal/shell-quote.js';
import { isUrl } from '../source/index.js';
import { displayUrl } from '../source/url.js';

/** The error when nobody can answer: it echoes the command as given (its -m, --local, ...) plus --auto-approve. */
export function approvalNeeded(op: string, invocation: string[]): UsageError {
  // A manifest URL's query may hold a credential: it is masked here as everywhere else.
  const given = invocation.length > 0 ? invocation.filter((a) => a !== '--auto-approve').map(maskedUrlArg) : ['tofu', op];
  const rerun = commandLine(['planton', ...given, '--auto-approve']);
  if (op === 'destroy') return new UsageError(`${op} needs approval, but stdin is not a terminal`, `Run \`${rerun}\` once you are sure: it deletes the table and every item in it.`);
  // The review is the same command as a plan: the first argument naming the operation becomes `plan`.
  const at = given.indexOf(op);
  const review = given.map((a, i) => (i === at ? 'plan' : a)).filter((a) => a !== '--allow-replace');
  return new UsageError(`${op} needs approval, but stdin is not a terminal`, `Review \`${commandLine(['planton', ...review])}\`, then run \`${rerun}\`.`);
}

/** `URL` or `--flag=URL` with the URL as planton prints it (source/url.ts). */
function maskedUrlArg(arg: string): string {
  const eq = /^--?[A-Za-z][\w-]*=/.exec(arg)?.[0] ?? '';
  return isUrl(arg.slice(eq.length)) ? eq + displayUrl(arg.slice(eq.length)) : arg;
}

export async function askApproval(question: string, io: Pick<Io, 'stderr' | 'stdin'>, op: string, invocation: string[] = []): Promise<boolean> {
  if (!io.stdin.isTTY || !io.stdin.stream) throw approvalNeeded(op, invocation);
  const write = io.stderr;
  write(`${question}\n  Only 'yes' will be accepted: `);
  const rl = createInterface({ input: io.stdin.stream, terminal: false });
  return new Promise<boolean>((resolve) => {
    let answered = false;
    rl.once('line', (line) => {
      answered = true;
      rl.close();
      resolve(line.trim() === 'yes');
    });
    // Ctrl-C or Ctrl-D at the prompt is a "no", never a hang.
    rl.once('SIGINT', () => rl.close());
    rl.once('close', () => {
      if (!answered) {
        write('\n');
        resolve(false);
      }
    });
  });
}
