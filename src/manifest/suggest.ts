// "Did you mean …?" for typos in field names and enum values.
import { distance } from 'fastest-levenshtein';
import { scalarTypeOf } from './key-types.js';

/**
 * The nearest candidate to `word`, or undefined when none is close enough to be a plausible typo.
 * Case-only differences always match (`billingmode` → `billingMode`).
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const sameCase = candidates.find((c) => c.toLowerCase() === lower);
  if (sameCase !== undefined) return sameCase;
  // The AWS letters a user may write for a key type (`S`) name the manifest's spelling (`STRING`).
  const keyType = scalarTypeOf(word);
  if (keyType !== undefined && candidates.includes(keyType)) return keyType;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = distance(lower, c.toLowerCase());
    if (d < bestScore) {
      best = c;
      bestScore = d;
    }
  }
  // Allow about one edit per three characters, at least one: `tabelName` yes, `foo` → `tags` no.
  const budget = Math.max(1, Math.floor(word.length / 3));
  return bestScore <= budget ? best : undefined;
}

/** ` (did you mean `x`?)`, or '' when there is no close candidate. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const hit = nearest(word, candidates);
  return hit === undefined ? '' : `; did you mean \`${hit}\`?`;
}
