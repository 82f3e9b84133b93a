// "Did you mean …?" for typos in field names and enum values.
import { distance } from 'fastest-levenshtein';

/** Other spellings a document's users write for an enum value, each naming the schema's spelling (the manifest: AWS's `S` for `STRING`). */
export type Spellings = Readonly<Record<string, string>>;

/**
 * The nearest candidate to `word`, or undefined when none is close enough to be a plausible typo.
 * Case-only differences always match (`billingmode` → `billingMode`), and so does a known other spelling.
 */
export function nearest(word: string, candidates: readonly string[], spellings: Spellings = {}): string | undefined {
  const lower = word.toLowerCase();
  const sameCase = candidates.find((c) => c.toLowerCase() === lower);
  if (sameCase !== undefined) return sameCase;
  const spelled = Object.hasOwn(spellings, word) ? spellings[word] : undefined;
  if (spelled !== undefined && candidates.includes(spelled)) return spelled;
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
export function didYouMean(word: string, candidates: readonly string[], spellings: Spellings = {}): string {
  const hit = nearest(word, candidates, spellings);
  return hit === undefined ? '' : `; did you mean \`${hit}\`?`;
}
