// What to say after "unknown option" when the option is a terraform habit: terraform spells its flags
// with one dash (`-auto-approve`), and some of them have a planton counterpart under another name
// (`-var` is `--set`) or none at all, because planton owns what they would change (`-target`).
// Pure: the CLI (cli.ts) adds the line this returns under commander's error.

/** terraform flags whose planton counterpart is not the same name with two dashes. */
const TERRAFORM_HABITS: Record<string, string> = {
  var: 'planton has no -var: the manifest is the input; override one of its fields with --set PATH=VALUE (e.g. --set spec.billingMode=PROVISIONED)',
  'var-file': 'planton takes no tfvars file: the manifest (-m FILE) is the input; --set PATH=VALUE overrides one of its fields',
  target: 'planton has no -target: a run covers exactly the table of one manifest; choose the manifest with -m FILE',
  out: 'planton has no -out: plan always saves its plan in the work directory, and the next apply of the same inputs applies it',
  input: 'planton has no -input: it never lets tofu prompt; leave the option out',
  chdir: 'planton has no -chdir: run it from any directory; --workdir DIR chooses the work directory',
  replace: 'planton has no -replace: an apply whose plan replaces the table stops unless you pass --allow-replace',
  'backend-config': 'planton has no -backend-config: the backend comes from the stack input (-s FILE, its `backend` block)',
};

/**
 * The hint for `flag` (as typed, `-auto-approve` or `--var=x`), given the long options the command
 * takes (`--auto-approve`, ...), or undefined when planton has nothing better to say than commander.
 */
export function optionHint(flag: string, accepted: readonly string[]): string | undefined {
  const m = /^--?([a-z][a-z-]*)(?:=.*)?$/.exec(flag);
  if (!m) return undefined;
  const name = m[1]!;
  const habit = TERRAFORM_HABITS[name];
  if (habit !== undefined) return habit;
  // `-auto-approve`: the same option, spelled the terraform way.
  if (flag.startsWith('--') || !accepted.includes(`--${name}`)) return undefined;
  return `planton's options take two dashes: --${name}${flag.includes('=') ? flag.slice(flag.indexOf('=')) : ''}`;
}
