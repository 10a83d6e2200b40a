import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandLoadError, loadCommands, validateCommandModule } from '../../src/discord/registry.js';
import { validateCommands } from '../loopback/limits.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'accord-commands-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

/** Japanese name and description, as every command and option must have. */
const JA = { name_localizations: { ja: 'ピン' }, description_localizations: { ja: 'ピンを打つ' } };

const GOOD = `export const data = { name: 'ping', toJSON: () => ({ name: 'ping', description: 'p', ...${JSON.stringify(JA)} }) };
export async function execute() {}`;

describe('command registry', () => {
  it('loads the four commands from commands/, valid for Discord', async () => {
    const registry = await loadCommands();
    expect(registry.names.sort()).toEqual(['ask', 'corpus', 'quote', 'sources']);
    const body = registry.toJSON();
    expect(validateCommands(body)).toBeNull();
    const ask = body.find((c) => c.name === 'ask');
    expect(ask?.options).toMatchObject([
      { name: 'question', type: 3, required: true, max_length: 300 },
      { name: 'private', type: 5 },
    ]);
    const quote = body.find((c) => c.name === 'quote');
    expect(quote?.options?.[0]).toMatchObject({ name: 'speaker', required: true, autocomplete: true });
    const corpus = body.find((c) => c.name === 'corpus');
    expect(corpus?.default_member_permissions).toBe('32');
    expect(corpus?.options).toMatchObject([
      { name: 'reload', type: 1 },
      {
        name: 'add',
        type: 1,
        options: [
          { name: 'file', type: 11, required: true },
          { name: 'replace', type: 5 },
        ],
      },
      {
        name: 'remove',
        type: 1,
        options: [{ name: 'document', autocomplete: true }, { name: 'whole_file' }],
      },
      { name: 'restore', type: 1, options: [{ name: 'document', autocomplete: true }] },
      { name: 'gaps', type: 1, options: [{ name: 'days', type: 4, min_value: 1, max_value: 365 }] },
    ]);
  });

  it('gives every command, subcommand and option a Japanese name and description', async () => {
    const body = (await loadCommands()).toJSON();
    type Item = {
      name: string;
      name_localizations?: unknown;
      description_localizations?: unknown;
      options?: Item[];
    };
    const all = (items: Item[]): Item[] => items.flatMap((i) => [i, ...all(i.options ?? [])]);
    const items = all(body as Item[]);
    // 4 commands, 5 subcommands, 11 options.
    expect(items).toHaveLength(20);
    for (const item of items) {
      expect(item.name_localizations, item.name).toEqual({
        ja: expect.stringMatching(/^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー]+$/u),
      });
      expect(item.description_localizations, item.name).toEqual({
        ja: expect.stringMatching(/\p{sc=Hiragana}|\p{sc=Katakana}|\p{sc=Han}/u),
      });
    }
    const ask = body.find((c) => c.name === 'ask');
    expect(ask?.name_localizations).toEqual({ ja: '質問' });
    expect(ask?.options?.map((o) => o.name_localizations?.ja)).toEqual(['質問内容', '非公開']);
  });

  it('refuses a command or option without its Japanese name or description, saying which', () => {
    const command = (json: object) => ({ data: { name: 'q', toJSON: () => json }, execute() {} });
    expect(() => validateCommandModule(command({ name: 'q', description: 'd' }), 'q.ts')).toThrow(
      new CommandLoadError('q.ts', 'the command has no Japanese name (name_localizations.ja)'),
    );
    expect(() =>
      validateCommandModule(command({ name: 'q', name_localizations: { ja: 'き' } }), 'q.ts'),
    ).toThrow(
      new CommandLoadError('q.ts', 'the command has no Japanese description (description_localizations.ja)'),
    );
    const sub = { name: 'add', ...JA, options: [{ name: 'file', name_localizations: { ja: 'ファイル' } }] };
    expect(() => validateCommandModule(command({ name: 'q', ...JA, options: [sub] }), 'q.ts')).toThrow(
      new CommandLoadError(
        'q.ts',
        'option "add file" has no Japanese description (description_localizations.ja)',
      ),
    );
  });

  it('rejects a module without execute, naming the file', async () => {
    const dir = await folder({
      'good.js': GOOD,
      'broken.js': `export const data = { name: 'broken', toJSON: () => ({}) };`,
    });
    await expect(loadCommands(dir)).rejects.toThrow(/broken\.js: does not export an `execute` function/);
  });

  it('rejects a module whose import fails, naming the file', async () => {
    const dir = await folder({ 'crash.js': `throw new Error('boom');` });
    const err = await loadCommands(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CommandLoadError);
    expect((err as CommandLoadError).file).toMatch(/crash\.js$/);
    expect((err as Error).message).toMatch(/failed to import: boom/);
  });

  it('rejects duplicate command names, naming both files', async () => {
    const dir = await folder({ 'a.js': GOOD, 'b.js': GOOD });
    await expect(loadCommands(dir)).rejects.toThrow(/b\.js: command name "ping" is already used by .*a\.js/);
  });

  it('ignores test files and checks autocomplete handlers and names', () => {
    expect(() =>
      validateCommandModule({ data: { name: 'Bad Name', toJSON: () => ({}) }, execute() {} }, 'x.ts'),
    ).toThrow(/x\.ts: `data.name` must be/);
    const auto = {
      data: { name: 'q', toJSON: () => ({ name: 'q', ...JA, options: [{ autocomplete: true, ...JA }] }) },
      execute() {},
    };
    expect(() => validateCommandModule(auto, 'q.ts')).toThrow(
      /q\.ts: has autocomplete options but no `autocomplete`/,
    );
  });
});
