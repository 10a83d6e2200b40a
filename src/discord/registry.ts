import { readdir } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { PROJECT_ROOT } from '../config.js';
import type { Command } from './command.js';

/** A command module that does not satisfy {@link Command}; names the file. */
export class CommandLoadError extends Error {
  override name = 'CommandLoadError';
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

const NAME = /^[-_a-z0-9]{1,32}$/;

/** A command or option as its JSON has it, as far as localizations go. */
interface Localizable {
  name?: unknown;
  name_localizations?: Record<string, unknown> | null;
  description_localizations?: Record<string, unknown> | null;
  options?: unknown;
}

/**
 * The first of the command and its options (subcommands included) without a Japanese (`ja`) name or
 * description, said as a reason, or null when all have both: Japanese members see the commands in
 * Japanese, so a new option cannot forget them.
 */
function withoutJapanese(item: Localizable, path = ''): string | null {
  const what = path ? `option "${path}"` : 'the command';
  for (const field of ['name_localizations', 'description_localizations'] as const) {
    const ja = item[field]?.ja;
    if (typeof ja !== 'string' || ja.trim() === '') {
      return `${what} has no Japanese ${field === 'name_localizations' ? 'name' : 'description'} (${field}.ja)`;
    }
  }
  for (const option of Array.isArray(item.options) ? (item.options as Localizable[]) : []) {
    const reason = withoutJapanese(option, path ? `${path} ${String(option.name)}` : String(option.name));
    if (reason) return reason;
  }
  return null;
}

/** Checks at run time what `satisfies Command` checks at compile time, for modules loaded by path. */
export function validateCommandModule(mod: unknown, file: string): Command {
  if (typeof mod !== 'object' || mod === null) throw new CommandLoadError(file, 'is not a module');
  const m = mod as Record<string, unknown>;
  const data = m.data as { name?: unknown; toJSON?: unknown } | undefined;
  if (typeof data !== 'object' || data === null) {
    throw new CommandLoadError(file, 'does not export `data` (a SlashCommandBuilder)');
  }
  if (typeof data.toJSON !== 'function') throw new CommandLoadError(file, '`data` has no toJSON()');
  if (typeof data.name !== 'string' || !NAME.test(data.name)) {
    throw new CommandLoadError(file, '`data.name` must be 1-32 lowercase letters, digits, - or _');
  }
  if (typeof m.execute !== 'function')
    throw new CommandLoadError(file, 'does not export an `execute` function');
  for (const optional of ['autocomplete', 'button', 'buttonDeferral'] as const) {
    if (m[optional] !== undefined && typeof m[optional] !== 'function') {
      throw new CommandLoadError(file, `\`${optional}\` must be a function`);
    }
  }
  if (m.privateReplies !== undefined && typeof m.privateReplies !== 'boolean') {
    throw new CommandLoadError(file, '`privateReplies` must be a boolean');
  }
  let json: RESTPostAPIChatInputApplicationCommandsJSONBody;
  try {
    json = (data.toJSON as () => RESTPostAPIChatInputApplicationCommandsJSONBody)();
  } catch (err) {
    throw new CommandLoadError(file, `data.toJSON() failed: ${(err as Error).message}`);
  }
  const untranslated = withoutJapanese(json);
  if (untranslated) throw new CommandLoadError(file, untranslated);
  const usesAutocomplete = JSON.stringify(json).includes('"autocomplete":true');
  if (usesAutocomplete && typeof m.autocomplete !== 'function') {
    throw new CommandLoadError(file, 'has autocomplete options but no `autocomplete` function');
  }
  return m as unknown as Command;
}

/** The commands, by name; one source for dispatch and deployment. */
export class CommandRegistry {
  private readonly byName = new Map<string, Command>();

  constructor(commands: Iterable<{ command: Command; file: string }>) {
    const files = new Map<string, string>();
    for (const { command, file } of commands) {
      const name = command.data.name;
      const other = files.get(name);
      if (other) throw new CommandLoadError(file, `command name "${name}" is already used by ${other}`);
      files.set(name, file);
      this.byName.set(name, command);
    }
  }

  get(name: string): Command | undefined {
    return this.byName.get(name);
  }

  get names(): string[] {
    return [...this.byName.keys()];
  }

  /** Bodies for `PUT /applications/:app/(guilds/:guild/)commands`. */
  toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
    return [...this.byName.values()].map((c) => c.data.toJSON());
  }
}

/** The `commands/` folder beside this code: the project's, or its compiled copy in dist/ under `npm start`. */
export const COMMANDS_DIR = fileURLToPath(new URL('../../commands', import.meta.url));

/** Imports every command module in `dir` (`*.ts`/`*.js`, tests and declarations excluded) and validates it. */
export async function loadCommands(dir: string = COMMANDS_DIR): Promise<CommandRegistry> {
  const entries = (await readdir(dir)).filter(
    (f) => /\.(ts|js|mjs)$/.test(f) && !/\.(test|spec|d)\.[mc]?[tj]s$/.test(f) && !f.startsWith('_'),
  );
  entries.sort();
  const loaded: Array<{ command: Command; file: string }> = [];
  for (const entry of entries) {
    const path = join(dir, entry);
    const rel = relative(PROJECT_ROOT, path);
    const file = rel.startsWith('..') || isAbsolute(rel) ? path : rel;
    let mod: unknown;
    try {
      mod = await import(pathToFileURL(path).href);
    } catch (err) {
      throw new CommandLoadError(file, `failed to import: ${(err as Error).message}`);
    }
    loaded.push({ command: validateCommandModule(mod, file), file });
  }
  return new CommandRegistry(loaded);
}
