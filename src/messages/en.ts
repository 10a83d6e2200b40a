/**
 * English replies: the catalogue every other language follows. Keys are `<where>.<what>`; `{name}` is a
 * placeholder; `<key>_one` / `<key>_other` are the plural forms of a count `{n}`.
 */
export const en = {
  // The bot's boundary: admission, dispatch and failures.
  'bot.restarting': 'The bot is restarting; please try again in a moment.',
  'bot.cooldown':
    'Slow down: you can use the bot {requests} times every {seconds} seconds. Try again in {retry} s.',
  'bot.commandGone': 'This command is not available any more.',
  'bot.buttonGone': 'This button no longer works.',
  'bot.failed': 'Something went wrong while answering. It has been logged; please try again.',

  // Refused input (UserInputError reasons); the English is the error's own message, word for word.
  'error.questionEmpty': 'Please type a question: this one is empty.',
  'error.questionTooLong':
    'Questions can be at most {max} characters; this one has {length}. Please shorten it.',
  'error.questionNoWords': 'Please ask with words: this question has no letters or numbers to search for.',
  'error.speakerEmpty': 'Please name a speaker: a name, a surname or a title works.',
  'error.speakerEmptyExample':
    'Please name a speaker, for example "{example}": a name, a surname or a title works.',
  'error.speakerTooLong': 'That speaker is {length} characters long; please keep it under {max} characters.',
  'error.topicTooLong': 'That topic is {length} characters long; please keep it under {max} characters.',

  // /ask
  'ask.feedbackThanks': 'Thanks, your feedback was recorded.',
  'ask.buttonGone': 'This button no longer works; please ask again.',

  // /quote
  'quote.noSpeaker': 'Please name a speaker, e.g. “{example}”.',
  'quote.buttonGone': 'This button no longer works; please use /quote again.',
  'quote.choice_one': '{speaker} ({n} quote)',
  'quote.choice_other': '{speaker} ({n} quotes)',
  'quote.noMatch': 'No quoted speaker matches “{typed}”',

  // /corpus (moderators)
  'corpus.notModerator':
    'Only members with the Manage Server permission or a moderator role can manage the corpus.',
  'corpus.subcommandGone': 'This subcommand is not available any more.',
  'corpus.reloadRunning': 'A corpus reload is already running; try again when it has finished.',
  'corpus.reloadTimeout':
    'The reload took longer than {limit} and was stopped; nothing changed (the corpus folder may hold a file that cannot be read, or be too large).',
  'corpus.added': 'Added {file} ({bytes} bytes): {ids}.',
  'corpus.addedMore': 'and {n} more',
  'corpus.replaced': ' It replaced {files} (now in the trash).',
  'corpus.removed': 'Removed “{id}”: {file} is in the trash (restore brings it back).',
  'corpus.restored': 'Restored “{id}” ({file}).',
  'corpus.removedChoice': '{document} (removed {when} UTC)',
  'corpus.noMatch': 'No document matches “{typed}”',
  'corpus.replacedChoice': '{document} (replaced {when} UTC)',

  // /ask replies
  'ask.footer': 'Corpus {version} · Asked: {question}',
  'ask.citation': '{title}, ¶{paragraph}',
  'ask.source': 'Source: {citation}',
  'ask.helpful': 'Helpful',
  'ask.notHelpful': 'Not helpful',
  'ask.notCoveredTitle': 'Not covered by the corpus',
  'ask.notCovered': 'The corpus does not cover this question, so there is no cited answer to give.',
  'ask.topics': '**Topics it does cover:**',
  'ask.seeSources': 'Use `/sources` to see what the corpus contains.',
  'ask.answerTitle': 'Answer from the corpus',
  'ask.moreSources': 'More sources',
  'ask.readSource': 'Read the source',
  'ask.noMoreSources': 'There are no more sources for this question.',
  'ask.moreSourcesTitle': 'More sources ({from}–{to})',
  'ask.corpusChanged':
    'The corpus changed since this answer (version {asked} → {current}); these sources come from the current one.',

  // /quote replies
  'quote.footer': 'Corpus {version} · Page {page}/{pages} · Speaker: {speaker}',
  'quote.footerAbout': 'Corpus {version} · Page {page}/{pages} · Speaker: {speaker} · About: {about}',
  'quote.quotedPeople': '**Quoted people include:** {names}',
  'quote.neverQuoted': '{who} is mentioned in the corpus but never quoted.',
  'quote.nobody': 'No one called “{who}” is quoted in the corpus.',
  'quote.notFoundTitle': 'No quote found',
  'quote.about': ' on “{about}”',
  'quote.title_one': 'Quote',
  'quote.title_other': 'Quotes ({n})',
  'quote.previous': 'Previous',
  'quote.next': 'Next',

  // /sources
  'sources.title_one': 'Sources ({n} document)',
  'sources.title_other': 'Sources ({n} documents)',
  'sources.passages_one': '{n} passage',
  'sources.passages_other': '{n} passages',
  'sources.quotes_one': '{n} quote',
  'sources.quotes_other': '{n} quotes',
  'sources.more': '*…and {n} more.*',
  'sources.empty': 'The corpus is empty.',
  'sources.footer': 'Corpus {version} · {passages} passages · {quotes}',

  // Footers
  'footer.corpus': 'Corpus {version}',

  // /corpus reports
  'corpus.reloaded':
    'Corpus reloaded: version {from} → {to}. {documents} documents, {passages} passages, {quotes} quotes ({ms} ms).',
  'corpus.moreChanged_one': '…and {n} more changed document.',
  'corpus.moreChanged_other': '…and {n} more changed documents.',
  'corpus.shardsUnasked':
    'The other shards could not be asked to reload ({error}); they reload on their own triggers (SIGHUP, CORPUS_WATCH).',
  'corpus.shard': 'shard {shards}: {outcome}',
  'corpus.shardReloaded': 'reloaded ({version})',
  'corpus.shardBusy': 'busy with another reload',
  'corpus.shardFailed': 'failed (see its log)',
  'corpus.shardsNotReached_one':
    ' Not reached: {n} shard on other hosts (they reload on their own SIGHUP or CORPUS_WATCH).',
  'corpus.shardsNotReached_other':
    ' Not reached: {n} shards on other hosts (they reload on their own SIGHUP or CORPUS_WATCH).',
  'corpus.noOtherShards': 'none on this host',
  'corpus.otherShards': 'Other shards: {list}.{rest}',
  'corpus.reloadFailed_one':
    'The reload failed, so nothing changed: the current corpus (version {version}) keeps answering. {n} problem:',
  'corpus.reloadFailed_other':
    'The reload failed, so nothing changed: the current corpus (version {version}) keeps answering. {n} problems:',
  'corpus.moreProblems_one': '…and {n} more problem.',
  'corpus.moreProblems_other': '…and {n} more problems.',
  'corpus.unchanged': 'Nothing changed: the corpus is still version {version}.',

  // /corpus gaps
  'gaps.period_one': 'the last {n} day',
  'gaps.period_other': 'the last {n} days',
  'gaps.recordsOff':
    'Records are off (the records database is unavailable; see the bot log), so no abstentions or 👎 are kept and there are no gaps to show.',
  'gaps.none': 'No unanswered questions and no 👎 answers in {period}: no gaps to show (corpus {version}).',
  'gaps.unanswered': '{n} unanswered',
  'gaps.line': '{rank}. **{count}×** “{example}” — {why} · last {date}',
  'gaps.title': 'Gaps in {period}: {groups} of similar questions',
  'gaps.groups_one': '{n} group',
  'gaps.groups_other': '{n} groups',
  'gaps.head_one': '{n} question the corpus did not answer or answered badly, most frequent first:',
  'gaps.head_other': '{n} questions the corpus did not answer or answered badly, most frequent first:',
  'gaps.moreGroups_one': '*…and {n} more group.*',
  'gaps.moreGroups_other': '*…and {n} more groups.*',

  // The local console and the CLIs (plain text)
  'console.answer': 'Answer: {text}',
  'console.citation': '{title}, paragraph {paragraph}',
  'console.notCovered': 'The corpus does not cover that question.',
  'console.covers': 'It does cover, for example:',
  'console.sources': 'Sources:',
  'console.closest': 'Closest passages:',
  'console.version': 'corpus {version}',
  'console.quotes_one': '{who}: {n} quote',
  'console.quotes_other': '{who}: {n} quotes',
  'console.neverQuoted': '"{query}" appears in the corpus but is never quoted.',
  'console.nobody': 'No one called "{query}" is quoted in the corpus.',
  'console.quotedSpeakers': 'Quoted speakers: {names}',
  'console.documents_one': '{n} document in the corpus ({version}):',
  'console.documents_other': '{n} documents in the corpus ({version}):',
  'console.source': '- {title} [{kind}{date}] {passages} passages{url}',
  'console.askUsage': '/ask <question>',
  'console.askSummary': 'answer a question from the corpus, with cited excerpts',
  'console.quoteUsage': '/quote <speaker> [about: <topic>]',
  'console.quoteSummary': 'every quote of a speaker, found by any of their names',
  'console.sourcesSummary': 'the documents in the corpus',
  'console.reloadSummary': 'reload the corpus folder (all or nothing)',
  'console.helpSummary': 'this list',
  'console.exitSummary': 'leave',
  'console.help': 'Commands (a line without a command is asked as a question):',
  'console.unknown': 'Unknown command "/{name}". Type /help for the list.',
  'console.reloaded':
    'Reloaded: {documents} documents, {passages} passages, {quotes} quotes in {ms} ms (corpus {from} → {to}).',
  'console.echoCut': '{text}… (cut: the line has {length} characters)',
  'console.failed': 'Something went wrong while answering; the details are in the log.',
  'console.welcome': 'Accord console. Ask a question, or type /help. /exit leaves.',
  'console.noDiscord': 'Discord is not configured (no DISCORD_TOKEN): running the local console on {dir}.',
  'cli.internalError': 'internal error (see the log)',
  'cli.problems_one': '{n} problem in {dir}',
  'cli.problems_other': '{n} problems in {dir}',
  'cli.problemsReload_one': '{n} problem in {dir}: a reload would fail and change nothing',
  'cli.problemsReload_other': '{n} problems in {dir}: a reload would fail and change nothing',
  'cli.corpusOk': 'ok: {documents}, {passages}, {speakers}, {terms} (version {version})',
  'cli.documents_one': '{n} document',
  'cli.documents_other': '{n} documents',
  'cli.passages_one': '{n} passage',
  'cli.passages_other': '{n} passages',
  'cli.speakers_one': '{n} speaker',
  'cli.speakers_other': '{n} speakers',
  'cli.terms_one': '{n} glossary term',
  'cli.terms_other': '{n} glossary terms',
  'cli.noManifest': 'no live manifest ({file}) in {dir}: every passage counts as added',
  'cli.liveToFolder': 'live {live} → folder {folder}',
} as const;

/** A catalogue: a text for every English key (a missing one is a type error). */
export type Catalogue = { readonly [K in keyof typeof en]: string };
