/**
 * Layers point down only: a module may import its own layer or the ones below it, never one above.
 * `npm run lint` runs this (dependency-cruiser), so the folders keep telling the truth about the architecture.
 */
const LAYERS = [
  ['contract', '^src/contract/'],
  ['text', '^src/text/'],
  ['corpus', '^src/corpus/'],
  ['search', '^src/search/'],
  ['quotes', '^src/quotes/'],
  ['answer', '^src/answer/'],
  ['knowledge', '^src/knowledge/'],
  ['records', '^src/records/'],
  ['service', '^src/service/'],
  ['app support', '^src/((config|logger)\\.ts$|messages/)'],
  ['adapters', '^(src/(console|cli|discord)/|commands/)'],
  ['entry', '^src/(main\\.ts|start\\.mjs|build\\.mjs)$'],
];

const upward = LAYERS.flatMap(([name, path], i) =>
  LAYERS.slice(i + 1).map(([above, abovePath]) => ({
    name: `${name}-not-above`,
    comment: `${name} must not import ${above}: layers point down only (see .dependency-cruiser.cjs)`,
    severity: 'error',
    from: { path },
    to: { path: abovePath },
  })),
);

module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'core-knows-no-discord',
      comment: 'Only the Discord adapter (src/discord, commands) talks to Discord',
      severity: 'error',
      from: { path: '^src/(contract|text|corpus|search|quotes|answer|knowledge|records|service)/' },
      to: { path: 'node_modules/(discord\\.js|@discordjs)/' },
    },
    {
      name: 'no-circular',
      comment: 'A cycle makes the import order matter and the layers meaningless',
      severity: 'error',
      from: { path: '^(src|commands)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
