import { cpSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tfModuleDir } from '../../../src/files/paths.js';
import { loadManifest } from '../../../src/manifest/index.js';
import { APPLIED_FILE, appliedInputs, appliedInputsHash, clearAppliedStamp, readAppliedStamp, writeAppliedStamp } from '../../../src/workspace/applied.js';
import { renderWorkspace } from '../../../src/workspace/prepare.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'planton-applied-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const TEXT = `apiVersion: aws.project-planton.org/v1
kind: AwsDynamodb
metadata: { name: orders }
spec:
  partitionKey: { name: id, type: STRING }
`;
const binary = { path: '/usr/local/bin/terraform', version: '1.11.4' };

async function rendered(text = TEXT, endpoint = 'http://127.0.0.1:4567', moduleDir = tfModuleDir) {
  const { manifest } = await loadManifest({ file: join(dir, 'orders.yaml'), displayFile: 'orders.yaml', text });
  const aws = { region: 'us-east-1', accessKeyId: 'local', secretAccessKey: 'local', endpoint };
  return { w: renderWorkspace({ manifest: manifest!, manifestFile: join(dir, 'orders.yaml'), aws, backend: { type: 'local' }, cwd: dir, moduleDir }), aws };
}

test('under --local the stamp ignores the port DynamoDB Local got, and no secret is in it', async () => {
  const a = await rendered(TEXT, 'http://127.0.0.1:4567');
  const b = await rendered(TEXT, 'http://127.0.0.1:9999');
  expect(appliedInputsHash(appliedInputs(a.w, a.aws, binary, true))).toBe(appliedInputsHash(appliedInputs(b.w, b.aws, binary, true)));
  // A stack-input endpoint is part of who the table is: another one is another table.
  expect(appliedInputsHash(appliedInputs(a.w, a.aws, binary, false))).not.toBe(appliedInputsHash(appliedInputs(b.w, b.aws, binary, false)));
  writeAppliedStamp(dir, appliedInputs(a.w, a.aws, binary, true));
  expect(readAppliedStamp(dir)).toEqual({ inputs: appliedInputsHash(appliedInputs(a.w, a.aws, binary, true)), state: 'no-state' });
});

test('the stamp follows the manifest, the binary and the module files', async () => {
  const a = await rendered();
  const hash = appliedInputsHash(appliedInputs(a.w, a.aws, binary, true));
  const edited = await rendered(TEXT + '  tableClass: STANDARD_INFREQUENT_ACCESS\n');
  expect(appliedInputsHash(appliedInputs(edited.w, edited.aws, binary, true))).not.toBe(hash);
  expect(appliedInputsHash(appliedInputs(a.w, a.aws, { ...binary, version: '1.11.5' }, true))).not.toBe(hash);
  const copy = join(dir, 'module');
  cpSync(tfModuleDir, copy, { recursive: true });
  const fromCopy = await rendered(TEXT, 'http://127.0.0.1:4567', copy);
  const before = appliedInputsHash(appliedInputs(fromCopy.w, fromCopy.aws, binary, true));
  appendFileSync(join(copy, 'main.tf'), '\n# edited\n');
  expect(appliedInputsHash(appliedInputs(fromCopy.w, fromCopy.aws, binary, true))).not.toBe(before);
});

test('the stamp records the state the apply left, and is gone once cleared', () => {
  writeFileSync(join(dir, 'terraform.tfstate'), '{"version":4,"lineage":"L","serial":3}');
  writeAppliedStamp(dir, { root: {}, tfvars: {}, moduleDir: tfModuleDir, binary: 'terraform@1', identity: '[]' });
  expect(readAppliedStamp(dir)?.state).toBe('L:3');
  clearAppliedStamp(dir);
  expect(readAppliedStamp(dir)).toBeUndefined();
  writeFileSync(join(dir, APPLIED_FILE), 'not json');
  expect(readAppliedStamp(dir)).toBeUndefined();
});
