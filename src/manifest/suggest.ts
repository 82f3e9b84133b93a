// "Did you mean …?" for typos in field names and enum values.
import { distance } from 'fastest-levenshtein';

/** Short names the user may write for a key type, mapped to the manifest's spelling. */
const KEY_TYPE_ALIASES: Record<string, string> = { S: 'STRING', N: 'NUMBER', B: 'BINARY' };

/**
 * The nearest candidate to `word`, or undefined when none is close enough to be a plausible typo.
 * Case-only differences always match (`billingmode` → `billingMode`).
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const sameCase = candidates.find((c) => c.toLowerCase() === lower);
  if (sameCase !== undefined) return sameCase;
  if (KEY_TYPE_ALIASES[word] && candidates.includes(KEY_TYPE_ALIASES[word])) return KEY_TYPE_ALIASES[word];
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
