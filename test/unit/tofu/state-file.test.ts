// What planton reads of a local state file by itself (instead of asking terraform), and what it leaves
// to terraform: a missing or damaged file, another state format.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localStateOutputs, readLocalState, stateFileProblem } from '../../../src/tofu/state-file.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'planton-state-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const write = (text: string, file = 'terraform.tfstate') => writeFileSync(join(dir, file), text);

describe('readLocalState', () => {
  it('parses the state, or the file named', () => {
    write(JSON.stringify({ version: 4, serial: 3, lineage: 'abc', resources: [] }));
    write(JSON.stringify({ version: 4, serial: 2 }), 'terraform.tfstate.backup');
    expect(readLocalState(dir)).toEqual({ version: 4, serial: 3, lineage: 'abc', resources: [] });
    expect(readLocalState(dir, 'terraform.tfstate.backup')).toEqual({ version: 4, serial: 2 });
  });

  it('is undefined for a missing file, one that is not JSON, and JSON that is not an object', () => {
    expect(readLocalState(dir)).toBeUndefined();
    for (const text of ['{ "version": 4, ', '[1, 2]', 'null', '']) {
      write(text);
      expect({ text, state: readLocalState(dir) }).toEqual({ text, state: undefined });
    }
  });
});

describe('localStateOutputs', () => {
  it('gives format 4 outputs as output -json prints them', () => {
    const outputs = { table_name: { value: 'orders', type: 'string' }, key_type_drift: { value: [], type: ['list', 'string'] } };
    write(JSON.stringify({ version: 4, outputs }));
    expect(localStateOutputs(dir)).toEqual(outputs);
  });

  it('leaves another format, no outputs and a damaged file to terraform', () => {
    write(JSON.stringify({ version: 3, outputs: {} }));
    expect(localStateOutputs(dir)).toBeUndefined();
    write(JSON.stringify({ version: 4 }));
    expect(localStateOutputs(dir)).toBeUndefined();
    write(JSON.stringify({ version: 4, outputs: null }));
    expect(localStateOutputs(dir)).toBeUndefined();
    write('{ "version": 4, "outp');
    expect(localStateOutputs(dir)).toBeUndefined();
  });
});

describe('stateFileProblem', () => {
  it('names what is wrong with a damaged file, and nothing for a state, an empty or a missing file', () => {
    const path = join(dir, 'terraform.tfstate');
    expect(stateFileProblem(path)).toBeUndefined();
    write('');
    expect(stateFileProblem(path)).toBeUndefined();
    write(JSON.stringify({ version: 4 }));
    expect(stateFileProblem(path)).toBeUndefined();
    write('{ "version": 4, ');
    expect(stateFileProblem(path)).toBe('not valid JSON');
    write('[]');
    expect(stateFileProblem(path)).toBe('not a JSON object');
    write('{}');
    expect(stateFileProblem(path)).toBe('no "version" field');
  });
});
