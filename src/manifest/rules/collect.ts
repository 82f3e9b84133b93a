// What every rule file shares: the collector that turns a path and a sentence into a Violation, and the
// guarded accessors that let a rule run on whatever shape the document has.
import { joinPointer } from '../../document/pointer.js';
import type { Anchor } from '../../document/locate.js';
import type { Violation } from '../violation.js';

export interface RuleContext {
  /** The provider region when known (rule 11); undefined skips the replica-region check. */
  region?: string;
  /** The time a restore point is compared with (rule 27); the current time unless a test fixes it. */
  now?: Date;
}

export type Obj = Record<string, unknown>;
export type Path = (string | number)[];

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const obj = (v: unknown): Obj | undefined => (isObj(v) ? v : undefined);
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
export const has = (o: Obj | undefined, k: string): boolean => o !== undefined && o[k] !== undefined && o[k] !== null;

export const KMS_KEY_ARN_RE = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):\d{12}:key\/[A-Za-z0-9-]+$/;
/** DynamoDB's SSE takes a key ARN or an alias ARN (`alias/NAME`, NAME of letters, digits, `/ _ -`). */
export const KMS_KEY_OR_ALIAS_ARN_RE = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):\d{12}:(?:key\/[A-Za-z0-9-]+|alias\/[A-Za-z0-9/_-]+)$/;
export const KMS_ALIAS_ARN_RE = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:alias\//;

export const chars = (s: string): number => [...s].length;
export const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

export class Collector {
  readonly out: Violation[] = [];
  add(code: string, path: Path, message: string, anchor: Anchor = 'value'): void {
    this.out.push({ code, pointer: joinPointer(path), anchor, message });
  }
  /** Valid input with a consequence the user should know before applying it. */
  warn(code: string, path: Path, message: string): void {
    this.out.push({ code, pointer: joinPointer(path), anchor: 'value', message, severity: 'warning' });
  }
}
