/**
 * `--lang ja`: the console and the CLIs write their own words in Japanese; what they cite stays the
 * corpus's text, exactly. A language they do not speak is refused with usage, before anything loads.
 */
import { describe, expect, it } from 'vitest';
import { bundledParagraphs, bundledText } from '../support/bundled.js';
import { runNpm } from '../support/run.js';
import { tempCorpus } from '../support/tempCorpus.js';

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

  it('says each problem of a broken folder in Japanese with `corpus check --lang ja`, quoting the file as it is', async () => {
    const dir = tempCorpus({
      'broken.md': 'no front matter',
      'bad.jsonl': '{"id": "bad id!", "title": 7, "text": "Fine.", "colour": "red"}\n',
      'long.md': `---\nid: long\ntitle: Long\nkind: note\n---\nA line.\n${'x'.repeat(2000)}\n`,
      'speakers.yaml': 'speakers:\n  - name: A\n    role: chair\n',
    });
    const { code, stdout, stderr } = await runNpm(['corpus', '--', 'check', '--dir', dir, '--lang', 'ja']);
    expect(code).toBe(1);
    expect(stdout.split('\n')).toEqual([
      'bad.jsonl:1: 不明な項目 "colour" があります',
      'bad.jsonl:1: ID "bad id!" は英数字と「.」「_」「:」「-」からなる 1〜128 文字で、英数字で始めてください',
      'bad.jsonl:1: 「title」はテキストにしてください',
      'broken.md:1: Markdown の文書はフロントマターで始めてください: 「---」の行、メタデータ、「---」の行の順です',
      'long.md:7: 2,000 文字の単語があります（1 単語は最大 1,000 文字）',
      'speakers.yaml:2: 1 番目の項目: 不明な項目「role」があります（使える項目: name, title, aliases）',
      '',
    ]);
    expect(stderr).toContain(`${dir} に問題が 6 件あります`);
    // The same folder in English: the same places, the catalogue's English words.
    const english = await runNpm(['corpus', '--', 'check', '--dir', dir]);
    expect(english.stdout.split('\n')).toEqual([
      'bad.jsonl:1: unknown field "colour"',
      'bad.jsonl:1: id "bad id!" must be 1-128 letters, digits, ".", "_", ":" or "-", starting with a letter or digit',
      'bad.jsonl:1: "title" must be text',
      'broken.md:1: a Markdown document must start with a front-matter block: a line "---", the metadata, then "---"',
      'long.md:7: a word of 2,000 characters; words can be at most 1,000',
      'speakers.yaml:2: entry 1: unknown field "role" (expected: name, title, aliases)',
      '',
    ]);
  });

  it('says what a reload would change in Japanese with `corpus diff --lang ja`, ids as they are', async () => {
    const dir = tempCorpus({
      'moon-note.md':
        '---\nid: moon-note\ntitle: Moon\nkind: statement\n---\nThe rover landed.\n\nIt drove on.\n',
    });
    const dataDir = tempCorpus({});
    const { code, stdout } = await runNpm([
      'corpus',
      '--',
      'diff',
      '--dir',
      dir,
      '--data-dir',
      dataDir,
      '--lang',
      'ja',
    ]);
    expect(code).toBe(0);
    expect(stdout.split('\n')).toEqual([
      `${dataDir} に稼働中のマニフェスト（corpus-manifest.json）がありません: すべてのパッセージを追加として数えます`,
      '文書 1 件が変わりました: パッセージの追加 2 件、変更 0 件、削除 0 件。',
      'moon-note: 文書を追加（パッセージ 2 件）',
      '',
    ]);
  });

  it('says why a console /reload failed in Japanese, each problem on its line', async () => {
    const dir = tempCorpus({
      'moon-note.md': '---\nid: moon-note\ntitle: Moon\nkind: statement\n---\nThe rover landed.\n',
      'broken.md': 'no front matter',
    });
    const env = { CORPUS_DIR: dir, DATA_DIR: tempCorpus({}) };
    const { code, stdout } = await runNpm(['start', '--', '--lang', 'ja'], { input: '/reload\n', env });
    expect(code).toBe(0);
    expect(stdout).toContain(
      [
        '> /reload',
        'コーパスに問題が 1 件あるため、何も変わっていません:',
        'broken.md:1: Markdown の文書はフロントマターで始めてください: 「---」の行、メタデータ、「---」の行の順です',
      ].join('\n'),
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
