/**
 * Views take data: through the real bot and the loopback Discord, on a real knowledge base, one `/ask` runs
 * the answering pipeline once (and once per page of sources), and 👍/👎 record the id of a passage that
 * exists, windows of long paragraphs included.
 */
import { afterAll, beforeAll, describe, expect, it, type MockInstance, vi } from 'vitest';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { loadCommands } from '../../src/discord/registry.js';
import { createLogger } from '../../src/logger.js';
import { CorpusService } from '../../src/service/service.js';
import { makeActor } from '../loopback/index.js';
import { tempCorpus } from '../support/tempCorpus.js';
import { memoryRecords } from './fakes.js';
import { buttonsOf, type Harness, startHarness } from './harness.js';

const ANSWER = 'The rover landed on the Moon in March 2031.';
/** One paragraph long enough to be cut into windows, the answer in its last sentence. */
const LONG_PARAGRAPH = [
  ...Array.from(
    { length: 8 },
    (_, i) =>
      `Mission planners reviewed design option ${i + 1} for the lander's power, thermal control and communications during the long lunar night.`,
  ),
  ANSWER,
].join(' ');
/** Short paragraphs about the rover, so the question has more sources than one page shows. */
const OTHERS = Array.from(
  { length: 6 },
  (_, i) => `The rover team tested wheel design ${i + 1} in a sandpit that imitates the Moon's regolith.`,
);
const ROVER_MD = `---\nid: rover-log\ntitle: Rover log\nkind: statement\n---\n${[LONG_PARAGRAPH, ...OTHERS].join('\n\n')}\n`;

let n = 0;
const someone = () => makeActor(`viewer${++n}`);

describe('/ask views take the pipeline result', () => {
  let corpus: Corpus;
  let service: CorpusService;
  let h: Harness;
  let runs: MockInstance;
  const records = memoryRecords();

  beforeAll(async () => {
    const dir = tempCorpus({ 'rover-log.md': ROVER_MD });
    corpus = await loadCorpusStrict(dir);
    service = await CorpusService.start(dir, createLogger({ level: 'silent', secrets: [] }), { records });
    h = await startHarness(service, { records, cooldown: { requests: 1000, seconds: 1 } });
    await h.bot.client.application?.commands.set((await loadCommands()).toJSON(), h.loopback.guild.id);
    runs = vi.spyOn(service.current, 'ask');
  });
  afterAll(() => h.close());

  it('the corpus has the windowed paragraph this test is about', () => {
    const windows = corpus.passages.filter((p) => p.paragraph === 1).map((p) => p.id);
    expect(windows).toEqual(['rover-log#p1w1', 'rover-log#p1w2']);
  });

  it('runs the pipeline once per /ask and once per page, and 👍/👎 record the answering window', async () => {
    runs.mockClear();
    const actor = someone();
    const first = await h.loopback
      .command('ask', { question: 'When did the rover land on the Moon?' }, { actor })
      .reply();
    expect(runs).toHaveBeenCalledTimes(1);
    expect(first.embeds[0]?.title).toBe('Answer from the corpus');
    expect(first.embeds[0]?.description?.replace(/\*\*/g, '')).toContain(ANSWER);

    const [more, up] = buttonsOf(first).map((b) => b.custom_id ?? '');
    expect(more).toBe('ask:more:3');
    const vote = await h.loopback.pressButton(up ?? '', first.message, { actor }).reply();
    expect(vote.content).toBe('Thanks, your feedback was recorded.');
    expect(runs).toHaveBeenCalledTimes(1);
    const recorded = records.feedbacks.at(-1)?.passageId;
    const passage = corpus.passages.find((p) => p.id === recorded);
    expect(passage?.id).toMatch(/^rover-log#p1w\d$/);
    expect(passage?.text).toContain(ANSWER);

    const page2 = await h.loopback.pressButton(more ?? '', first.message, { actor }).reply();
    expect(runs).toHaveBeenCalledTimes(2);
    expect(page2.embeds[0]?.title).toBe('More sources (4–6)');
    const page3 = await h.loopback.pressButton('ask:more:6', page2.message, { actor }).reply();
    expect(runs).toHaveBeenCalledTimes(3);
    // Every passage matches (the document's title says "Rover"): the third page ends with the last one.
    // The list shows one window of a long paragraph: 8 passages are 7 places.
    expect(corpus.passages).toHaveLength(8);
    expect(new Set(corpus.passages.map((p) => `${p.docId}#${p.paragraph}`)).size).toBe(7);
    expect(page3.embeds[0]?.title).toBe('More sources (7–7)');
    expect(page3.components).toEqual([]);
  });

  it('refuses a question past the one length limit with its one message, privately', async () => {
    const accepted = `When did the rover land? ${'x'.repeat(275)}`;
    expect(accepted).toHaveLength(300);
    const ok = await h.loopback.command('ask', { question: accepted }, { actor: someone() }).reply();
    expect(ok.embeds[0]?.footer?.text).toMatch(/^Corpus /);
    const refused = await h.loopback
      .command('ask', { question: `${accepted}?` }, { actor: someone() })
      .reply();
    expect(refused).toMatchObject({
      ephemeral: true,
      content: 'Questions can be at most 300 characters; this one has 301. Please shorten it.',
    });
  });
});
