/**
 * `--lang ja`: the console and the CLIs write their own words in Japanese; what they cite stays the
 * corpus's text, exactly. A language they do not speak is refused with usage, before anything loads.
 */
import { describe, expect, it } from 'vitest';
import { bundledParagraphs, bundledText } from '../support/bundled.js';
import { runNpm } from '../support/run.js';

const CORPUS = bundledText();
const paragraphOf = (words: string) => bundledParagraphs().findIndex((p) => p.includes(words)) + 1;

describe('--lang', () => {
  it('answers `npm run ask -- --lang ja` in Japanese, citing the corpus sentence as written', async () => {
    const { code, stdout } = await runNpm(['ask', '--', '--lang', 'ja', 'When was the agreement signed?']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    // The short answer, then the sentence it comes from, both as the release writes them.
    const short = /^回答: (.+)$/.exec(lines[0] ?? '')?.[1] ?? '';
    const sentence = lines[1]?.trim() ?? '';
    expect(sentence).toContain('January 13th');
    expect(CORPUS).toContain(sentence);
    expect(sentence).toContain(`, ${short}, `);
    expect(lines[2]).toMatch(new RegExp(`、第${paragraphOf('January 13th')}段落 — https://`));
    expect(stdout).toContain('\n出典:\n');
    expect(lines.at(-2)).toMatch(/^コーパス \S+$/);
  });

  it('refuses a question or a speaker in Japanese, in the CLIs and the console alike', async () => {
    const ask = await runNpm(['ask', '--', '--lang', 'ja', '']);
    expect(ask.code).toBe(1);
    expect(ask.stdout).toBe('質問を入力してください（空です）。\n');
    const quote = await runNpm(['quote', '--', '--lang', 'ja', 'n'.repeat(201)]);
    expect(quote.code).toBe(1);
    expect(quote.stdout).toBe('この発言者名は 201 文字あります。200 文字未満にしてください。\n');
    const input = `/quote Nelson about: ${'t'.repeat(250)}\n`;
    const console = await runNpm(['start', '--', '--lang', 'ja'], { input });
    expect(console.code).toBe(0);
    expect(console.stdout).toContain('\nこの話題は 250 文字あります。200 文字未満にしてください。\n');
  });

  it('runs the console in Japanese with `npm start -- --lang ja`', async () => {
    const input = '/sources\n/quote Nelson\n/help\n/nope\n';
    const { code, stdout } = await runNpm(['start', '--', '--lang', 'ja'], { input });
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(
      /^Discord が設定されていません（DISCORD_TOKEN がありません）: .+ のコーパスでローカルコンソールを起動します。$/,
    );
    expect(stdout).toMatch(/コーパスの文書 1 件（\S+）:/);
    expect(stdout).toMatch(/Bill Nelson \(.+\): 引用 \d+ 件/);
    // Quotes are the corpus's words.
    const quote = lines.find((l) => /^1\. /.test(l))?.slice(3) ?? '';
    expect(quote.length).toBeGreaterThan(20);
    expect(CORPUS.replace(/\s+/g, ' ')).toContain(quote);
    expect(stdout).toContain('/quote <発言者> [about: <話題>]');
    expect(stdout).toContain('「/nope」というコマンドはありません。/help で一覧を表示します。');
  });

  it('checks the corpus in Japanese with `npm run corpus -- check --lang ja`', async () => {
    const { code, stdout } = await runNpm(['corpus', '--', 'check', '--lang', 'ja']);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^ok: 文書 1 件、パッセージ \d+ 件、発言者 \d+ 人、用語 \d+ 件（バージョン \S+）\n$/,
    );
  });

  it('refuses a language it does not speak, naming the ones it does', async () => {
    const { code, stdout, stderr } = await runNpm(['quote', '--', '--lang', 'jp', 'Nelson']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      '--lang must be one of en, ja, got "jp"\nusage: npm run --silent quote -- [--json] [--about TOPIC] [--lang en|ja] "speaker"\n',
    );
  });
});
