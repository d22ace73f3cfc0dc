// Runs every test suite (server, web unit, web browser) and ends with one line: "N passed, N failed".
// Each suite writes vitest's JSON report; the sums come from those, so a suite that ran nothing shows as 0.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reports = path.join(root, 'node_modules', '.test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const suites = [
  { name: 'server', cwd: 'server', args: [] },
  { name: 'web', cwd: 'web', args: ['--project', 'unit'] },
  { name: 'browser', cwd: 'web', args: ['--project', 'browser'] },
].filter((suite) => existsSync(path.join(root, suite.cwd, 'vitest.config.ts')));

let passed = 0, failed = 0, skipped = 0, broken = false;
for (const suite of suites) {
  const outputFile = path.join(reports, `${suite.name}.json`);
  console.log(`\n=== ${suite.name} tests ===`);
  const run = spawnSync('npx', ['vitest', 'run', ...suite.args, '--reporter=default', '--reporter=json', `--outputFile.json=${outputFile}`], {
    cwd: path.join(root, suite.cwd),
    stdio: 'inherit',
    // plain text in CI logs
    env: process.env.CI ? { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined } : process.env,
  });
  if (!existsSync(outputFile)) {
    console.log(`${suite.name}: no report (vitest exited with ${run.status}); counted as a failure`);
    failed += 1;
    broken = true;
    continue;
  }
  const report = JSON.parse(readFileSync(outputFile, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  // a file that failed to load has no tests but still fails the run
  const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  if (brokenFiles) {
    failed += brokenFiles;
    broken = true;
  }
  if (run.status !== 0 && report.numFailedTests === 0 && !brokenFiles) {
    failed += 1;
    broken = true;
  }
}

console.log('');
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || broken || passed === 0 ? 1 : 0);
