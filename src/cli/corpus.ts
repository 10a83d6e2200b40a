/**
 * Corpus tools for the shell.
 *   check: validates every file of the corpus folder; prints each problem as `file:line: message`, exits 1.
 *   diff:  what a reload would change, passage by passage, against the last live corpus. A CLI cannot ask
 *          the running bot, so "live" is the manifest the bot saves in DATA_DIR on every start and reload;
 *          without one, every passage counts as added.
 */
import { resolve } from 'node:path';
import { loadConfigOrExit } from '../config.js';
import { type CorpusManifest, diffManifests, manifestOf } from '../corpus/diff.js';
import { loadCorpus } from '../corpus/load.js';
import { countProblems } from '../corpus/problems.js';
import { corpusVersion } from '../knowledge/knowledge.js';
import { formatDiff, formatProblem } from '../messages/messages.js';
import { MANIFEST_FILE, manifestOwners, readManifest } from '../records/manifest.js';
import { LANG_OPTION, messagesForLang, parseCliArgs } from './shared.js';

const USAGE =
  'npm run corpus -- check [--dir DIR] [--data-dir DIR] [--lang en|ja] | diff [--dir DIR] [--data-dir DIR] [--json] [--lang en|ja]';

async function main(): Promise<number> {
  const { values, positionals } = parseCliArgs(
    {
      allowPositionals: true,
      options: {
        dir: { type: 'string' },
        'data-dir': { type: 'string' },
        json: { type: 'boolean', default: false },
        ...LANG_OPTION,
      },
    },
    USAGE,
  );
  const m = messagesForLang(values.lang, USAGE);
  const [command, ...rest] = positionals;
  if ((command !== 'check' && command !== 'diff') || rest.length > 0) {
    process.stderr.write(`usage: ${USAGE}\n`);
    return 2;
  }
  const config = await loadConfigOrExit();
  const dir = resolve(values.dir ?? config.corpusDir);
  const dataDir = resolve(values['data-dir'] ?? config.dataDir);
  // As start-up does: the files the live documents came from keep their ids.
  const owners = await manifestOwners(dataDir).catch(() => undefined);
  const { corpus, problems } = await loadCorpus(dir, owners ? { owners } : {});
  if (problems.length > 0) {
    for (const problem of problems) process.stdout.write(`${formatProblem(m, problem)}\n`);
    const found = m.count(
      command === 'check' ? 'cli.problems' : 'cli.problemsReload',
      countProblems(problems),
      {
        dir,
      },
    );
    process.stderr.write(`${found}\n`);
    return 1;
  }
  const version = corpusVersion(corpus);
  if (command === 'check') {
    const counts = {
      documents: m.count('cli.documents', corpus.documents.length),
      passages: m.count('cli.passages', corpus.passages.length),
      speakers: m.count('cli.speakers', corpus.speakers.length),
      terms: m.count('cli.terms', corpus.glossary.length),
      version,
    };
    process.stdout.write(`${m.t('cli.corpusOk', counts)}\n`);
    return 0;
  }
  const saved = await readManifest(dataDir);
  const live: CorpusManifest = saved ?? { version: 'none', documents: [] };
  const diff = diffManifests(live, manifestOf(corpus, version));
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ live: live.version, folder: version, ...diff })}\n`);
    return 0;
  }
  const from =
    saved === null
      ? m.t('cli.noManifest', { file: MANIFEST_FILE, dir: dataDir })
      : m.t('cli.liveToFolder', { live: live.version, folder: version });
  process.stdout.write(`${[from, ...formatDiff(m, diff)].join('\n')}\n`);
  return 0;
}

process.exitCode = await main();
