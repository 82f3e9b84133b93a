// Approval for apply/destroy: only a person at a terminal can say yes; anything else needs --auto-approve.
import { createInterface } from 'node:readline';
import { UsageError } from '../errors.js';

export async function askApproval(question: string, write: (t: string) => void, op: string): Promise<boolean> {
  if (process.stdin.isTTY !== true) {
    throw new UsageError(`${op} needs approval, but stdin is not a terminal`, `Review \`planton tofu plan\`, then run \`planton tofu ${op} --auto-approve\`.`);
  }
  write(`${question}\n  Only 'yes' will be accepted: `);
  const rl = createInterface({ input: process.stdin, terminal: false });
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
