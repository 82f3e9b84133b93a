// Finds the Java that runs DynamoDB Local and checks its version before anything starts,
// so a missing or old Java is one clear usage error instead of a JVM stack trace.
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { EnvironmentError } from '../errors.js';

export const MIN_JAVA = 17;
export const JAVA_MESSAGE = `DynamoDB Local needs Java ${MIN_JAVA} or newer (e.g. apt-get install openjdk-17-jre-headless)`;

/** JAVA_HOME's java when set, else the first `java` on PATH; undefined when there is none. */
export function findJava(env: NodeJS.ProcessEnv): string | undefined {
  const name = process.platform === 'win32' ? 'java.exe' : 'java';
  const candidates = env.JAVA_HOME
    ? [join(env.JAVA_HOME, 'bin', name)]
    : (env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, name));
  return candidates.find(isExecutable);
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** "17.0.15" → 17, "1.8.0_392" → 8, "21-ea" → 21; undefined when `java -version` printed no version. */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

/** Resolves the java binary and proves it is Java 17+ (`java -version` takes ~50 ms). */
export async function requireJava(env: NodeJS.ProcessEnv): Promise<string> {
  const java = findJava(env);
  if (!java) {
    const where = env.JAVA_HOME ? `JAVA_HOME (${env.JAVA_HOME}) has no bin/java` : 'no java on PATH and JAVA_HOME is not set';
    throw new EnvironmentError(JAVA_MESSAGE, where);
  }
  const output = await new Promise<string>((resolve) => {
    // java -version writes to stderr; a failure to run at all is reported below as "no version".
    execFile(java, ['-version'], { env, timeout: 20_000 }, (_err, stdout, stderr) => resolve(`${stderr}${stdout}`));
  });
  const major = parseJavaMajor(output);
  if (major === undefined) throw new EnvironmentError(JAVA_MESSAGE, `${java} -version did not print a version`);
  if (major < MIN_JAVA) throw new EnvironmentError(JAVA_MESSAGE, `${java} is Java ${major}`);
  return java;
}
