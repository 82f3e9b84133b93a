// What every bench section measures with: a wall clock around a command, medians, paired ratios.
import { execa } from 'execa';
import { performance } from 'node:perf_hooks';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export async function timeIt(fn) {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
}

/** Runs a command, failing the bench loudly if it fails: a bench of a broken command measures nothing. */
export async function must(file, args, opts = {}) {
  const r = await execa(file, args, { reject: false, all: true, ...opts });
  if (r.exitCode !== 0) {
    console.error(r.all);
    throw new Error(`bench: ${file} ${args.join(' ')} exited ${r.exitCode}`);
  }
  return r;
}

/** The median of the ratios a[i] / b[i] of runs made in turn. */
export const pairedRatio = (a, b) => median(a.map((x, i) => x / b[i]));

export const ms = (s) => `${Math.round(s * 1000)} ms`;
export const sec = (s) => `${s.toFixed(1)} s`;
