/**
 * SQuAD-format data as a corpus and a question set, scored the way issue 12 defines (so that figures here and
 * the acceptance team's mean the same): one corpus document per article, its paragraphs joined by blank
 * lines (SQuAD paragraph i is passage `p(i+1)`); questions with runs of white space collapsed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';

/** One question of a QA set, in the form every scorer here reads. */
export interface QaItem {
  question: string;
  /** Strings a right answer contains (any one, case-sensitive); empty when the corpus does not answer. */
  golds: string[];
  /** The document and 1-based paragraph holding the answer, when the set says (SQuAD does). */
  where: { document: string; paragraph: number } | null;
}

/** One article of a SQuAD file. */
export interface SquadArticle {
  title: string;
  paragraphs: { context: string; qas: { question: string; answers: string[]; impossible: boolean }[] }[];
}

const squadFile = z.object({
  data: z.array(
    z.object({
      title: z.string(),
      paragraphs: z.array(
        z.object({
          context: z.string(),
          qas: z.array(
            z.object({
              question: z.string(),
              answers: z.array(z.object({ text: z.string() })),
              is_impossible: z.boolean().optional(),
            }),
          ),
        }),
      ),
    }),
  ),
});

/** Reads a SQuAD (v1 or v2) JSON file; throws naming the file and the first field that is wrong. */
export function readSquad(path: string): SquadArticle[] {
  const parsed = squadFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: not SQuAD JSON: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data.data.map((a) => ({
    title: a.title,
    paragraphs: a.paragraphs.map((p) => ({
      context: p.context,
      qas: p.qas.map((q) => ({
        question: q.question,
        answers: [...new Set(q.answers.map((x) => x.text))],
        impossible: q.is_impossible ?? q.answers.length === 0,
      })),
    })),
  }));
}

/** The corpus document id of an article: its title, with anything an id may not hold replaced by `-`. */
export function articleId(title: string): string {
  return title.replace(/[^A-Za-z0-9._:-]+/g, '-');
}

/** The questions of some articles, as {@link QaItem}s. */
export function squadItems(articles: SquadArticle[]): QaItem[] {
  return articles.flatMap((article) =>
    article.paragraphs.flatMap((paragraph, i) =>
      paragraph.qas.map((qa) => ({
        question: qa.question.replace(/\s+/g, ' ').trim(),
        golds: qa.impossible ? [] : qa.answers,
        where: qa.impossible ? null : { document: articleId(article.title), paragraph: i + 1 },
      })),
    ),
  );
}

/**
 * Loads articles as a corpus through the project's own loader: they are written to a temporary folder as
 * one JSON Lines file (removed again before this returns).
 */
export async function squadCorpus(articles: SquadArticle[]): Promise<Corpus> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-squad-'));
  try {
    const lines = articles.map((a) =>
      JSON.stringify({
        id: articleId(a.title),
        title: a.title.replace(/_/g, ' '),
        text: a.paragraphs.map((p) => p.context.trim()).join('\n\n'),
      }),
    );
    writeFileSync(join(dir, 'squad.jsonl'), `${lines.join('\n')}\n`);
    const corpus = await loadCorpusStrict(dir);
    for (const article of articles) {
      const doc = corpus.documents.find((d) => d.id === articleId(article.title));
      const count = corpus.passages.filter((p) => p.docId === doc?.id).at(-1)?.paragraph;
      if (count !== article.paragraphs.length)
        throw new Error(
          `${article.title}: ${article.paragraphs.length} paragraphs in the file, ${count} in the corpus`,
        );
    }
    return corpus;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Which articles of part A fit, tune and test the scorer (see squad-split.json for how they were drawn). */
export const SQUAD_SPLIT = JSON.parse(
  readFileSync(join(import.meta.dirname, 'squad-split.json'), 'utf8'),
) as Record<SplitName, string[]>;

export type SplitName = 'fit' | 'tune' | 'final';

/**
 * The articles one split is measured on: its questions come from the split's articles, and the corpus holds
 * the articles of this split and those before it (fit, tune, final), so that no step reads the text of a
 * later one. Throws when the file lacks an article the split names.
 */
export function splitOf(
  articles: SquadArticle[],
  split: SplitName,
): {
  corpus: SquadArticle[];
  questions: SquadArticle[];
} {
  const order: SplitName[] = ['fit', 'tune', 'final'];
  const pick = (names: string[]) =>
    names.map((name) => {
      const article = articles.find((a) => a.title === name);
      if (!article) throw new Error(`the SQuAD file has no article "${name}" (split ${split})`);
      return article;
    });
  return {
    corpus: pick(order.slice(0, order.indexOf(split) + 1).flatMap((s) => SQUAD_SPLIT[s])),
    questions: pick(SQUAD_SPLIT[split]),
  };
}
