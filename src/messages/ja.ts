/** Japanese replies (Discord locale `ja`, `--lang ja`): the same keys and placeholders as en.ts. */
import type { Catalogue } from './en.js';

export const ja: Catalogue = {
  'bot.restarting': 'ボットを再起動しています。少し待ってからもう一度お試しください。',
  'bot.cooldown':
    '少しペースを落としてください: ボットは {seconds} 秒間に {requests} 回まで使えます。{retry} 秒後にもう一度お試しください。',
  'bot.commandGone': 'このコマンドはもう使えません。',
  'bot.buttonGone': 'このボタンはもう使えません。',
  'bot.failed': '回答中に問題が発生しました。記録しましたので、もう一度お試しください。',

  'ask.feedbackThanks': 'ありがとうございます。フィードバックを記録しました。',
  'ask.buttonGone': 'このボタンはもう使えません。もう一度質問してください。',

  'quote.noSpeaker': '発言者の名前を入力してください（例:「{example}」）。',
  'quote.buttonGone': 'このボタンはもう使えません。もう一度 /引用 を使ってください。',
  'quote.choice_one': '{speaker}（引用 {n} 件）',
  'quote.choice_other': '{speaker}（引用 {n} 件）',

  'corpus.notModerator':
    'コーパスを管理できるのは、サーバー管理権限かモデレーターのロールを持つメンバーだけです。',
  'corpus.subcommandGone': 'このサブコマンドはもう使えません。',
  'corpus.reloadRunning': 'コーパスの再読み込みを実行中です。終わってからもう一度お試しください。',
  'corpus.added': '{file}（{bytes} バイト）を追加しました: {ids}。',
  'corpus.addedMore': 'ほか {n} 件',
  'corpus.replaced': '{files} を置き換えました（古いものはごみ箱にあります）。',
  'corpus.removed': '「{id}」を削除しました: {file} はごみ箱にあります（復元で戻せます）。',
  'corpus.restored': '「{id}」を復元しました（{file}）。',
  'corpus.removedChoice': '{document}（{when} UTC に削除）',
};
