// Approval reads the answer from the Io's stdin: only a terminal may answer, and only 'yes' is a yes.
import { PassThrough } from 'node:stream';
import { askApproval } from '../../../src/commands/approve.js';

function terminal(answer: string | undefined) {
  const stream = new PassThrough();
  if (answer === undefined) stream.end();
  else stream.end(answer);
  let err = '';
  return { io: { stdin: { isTTY: true, stream }, stderr: (t: string) => void (err += t) }, printed: () => err };
}

test("'yes' at a terminal approves, after the question and the rule are printed", async () => {
  const t = terminal('yes\n');
  expect(await askApproval("Apply these changes to table 'orders'?", t.io, 'apply')).toBe(true);
  expect(t.printed()).toBe("Apply these changes to table 'orders'?\n  Only 'yes' will be accepted: ");
});

test("anything but 'yes' declines, and end of input (Ctrl-D) is a no, not a hang", async () => {
  expect(await askApproval('Destroy?', terminal('y\n').io, 'destroy')).toBe(false);
  const eof = terminal(undefined);
  expect(await askApproval('Destroy?', eof.io, 'destroy')).toBe(false);
  expect(eof.printed()).toBe("Destroy?\n  Only 'yes' will be accepted: \n");
});

test('stdin that is not a terminal is refused with the command to run instead', async () => {
  const io = { stdin: { isTTY: false }, stderr: () => undefined };
  await expect(askApproval('Apply?', io, 'apply', ['apply', '-m', 'my orders.yaml', '--local'])).rejects.toMatchObject({
    message: 'apply needs approval, but stdin is not a terminal',
    hint: "Review `planton plan -m 'my orders.yaml' --local`, then run `planton apply -m 'my orders.yaml' --local --auto-approve`.",
  });
});
