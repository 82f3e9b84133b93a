// Editors read schema/*.json through the `# yaml-language-server: $schema=...` modeline. This drives the
// real yaml-language-server over stdio (LSP), as VS Code's YAML extension does, and checks what a user sees.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import rpc from 'vscode-jsonrpc/node.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'schema', 'aws-dynamodb.schema.json'), 'utf8'));

interface Position { line: number; character: number }
interface Diagnostic { range: { start: Position; end: Position }; message: string; severity?: number; source?: string }
interface CompletionItem { label: string; documentation?: string | { kind: string; value: string } }

// Settings the server pulls with workspace/configuration. The schema store is off: it would fetch a
// catalog from the internet, and these files name their schema themselves.
const yamlSettings = { validate: true, completion: true, hover: true, schemaStore: { enable: false } };

let server: ChildProcess;
let connection: rpc.MessageConnection;
const published = new Map<string, Diagnostic[]>();
const waiters = new Map<string, (d: Diagnostic[]) => void>();

/** Opens a document (it need not exist on disk) and resolves with the first diagnostics published for it. */
function open(relPath: string, text: string): Promise<Diagnostic[]> {
  const uri = pathToFileURL(join(root, relPath)).href;
  const diagnostics = new Promise<Diagnostic[]>((resolve) => waiters.set(uri, resolve));
  void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  return diagnostics;
}

beforeAll(async () => {
  server = spawn(process.execPath, [join(root, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  connection = rpc.createMessageConnection(new rpc.StreamMessageReader(server.stdout!), new rpc.StreamMessageWriter(server.stdin!));
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((item) => (item.section === 'yaml' ? yamlSettings : {})),
  );
  connection.onRequest(() => null); // client/registerCapability and the like
  connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
    published.set(params.uri, params.diagnostics);
    waiters.get(params.uri)?.(params.diagnostics);
    waiters.delete(params.uri);
  });
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    capabilities: {
      workspace: { configuration: true },
      textDocument: { completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } } },
    },
  });
  await connection.sendNotification('initialized', {});
});

afterAll(() => {
  connection?.dispose();
  server?.kill();
});

const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

describe('yaml-language-server with schema/aws-dynamodb.schema.json', () => {
  it('flags a misspelt field on its key and a wrong key type on its value, with the allowed values', async () => {
    const diagnostics = await open(
      'test/editor/typos.yaml',
      [
        '# yaml-language-server: $schema=../../schema/aws-dynamodb.schema.json',
        'apiVersion: aws.project-planton.org/v1',
        'kind: AwsDynamodb',
        'metadata:',
        '  name: xfusion-users',
        'spec:',
        '  billingmode: PAY_PER_REQUEST',
        '  partitionKey:',
        '    name: xfusion_id',
        '    type: S',
        '',
      ].join('\n'),
    );
    const seen = diagnostics.map(({ range, message, severity, source }) => ({ range, message, severity, source }));
    expect(seen.sort((a, b) => a.range.start.line - b.range.start.line)).toEqual([
      { range: range(6, 2, 13), message: 'Property billingmode is not allowed.', severity: 1, source: 'yaml-schema: Spec' },
      {
        range: range(9, 10, 11),
        message: 'Value is not accepted. Valid values: "STRING", "NUMBER", "BINARY".',
        severity: 1,
        source: 'yaml-schema: Attribute type',
      },
    ]);
  });

  it('shows the cross-field rules (if/then/else) on the field to fix', async () => {
    const diagnostics = await open(
      'test/editor/cross-field.yaml',
      [
        '# yaml-language-server: $schema=../../schema/aws-dynamodb.schema.json',
        'apiVersion: aws.project-planton.org/v1',
        'kind: AwsDynamodb',
        'metadata:',
        '  name: sessions',
        'spec:',
        '  partitionKey: { name: session_id, type: STRING }',
        '  ttl: { enabled: true }',
        '  stream: { enabled: false, viewType: NEW_IMAGE }',
        '',
      ].join('\n'),
    );
    expect(diagnostics.map(({ range, message }) => ({ range, message })).sort((a, b) => a.range.start.line - b.range.start.line)).toEqual([
      { range: range(7, 2, 5), message: 'Missing property "attributeName".' },
      { range: range(8, 28, 36), message: 'Property viewType is not allowed.' },
    ]);
  });

  it('reports nothing for hack/manifest.yaml, every hack/examples/*.yaml and the stack input example', async () => {
    const files = [
      'hack/manifest.yaml',
      'hack/stack-input.example.yaml',
      ...readdirSync(join(root, 'hack', 'examples'))
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => `hack/examples/${f}`),
    ];
    const results = await Promise.all(files.map(async (file) => ({ file, diagnostics: await open(file, readFileSync(join(root, file), 'utf8')) })));
    expect(results).toEqual(files.map((file) => ({ file, diagnostics: [] })));
    expect(files.length).toBeGreaterThanOrEqual(17);
  });

  it('finds the schema from every example: each starts with the modeline and names its own table', () => {
    const examples = readdirSync(join(root, 'hack', 'examples')).filter((f) => f.endsWith('.yaml'));
    const firstLines = examples.map((f) => readFileSync(join(root, 'hack', 'examples', f), 'utf8').split('\n')[0]);
    expect(new Set(firstLines)).toEqual(new Set(['# yaml-language-server: $schema=../../schema/aws-dynamodb.schema.json']));
    expect(readFileSync(join(root, 'hack', 'manifest.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../schema/aws-dynamodb.schema.json',
    );
    const tableNames = examples.map((f) => {
      const text = readFileSync(join(root, 'hack', 'examples', f), 'utf8');
      return (/^  tableName: (\S+)$/m.exec(text) ?? /^  name: (\S+)$/m.exec(text))?.[1];
    });
    expect(new Set(tableNames).size).toBe(examples.length);
  });

  it('checks a stack input target against the manifest schema through its relative $ref', async () => {
    const diagnostics = await open(
      'hack/typo-stack-input.yaml',
      [
        '# yaml-language-server: $schema=../schema/stack-input.schema.json',
        'provider_config:',
        '  region: us-east-1',
        'target:',
        '  apiVersion: aws.project-planton.org/v1',
        '  kind: AwsDynamodb',
        '  metadata: { name: xfusion-users }',
        '  spec:',
        '    partitionKey: { name: xfusion_id, type: STRING }',
        '    tableclass: STANDARD',
        '',
      ].join('\n'),
    );
    expect(diagnostics.map(({ range, message }) => ({ range, message }))).toEqual([
      { range: range(9, 4, 14), message: 'Property tableclass is not allowed.' },
    ]);
  });

  it('offers billingMode and partitionKey inside spec, documented from the schema', async () => {
    const relPath = 'test/editor/completion.yaml';
    const text = [
      '# yaml-language-server: $schema=../../schema/aws-dynamodb.schema.json',
      'apiVersion: aws.project-planton.org/v1',
      'kind: AwsDynamodb',
      'metadata:',
      '  name: xfusion-users',
      'spec:',
      '  ',
      '',
    ].join('\n');
    await open(relPath, text);
    const result = (await connection.sendRequest('textDocument/completion', {
      textDocument: { uri: pathToFileURL(join(root, relPath)).href },
      position: { line: 6, character: 2 },
    })) as { items: CompletionItem[] };
    const byLabel = new Map(result.items.map((item) => [item.label, item.documentation]));
    const spec = schema.$defs.spec.properties;
    expect(byLabel.get('billingMode')).toEqual({ kind: 'markdown', value: spec.billingMode.markdownDescription });
    expect(byLabel.get('partitionKey')).toEqual({ kind: 'markdown', value: spec.partitionKey.markdownDescription });
    expect(byLabel.get('tableClass')).toBe(spec.tableClass.description);
  });

  it('offers the schema snippets: a whole manifest in a new file, a GSI and an LSI inside index items', async () => {
    const complete = async (relPath: string, text: string, position: Position) => {
      await open(relPath, text);
      const result = (await connection.sendRequest('textDocument/completion', {
        textDocument: { uri: pathToFileURL(join(root, relPath)).href },
        position,
      })) as { items: (CompletionItem & { insertText?: string })[] };
      return result.items;
    };
    const modeline = '# yaml-language-server: $schema=../../schema/aws-dynamodb.schema.json';
    const newFile = await complete('test/editor/new.yaml', `${modeline}\n`, { line: 1, character: 0 });
    expect(newFile.find((item) => item.label === 'New AwsDynamodb manifest')?.insertText).toBe(
      [
        'apiVersion: aws.project-planton.org/v1',
        'kind: AwsDynamodb',
        'metadata:',
        '  name: ${1:my-table}',
        'spec:',
        '  billingMode: PAY_PER_REQUEST',
        '  partitionKey:',
        '    name: ${2:id}',
        '    type: ${3|STRING,NUMBER,BINARY|}',
        '  pointInTimeRecovery:',
        '    enabled: true',
      ].join('\n'),
    );
    const head = [modeline, 'apiVersion: aws.project-planton.org/v1', 'kind: AwsDynamodb', 'metadata:', '  name: games', 'spec:'];
    const inGsi = await complete('test/editor/gsi.yaml', [...head, '  globalSecondaryIndexes:', '    - name: ByCategory', '      ', ''].join('\n'), {
      line: 8,
      character: 6,
    });
    expect(inGsi.map((item) => item.label)).toContain('Global secondary index');
    const inLsi = await complete('test/editor/lsi.yaml', [...head, '  localSecondaryIndexes:', '    - name: ByScore', '      ', ''].join('\n'), {
      line: 8,
      character: 6,
    });
    expect(inLsi.map((item) => item.label)).toContain('Local secondary index');
  });

  it('documents every field for hovers and completions: a title and a description, examples for scalars', () => {
    const undocumented: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n.properties && !/\/(if|then|else)(\/|$)/.test(path)) {
        for (const [key, prop] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
          const target = typeof prop.$ref === 'string' ? schema.$defs[prop.$ref.replace('#/$defs/', '')] : prop;
          const scalar = ['string', 'integer', 'number', 'boolean'].includes(target.type) || 'const' in prop;
          if (!prop.title || !prop.description || (scalar && !prop.examples && !target.examples)) undocumented.push(`${path}/properties/${key}`);
        }
      }
      for (const [key, value] of Object.entries(n)) walk(value, `${path}/${key}`);
    };
    walk(schema, '#');
    expect(undocumented).toEqual([]);
  });
});
