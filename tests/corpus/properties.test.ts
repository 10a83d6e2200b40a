/**
 * Hostile input on purpose (issue 13): fast-check generates corpus folders (front matter, YAML registers,
 * `.jsonl` lines, Unicode, invalid UTF-8, sizes near the limits, links inside and outside the folder) and
 * checks that start-up, a reload's worker and `corpus check` (the loader it prints) never throw and agree
 * on every file, and that a reload or restart never loses a document that was live. `RUNS` is the number
 * of folders tried, stated in the README.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS_LIMITS } from '../../src/corpus/limits.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { CorpusError } from '../../src/corpus/problems.js';
import { createLogger } from '../../src/logger.js';
import { CorpusService } from '../../src/service/service.js';
import { type FromWorker, runWorker } from '../../src/service/worker.js';
import { inEnglish } from '../support/problems.js';

/** Folders tried by each property: the suite's input count in CI. */
const RUNS = { agree: 120, neverLose: 20 } as const;

const silent = createLogger({ level: 'silent', secrets: [] });
const root = mkdtempSync(join(tmpdir(), 'accord-props-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;

/** A file of a generated folder: bytes or text, or a link. */
type GeneratedFile =
  | { name: string; content: string | Uint8Array }
  | { name: string; link: 'inside' | 'outside' | 'dangling' };

const word = fc.constantFrom('moon', 'Mars', 'the', 'agreement', 'U.S.', 'JAXA', 'said', '2031', 'Ab.', '—');
const unicode = fc.string({ unit: 'grapheme', maxLength: 40 });
/** A text: prose, Unicode, control characters, and sizes on both sides of the word and passage limits. */
const text = fc.oneof(
  fc.array(word, { maxLength: 40 }).map((w) => w.join(' ')),
  unicode,
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc
    .integer({ min: CORPUS_LIMITS.wordChars - 3, max: CORPUS_LIMITS.wordChars + 3 })
    .map((n) => 'Ab'.repeat(n).slice(0, n)),
  fc
    .integer({ min: CORPUS_LIMITS.passagesPerDocument - 2, max: CORPUS_LIMITS.passagesPerDocument + 2 })
    .map((n) => 'Ab.\n\n'.repeat(n)),
  fc
    .array(fc.constantFrom('\n', '\r\n', '\n\n', '   ', '\t', '\u200B', '\uFEFF'), { maxLength: 8 })
    .map((s) => s.join('')),
);
const id = fc.oneof(
  fc.constantFrom('base-a', 'doc-1', 'doc-2', 'Bad Id!', ''),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
);
/** YAML values: plain, quoted, anchors and aliases, nesting on both sides of the depth limit, an alias bomb. */
const yamlValue = fc.oneof(
  unicode.map((s) => JSON.stringify(s)),
  fc.constantFrom(
    '&x [1, 2]',
    '*x',
    '*nope',
    '{a: b}',
    '[',
    '"unclosed',
    '|\n  block',
    '!!binary AAAA',
    '~',
    'null',
  ),
  fc
    .integer({ min: CORPUS_LIMITS.yamlDepth - 2, max: CORPUS_LIMITS.yamlDepth + 2 })
    .map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  fc.integer({ min: 1_000, max: 12_000 }).map((n) => '['.repeat(n)),
  fc
    .integer({ min: 95, max: 105 })
    .map((n) => `&a x\n${Array.from({ length: n }, (_, i) => `k${i}: *a`).join('\n')}`),
  fc.constant(
    [
      '&a [x,x,x,x,x,x,x,x,x]',
      ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`),
    ].join('\n'),
  ),
);
const frontMatterLine = fc.oneof(
  { weight: 3, arbitrary: yamlValue.map((v) => `extra: ${v}`) },
  id.map((v) => `id: ${v}`),
  text.map((v) => `title: ${JSON.stringify(v.slice(0, 600))}`),
  fc.constantFrom(
    'kind: statement',
    'kind: Bad Kind',
    'url: https://example.org/x',
    'url: ftp://x',
    'published: 2023-01-13',
    'published: soon',
  ),
);
const markdown = fc
  .tuple(fc.array(frontMatterLine, { maxLength: 6 }), fc.boolean(), text)
  .map(([lines, complete, body]) => {
    // Extra keys numbered, so that most front matter gets past duplicate keys to what follows.
    const extras = lines.map((line, i) =>
      line.replace(/^extra:/, `extra${i}:`).replace(/\n(\w+):/g, `\nl${i}$1:`),
    );
    const head = complete ? ['id: doc-md', 'title: A document', 'kind: statement', ...extras] : extras;
    return `---\n${head.join('\n')}\n---\n${body}\n`;
  });
const jsonlLine = fc.oneof(
  fc.record({ id, title: text.map((t) => t.slice(0, 600)), text }).map((r) => JSON.stringify(r)),
  fc.record({ _id: fc.integer(), title: unicode, text: unicode }).map((r) => JSON.stringify(r)),
  fc.constantFrom(
    '{',
    '[]',
    '{"id": "x"}',
    '',
    '{"id": "doc-1", "title": "T", "text": "Text.", "colour": 1}',
  ),
);
const jsonl = fc
  .tuple(fc.array(jsonlLine, { maxLength: 8 }), fc.uint8Array({ maxLength: 4 }))
  .map(([lines, junk]) =>
    Buffer.concat([Buffer.from(lines.join('\n')), Buffer.from('\n'), Buffer.from(junk)]),
  );
const plain = fc.oneof(
  text,
  fc.tuple(unicode, text).map(([t, b]) => `${t}\n${b}`),
);
const register = fc
  .tuple(fc.constantFrom('speakers', 'terms', 'other'), fc.array(yamlValue, { maxLength: 3 }), unicode)
  .map(
    ([key, values, name]) =>
      `${key}:\n  - name: ${JSON.stringify(name)}\n    text: x\n    typed: [y]\n${values.map((v) => `    aliases: ${v}`).join('\n')}\n`,
  );

const file: fc.Arbitrary<Omit<GeneratedFile, 'name'> & { ext: string }> = fc.oneof(
  { weight: 4, arbitrary: markdown.map((content) => ({ ext: '.md', content })) },
  { weight: 3, arbitrary: jsonl.map((content) => ({ ext: '.jsonl', content })) },
  { weight: 2, arbitrary: plain.map((content) => ({ ext: '.txt', content })) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((content) => ({ ext: '.md', content })) },
  { weight: 1, arbitrary: register.map((content) => ({ ext: 'speakers.yaml', content })) },
  { weight: 1, arbitrary: register.map((content) => ({ ext: 'glossary.yaml', content })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('inside', 'outside', 'dangling')
      .map((link) => ({ ext: '.md', link: link as 'inside' })),
  },
);
const folder = fc
  .array(file, { maxLength: 5 })
  .map((files) =>
    files.map(
      ({ ext, ...rest }, i) =>
        ({ name: ext.startsWith('.') ? `f${i}${ext}` : ext, ...rest }) as GeneratedFile,
    ),
  );

/** Writes the files into `dir` (a later register replaces an earlier one, as a moderator's edit would). */
function write(dir: string, files: GeneratedFile[]): void {
  for (const f of files) {
    rmSync(join(dir, f.name), { force: true });
    if ('content' in f) writeFileSync(join(dir, f.name), f.content);
    else if (f.link === 'inside') symlinkSync(join(dir, 'base-a.md'), join(dir, f.name));
    else if (f.link === 'outside') symlinkSync('/etc/hostname', join(dir, f.name));
    else symlinkSync(join(dir, 'missing.md'), join(dir, f.name));
  }
}

function newFolder(): string {
  const dir = join(root, `f${++folders}`);
  mkdirSync(dir);
  return dir;
}

/** What a reload's worker does with `dir`: its problems, or the ids of the documents it would serve. */
async function inWorker(dir: string): Promise<{ problems: string[] } | { ids: string[] }> {
  const ids: string[] = [];
  let last: FromWorker | undefined;
  await runWorker({ corpusDir: dir, snapshotDir: null, owners: [] }, async (message) => {
    if (message.type === 'chunk' && message.part === 'documents')
      for (const d of message.items as { id: string }[]) ids.push(d.id);
    last = message;
  });
  if (last?.type === 'failed') return { problems: last.problems?.map(inEnglish) ?? [`?: ${last.message}`] };
  expect(last?.type).toBe('done');
  return { ids };
}

const BASE_A = '---\nid: base-a\ntitle: Base A\nkind: statement\n---\nThe lander reached the Moon in 2031.\n';
const BASE_B = 'Base B\nThe orbiter carried three cameras.\n';

describe('hostile corpus folders (property-based)', () => {
  it(`start-up, a reload's worker and corpus check agree on every file (${RUNS.agree} folders)`, async () => {
    await fc.assert(
      fc.asyncProperty(folder, async (files) => {
        const dir = newFolder();
        writeFileSync(join(dir, 'base-a.md'), BASE_A);
        write(dir, files);
        // `corpus check` prints loadCorpus's problems; start-up logs the same and serves the rest.
        const checked = await loadCorpus(dir);
        const problems = checked.problems.map(inEnglish);
        const ids = checked.corpus.documents.map((d) => d.id);
        const started = await CorpusService.start(dir, silent);
        expect(started.current.sources().map((s) => s.id)).toEqual(ids);
        expect(ids).toContain('base-a');
        // A reload is all or nothing, on the same problems.
        const worker = await inWorker(dir);
        expect(worker).toEqual(problems.length > 0 ? { problems } : { ids });
        for (const p of checked.problems) expect(p.file).not.toBe('base-a.md');
      }),
      { numRuns: RUNS.agree },
    );
  }, 120_000);

  it(`a reload or restart never loses a live document (${RUNS.neverLose} folders)`, async () => {
    await fc.assert(
      fc.asyncProperty(folder, async (files) => {
        const dir = newFolder();
        const dataDir = newFolder();
        writeFileSync(join(dir, 'base-a.md'), BASE_A);
        writeFileSync(join(dir, 'base-b.txt'), BASE_B);
        const service = await CorpusService.start(dir, silent, { dataDir });
        const live = service.current.sources().map((s) => [s.id, s.title]);
        write(dir, files);
        const outcome = await service.reload().catch((e: unknown) => e);
        if (outcome instanceof Error) expect(outcome).toBeInstanceOf(CorpusError);
        const kept = (s: CorpusService) => s.current.sources().map((d) => [d.id, d.title]);
        expect(kept(service)).toEqual(expect.arrayContaining(live));
        const restarted = await CorpusService.start(dir, silent, { dataDir });
        expect(kept(restarted)).toEqual(expect.arrayContaining(live));
      }),
      { numRuns: RUNS.neverLose },
    );
  }, 120_000);
});
