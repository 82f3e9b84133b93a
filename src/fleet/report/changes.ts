// A change in manifest terms as one line, the same shape `plan`'s own summary prints (src/plan/explain.ts).
import type { Change } from '../../plan/types.js';

const SYMBOL: Record<Change['action'], string> = { create: '+', update: '~', replace: '-/+', delete: '-', read: '<=', 'no-op': ' ' };

export function changeLine(c: Change): string {
  return `${SYMBOL[c.action]} ${c.manifestPath}: ${c.detail}`;
}
