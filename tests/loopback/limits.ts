/**
 * Discord's payload limits, enforced the way the real API reports them: HTTP 400 with
 * `{ code: 50035, message: "Invalid Form Body", errors: { <path>: { _errors: [...] } } }`.
 *
 * Limits follow discord.com/developers/docs (messages, embeds, components, application commands,
 * autocomplete); limits.test.ts checks them against the excerpt of discord-api-spec's openapi.json
 * (MIT) vendored in vendor/discord-api-spec. Where the two differ (choice `value`: docs 100, spec
 * 6000) the stricter documented limit is used. Lengths are
 * counted in Unicode code points, as Discord's API does; callers that truncate by UTF-16 code units
 * are therefore always on the safe side.
 */

/** One error at a path, as Discord reports it. */
export interface FieldError {
  code: string;
  message: string;
}

/** Discord's nested error tree: object keys are field names or array indices. */
export interface ErrorTree {
  _errors?: FieldError[];
  [key: string]: ErrorTree | FieldError[] | undefined;
}

/** Discord's documented limits, in one place so tests can reference them. */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedAuthor: 256,
  embedTotal: 6000,
  embedUrl: 2048,
  customId: 100,
  buttonLabel: 80,
  buttonUrl: 512,
  rowComponents: 5,
  rows: 5,
  selectOptions: 25,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
  commands: 100,
  /** Locales one `name_localizations` / `description_localizations` dictionary may hold. */
  localizations: 34,
} as const;

/** The locales Discord accepts as keys of localization dictionaries (its `AvailableLocalesEnum`). */
export const LOCALES: readonly string[] = [
  'ar',
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en-GB',
  'en-US',
  'es-419',
  'es-ES',
  'fi',
  'fr',
  'he',
  'hi',
  'hr',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'lt',
  'nl',
  'no',
  'pl',
  'pt-BR',
  'ro',
  'ru',
  'sv-SE',
  'th',
  'tr',
  'uk',
  'vi',
  'zh-CN',
  'zh-TW',
];

const MESSAGE_FLAGS_COMPONENTS_V2 = 1 << 15;

/** Collects errors into Discord's error tree. */
export class FormErrors {
  readonly tree: ErrorTree = {};
  private count = 0;

  get empty(): boolean {
    return this.count === 0;
  }

  add(path: ReadonlyArray<string | number>, code: string, message: string): void {
    let node: ErrorTree = this.tree;
    for (const key of path) {
      const k = String(key);
      let next = node[k];
      if (next === undefined || Array.isArray(next)) {
        next = {};
        node[k] = next;
      }
      node = next;
    }
    node._errors ??= [];
    node._errors.push({ code, message });
    this.count++;
  }

  /** The body Discord answers with. */
  body(): { code: 50035; message: 'Invalid Form Body'; errors: ErrorTree } {
    return { code: 50035, message: 'Invalid Form Body', errors: this.tree };
  }
}

type Path = ReadonlyArray<string | number>;

/** Length in code points, as Discord counts. */
export function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function maxLength(errors: FormErrors, path: Path, value: unknown, max: number): number {
  if (value === undefined || value === null) return 0;
  if (typeof value !== 'string') {
    errors.add(path, 'BASE_TYPE_STRING', 'Must be a string.');
    return 0;
  }
  const n = codePoints(value);
  if (n > max) errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  return n;
}

function lengthBetween(errors: FormErrors, path: Path, value: unknown, min: number, max: number): void {
  if (typeof value !== 'string') {
    errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
    return;
  }
  const n = codePoints(value);
  if (n < min || n > max) {
    errors.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
  }
}

function requiredText(errors: FormErrors, path: Path, value: unknown, max: number): number {
  if (typeof value !== 'string' || value.length === 0) {
    errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
    return 0;
  }
  return maxLength(errors, path, value, max);
}

function wellFormedUrl(
  errors: FormErrors,
  path: Path,
  value: unknown,
  max: number = LIMITS.embedUrl,
  schemes = ['http:', 'https:'],
): void {
  if (value === undefined || value === null) return;
  if (typeof value === 'string' && codePoints(value) > max) {
    errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
    return;
  }
  let ok = false;
  if (typeof value === 'string') {
    try {
      ok = schemes.includes(new URL(value).protocol);
    } catch {
      ok = false;
    }
  }
  if (!ok) errors.add(path, 'URL_TYPE_INVALID_URL', 'Not a well formed URL.');
}

function validateEmbed(errors: FormErrors, path: Path, embed: unknown): number {
  if (!isRecord(embed)) {
    errors.add(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    return 0;
  }
  let total = 0;
  total += maxLength(errors, [...path, 'title'], embed.title, LIMITS.embedTitle);
  total += maxLength(errors, [...path, 'description'], embed.description, LIMITS.embedDescription);
  wellFormedUrl(errors, [...path, 'url'], embed.url);
  if (isRecord(embed.footer)) {
    total += requiredText(errors, [...path, 'footer', 'text'], embed.footer.text, LIMITS.embedFooter);
  }
  if (isRecord(embed.author)) {
    total += requiredText(errors, [...path, 'author', 'name'], embed.author.name, LIMITS.embedAuthor);
    wellFormedUrl(errors, [...path, 'author', 'url'], embed.author.url);
  }
  if (embed.fields !== undefined) {
    if (!Array.isArray(embed.fields)) {
      errors.add([...path, 'fields'], 'BASE_TYPE_LIST', 'Must be a list.');
    } else {
      if (embed.fields.length > LIMITS.embedFields) {
        errors.add(
          [...path, 'fields'],
          'BASE_TYPE_MAX_LENGTH',
          `Must be ${LIMITS.embedFields} or fewer in length.`,
        );
      }
      embed.fields.forEach((field: unknown, i: number) => {
        const fp = [...path, 'fields', i];
        if (!isRecord(field)) {
          errors.add(fp, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
          return;
        }
        total += requiredText(errors, [...fp, 'name'], field.name, LIMITS.embedFieldName);
        total += requiredText(errors, [...fp, 'value'], field.value, LIMITS.embedFieldValue);
      });
    }
  }
  return total;
}

function validateButton(errors: FormErrors, path: Path, c: Record<string, unknown>, ids: Set<string>): void {
  maxLength(errors, [...path, 'label'], c.label, LIMITS.buttonLabel);
  if (c.label === undefined && c.emoji === undefined) {
    errors.add(path, 'BUTTON_COMPONENT_INVALID', 'A button must have a label or an emoji.');
  }
  if (c.style === 5) {
    if (c.custom_id !== undefined) {
      errors.add(
        [...path, 'custom_id'],
        'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED',
        'A link button cannot have a custom id.',
      );
    }
    if (c.url === undefined) errors.add([...path, 'url'], 'BASE_TYPE_REQUIRED', 'This field is required');
    wellFormedUrl(errors, [...path, 'url'], c.url, LIMITS.buttonUrl, ['http:', 'https:', 'discord:']);
  } else if (c.style !== 6) {
    customId(errors, path, c.custom_id, ids);
  }
}

function customId(errors: FormErrors, path: Path, value: unknown, ids: Set<string>): void {
  const p = [...path, 'custom_id'];
  if (typeof value !== 'string' || value.length === 0) {
    errors.add(p, 'BASE_TYPE_REQUIRED', 'This field is required');
    return;
  }
  if (codePoints(value) > LIMITS.customId) {
    errors.add(p, 'BASE_TYPE_BAD_LENGTH', `Must be between 1 and ${LIMITS.customId} in length.`);
  }
  if (ids.has(value)) {
    errors.add(p, 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
  }
  ids.add(value);
}

function validateComponents(errors: FormErrors, path: Path, rows: unknown, v2: boolean): void {
  if (!Array.isArray(rows)) {
    errors.add(path, 'BASE_TYPE_LIST', 'Must be a list.');
    return;
  }
  // Components v2 messages have a different layout model; only legacy rows are checked here.
  if (v2) return;
  if (rows.length > LIMITS.rows) {
    errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${LIMITS.rows} or fewer in length.`);
  }
  const ids = new Set<string>();
  rows.forEach((row: unknown, i: number) => {
    const rp = [...path, i];
    if (!isRecord(row) || row.type !== 1) {
      errors.add(rp, 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1,).');
      return;
    }
    const children = row.components;
    if (!Array.isArray(children)) {
      errors.add([...rp, 'components'], 'BASE_TYPE_REQUIRED', 'This field is required');
      return;
    }
    if (children.length === 0 || children.length > LIMITS.rowComponents) {
      errors.add(
        [...rp, 'components'],
        'BASE_TYPE_BAD_LENGTH',
        `Must be between 1 and ${LIMITS.rowComponents} in length.`,
      );
    }
    children.forEach((c: unknown, j: number) => {
      const cp = [...rp, 'components', j];
      if (!isRecord(c)) {
        errors.add(cp, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
        return;
      }
      if (c.type === 2) {
        validateButton(errors, cp, c, ids);
      } else if (c.type === 3 || (typeof c.type === 'number' && c.type >= 5 && c.type <= 8)) {
        customId(errors, cp, c.custom_id, ids);
        maxLength(errors, [...cp, 'placeholder'], c.placeholder, 150);
        if (Array.isArray(c.options) && c.options.length > LIMITS.selectOptions) {
          errors.add(
            [...cp, 'options'],
            'BASE_TYPE_MAX_LENGTH',
            `Must be ${LIMITS.selectOptions} or fewer in length.`,
          );
        }
      } else {
        errors.add([...cp, 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" is not a valid component.');
      }
    });
  });
}

/**
 * Checks a message payload (interaction response data, webhook execute/edit, channel message).
 * `create` also requires the message to have something to show, as Discord does (code 50006).
 * Returns the Discord error body, or `null` when the payload is acceptable.
 */
export function validateMessage(
  body: unknown,
  path: Path,
  create: boolean,
): { status: 400; body: Record<string, unknown> } | null {
  const errors = new FormErrors();
  if (!isRecord(body)) {
    if (create) return { status: 400, body: { code: 50006, message: 'Cannot send an empty message' } };
    return null;
  }
  maxLength(errors, [...path, 'content'], body.content, LIMITS.content);
  const flags = typeof body.flags === 'number' ? body.flags : 0;
  if (body.embeds !== undefined && body.embeds !== null) {
    if (!Array.isArray(body.embeds)) {
      errors.add([...path, 'embeds'], 'BASE_TYPE_LIST', 'Must be a list.');
    } else {
      if (body.embeds.length > LIMITS.embeds) {
        errors.add(
          [...path, 'embeds'],
          'BASE_TYPE_MAX_LENGTH',
          `Must be ${LIMITS.embeds} or fewer in length.`,
        );
      }
      let total = 0;
      body.embeds.forEach((e: unknown, i: number) => {
        total += validateEmbed(errors, [...path, 'embeds', i], e);
      });
      if (total > LIMITS.embedTotal) {
        errors.add(
          [...path, 'embeds'],
          'MAX_EMBED_SIZE_EXCEEDED',
          `Embed size exceeds maximum size of ${LIMITS.embedTotal}`,
        );
      }
    }
  }
  if (body.components !== undefined && body.components !== null) {
    validateComponents(
      errors,
      [...path, 'components'],
      body.components,
      (flags & MESSAGE_FLAGS_COMPONENTS_V2) !== 0,
    );
  }
  if (!errors.empty) return { status: 400, body: errors.body() };
  if (create && !hasVisibleContent(body)) {
    return { status: 400, body: { code: 50006, message: 'Cannot send an empty message' } };
  }
  return null;
}

/** True when a message payload would show something. */
export function hasVisibleContent(body: Record<string, unknown>): boolean {
  const nonEmpty = (v: unknown) => Array.isArray(v) && v.length > 0;
  return (
    (typeof body.content === 'string' && body.content.trim().length > 0) ||
    nonEmpty(body.embeds) ||
    nonEmpty(body.components) ||
    nonEmpty(body.attachments) ||
    nonEmpty(body.sticker_ids) ||
    body.poll !== undefined
  );
}

/** Checks an autocomplete result (`type: 8`, `data.choices`). */
export function validateChoices(
  choices: unknown,
  path: Path,
): { status: 400; body: Record<string, unknown> } | null {
  const errors = new FormErrors();
  if (!Array.isArray(choices)) {
    errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
    return { status: 400, body: errors.body() };
  }
  if (choices.length > LIMITS.choices) {
    errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${LIMITS.choices} or fewer in length.`);
  }
  choices.forEach((choice: unknown, i: number) => {
    validateChoice(errors, [...path, i], choice);
  });
  return errors.empty ? null : { status: 400, body: errors.body() };
}

function validateChoice(errors: FormErrors, path: Path, choice: unknown): void {
  if (!isRecord(choice)) {
    errors.add(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    return;
  }
  lengthBetween(errors, [...path, 'name'], choice.name, 1, LIMITS.choiceName);
  if (typeof choice.value === 'string') {
    lengthBetween(errors, [...path, 'value'], choice.value, 1, LIMITS.choiceValue);
  } else if (typeof choice.value !== 'number') {
    errors.add([...path, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required');
  }
}

const NAME_RE = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function validateCommandName(errors: FormErrors, path: Path, name: unknown): void {
  if (typeof name !== 'string' || !NAME_RE.test(name) || name !== name.toLowerCase()) {
    errors.add(path, 'APPLICATION_COMMAND_INVALID_NAME', `Command name is invalid`);
  }
}

/**
 * `name_localizations` and `description_localizations` of a command or option: keys are Discord
 * locales; a localized name follows the same rules as the name (1-32, lowercase, letters and digits of
 * any script, `-`, `_`), a localized description is 1-100 long.
 */
function validateLocalizations(errors: FormErrors, path: Path, item: Record<string, unknown>): void {
  const dictionaries = [
    ['name_localizations', (p: Path, v: unknown) => validateCommandName(errors, p, v)],
    [
      'description_localizations',
      (p: Path, v: unknown) => lengthBetween(errors, p, v, 1, LIMITS.commandDescription),
    ],
  ] as const;
  for (const [field, check] of dictionaries) {
    const dictionary = item[field];
    if (dictionary === undefined || dictionary === null) continue;
    if (!isRecord(dictionary)) {
      errors.add([...path, field], 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
      continue;
    }
    const entries = Object.entries(dictionary);
    if (entries.length > LIMITS.localizations) {
      errors.add(
        [...path, field],
        'BASE_TYPE_MAX_LENGTH',
        `Must be ${LIMITS.localizations} or fewer in length.`,
      );
    }
    for (const [locale, value] of entries) {
      if (!LOCALES.includes(locale)) {
        errors.add(
          [...path, field, locale],
          'ENUM_TYPE_COERCE',
          `Value "${locale}" is not a valid enum value.`,
        );
        continue;
      }
      check([...path, field, locale], value);
    }
  }
}

function validateOptions(errors: FormErrors, path: Path, options: unknown): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) {
    errors.add(path, 'BASE_TYPE_LIST', 'Must be a list.');
    return;
  }
  if (options.length > LIMITS.commandOptions) {
    errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${LIMITS.commandOptions} or fewer in length.`);
  }
  let sawOptional = false;
  const names = new Set<string>();
  options.forEach((o: unknown, i: number) => {
    const op = [...path, i];
    if (!isRecord(o)) {
      errors.add(op, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      return;
    }
    validateCommandName(errors, [...op, 'name'], o.name);
    validateLocalizations(errors, op, o);
    if (typeof o.name === 'string') {
      if (names.has(o.name)) {
        errors.add(
          [...op, 'name'],
          'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS',
          'Option names must be unique',
        );
      }
      names.add(o.name);
    }
    lengthBetween(errors, [...op, 'description'], o.description, 1, LIMITS.commandDescription);
    if (o.type === 1 || o.type === 2) {
      validateOptions(errors, [...op, 'options'], o.options);
      return;
    }
    if (o.required === true && sawOptional) {
      errors.add(
        op,
        'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        'Required options must be placed before non-required options',
      );
    }
    if (o.required !== true) sawOptional = true;
    if (o.autocomplete === true && Array.isArray(o.choices) && o.choices.length > 0) {
      errors.add(
        [...op, 'autocomplete'],
        'APPLICATION_COMMAND_AUTOCOMPLETE_INVALID',
        'Autocomplete cannot be set on options with choices',
      );
    }
    if (Array.isArray(o.choices)) {
      if (o.choices.length > LIMITS.choices) {
        errors.add(
          [...op, 'choices'],
          'BASE_TYPE_MAX_LENGTH',
          `Must be ${LIMITS.choices} or fewer in length.`,
        );
      }
      o.choices.forEach((c: unknown, j: number) => {
        validateChoice(errors, [...op, 'choices', j], c);
      });
    }
    if (typeof o.max_length === 'number' && (o.max_length < 1 || o.max_length > 6000)) {
      errors.add([...op, 'max_length'], 'NUMBER_TYPE_MAX', 'int value should be between 1 and 6000.');
    }
  });
}

/** Checks a bulk-overwrite body (`PUT .../commands`). */
export function validateCommands(body: unknown): { status: 400; body: Record<string, unknown> } | null {
  const errors = new FormErrors();
  if (!Array.isArray(body)) {
    errors.add([], 'BASE_TYPE_LIST', 'Must be a list.');
    return { status: 400, body: errors.body() };
  }
  if (body.length > LIMITS.commands) {
    errors.add([], 'BASE_TYPE_MAX_LENGTH', `Must be ${LIMITS.commands} or fewer in length.`);
  }
  const names = new Set<string>();
  body.forEach((cmd: unknown, i: number) => {
    if (!isRecord(cmd)) {
      errors.add([i], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      return;
    }
    const type = cmd.type ?? 1;
    validateCommandName(errors, [i, 'name'], cmd.name);
    validateLocalizations(errors, [i], cmd);
    const key = `${String(type)}:${String(cmd.name)}`;
    if (names.has(key)) {
      errors.add(
        [i, 'name'],
        'APPLICATION_COMMANDS_DUPLICATE_NAME',
        `Application command names must be unique`,
      );
    }
    names.add(key);
    if (type === 1) {
      lengthBetween(errors, [i, 'description'], cmd.description, 1, LIMITS.commandDescription);
    }
    validateOptions(errors, [i, 'options'], cmd.options);
    const perms = cmd.default_member_permissions;
    if (perms !== undefined && perms !== null && (typeof perms !== 'string' || !/^\d+$/.test(perms))) {
      errors.add([i, 'default_member_permissions'], 'BASE_TYPE_STRING', 'Must be a string of digits.');
    }
  });
  return errors.empty ? null : { status: 400, body: errors.body() };
}
