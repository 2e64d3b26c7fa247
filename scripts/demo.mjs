// Lints examples/ with the plugin (through examples/eslint.config.js) and prints what it finds.
// Exits 0 after printing, unless ESLint itself could not run or a file failed to parse.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const cwd = path.join(root, 'examples');
const eslint = new ESLint({ cwd });
const results = await eslint.lintFiles(['.']);
const formatter = await eslint.loadFormatter('stylish');
const text = await formatter.format(results);

const bad = results.filter((r) => path.basename(r.filePath).startsWith('bad-'));
const good = results.filter((r) => path.basename(r.filePath).startsWith('good-'));
const count = (rs) => rs.reduce((n, r) => n + r.errorCount + r.warningCount, 0);
console.log(text || 'No problems found.');
console.log(
  `examples/: ${results.length} files; ${count(bad)} problems in ${bad.filter((r) => r.messages.length > 0).length}/${bad.length} bad-* files, ${count(good)} in ${good.length} good-* files.`,
);
// In an editor, a report with a light bulb gets fixed: how many offer an auto-fix or a suggestion.
const reports = results.flatMap((r) => r.messages.filter((m) => m.ruleId?.startsWith('capmonster/')));
const offered = reports.filter((m) => m.fix || (m.suggestions ?? []).length > 0).length;
const share = reports.length === 0 ? 100 : (100 * offered) / reports.length;
console.log(`reports: ${reports.length}, with fix or suggestion: ${offered} (${share.toFixed(1)}%)`);
const fatal = results.flatMap((r) => r.messages.filter((m) => m.fatal).map((m) => `${r.filePath}: ${m.message}`));
if (fatal.length > 0) {
  console.error(`Parsing failed:\n${fatal.join('\n')}`);
  process.exitCode = 1;
}
