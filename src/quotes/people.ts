import SearchableMap from 'minisearch/SearchableMap';
import type { Steps } from '../contract/steps.js';
import type { GlossaryEntry, SpeakerEntry } from '../corpus/types.js';
import { namesNonPerson } from '../text/english.js';
import { hasJapanese } from '../text/japanese.js';
import {
  HONORIFIC_WORDS,
  isRoleWord,
  JAPANESE_HONORIFIC_WORDS,
  JAPANESE_ROLE_WORDS,
  ROLE_WORDS,
  TITLE_PART_WORDS,
} from '../text/roles.js';
import { isStopWord } from '../text/text.js';
import { isEnglishWord } from '../text/wordnet.js';
import {
  clips,
  containsWords,
  fuzzyWordsDistance,
  indexOfWords,
  type NameTokens,
  nameTokens,
  typoAllowance,
} from './names.js';

/** Someone the corpus knows: from the speakers register, or named in a document. */
export interface Person {
  /** `r<N>` for the N-th register entry, `m:<words>` for someone known only from the text. */
  id: string;
  name: string;
  title: string | null;
  /** Personal names: the name, other spellings and orders ("Taro Yamada", "Yamada", "Secretary Jones"). */
  names: NameTokens[];
  /** Roles that stand for the person ("Prime Minister", "ACME chief", the register title). */
  roles: NameTokens[];
}

/** Whether someone is one of the speakers register's people (rather than found in the text). */
export function isRegistered(person: Person): boolean {
  return person.id.startsWith('r');
}

/** Whether someone is known only from the text, the registers not listing them. */
export function isFromText(person: Person): boolean {
  return person.id.startsWith('m:');
}

/** What a phrase or a typed name resolved to. */
export type Resolution =
  | { kind: 'person'; person: Person }
  /** Several people fit equally well; naming one would risk putting words in the wrong mouth. */
  | { kind: 'ambiguous'; people: Person[] }
  | { kind: 'none' };

const NONE: Resolution = { kind: 'none' };

/**
 * Whether a lower-case word belongs to a title rather than a name: a run such as "Chief Scientist Jane Doe"
 * splits after the last one.
 */
function isTitleWord(word: string): boolean {
  return isRoleWord(word) || HONORIFIC_WORDS.has(word) || TITLE_PART_WORDS.has(word);
}

/** Words that open a sentence in front of a name without being part of it ("During", "Today", "Among"). */
function isFillerWord(word: string): boolean {
  return isStopWord(word) || /^(during|today|yesterday|among|known|after|before|meanwhile|also)$/.test(word);
}

function isAcronym(word: string): boolean {
  return /^(?:\p{Lu}\.?){2,}$/u.test(word.replace(/[’']s$/, ''));
}

/**
 * Splits a capitalized run as the text writes it into a personal name (the words after the last title word,
 * organization acronym or connector) and the title in front of it. The name is empty when the run has none
 * ("European Rail Agency Director General").
 */
export function splitTitle(run: string): { name: string; title: string | null } {
  const words = run.split(/\s+/).filter(Boolean);
  let cut = words.length;
  while (cut > 0) {
    const word = words[cut - 1] ?? '';
    const plain = nameTokens(word).join('');
    if (
      plain === '' ||
      isTitleWord(plain) ||
      isAcronym(word) ||
      isFillerWord(plain) ||
      /^\p{Ll}/u.test(word)
    ) {
      break;
    }
    cut--;
  }
  // Personal names rarely run past four words; longer runs carry an organization's name in front.
  cut = Math.max(cut, words.length - 4);
  let titleStart = 0;
  while (titleStart < cut && isFillerWord(nameTokens(words[titleStart] ?? '').join(''))) titleStart++;
  const name = words
    .slice(cut)
    .join(' ')
    .replace(/[’']s$/, '');
  const title = words.slice(titleStart, cut).join(' ');
  return { name, title: title === '' ? null : title };
}

/** A resolution keeping only the people `accepts`. */
function narrowed(found: Resolution, accepts: (person: Person) => boolean): Resolution {
  const people = found.kind === 'person' ? [found.person] : found.kind === 'ambiguous' ? found.people : [];
  const kept = people.filter(accepts);
  if (kept.length === people.length) return found;
  if (kept.length === 1 && kept[0]) return { kind: 'person', person: kept[0] };
  return kept.length > 1 ? { kind: 'ambiguous', people: kept } : NONE;
}

/** A reversible key for a personal name: its words in any order ("Yamada Taro" = "Taro Yamada"). */
function nameKey(words: NameTokens): string {
  return [...words].sort().join(' ');
}

/** Whether an alias spells the person's name (shares a word with it) rather than naming a role. */
function isPersonalAlias(alias: NameTokens, name: NameTokens): boolean {
  return alias.some((w) => name.includes(w));
}

function uniqueTokenLists(lists: NameTokens[]): NameTokens[] {
  const seen = new Set<string>();
  return lists.filter((l) => {
    const key = l.join(' ');
    if (l.length === 0 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Roles and honorifics, the words a typed role is told by. */
const ROLE_OR_HONORIFIC = [...ROLE_WORDS, ...HONORIFIC_WORDS];
const JAPANESE_ROLE_OR_HONORIFIC = [...JAPANESE_ROLE_WORDS, ...JAPANESE_HONORIFIC_WORDS];

/**
 * Whether a typed word says a role: a role word or honorific ("director", "Sen."), one clipped or misspelt
 * within the typo reach of names ({@link fuzzyWordsDistance}: "admin", "secertary") that is no English word of
 * its own, or is a short clip ("sec", "dir"): "commission" and "office" name no commissioner or officer.
 * Japanese script says a role when the run holds a Japanese role or honorific ("スミス長官", "山田氏"): the
 * register's Japanese names and roles are one run each, and an organisation's name alone is no role.
 */
function saysRole(word: string): boolean {
  if (hasJapanese(word)) return JAPANESE_ROLE_OR_HONORIFIC.some((role) => word.includes(role));
  if (isRoleWord(word) || HONORIFIC_WORDS.has(word)) return true;
  if (isStopWord(word)) return false;
  const near = ROLE_OR_HONORIFIC.filter((role) => fuzzyWordsDistance([word], [role]) !== null);
  if (near.length === 0) return false;
  return !isEnglishWord(word) || (word.length <= 5 && near.some((role) => clips(word, role)));
}

/** The fields of people a look-up of typed words searches: roles only when the words say one. */
type Fields = readonly ('names' | 'roles')[];
const NAMES: Fields = ['names'];
const NAMES_AND_ROLES: Fields = ['names', 'roles'];

/**
 * Whether typed words say a role, so that people's roles are searched for them, not only their names. Otherwise
 * an organisation or a place in someone's title would stand for them ("what does the trust expect" is no
 * question to the trust's director, nor "what did the agency say" to an official whose title names the agency).
 */
function saysRoles(words: NameTokens): boolean {
  return words.some(saysRole);
}

/** A person's names, and their roles when `fields` holds them. */
function variantsOf(person: Person, fields: Fields): NameTokens[] {
  return fields.includes('roles') ? [...person.names, ...person.roles] : person.names;
}

/** A typed word worth matching inside longer names: not a stop word, at least three letters. */
function hasContentWord(words: NameTokens): boolean {
  return words.some((w) => w.length >= 3 && !isStopWord(w));
}

/** People a restore step files. */
const RESTORED_PER_STEP = 500;

/**
 * Everyone the corpus knows, and the name matching used both for attribution in the text and for what users
 * type. Register entries come first; people known only from the text are added as extraction meets them.
 */
export class PeopleDirectory {
  readonly people: Person[] = [];
  private readonly byNameKey = new Map<string, Person>();
  /**
   * People by each word of their names and roles, with their place in `people`: matching a phrase only
   * looks at people sharing a word with it, so extraction stays linear in a corpus that names thousands.
   */
  private readonly byWord = new Map<string, Person[]>();
  private readonly order = new Map<Person, number>();
  /** People by each whole name or role ("prime minister"), for exact look-ups. */
  private readonly byVariant = new Map<string, Person[]>();
  /** Glossary wordings users type, and the corpus wordings they stand for, for a last-resort rewrite. */
  private readonly rewrites: { typed: NameTokens; text: NameTokens }[] = [];
  /** The corpus's own terms from its glossary (not its people): a name holding one names a thing ("Harbor Bridge"). */
  private readonly terms: NameTokens[] = [];

  constructor(register: SpeakerEntry[], glossary: GlossaryEntry[] = []) {
    register.forEach((entry, index) => {
      const name = nameTokens(entry.name);
      const aliases = entry.aliases.map(nameTokens);
      const reversed = name.length === 2 ? [[...name].reverse()] : [];
      const person: Person = {
        id: `r${index}`,
        name: entry.name,
        title: entry.title,
        names: uniqueTokenLists([name, ...reversed, ...aliases.filter((a) => isPersonalAlias(a, name))]),
        roles: uniqueTokenLists([
          ...aliases.filter((a) => !isPersonalAlias(a, name)),
          ...(entry.title ? [nameTokens(entry.title)] : []),
        ]),
      };
      this.add(person);
      if (!this.byNameKey.has(nameKey(name))) this.byNameKey.set(nameKey(name), person);
    });
    for (const entry of glossary) {
      const text = nameTokens(entry.text);
      for (const typed of entry.typed) this.rewrites.push({ typed: nameTokens(typed), text });
      if (text.length > 0 && this.matchKnown(text).kind === 'none') this.terms.push(text);
    }
  }

  /**
   * Whether a name split off a run looks like a person's rather than a place's or a programme's. The evidence
   * is the corpus's glossary (its terms are things) and the English model (places, organisations, dates,
   * adjectives: "Northern Lights", "City Council", "January"); nothing is listed here.
   */
  private looksLikePersonName(name: string): boolean {
    const words = nameTokens(name);
    if (words.length === 0 || words.some((w) => /^\d/.test(w))) return false;
    if (this.terms.some((term) => containsWords(words, term))) return false;
    return !namesNonPerson(name);
  }

  /**
   * The directory as reading a corpus left it (`people` from a snapshot of {@link people}): the register's
   * people with the titles the text gave them, then the people found in the text, in the same order.
   */
  static *restoreSteps(
    register: SpeakerEntry[],
    glossary: GlossaryEntry[],
    people: Person[],
  ): Steps<PeopleDirectory> {
    const directory = new PeopleDirectory(register, glossary);
    for (const [i, saved] of people.entries()) {
      // A corpus of fiction names thousands of people; filing them all takes tens of milliseconds.
      if (i % RESTORED_PER_STEP === RESTORED_PER_STEP - 1) yield;
      if (isFromText(saved)) {
        const person: Person = { ...saved };
        directory.add(person);
        directory.byNameKey.set(saved.id.slice(2), person);
        continue;
      }
      const registered = directory.people.find((p) => p.id === saved.id);
      if (!registered) throw new Error(`people snapshot: ${saved.id} is not in the speakers register`);
      registered.title = saved.title;
    }
    return directory;
  }

  private add(person: Person): void {
    this.order.set(person, this.people.length);
    this.people.push(person);
    this.index(person, [...person.names, ...person.roles]);
  }

  /** Files a person under names or roles of theirs, whole and by word. */
  private index(person: Person, variants: NameTokens[]): void {
    for (const variant of variants) {
      const key = variant.join(' ');
      const list = this.byVariant.get(key);
      if (list) list.push(person);
      else this.byVariant.set(key, [person]);
    }
    for (const word of new Set(variants.flat())) {
      const list = this.byWord.get(word);
      if (list) list.push(person);
      else this.byWord.set(word, [person]);
    }
  }

  /** The people sharing a word with `words`, in directory order (ties are broken by that order). */
  private sharingWords(words: NameTokens): Person[] {
    const found = new Set<Person>();
    for (const word of words) for (const person of this.byWord.get(word) ?? []) found.add(person);
    return [...found].sort((a, b) => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0));
  }

  /**
   * The person a phrase of the text names: the longest personal name it contains as whole words ("ACME
   * Director Jane Smith" is Jane Smith); failing that, the role that explains most of its words (see
   * {@link bestCoverage}), so "deputy ACME director" is the deputy, not the director.
   */
  matchKnown(phrase: NameTokens): Resolution {
    let bestLength = 0;
    let best: Person[] = [];
    for (const person of this.sharingWords(phrase)) {
      for (const variant of person.names) {
        if (variant.length < bestLength || !containsWords(phrase, variant)) continue;
        if (variant.length > bestLength) {
          bestLength = variant.length;
          best = [];
        }
        if (!best.includes(person)) best.push(person);
      }
    }
    if (best.length === 0) best = this.bestCoverage(phrase, ['roles']);
    if (best.length === 1 && best[0]) return { kind: 'person', person: best[0] };
    if (best.length > 1) return { kind: 'ambiguous', people: best };
    return NONE;
  }

  /**
   * The people whose names (in `fields`) best explain `words`. A candidate has one of those names inside
   * `words` as whole words, or has every content word of `words` among its names' words ("state secretary").
   * Ranked by content words explained by any of the person's names, and roles when `fields` holds them (so a
   * word such as "deputy" that only the deputy's names hold decides), then by the longest name inside, then
   * personal names first.
   */
  private bestCoverage(words: NameTokens, fields: Fields): Person[] {
    const content = words.filter((w) => !isStopWord(w));
    let bestKey: number[] = [];
    let best: Person[] = [];
    for (const person of this.sharingWords(words)) {
      const vocabulary = new Set(variantsOf(person, fields).flat());
      const covered = content.filter((w) => vocabulary.has(w)).length;
      let inside = 0;
      let personal = 0;
      for (const field of fields) {
        for (const variant of person[field]) {
          if (!containsWords(words, variant)) continue;
          const isPersonal = field === 'names' ? 1 : 0;
          if (variant.length > inside || (variant.length === inside && isPersonal > personal)) {
            inside = variant.length;
            personal = isPersonal;
          }
        }
      }
      const wholeCover = content.length >= 2 && covered === content.length;
      if (inside === 0 && !wholeCover) continue;
      const key = [covered, inside, personal];
      const order = compareKeys(key, bestKey);
      if (order > 0) {
        bestKey = key;
        best = [];
      }
      if (order >= 0) best.push(person);
    }
    return best;
  }

  /**
   * The person a capitalized run of the text names ("Chief Scientist Jane Doe"), known or new; `null` when
   * the run holds no personal name. New people are added to the directory. A known person counts only when
   * `accepts` them (a full name in Japanese script is no registered person's whose names differ).
   */
  personForRun(
    run: string,
    titleHint: string | null = null,
    accepts: (person: Person) => boolean = () => true,
  ): Person | null {
    const { name, title } = splitTitle(run);
    const known = narrowed(this.matchKnown(nameTokens(run)), accepts);
    if (known.kind === 'ambiguous') return null;
    if (known.kind === 'person') {
      // "Minister Kato Aiko" after "said Aiko Kato": the fuller mention supplies the title.
      const person = known.person;
      if (person.id === `m:${nameKey(nameTokens(name))}`) this.entitle(person, title);
      return person;
    }
    if (!this.looksLikePersonName(name)) return null;
    const words = nameTokens(name);
    const key = nameKey(words);
    const existing = this.byNameKey.get(key);
    if (existing) {
      this.entitle(existing, title ?? titleHint);
      return existing;
    }
    const person: Person = {
      id: `m:${key}`,
      name,
      title: null,
      names: uniqueTokenLists([words, ...(words.length === 2 ? [[...words].reverse()] : [])]),
      roles: [],
    };
    this.add(person);
    this.byNameKey.set(key, person);
    this.entitle(person, title ?? titleHint);
    return person;
  }

  /** Files another name the text calls someone by ("山田" for 山田花子), so that users may type it too. */
  alsoNamed(person: Person, name: string): void {
    const words = nameTokens(name);
    if (words.length === 0 || person.names.some((n) => n.join(' ') === words.join(' '))) return;
    person.names.push(words);
    this.index(person, [words]);
  }

  /**
   * Gives someone known from the text the title the text first gives them ("ACME President Jane Doe", "John Roe,
   * the mission's chief engineer"), and makes every title holding a role a role of theirs: users describe people
   * by it ("the chief engineer", "the acme president").
   */
  private entitle(person: Person, title: string | null): void {
    if (!title) return;
    person.title ??= title;
    const role = nameTokens(title);
    // A lone word ("Professor") is how the text addresses them, not a role only they hold.
    if (role.length < 2 || !role.some(isRoleWord) || person.roles.some((r) => r.join(' ') === role.join(' ')))
      return;
    person.roles.push(role);
    this.index(person, [role]);
  }

  /**
   * Resolves what a user typed: an exact name or alias; else the longest name contained in what was typed
   * ("Prime Minister Taro Yamada"); else names containing what was typed ("Taro"); else names within
   * typo distance ("kishda"); else the same after glossary rewrites ("premier" → "Prime Minister"). At each
   * step a tie is broken in favour of people `preferred` (those with quotes), and stays a tie otherwise.
   */
  lookup(typed: string, preferred: (person: Person) => boolean): Resolution {
    const words = nameTokens(typed);
    if (words.length === 0) return NONE;
    const direct = this.lookupWords(words, preferred);
    if (direct.kind !== 'none') return direct;
    const found = new Map<string, Person>();
    let ambiguous: Person[] = [];
    // Roles are searched when the typed words or their rewriting say one ("White House" may stand for a role).
    const typedRole = saysRoles(words);
    for (const rewritten of this.rewritten(words)) {
      const result = this.lookupWords(rewritten, preferred, typedRole);
      if (result.kind === 'person') found.set(result.person.id, result.person);
      if (result.kind === 'ambiguous') ambiguous = result.people;
    }
    const rewrites = decide([...found.values()].length ? [...found.values()] : ambiguous, preferred);
    if (rewrites.kind !== 'none') return rewrites;
    // "Professor Moriguchi" for someone the text names "Professor Hana Moriguchi": a title typed with a surname
    // the directory knows only as part of the full name. The name decides; or, as a role was typed, the rest of
    // the role ("the ACME CEO" for the chief executive of ACME).
    const untitled = words.filter((w) => !isTitleWord(w));
    return untitled.length > 0 && untitled.length < words.length
      ? this.lookupWords(untitled, preferred, typedRole)
      : NONE;
  }

  /** The words of every name and role as a radix tree, for typo look-ups; made again when people are added. */
  private wordTree: SearchableMap<boolean> | undefined;
  private wordTreeFor = 0;

  /**
   * The people with a name or role word within typo reach of `word`, or starting with it (clipped), in
   * directory order: the only people a fuzzy match of a phrase starting with `word` can be.
   */
  private peopleNear(word: string): Person[] {
    if (!this.wordTree || this.wordTreeFor !== this.people.length) {
      this.wordTree = SearchableMap.from([...this.byWord.keys()].map((w): [string, boolean] => [w, true]));
      this.wordTreeFor = this.people.length;
    }
    const words = new Set([word]);
    const allowance = typoAllowance(word);
    // names.ts counts a swap of two letters as one edit; Levenshtein, which the tree uses, as two.
    if (allowance > 0) for (const [w] of this.wordTree.fuzzyGet(word, 2 * allowance)) words.add(w);
    if (word.length >= 3) for (const [w] of this.wordTree.atPrefix(word)) words.add(w);
    return this.sharingWords([...words]);
  }

  /**
   * An exact name, alias or role (the register's aliases are what users call someone: "PM"); else, in the
   * person's names, and in their roles when the words say a role (see {@link saysRoles}) or what the user typed
   * before a rewrite did (`typedRole`): the best coverage, names containing the words, names within typo reach.
   */
  private lookupWords(
    words: NameTokens,
    preferred: (person: Person) => boolean,
    typedRole = false,
  ): Resolution {
    const exact = this.byVariant.get(words.join(' ')) ?? [];
    if (exact.length) return decide(exact, preferred);

    const fields = typedRole || saysRoles(words) ? NAMES_AND_ROLES : NAMES;
    const inside = this.bestCoverage(words, fields);
    if (inside.length) return decide(inside, preferred);

    if (!hasContentWord(words)) return NONE;
    // A name containing the typed words contains the first of them: only those people need a look.
    const containing = (this.byWord.get(words[0] ?? '') ?? []).filter((person) =>
      variantsOf(person, fields).some((v) => indexOfWords(v, words) >= 0),
    );
    if (containing.length) return decide(containing, preferred);

    let bestDistance = Number.POSITIVE_INFINITY;
    let close: Person[] = [];
    for (const person of this.peopleNear(words[0] ?? '')) {
      for (const variant of variantsOf(person, fields)) {
        const distance = fuzzyWordsDistance(words, variant);
        if (distance === null) continue;
        // A whole-name match beats a match on part of a longer name at the same distance.
        const score = distance * 2 + (words.length === variant.length ? 0 : 1);
        if (score < bestDistance) {
          bestDistance = score;
          close = [];
        }
        if (score === bestDistance) close.push(person);
      }
    }
    return decide(close, preferred);
  }

  /** What was typed with glossary wordings replaced by the corpus's own, one wording at a time and all. */
  private rewritten(words: NameTokens): NameTokens[] {
    const results: NameTokens[] = [];
    let all = [...words];
    for (const { typed, text } of this.rewrites) {
      const at = indexOfWords(words, typed);
      if (at >= 0) results.push([...words.slice(0, at), ...text, ...words.slice(at + typed.length)]);
      const atAll = indexOfWords(all, typed);
      if (atAll >= 0) all = [...all.slice(0, atAll), ...text, ...all.slice(atAll + typed.length)];
    }
    if (all.join(' ') !== words.join(' ')) results.push(all);
    return results.slice(0, 32);
  }
}

/** Lexicographic comparison of score keys; a missing key counts as lowest. */
function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** One person if the candidates (or the preferred among them) are one person, else a tie. */
export function decide(candidates: Person[], preferred: (person: Person) => boolean): Resolution {
  const unique = [...new Set(candidates)];
  if (unique.length === 0) return NONE;
  if (unique.length === 1 && unique[0]) return { kind: 'person', person: unique[0] };
  const favoured = unique.filter(preferred);
  if (favoured.length === 1 && favoured[0]) return { kind: 'person', person: favoured[0] };
  return { kind: 'ambiguous', people: favoured.length ? favoured : unique };
}
