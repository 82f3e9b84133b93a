// Whether to colour output: --no-color wins, then FORCE_COLOR (force-color.org), then NO_COLOR
// (no-color.org: only a non-empty value counts), then whether stdout is a terminal. Kept apart from
// color.ts so `planton validate` decides without loading chalk.
export function colorWanted(argv: readonly string[], env: NodeJS.ProcessEnv, stdoutIsTty: boolean): boolean {
  if (argv.includes('--no-color')) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stdoutIsTty;
}
