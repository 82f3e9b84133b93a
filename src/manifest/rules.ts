// The cross-field rules live in rules/, one file per theme; this keeps the import path callers use.
export { checkRules, type RuleContext } from './rules/index.js';
