// What a cross-field check reports, before it is located in the YAML: shared by rules/ and the
// checks it delegates to (name-characters.ts, quotas.ts).
import type { Anchor } from '../document/locate.js';

export interface Violation {
  code: string;
  /** JSON pointer relative to the manifest root. */
  pointer: string;
  /** Where the line:col lands: on the property name or on its value. */
  anchor: Anchor;
  message: string;
  /** Default 'error'; a warning is printed but leaves the manifest valid. */
  severity?: 'warning';
}
