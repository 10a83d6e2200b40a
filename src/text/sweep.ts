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

type Term = unknown;

/** The library methods the sweep calls: its word sets and its matcher. */
interface Methods {
  one: {
    cacheDoc(document: Term[][]): Set<string>[];
    match(document: Term[][], rule: Rule): { ptrs: number[][] };
  };
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
    for (const rule of candidateRules(sets[n] as Set<string>, stretch.length, order, net.always)) {
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
