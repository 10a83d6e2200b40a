/**
 * The words replies are made of, in English and Japanese, from one catalogue (en.ts, ja.ts): the Discord
 * adapter picks the language from `interaction.locale`, the console and the CLIs from `--lang`. Cited
 * corpus text and user text are never translated; they go into placeholders.
 */
import type { Notice, UserInputError, UserInputReason } from '../contract/types.js';
import { type AdminCode, AdminError } from '../corpus/admin.js';
import type { CorpusDiff } from '../corpus/diff.js';
import { type CorpusProblem, type ProblemCode, problemPlace } from '../corpus/problems.js';
import { type Catalogue, en } from './en.js';
import { ja } from './ja.js';

/** The languages replies come in. */
export type Lang = 'en' | 'ja';

/** Every language's catalogue. */
export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { en, ja };

/** A message's key. */
export type MessageKey = keyof typeof en;

/** The placeholder names in a message (`{name}`), read from its English text. */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

/** Values for a message's placeholders: none when it has none. */
type Params<K extends MessageKey> = [Placeholders<(typeof en)[K]>] extends [never]
  ? []
  : [Record<Placeholders<(typeof en)[K]>, string | number>];

/** Keys of messages without placeholders: texts to show as they are. */
export type PlainMessageKey = {
  [K in MessageKey]: [Placeholders<(typeof en)[K]>] extends [never] ? K : never;
}[MessageKey];

/** Keys that come in plural forms, `<base>_one` and `<base>_other`, named by their base. */
export type PluralKey = PluralBase<MessageKey>;
type PluralBase<K> = K extends `${infer Base}_other`
  ? `${Base}_one` extends MessageKey
    ? Base
    : never
  : never;

/** Values for a plural message's placeholders besides the count `{n}`. */
type PluralParams<B extends PluralKey> = [
  Exclude<Placeholders<(typeof en)[`${B}_one` | `${B}_other`]>, 'n'>,
] extends [never]
  ? []
  : [Record<Exclude<Placeholders<(typeof en)[`${B}_one` | `${B}_other`]>, 'n'>, string | number>];

/**
 * The language of a Discord locale (`ja` → Japanese, any other → English): Discord sends `ja` for
 * Japanese, other clients may send `ja-JP`.
 */
export function langOfLocale(locale: string | null | undefined): Lang {
  return locale === 'ja' || locale?.startsWith('ja-') ? 'ja' : 'en';
}

/** The languages `--lang` takes, for usage lines. */
export const LANGS: readonly Lang[] = ['en', 'ja'];

/** Whether `value` names a language replies come in. */
export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** Fills `{name}` placeholders; an unknown one stays as written (the catalogue test rules that out). */
function fill(text: string, params: Record<string, string | number> | undefined): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** The catalogue of one language, with its placeholders filled and counts in the right plural form. */
export class Messages {
  private readonly catalogue: Catalogue;
  private readonly plurals: Intl.PluralRules;
  private readonly numbers: Intl.NumberFormat;

  constructor(readonly lang: Lang) {
    this.catalogue = CATALOGUES[lang];
    this.plurals = new Intl.PluralRules(lang);
    this.numbers = new Intl.NumberFormat(lang);
  }

  /** The message `key`, placeholders filled from `params`. */
  t<K extends MessageKey>(key: K, ...params: Params<K>): string {
    return fill(this.catalogue[key], params[0]);
  }

  /**
   * A notice of the core in words: its message, values filled (numbers grouped in thousands, notices
   * worded in turn, text as it is); in its plural form when the message has one, for the value `n`.
   */
  say(notice: Notice): string {
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(notice.values ?? {})) {
      values[name] =
        typeof value === 'number'
          ? this.numbers.format(value)
          : typeof value === 'string'
            ? value
            : this.say(value);
    }
    const n = notice.values?.n;
    const key =
      typeof n === 'number' && Object.hasOwn(this.catalogue, `${notice.code}_other`)
        ? `${notice.code}_${this.plurals.select(n) === 'one' ? 'one' : 'other'}`
        : notice.code;
    // A code without a message is a bug the compiler rules out (see ProblemCode below); shown as itself.
    const text = Object.hasOwn(this.catalogue, key) ? this.catalogue[key as MessageKey] : notice.code;
    return fill(text, values);
  }

  /** The plural message `base` for `n` (its `{n}`, grouped in thousands: "260,000"), e.g. "1 passage" / "3 passages". */
  count<B extends PluralKey>(base: B, n: number, ...params: PluralParams<B>): string {
    const form = this.plurals.select(n) === 'one' ? 'one' : 'other';
    const key = `${base}_${form}` as MessageKey;
    return fill(this.catalogue[key], { ...params[0], n: this.numbers.format(n) });
  }
}

/** The messages of each language, made once. */
const BY_LANG: Readonly<Record<Lang, Messages>> = { en: new Messages('en'), ja: new Messages('ja') };

/** The messages in `lang`. */
export function messages(lang: Lang): Messages {
  return BY_LANG[lang];
}

/** A message's text as a pattern: literal text, each `{name}` a named group (shortest match, anchored). */
const patterns = new Map<string, RegExp>();
function patternOf(text: string): RegExp {
  let pattern = patterns.get(text);
  if (!pattern) {
    const source = text
      .split(/(\{\w+\})/)
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        return name ? `(?<${name}>[\\s\\S]+?)` : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('');
    pattern = new RegExp(`^${source}$`);
    patterns.set(text, pattern);
  }
  return pattern;
}

/**
 * Reads the placeholders back from `text` written as message `key` in any language (a footer a button
 * parses, written for whoever asked), or null when it is not that message.
 */
export function parseMessage<K extends MessageKey>(
  key: K,
  text: string,
): Record<Placeholders<(typeof en)[K]>, string> | null {
  for (const catalogue of Object.values(CATALOGUES)) {
    const groups = patternOf(catalogue[key]).exec(text)?.groups;
    if (groups) return groups as Record<Placeholders<(typeof en)[K]>, string>;
  }
  return null;
}

/** A refusal in the reader's language when its reason is known, else the error's own (English) message. */
export function describeInputError(m: Messages, err: UserInputError): string {
  if (err instanceof AdminError) return describeAdminError(m, err);
  return err.reason ? describeReason(m, err.reason) : err.message;
}

/** A refused corpus change: why, then each problem of the file on a line of its own when that is why. */
export function describeAdminError(m: Messages, err: AdminError): string {
  return [m.say(err.notice), ...err.problems.map((p) => formatProblem(m, p))].join('\n');
}

function describeReason(m: Messages, reason: UserInputReason): string {
  switch (reason.code) {
    case 'questionEmpty':
      return m.t('error.questionEmpty');
    case 'questionTooLong':
      return m.t('error.questionTooLong', { max: reason.max, length: reason.length });
    case 'questionNoWords':
      return m.t('error.questionNoWords');
    case 'speakerEmpty':
      return reason.example === null
        ? m.t('error.speakerEmpty')
        : m.t('error.speakerEmptyExample', { example: reason.example });
    case 'speakerTooLong':
      return m.t('error.speakerTooLong', { length: reason.length, max: reason.max });
    case 'topicTooLong':
      return m.t('error.topicTooLong', { length: reason.length, max: reason.max });
  }
}

/** Every code the core says things with has its message: a code missing from en.ts is a type error here. */
const everyCodeWorded: [Exclude<ProblemCode | AdminCode, MessageKey | PluralKey>] extends [never]
  ? true
  : never = true;
void everyCodeWorded;

/** A reload stopped at its deadline (RELOAD_TIMEOUT_SECONDS): the limit in whole seconds from one second up. */
export function describeReloadTimeout(m: Messages, timeoutMs: number): string {
  const limit =
    timeoutMs >= 1000
      ? m.t('unit.seconds', { n: Math.round(timeoutMs / 1000) })
      : m.t('unit.milliseconds', { n: timeoutMs });
  return m.t('corpus.reloadTimeout', { limit });
}

/** A corpus problem as editors and CI logs show it: `file:line: what is wrong`. */
export function formatProblem(m: Messages, problem: CorpusProblem): string {
  return `${problemPlace(problem)}: ${m.say(problem)}`;
}

/** A corpus problem as the logs word it: in English, like every log line. */
export function problemForLog(problem: CorpusProblem): string {
  return formatProblem(BY_LANG.en, problem);
}

/**
 * A corpus diff in lines for moderators: a summary, then one line per document (at most `maxDocuments`),
 * `doc-a: changed (+1 ~2 -0): doc-a#p3 added; doc-a#p1, doc-a#p2 changed`. Ids stay as they are.
 */
export function formatDiff(m: Messages, diff: CorpusDiff, maxDocuments = Number.POSITIVE_INFINITY): string[] {
  if (diff.documents.length === 0) return [m.t('diff.none')];
  const lines = [
    m.t('diff.summary', {
      documents: m.count('diff.documents', diff.documents.length),
      added: m.count('diff.passages', diff.added),
      changed: diff.changed,
      removed: diff.removed,
    }),
  ];
  for (const d of diff.documents.slice(0, maxDocuments)) {
    if (d.status === 'changed') {
      const parts = (['added', 'changed', 'removed'] as const)
        .filter((key) => d[key].length > 0)
        .map((key) => m.t(`diff.${key}`, { ids: d[key].join(', ') }));
      const counts = `+${d.added.length} ~${d.changed.length} -${d.removed.length}`;
      lines.push(m.t('diff.documentChanged', { id: d.id, counts, parts: parts.join('; ') }));
    } else {
      const passages = d.status === 'added' ? d.added.length : d.removed.length;
      lines.push(
        m.count(d.status === 'added' ? 'diff.documentAdded' : 'diff.documentRemoved', passages, { id: d.id }),
      );
    }
  }
  const hidden = diff.documents.length - Math.min(diff.documents.length, maxDocuments);
  if (hidden > 0) lines.push(m.count('diff.more', hidden));
  return lines;
}
