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

  // /ask
  'ask.feedbackThanks': 'Thanks, your feedback was recorded.',
  'ask.buttonGone': 'This button no longer works; please ask again.',

  // /quote
  'quote.noSpeaker': 'Please name a speaker, e.g. “{example}”.',
  'quote.buttonGone': 'This button no longer works; please use /quote again.',
  'quote.choice_one': '{speaker} ({n} quote)',
  'quote.choice_other': '{speaker} ({n} quotes)',

  // /corpus (moderators)
  'corpus.notModerator':
    'Only members with the Manage Server permission or a moderator role can manage the corpus.',
  'corpus.subcommandGone': 'This subcommand is not available any more.',
  'corpus.reloadRunning': 'A corpus reload is already running; try again when it has finished.',
  'corpus.added': 'Added {file} ({bytes} bytes): {ids}.',
  'corpus.addedMore': 'and {n} more',
  'corpus.replaced': ' It replaced {files} (now in the trash).',
  'corpus.removed': 'Removed “{id}”: {file} is in the trash (restore brings it back).',
  'corpus.restored': 'Restored “{id}” ({file}).',
  'corpus.removedChoice': '{document} (removed {when} UTC)',
} as const;

/** A catalogue: a text for every English key (a missing one is a type error). */
export type Catalogue = { readonly [K in keyof typeof en]: string };
