/**
 * The measuring scripts (`npm run eval`, `train`, `bench`, tests/eval/explain.ts, tests/bench/answers.ts) take
 * flags the way the CLIs do: `--help` prints usage, a flag they do not know is refused with why and usage,
 * never a stack trace.
 */
import { describe, expect, it } from 'vitest';
import { run, runNpm } from '../support/run.js';

const SCRIPTS = {
  eval: () => runNpm(['eval', '--', '--help']),
  train: () => runNpm(['train', '--', '--help']),
  bench: () => runNpm(['bench', '--', '--help']),
  explain: () => run('npx', ['tsx', 'tests/eval/explain.ts', '-h']),
  answers: () => run('npx', ['tsx', 'tests/bench/answers.ts', '--help']),
};

describe('the measuring scripts', () => {
  it('print usage for --help and exit 0', async () => {
    const results = await Promise.all(Object.values(SCRIPTS).map((script) => script()));
    const names = Object.keys(SCRIPTS);
    results.forEach((result, i) => {
      expect({ script: names[i], code: result.code, stderr: result.stderr }).toEqual({
        script: names[i],
        code: 0,
        stderr: '',
      });
      expect(result.stdout).toMatch(/^usage: \S.*\n$/);
    });
    expect(results[0]?.stdout).toContain('npm run eval -- [--set path/to/set.jsonl]');
  });

  it('refuse a flag they do not know with why and usage, and exit 2', async () => {
    const result = await runNpm(['eval', '--', '--sqaud', 'x.json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const [why, usage, ...rest] = result.stderr.split('\n');
    expect(why).toMatch(/^Unknown option '--sqaud'/);
    expect(usage).toMatch(/^usage: npm run eval -- /);
    expect(rest).toEqual(['']);
  });
});
