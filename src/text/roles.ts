/**
 * The one list of words that say who someone is rather than what they are called: roles ("minister",
 * "astronaut"), and honorifics written before a name ("Dr", "Sen."). General vocabulary of English and
 * Japanese, nothing about any corpus: who holds which role comes from the text and the speakers register.
 * Read by speaker resolution (splitting "Chief Scientist Jane Doe" into a title and a name), question
 * analysis ("who is the ambassador?" asks for a name) and answer evidence ("the ministers" stand for people).
 */

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

/** Roles and offices, singular and lower-case: each also names people on its own ("the ambassador"). */
export const ROLE_WORDS = words(`
  president minister secretary undersecretary deputy assistant associate administrator director chief executive
  officer official ambassador envoy delegate representative senator congressman congresswoman governor mayor
  chair chairman chairwoman chairperson commissioner chancellor premier general admiral colonel captain commander
  lieutenant sergeant professor king queen prince princess emperor astronaut cosmonaut spokesperson spokesman
  spokeswoman head manager leader boss founder ceo cto cfo coo scientist engineer attorney judge justice
`);

/** Honorifics and abbreviated titles: they stand before a name, never for a person on their own. */
export const HONORIFIC_WORDS = words(`
  mr mrs ms miss mx dr prof sir dame lord lady rev reverend hon honorable honourable sen rep gov gen adm col capt
  lt sgt
`);

/** Words found inside titles without being roles on their own ("Vice President", "Secretary of State"). */
export const TITLE_PART_WORDS = words('vice prime foreign state defense defence council senate cabinet');

/** Japanese roles, found inside a run of Japanese script (Japanese has no spaces between words). */
export const JAPANESE_ROLE_WORDS: readonly string[] = [
  '長官',
  '大使',
  '理事長',
  '首相',
  '総理',
  '大臣',
  '飛行士',
  '代表',
  '社長',
  '議長',
  '補佐官',
  '局長',
  '事務局長',
  '大統領',
  '総裁',
];

/** Japanese honorifics written after a name ("マスク氏", "スミスさん"): like a role, they mark a person. */
export const JAPANESE_HONORIFIC_WORDS: readonly string[] = ['氏', 'さん', '様', '先生', '君', 'くん'];

/** Whether a lower-case word is one of {@link ROLE_WORDS}, singular or plural ("ministers", "deputies"). */
export function isRoleWord(word: string): boolean {
  return (
    ROLE_WORDS.has(word) ||
    (word.endsWith('s') && ROLE_WORDS.has(word.slice(0, -1))) ||
    (word.endsWith('ies') && ROLE_WORDS.has(`${word.slice(0, -3)}y`)) ||
    (word.endsWith('men') && ROLE_WORDS.has(`${word.slice(0, -3)}man`))
  );
}
