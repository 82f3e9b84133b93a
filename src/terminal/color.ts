// Colours for planton's own messages: chalk, switched off for --no-color, NO_COLOR and non-terminals.
import { Chalk, type ChalkInstance } from 'chalk';

export function colors(enabled: boolean): ChalkInstance {
  return new Chalk({ level: enabled ? 1 : 0 });
}
