/**
 * The one list of words that say who someone is rather than what they are called: roles ("minister",
 * "astronaut"), and honorifics written before a name ("Dr", "Sen."). General vocabulary of English and
 * Japanese, nothing about any corpus: who holds which role comes from the text and the speakers register.
 * Read by speaker resolution (splitting "Chief Scientist Jane Doe" into a title and a name), question
 * analysis ("who is the ambassador?" asks for a name) and answer evidence ("the ministers" stand for people).
 */

const wordList = (list: string): readonly string[] => list.trim().split(/\s+/);
const words = (list: string): ReadonlySet<string> => new Set(wordList(list));

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

/**
 * Japanese roles and offices, found inside a run of Japanese script (Japanese has no spaces between words), and
 * written after a name as its title (山田教授, 佐藤社長).
 */
export const JAPANESE_ROLE_WORDS = wordList(`
  社長 会長 取締役 執行役員 理事長 理事 学長 総長 教授 准教授 講師 助教 博士 本部長
  部長 課長 室長 所長 局長 事務局長 次長 センター長 機構長 長官 大臣 首相 総理 大統領
  補佐官 知事 市長 町長 村長 区長 議長 委員長 議員 総裁 院長 校長 監督 主任研究員
  研究員 飛行士 宇宙飛行士 大使 代表 担当者 責任者 プロジェクトマネージャー プロジェクトマネジャー マネージャー ディレクター エンジニア
`);

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
