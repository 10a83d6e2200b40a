import type { GlossaryEntry } from '../corpus/types.js';
import { contentTerms } from './text.js';

/** A run of query stems matched by a glossary wording, and what it may also mean. */
export interface Expansion {
  /** Index of the first stem matched, and how many stems the wording spans. */
  at: number;
  length: number;
  /** Stem sequences the wording means in the corpus's own words. */
  meanings: string[][];
}

const MAX_PHRASE = 5;

function stemsOf(text: string): string[] {
  return contentTerms(text).map((t) => t.stem);
}

/**
 * The glossary compiled for query time: wordings are analyzed exactly like queries (stop words dropped,
 * stemmed), so "deals", "the deal" and "Deal" all hit the entry for "deal".
 */
export class Glossary {
  private readonly meanings = new Map<string, string[][]>();

  constructor(entries: GlossaryEntry[]) {
    for (const entry of entries) {
      const text = stemsOf(entry.text);
      const typed = entry.typed.map(stemsOf).filter((s) => s.length > 0);
      if (text.length === 0) continue;
      for (const wording of typed) this.add(wording, text);
      if (entry.both) for (const wording of typed) this.add(text, wording);
    }
  }

  private add(from: string[], to: string[]): void {
    if (from.length > MAX_PHRASE || from.join(' ') === to.join(' ')) return;
    const key = from.join(' ');
    const list = this.meanings.get(key) ?? [];
    if (!list.some((m) => m.join(' ') === to.join(' '))) list.push(to);
    this.meanings.set(key, list);
  }

  /** Longest-first, left-to-right matches of glossary wordings in a stem sequence. */
  expand(stems: string[]): Expansion[] {
    const found: Expansion[] = [];
    for (let i = 0; i < stems.length; ) {
      let matched = false;
      for (let length = Math.min(MAX_PHRASE, stems.length - i); length >= 1; length--) {
        const meanings = this.meanings.get(stems.slice(i, i + length).join(' '));
        if (meanings) {
          found.push({ at: i, length, meanings });
          i += length;
          matched = true;
          break;
        }
      }
      if (!matched) i++;
    }
    return found;
  }
}
