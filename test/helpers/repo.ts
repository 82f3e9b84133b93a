// The repository root, for tests that read hack/, schema/ or tf-module/ (jest 29 has no import.meta.dirname).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot: string = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
