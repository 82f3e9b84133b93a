// Every shipped manifest validates: the default one and each scenario of docs/contract.md (scenarios).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifest } from '../../src/manifest/index.js';

const files = ['hack/manifest.yaml', ...readdirSync('hack/examples').filter((f) => f.endsWith('.yaml')).sort().map((f) => join('hack/examples', f))];

// One file per scenario in docs/contract.md; a new example is added here on purpose, not by accident.
const SCENARIOS = ['binary-keys.yaml', 'dev-settings.yaml', 'global-table.yaml', 'import-from-s3.yaml', 'leaderboard.yaml', 'minimal-on-demand.yaml', 'prod-settings.yaml', 'products.yaml', 'provisioned-composite.yaml', 'resource-policy.yaml', 'restore-pitr.yaml', 'sessions-autoscaling.yaml', 'sessions.yaml', 'users-with-gsi.yaml', 'xfusion-users.yaml'];

describe('shipped manifests', () => {
  test('every scenario of the contract has its example, and no example is unaccounted for', () => {
    expect(files).toEqual(['hack/manifest.yaml', ...SCENARIOS.map((f) => join('hack/examples', f))]);
  });

  test.each(files)('%s is valid', async (file) => {
    const { result, manifest } = await loadManifest({ file });
    expect(result).toEqual({ file, status: 'valid', diagnostics: [] });
    expect(manifest?.kind).toBe('AwsDynamodb');
  });
});
