// Snapshot of the tfvars of every hack/examples manifest, and the keys checked against tf-module/variables.tf.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifest } from '../../../src/manifest/index.js';
import { stableJson, toTfvars } from '../../../src/tfvars/index.js';
import { repoRoot } from '../../helpers/repo.js';

const root = repoRoot;
const examplesDir = join(root, 'hack', 'examples');
const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.yaml')).sort();

/** Variable names declared in tf-module/variables.tf, in file order. */
function moduleVariables(): string[] {
  const text = readFileSync(join(root, 'tf-module', 'variables.tf'), 'utf8');
  return [...text.matchAll(/^variable "([a-z0-9_]+)"/gm)].map((m) => m[1]!);
}

describe('tfvars of hack/examples', () => {
  it.each(examples)('%s maps to the snapshot, with exactly the module variables as keys', async (file) => {
    const { result, manifest } = await loadManifest({ file: join(examplesDir, file) });
    expect(result.diagnostics).toEqual([]);
    const tfvars = toTfvars(manifest!);
    expect(Object.keys(tfvars).sort()).toEqual(moduleVariables().sort());
    expect(stableJson(tfvars)).toMatchSnapshot();
  });
});
