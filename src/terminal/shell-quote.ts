// Commands planton suggests are printed so they can be pasted into a POSIX shell as they are.
const SAFE = /^[A-Za-z0-9_\/.,:=@%+-]+$/;

export function shellQuote(arg: string): string {
  return SAFE.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

export function commandLine(args: string[]): string {
  return args.map(shellQuote).join(' ');
}
