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
  'corpus.reloadTimeout':
    '再読み込みが {limit} を超えたため中止しました。何も変わっていません（コーパスのフォルダーに読めないファイルがあるか、大きすぎる可能性があります）。',
  'corpus.added': '{file}（{bytes} バイト）を追加しました: {ids}。',
  'corpus.addedMore': 'ほか {n} 件',
  'corpus.replaced': '{files} を置き換えました（古いものはごみ箱にあります）。',
  'corpus.removed': '「{id}」を削除しました: {file} はごみ箱にあります（復元で戻せます）。',
  'corpus.restored': '「{id}」を復元しました（{file}）。',
  'corpus.removedChoice': '{document}（{when} UTC に削除）',
  'corpus.replacedChoice': '{document}（{when} UTC に置き換え）',
  'ask.footer': 'コーパス {version} · 質問: {question}',
  'ask.citation': '{title}、第{paragraph}段落',
  'ask.source': '出典: {citation}',
  'ask.helpful': '役に立った',
  'ask.notHelpful': '役に立たなかった',
  'ask.notCoveredTitle': 'コーパスに載っていません',
  'ask.notCovered': 'この質問はコーパスの範囲外のため、出典つきの回答はありません。',
  'ask.topics': '**コーパスが扱っている話題:**',
  'ask.seeSources': '`/出典` でコーパスの内容を確認できます。',
  'ask.answerTitle': 'コーパスからの回答',
  'ask.moreSources': 'ほかの出典',
  'ask.readSource': '出典を読む',
  'ask.noMoreSources': 'この質問の出典はこれ以上ありません。',
  'ask.moreSourcesTitle': 'ほかの出典（{from}〜{to}）',
  'ask.corpusChanged':
    'この回答の後にコーパスが更新されました（バージョン {asked} → {current}）。以下は現在のコーパスの出典です。',

  'quote.footer': 'コーパス {version} · {page}/{pages} ページ · 発言者: {speaker}',
  'quote.footerAbout': 'コーパス {version} · {page}/{pages} ページ · 発言者: {speaker} · 話題: {about}',
  'quote.quotedPeople': '**引用されている人:** {names}',
  'quote.neverQuoted': '{who} はコーパスに登場しますが、発言の引用はありません。',
  'quote.nobody': '「{who}」という人の引用はコーパスにありません。',
  'quote.notFoundTitle': '引用が見つかりません',
  'quote.about': '（「{about}」について）',
  'quote.title_one': '引用',
  'quote.title_other': '引用（{n} 件）',
  'quote.previous': '前へ',
  'quote.next': '次へ',

  'sources.title_one': '出典（文書 {n} 件）',
  'sources.title_other': '出典（文書 {n} 件）',
  'sources.passages_one': 'パッセージ {n} 件',
  'sources.passages_other': 'パッセージ {n} 件',
  'sources.quotes_one': '引用 {n} 件',
  'sources.quotes_other': '引用 {n} 件',
  'sources.more': '*…ほか {n} 件*',
  'sources.empty': 'コーパスは空です。',
  'sources.footer': 'コーパス {version} · パッセージ {passages} 件 · {quotes}',

  'footer.corpus': 'コーパス {version}',

  'corpus.reloaded':
    'コーパスを再読み込みしました: バージョン {from} → {to}。文書 {documents} 件、パッセージ {passages} 件、引用 {quotes} 件（{ms} ms）。',
  'corpus.moreChanged_one': '…ほか {n} 件の文書が変わりました。',
  'corpus.moreChanged_other': '…ほか {n} 件の文書が変わりました。',
  'corpus.shardsUnasked':
    'ほかのシャードに再読み込みを依頼できませんでした（{error}）。各シャードは自分のきっかけ（SIGHUP、CORPUS_WATCH）で再読み込みします。',
  'corpus.shard': 'シャード {shards}: {outcome}',
  'corpus.shardReloaded': '再読み込み済み（{version}）',
  'corpus.shardBusy': '別の再読み込みを実行中',
  'corpus.shardFailed': '失敗（そのシャードのログを参照）',
  'corpus.shardsNotReached_one':
    ' 未到達: ほかのホストのシャード {n} 個（それぞれの SIGHUP か CORPUS_WATCH で再読み込みします）。',
  'corpus.shardsNotReached_other':
    ' 未到達: ほかのホストのシャード {n} 個（それぞれの SIGHUP か CORPUS_WATCH で再読み込みします）。',
  'corpus.noOtherShards': 'このホストにはありません',
  'corpus.otherShards': 'ほかのシャード: {list}。{rest}',
  'corpus.reloadFailed_one':
    '再読み込みに失敗したため、何も変わっていません: 現在のコーパス（バージョン {version}）が引き続き回答します。問題 {n} 件:',
  'corpus.reloadFailed_other':
    '再読み込みに失敗したため、何も変わっていません: 現在のコーパス（バージョン {version}）が引き続き回答します。問題 {n} 件:',
  'corpus.moreProblems_one': '…ほか問題 {n} 件。',
  'corpus.moreProblems_other': '…ほか問題 {n} 件。',
  'corpus.unchanged': '何も変わっていません: コーパスはバージョン {version} のままです。',

  'gaps.period_one': '過去 {n} 日間',
  'gaps.period_other': '過去 {n} 日間',
  'gaps.recordsOff':
    '記録が無効です（記録データベースが使えません。ボットのログを確認してください）。未回答や👎は保存されないため、表示できるものはありません。',
  'gaps.none': '{period}に未回答の質問も👎のついた回答もありません（コーパス {version}）。',
  'gaps.unanswered': '未回答 {n} 件',
  'gaps.line': '{rank}. **{count}×** 「{example}」 — {why} · 最終 {date}',
  'gaps.title': '{period}の未回答: 似た質問 {groups}',
  'gaps.groups_one': '{n} グループ',
  'gaps.groups_other': '{n} グループ',
  'gaps.head_one': 'コーパスが答えられなかったか、回答が不評だった質問 {n} 件（多い順）:',
  'gaps.head_other': 'コーパスが答えられなかったか、回答が不評だった質問 {n} 件（多い順）:',
  'gaps.moreGroups_one': '*…ほか {n} グループ*',
  'gaps.moreGroups_other': '*…ほか {n} グループ*',
};
