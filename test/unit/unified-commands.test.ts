// Project Planton's unified form: `planton apply|destroy|plan|init|refresh|output` are `planton tofu <op>`
// with the same options, and -f is accepted wherever --manifest is.
import { memoryIo } from '../../src/io.js';
import { main } from '../../src/main.js';
import { UNIFIED_OPS } from '../../src/cli.js';

async function help(args: string[]): Promise<string> {
  const io = memoryIo(process.cwd());
  expect(await main([...args, '--help'], io)).toBe(0);
  return io.out;
}

const optionsOf = (text: string) => text.slice(text.indexOf('Options:'));

describe('top-level tofu commands', () => {
  test.each(UNIFIED_OPS)('planton %s has exactly the options of its planton tofu twin', async (op) => {
    const top = await help([op]);
    expect(top).toContain(`Usage: planton ${op} [options]`);
    expect(top.replace(/\s+/g, ' ')).toContain(`(same as planton tofu ${op})`);
    expect(optionsOf(top)).toBe(optionsOf(await help(['tofu', op])));
  });

  test('plan offers --destroy and --module-dir; --destroy belongs to plan only', async () => {
    const plan = await help(['plan']);
    expect(plan).toMatch(/--destroy +plan the destruction of everything/);
    expect(plan).toMatch(/--module-dir <dir> +run against this local copy/);
    expect(plan).toMatch(/--kustomize-dir <dir>/);
    expect(await help(['apply'])).not.toContain('--destroy ');
    const io = memoryIo(process.cwd());
    expect(await main(['apply', '--destroy'], io)).toBe(1);
    expect(io.err).toContain("error: unknown option '--destroy'");
  });

  test('-f works like --manifest; both at once is an error where one manifest is read', async () => {
    for (const args of [['validate', '-f', 'hack/manifest.yaml'], ['load-manifest', '-f', 'hack/manifest.yaml'], ['tofu', 'load-tfvars', '-f', 'hack/manifest.yaml']]) {
      const io = memoryIo(process.cwd());
      expect(await main(args, io)).toBe(0);
    }
    const io = memoryIo(process.cwd());
    expect(await main(['tofu', 'load-tfvars', '-f', 'hack/manifest.yaml', '-m', 'hack/manifest.yaml'], io)).toBe(1);
    expect(io.err).toBe('planton: -f and --manifest both name the manifest; give one\n');
    // validate checks many files, so -f and -m simply add up.
    const many = memoryIo(process.cwd());
    expect(await main(['validate', '-f', 'hack/manifest.yaml', '-m', 'hack/examples/products.yaml'], many)).toBe(0);
    expect(many.out).toBe('2 files checked: 2 valid, 0 invalid\n');
  });

  test('a bad -f file is reported under the name given', async () => {
    const io = memoryIo(process.cwd());
    expect(await main(['validate', '-f', 'hack/nope.yaml'], io)).toBe(1);
    expect(io.out).toBe('');
    expect(io.err).toBe(`planton: manifest hack/nope.yaml not found (relative to ${process.cwd()})\n  Check the path.\n`);
  });
});
