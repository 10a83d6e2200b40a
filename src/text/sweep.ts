/**
 * The English model's post-tagger sweep (compromise's `methods.one.bulkMatch`, its sources' `1-one/sweep`), with
 * the same result in less time. The post-tagger runs some 570 rules; for each comma-separated stretch of a
 * sentence, the library picks the rules that may match by testing every one of its 730 hook words and tags
 * against the stretch's word set, then gathers their lists by repeated concatenation: a fifth of a sentence's
 * parse. Here the stretch's words and tags are looked up in the hooks instead, and the rules gathered in the
 * library's order, so every rule runs exactly as before, in the same order, with the same results. Parsing a
 * sentence (about a millisecond) is the cost of "who", "where" and "when" questions.
 *
 * It replaces a method of the library through its plugin API, so it is checked against the version in
 * {@link CHECKED_COMPROMISE_VERSION}: tests/text/sweep.test.ts fails, naming the installed version, when
 * compromise changes, and compares every tag of Brown sentences with the library's own sweep.
 */

/** The compromise version whose sweep this module was checked against. */
export const CHECKED_COMPROMISE_VERSION = '14.17.0';

/** A post-tagger rule as compromise's `buildNet` prepares it (only what the sweep reads). */
interface Rule {
  match: string;
  /** The match parsed into one token a term or group of terms (compromise's `parseMatch`). */
  regs?: Reg[];
  needs: string[];
  wants: string[];
  minWant: number;
  minWords: number;
  ifNo?: string[];
  unTag?: unknown;
}

/** The rules indexed by the words and tags (`#Noun`) they need or want, and those with neither. */
interface Net {
  hooks: Record<string, Rule[]>;
  always: Rule[];
}

/** A token of a parsed match (only the fields that say what one term must be). */
interface Reg {
  word?: string;
  tag?: string;
  fastOr?: Set<string>;
  switch?: string;
  optional?: boolean;
  negative?: boolean;
  greedy?: boolean;
  anything?: boolean;
  fuzzy?: boolean;
  use?: string;
  id?: string;
  min?: number;
  max?: number;
  choices?: unknown;
  method?: string;
  pre?: string;
  post?: string;
  regex?: RegExp;
  chunk?: string;
  machine?: string;
  sense?: string;
}

/** A term as the matcher reads it (only what {@link mayMatchTerm} compares). */
interface Term {
  text: string;
  normal: string;
  machine?: string | null;
  root?: string;
  implicit?: string;
  alias?: string[];
  switch?: string;
  tags: Set<string>;
}

/** The library methods the sweep calls: its word sets and its matcher. */
interface Methods {
  one: {
    cacheDoc(document: Term[][]): Set<string>[];
    match(document: Term[][], rule: Rule): { ptrs: number[][] };
  };
}

/**
 * Whether a token stands for exactly one term that it tests by word, tag, switch or a set of words alone: the
 * matcher (`02-from-here.js`, `doesMatch.js`) then takes one term for it, the next token the next term.
 */
function isSingleTerm(reg: Reg): boolean {
  if (reg.optional || reg.negative || reg.greedy || reg.anything || reg.fuzzy || reg.use !== undefined)
    return false;
  if (reg.id !== undefined || reg.choices !== undefined || reg.min !== undefined || reg.max !== undefined)
    return false;
  if (reg.word !== undefined || reg.tag !== undefined) return true;
  // Tested only when none of the matcher's earlier tests applies (doesMatch.js's order).
  const earlier = [reg.method, reg.pre, reg.post, reg.regex, reg.chunk, reg.machine, reg.sense];
  return earlier.every((f) => f === undefined) && (reg.switch !== undefined || reg.fastOr !== undefined);
}

/**
 * Whether a term could match a single-term token ({@link isSingleTerm}): what `doesMatch` tests, with its extra
 * conditions left out (a `^` or `$` anchor, a part of speech a word set wants), so that `false` is certain.
 */
function mayMatchTerm(term: Term, reg: Reg): boolean {
  const { word } = reg;
  if (word !== undefined)
    return (
      term.machine === word || term.text === word || term.normal === word || !!term.alias?.includes(word)
    );
  if (reg.tag !== undefined) return term.tags.has(reg.tag);
  if (reg.switch !== undefined) return term.switch === reg.switch;
  const form = term.root || term.implicit || term.machine || term.normal;
  return !!reg.fastOr && (reg.fastOr.has(form) || reg.fastOr.has(term.text));
}

/** Per rule, its neighbouring single-term tokens: each pair must match two neighbouring terms. */
const pairsOf = new WeakMap<Rule, [Reg, Reg][]>();

function neighbourPairs(rule: Rule): [Reg, Reg][] {
  let pairs = pairsOf.get(rule);
  if (!pairs) {
    pairs = [];
    const regs = rule.regs ?? [];
    for (let i = 0; i + 1 < regs.length; i++) {
      const [a, b] = [regs[i] as Reg, regs[i + 1] as Reg];
      if (isSingleTerm(a) && isSingleTerm(b)) pairs.push([a, b]);
    }
    pairsOf.set(rule, pairs);
  }
  return pairs;
}

/**
 * Whether the matcher certainly finds no match of `rule` in `stretch`: two neighbouring single-term tokens of the
 * rule match no two neighbouring terms. Nine of ten rules the hooks let through match nowhere, most of them for
 * want of such a pair, and the library's matcher finds that out by trying the whole rule from every term (a
 * third of a parse). Not told where a contraction's hidden word ("do" of "don't") lets the matcher skip a term.
 */
function certainlyUnmatched(rule: Rule, stretch: Term[], contracted: boolean): boolean {
  if (contracted) return false;
  for (const [a, b] of neighbourPairs(rule)) {
    let found = false;
    for (let t = 0; t + 1 < stretch.length && !found; t++)
      found = mayMatchTerm(stretch[t] as Term, a) && mayMatchTerm(stretch[t + 1] as Term, b);
    if (!found) return true;
  }
  return false;
}

/** A rule that matched, where. */
type Found = Rule & { pointer: number[] };

/**
 * The hooks in the library's order (`Object.keys`), by key, with their rule lists; each rule by the number of
 * its match (the library keeps one rule per match, its first); built once per net.
 */
interface HookOrder {
  rank: Map<string, number>;
  lists: Rule[][];
  ids: Int32Array[];
  /** Per match number, the stretch that last took a rule of it (see {@link candidateRules}). */
  seen: Int32Array;
  stretch: number;
}
const orders = new WeakMap<Record<string, Rule[]>, HookOrder>();

function orderOf(hooks: Record<string, Rule[]>): HookOrder {
  let order = orders.get(hooks);
  if (!order) {
    const keys = Object.keys(hooks);
    const lists = keys.map((k) => hooks[k] ?? []);
    const number = new Map<string, number>();
    const ids = lists.map((list) =>
      Int32Array.from(list, (rule) => {
        let id = number.get(rule.match);
        if (id === undefined) {
          id = number.size;
          number.set(rule.match, id);
        }
        return id;
      }),
    );
    order = {
      rank: new Map(keys.map((k, i) => [k, i])),
      lists,
      ids,
      seen: new Int32Array(number.size),
      stretch: 0,
    };
    orders.set(hooks, order);
  }
  return order;
}

/**
 * The rules that may match a stretch with word set `has`: those of its hooks, in hook order, each match once (its
 * first rule), with their needs met, nothing they must not have, enough of their wants, and no more words than
 * the stretch has (`length`).
 */
function candidateRules(has: Set<string>, length: number, order: HookOrder, always: Rule[]): Rule[] {
  const at: number[] = [];
  for (const key of has) {
    const rank = order.rank.get(key);
    if (rank !== undefined) at.push(rank);
  }
  at.sort((a, b) => a - b);
  if (order.stretch === 0x7fffffff) {
    order.seen.fill(0); // the numbers would run past what the array holds: start again
    order.stretch = 0;
  }
  const stretch = ++order.stretch;
  const rules: Rule[] = [];
  for (const rank of at) {
    const list = order.lists[rank] as Rule[];
    const ids = order.ids[rank] as Int32Array;
    for (let i = 0; i < list.length; i++) {
      const id = ids[i] as number;
      if (order.seen[id] === stretch) continue;
      order.seen[id] = stretch;
      const rule = list[i] as Rule;
      if (length < rule.minWords || !rule.needs.every((need) => has.has(need))) continue;
      if (rule.ifNo?.some((no) => has.has(no))) continue;
      if (rule.wants.length > 0) {
        let wanted = 0;
        for (const want of rule.wants) if (has.has(want)) wanted++;
        if (wanted < rule.minWant) continue;
      }
      rules.push(rule);
    }
  }
  for (const rule of always) if (length >= rule.minWords) rules.push(rule);
  return rules;
}

/** compromise's `bulkMatch`: every rule that matches each stretch of `document`, in the library's order. */
export function sweep(
  document: Term[][],
  net: Net,
  methods: Methods,
  opts: { matchOne?: boolean } = {},
): Found[] {
  const sets = methods.one.cacheDoc(document);
  const order = orderOf(net.hooks);
  const found: Found[] = [];
  for (let n = 0; n < document.length; n++) {
    const stretch = document[n] as Term[];
    const contracted = stretch.some((t) => t.implicit);
    for (const rule of candidateRules(sets[n] as Set<string>, stretch.length, order, net.always)) {
      if (certainlyUnmatched(rule, stretch, contracted)) continue;
      const { ptrs } = methods.one.match([stretch], rule);
      if (ptrs.length === 0) continue;
      for (const ptr of ptrs) {
        ptr[0] = n; // the matcher saw one stretch: point into the document
        found.push({ ...rule, pointer: ptr });
      }
      if (opts.matchOne) return [found[0] as Found];
    }
  }
  return found;
}

/** The plugin that gives compromise this sweep (`nlp.plugin(fasterSweep)`). */
export const fasterSweep = { methods: { one: { bulkMatch: sweep } } };
