// A manifest named by an http(s) URL: fetched once per run with a size cap and a timeout, never
// executed (it is YAML text for the same pipeline as a file), and kept under .planton/remote/ with the
// URL it came from, so what was validated and planned stays on disk next to its work directories.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EnvironmentError, UsageError } from '../errors.js';
import { MAX_MANIFEST_BYTES } from '../document/load.js';
import { sha256 } from '../files/hash.js';
import { makeDirectory } from '../files/make-dir.js';
import { MASK } from '../tofu/mask.js';

/** How long a download may take, end to end, unless PLANTON_FETCH_TIMEOUT_MS says otherwise. */
export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;
export const CACHED_MANIFEST = 'manifest.yaml';
export const SOURCE_RECORD = 'source.json';

/**
 * The URL as planton prints and records it: no user information, and the query string masked, since
 * presigned URLs (`?X-Amz-Signature=…`) and `?token=…` carry credentials there. Anything else is
 * left as given.
 */
export function displayUrl(value: string | URL): string {
  const text = String(value);
  const cut = text.search(/[?#]/);
  const base = (cut < 0 ? text : text.slice(0, cut)).replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/]*@/i, '$1');
  return text.includes('?') ? `${base}?${MASK}` : base;
}

/** Checks the URL before any request: http(s) only, and no credentials in it (they would be written to disk). */
export function parseManifestUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${displayUrl(value)} is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`${displayUrl(url)}: only http:// and https:// manifests can be fetched`, 'Download it yourself and pass the file with --manifest.');
  }
  if (url.username !== '' || url.password !== '') {
    throw new UsageError(`${displayUrl(url)}: the URL holds a user name or password; planton records the URL on disk, so it takes none`, 'Serve the manifest without credentials in its URL, or download it and pass the file.');
  }
  return url;
}

/**
 * `<root>/<host>-<hash of the URL without its query>`: one directory per manifest location, readable at
 * a glance. The query is left out: it may hold a credential, and a presigned URL is signed anew each
 * time, which would otherwise give the same manifest a new work directory (and an empty state) per run.
 */
export function cacheDirFor(root: string, url: URL): string {
  const host = url.host.replace(/[^A-Za-z0-9.-]/g, '-');
  return join(root, `${host}-${sha256(`${url.origin}${url.pathname}`).slice(0, 12)}`);
}

export function timeoutFrom(env: NodeJS.ProcessEnv): number {
  const raw = env.PLANTON_FETCH_TIMEOUT_MS;
  if (raw === undefined || raw === '') return DEFAULT_FETCH_TIMEOUT_MS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`PLANTON_FETCH_TIMEOUT_MS must be a whole number of milliseconds above 0, not ${JSON.stringify(raw)}`);
  return n;
}

const kib = (n: number) => `${Math.ceil(n / 1024)} KiB`;

/** GET with the caps; returns the body's bytes or throws an error that says what went wrong. */
export async function download(url: URL, timeoutMs: number, maxBytes = MAX_MANIFEST_BYTES): Promise<Uint8Array> {
  const shown = displayUrl(url);
  const signal = AbortSignal.timeout(timeoutMs);
  const timedOut = () => new EnvironmentError(`${shown}: no complete answer within ${timeoutMs / 1000} s`, 'Check the address, or raise PLANTON_FETCH_TIMEOUT_MS (milliseconds).');
  let res: Response;
  try {
    res = await fetch(url, { signal, redirect: 'follow', headers: { accept: 'application/yaml, text/yaml, text/plain, */*' } });
  } catch (err) {
    if (signal.aborted) throw timedOut();
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new EnvironmentError(`${shown}: cannot fetch the manifest (${cause?.code ?? cause?.message ?? (err as Error).message})`);
  }
  if (res.status !== 200) {
    await res.body?.cancel().catch(() => undefined);
    throw new EnvironmentError(`${shown}: the server answered ${res.status}${res.statusText ? ' ' + res.statusText : ''}, not the manifest`);
  }
  const tooLarge = (size: string) => new UsageError(`${shown}: the manifest is ${size}; a manifest is at most ${kib(maxBytes)} (is this the right URL?)`);
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge(kib(declared));
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of res.body ?? []) {
      total += chunk.byteLength;
      // Counted as it arrives: a server that sends no length (or lies about it) is cut off at the cap.
      if (total > maxBytes) {
        await res.body?.cancel().catch(() => undefined);
        throw tooLarge(`over ${kib(maxBytes)}`);
      }
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof UsageError) throw err;
    if (signal.aborted) throw timedOut();
    throw new EnvironmentError(`${shown}: the download broke off (${(err as Error).message})`);
  }
  return Buffer.concat(chunks);
}

export interface FetchedManifest {
  /** The cached copy: the exact bytes planton validates and plans from. */
  file: string;
  dir: string;
}

/** Fetches the URL and caches it under `root`; each run fetches again, so a changed manifest is seen. */
export async function fetchManifest(value: string, root: string, env: NodeJS.ProcessEnv): Promise<FetchedManifest> {
  const url = parseManifestUrl(value);
  const bytes = await download(url, timeoutFrom(env));
  const dir = cacheDirFor(root, url);
  try {
    makeDirectory(dir);
  } catch (err) {
    throw new EnvironmentError(`cannot create ${dir} for the fetched manifest: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const file = join(dir, CACHED_MANIFEST);
  writeFileSync(file, bytes);
  const record = { url: displayUrl(url), sha256: sha256(Buffer.from(bytes)), bytes: bytes.byteLength, fetchedAt: new Date().toISOString() };
  writeFileSync(join(dir, SOURCE_RECORD), JSON.stringify(record, null, 2) + '\n');
  return { file, dir };
}
