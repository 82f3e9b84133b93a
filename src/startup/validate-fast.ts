// Entry of dist/validate.cjs, the small bundle a cold `planton validate` loads instead of the full
// CLI (launch.ts): validation, its report and the process set-up, nothing of commander or tofu.
export { validate } from '../commands/validate.js';
export { cliProcessIo } from '../process/cli-process.js';
