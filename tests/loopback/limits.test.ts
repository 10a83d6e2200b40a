import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMITS, LOCALES, validateChoices, validateCommands, validateMessage } from './limits.js';

const spec = JSON.parse(
  readFileSync(new URL('./vendor/discord-api-spec/limits.json', import.meta.url), 'utf8'),
) as Record<string, Record<string, SpecLimits>> & { AvailableLocalesEnum: string[] };

interface SpecLimits {
  maxLength?: number;
  maxItems?: number;
  minItems?: number;
  maxProperties?: number;
  additionalProperties?: { minLength?: number; maxLength?: number };
}

const codeAt = (result: ReturnType<typeof validateMessage>): number | undefined =>
  (result?.body as { code?: number } | undefined)?.code;

describe('payload limits', () => {
  it('agree with the vendored Discord OpenAPI excerpt', () => {
    expect(spec.IncomingWebhookRequestPartial?.content?.maxLength).toBe(LIMITS.content);
    expect(spec.IncomingWebhookRequestPartial?.embeds?.maxItems).toBe(LIMITS.embeds);
    expect(spec.RichEmbed?.title?.maxLength).toBe(LIMITS.embedTitle);
    expect(spec.RichEmbed?.description?.maxLength).toBe(LIMITS.embedDescription);
    expect(spec.RichEmbed?.fields?.maxItems).toBe(LIMITS.embedFields);
    expect(spec.RichEmbed?.url?.maxLength).toBe(LIMITS.embedUrl);
    expect(spec.RichEmbedField?.name?.maxLength).toBe(LIMITS.embedFieldName);
    expect(spec.RichEmbedField?.value?.maxLength).toBe(LIMITS.embedFieldValue);
    expect(spec.RichEmbedFooter?.text?.maxLength).toBe(LIMITS.embedFooter);
    expect(spec.RichEmbedAuthor?.name?.maxLength).toBe(LIMITS.embedAuthor);
    expect(spec.ButtonComponentForMessageRequest?.custom_id?.maxLength).toBe(LIMITS.customId);
    expect(spec.ButtonComponentForMessageRequest?.label?.maxLength).toBe(LIMITS.buttonLabel);
    expect(spec.ButtonComponentForMessageRequest?.url?.maxLength).toBe(LIMITS.buttonUrl);
    expect(spec.ActionRowComponentForMessageRequest?.components?.maxItems).toBe(LIMITS.rowComponents);
    expect(spec.ApplicationCommandOptionStringChoice?.name?.maxLength).toBe(LIMITS.choiceName);
    expect(spec.ApplicationCommandCreateRequest?.name?.maxLength).toBe(LIMITS.commandName);
    expect(spec.ApplicationCommandCreateRequest?.options?.maxItems).toBe(LIMITS.commandOptions);
    for (const schema of [spec.ApplicationCommandCreateRequest, spec.ApplicationCommandStringOption]) {
      expect(schema?.name_localizations).toEqual({
        maxProperties: LIMITS.localizations,
        additionalProperties: { minLength: 1, maxLength: LIMITS.commandName },
      });
      expect(schema?.description_localizations).toEqual({
        maxProperties: LIMITS.localizations,
        additionalProperties: { minLength: 1, maxLength: LIMITS.commandDescription },
      });
    }
    expect(LOCALES).toEqual(spec.AvailableLocalesEnum);
  });

  it('accepts content at the limit, counted in code points, and refuses one more', () => {
    expect(validateMessage({ content: 'a'.repeat(2000) }, [], true)).toBeNull();
    // 2000 emoji are 4000 UTF-16 units but 2000 code points: Discord accepts them.
    expect(validateMessage({ content: '🛰'.repeat(2000) }, [], true)).toBeNull();
    expect(validateMessage({ content: 'a'.repeat(2001) }, ['data'], true)?.body).toMatchObject({
      code: 50035,
      message: 'Invalid Form Body',
      errors: { data: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } },
    });
  });

  it('refuses an empty new message with 50006 but allows a partial edit', () => {
    expect(codeAt(validateMessage({ content: '' }, [], true))).toBe(50006);
    expect(validateMessage({ components: [] }, [], false)).toBeNull();
  });

  it.each([
    ['11 embeds', { embeds: Array.from({ length: 11 }, () => ({ title: 't' })) }, ['embeds']],
    ['title 257', { embeds: [{ title: 't'.repeat(257) }] }, ['embeds', '0', 'title']],
    ['description 4097', { embeds: [{ description: 'd'.repeat(4097) }] }, ['embeds', '0', 'description']],
    [
      '26 fields',
      { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] },
      ['embeds', '0', 'fields'],
    ],
    [
      'field name 257',
      { embeds: [{ fields: [{ name: 'n'.repeat(257), value: 'v' }] }] },
      ['embeds', '0', 'fields', '0', 'name'],
    ],
    [
      'field value 1025',
      { embeds: [{ fields: [{ name: 'n', value: 'v'.repeat(1025) }] }] },
      ['embeds', '0', 'fields', '0', 'value'],
    ],
    [
      'empty field value',
      { embeds: [{ fields: [{ name: 'n', value: '' }] }] },
      ['embeds', '0', 'fields', '0', 'value'],
    ],
    ['footer 2049', { embeds: [{ footer: { text: 'f'.repeat(2049) } }] }, ['embeds', '0', 'footer', 'text']],
    [
      'total over 6000',
      { embeds: [{ description: 'd'.repeat(4000) }, { description: 'd'.repeat(2001) }] },
      ['embeds'],
    ],
    ['bad embed url', { embeds: [{ title: 't', url: 'not a url' }] }, ['embeds', '0', 'url']],
    [
      'custom_id 101',
      {
        components: [
          { type: 1, components: [{ type: 2, style: 1, label: 'l', custom_id: 'c'.repeat(101) }] },
        ],
      },
      ['components', '0', 'components', '0', 'custom_id'],
    ],
    [
      'label 81',
      {
        components: [{ type: 1, components: [{ type: 2, style: 1, label: 'l'.repeat(81), custom_id: 'c' }] }],
      },
      ['components', '0', 'components', '0', 'label'],
    ],
    [
      '6 buttons in a row',
      {
        components: [
          {
            type: 1,
            components: Array.from({ length: 6 }, (_, i) => ({
              type: 2,
              style: 1,
              label: 'l',
              custom_id: `c${i}`,
            })),
          },
        ],
      },
      ['components', '0', 'components'],
    ],
    [
      '6 rows',
      {
        components: Array.from({ length: 6 }, (_, i) => ({
          type: 1,
          components: [{ type: 2, style: 1, label: 'l', custom_id: `c${i}` }],
        })),
      },
      ['components'],
    ],
    [
      'duplicate custom_id',
      {
        components: [
          {
            type: 1,
            components: [
              { type: 2, style: 1, label: 'a', custom_id: 'same' },
              { type: 2, style: 1, label: 'b', custom_id: 'same' },
            ],
          },
        ],
      },
      ['components', '0', 'components', '1', 'custom_id'],
    ],
    [
      'link button with custom_id',
      {
        components: [
          { type: 1, components: [{ type: 2, style: 5, label: 'l', url: 'https://x.test', custom_id: 'c' }] },
        ],
      },
      ['components', '0', 'components', '0', 'custom_id'],
    ],
  ])('refuses %s with 50035 at the right path', (_name, payload, path) => {
    const result = validateMessage(payload, [], true);
    if (!result) throw new Error('expected a refusal');
    expect(result.status).toBe(400);
    let node: unknown = (result.body as { errors: unknown }).errors;
    for (const key of path) node = (node as Record<string, unknown>)[key];
    expect((node as { _errors: unknown[] })._errors.length).toBeGreaterThan(0);
  });

  it('accepts a full, valid embed with buttons', () => {
    const payload = {
      content: 'answer',
      embeds: [
        {
          title: 't'.repeat(256),
          url: 'https://www.nasa.gov/',
          description: 'd'.repeat(4096),
          fields: [{ name: 'n', value: 'v'.repeat(1024) }],
          footer: { text: 'corpus abc123' },
        },
      ],
      components: [
        {
          type: 1,
          components: [
            { type: 2, style: 2, label: 'More sources', custom_id: 'more:x' },
            { type: 2, style: 5, label: 'Source', url: 'https://www.nasa.gov/' },
          ],
        },
      ],
    };
    expect(validateMessage(payload, [], true)).toBeNull();
  });

  it('checks autocomplete choices: at most 25, names 1-100', () => {
    const ok = Array.from({ length: 25 }, (_, i) => ({ name: `n${i}`, value: `v${i}` }));
    expect(validateChoices(ok, ['data', 'choices'])).toBeNull();
    expect(validateChoices([...ok, { name: 'x', value: 'x' }], ['data', 'choices'])?.status).toBe(400);
    expect(validateChoices([{ name: 'n'.repeat(101), value: 'v' }], [])?.status).toBe(400);
    expect(validateChoices([{ name: '', value: 'v' }], [])?.status).toBe(400);
  });

  it('checks command definitions like Discord', () => {
    const ask = {
      name: 'ask',
      description: 'Ask',
      options: [
        { type: 3, name: 'question', description: 'q', required: true, max_length: 300 },
        { type: 5, name: 'private', description: 'p' },
      ],
    };
    expect(validateCommands([ask])).toBeNull();
    expect(validateCommands([ask, ask])?.status).toBe(400);
    const misordered = {
      ...ask,
      options: [...ask.options].reverse().map((o) => ({ ...o, required: o.name === 'question' })),
    };
    expect(validateCommands([misordered])?.status).toBe(400);
    expect(validateCommands([{ name: 'x'.repeat(33), description: 'd' }])?.status).toBe(400);
    expect(validateCommands([{ name: 'ok', description: 'd'.repeat(101) }])?.status).toBe(400);
  });

  it('checks name and description localizations: known locales, names as names, descriptions 1-100', () => {
    const localized = (extra: Record<string, unknown>) => [
      {
        name: 'ask',
        description: 'Ask',
        name_localizations: { ja: '質問' },
        description_localizations: { ja: '質問する' },
        options: [{ type: 3, name: 'question', description: 'q', ...extra }],
      },
    ];
    const errorsOf = (extra: Record<string, unknown>) =>
      (validateCommands(localized(extra))?.body as { errors?: unknown } | undefined)?.errors;
    expect(validateCommands(localized({ name_localizations: { ja: '質問', 'en-GB': 'query' } }))).toBeNull();
    expect(errorsOf({ name_localizations: { jp: '質問' } })).toEqual({
      0: {
        options: {
          0: {
            name_localizations: {
              jp: {
                _errors: [{ code: 'ENUM_TYPE_COERCE', message: 'Value "jp" is not a valid enum value.' }],
              },
            },
          },
        },
      },
    });
    expect(errorsOf({ name_localizations: { ja: 'Question' } })).toMatchObject({
      0: {
        options: {
          0: { name_localizations: { ja: { _errors: [{ code: 'APPLICATION_COMMAND_INVALID_NAME' }] } } },
        },
      },
    });
    expect(errorsOf({ name_localizations: { ja: '質問 する' } })).toBeDefined();
    expect(errorsOf({ name_localizations: { ja: 'あ'.repeat(33) } })).toBeDefined();
    expect(errorsOf({ description_localizations: { ja: '' } })).toMatchObject({
      0: {
        options: {
          0: { description_localizations: { ja: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] } } },
        },
      },
    });
    expect(errorsOf({ description_localizations: { ja: 'あ'.repeat(101) } })).toBeDefined();
    expect(errorsOf({ description_localizations: 'ja' })).toMatchObject({
      0: { options: { 0: { description_localizations: { _errors: [{ code: 'DICT_TYPE_CONVERT' }] } } } },
    });
  });
});
