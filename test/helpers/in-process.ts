// End-to-end suites call planton in-process, as a user would run it, with none of the developer's
// AWS_* variables, and keep a transcript of every run (to check for leaks, or to print on failure).
import { memoryIo } from '../../src/io.js';
import { main } from '../../src/main.js';

export interface PlantonRun {
  code: number;
  out: string;
  err: string;
}

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: '1' };
  for (const k of Object.keys(env)) if (k.startsWith('AWS_') && k !== 'AWS_CA_BUNDLE') delete env[k];
  return { ...env, ...extra };
}

/** `cwd` is read at each run, so a suite can create its directory in beforeAll; `env` is added to the clean one. */
export function inProcessPlanton(cwd: () => string, env: () => Record<string, string> = () => ({})) {
  let transcript = '';
  return {
    async run(args: string[]): Promise<PlantonRun> {
      const io = memoryIo(cwd(), cleanEnv(env()));
      const started = Date.now();
      const code = await main(args, io);
      transcript += `$ planton ${args.join(' ')}  (exit ${code}, ${((Date.now() - started) / 1000).toFixed(1)} s)\n${io.out}${io.err}`;
      return { code, out: io.out, err: io.err };
    },
    transcript: () => transcript,
  };
}
