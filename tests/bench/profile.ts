/**
 * Reads a V8 CPU profile (`node --cpu-prof`) and says where the time under one function went: the samples
 * whose stack holds that function, attributed to every function on the stack (inclusive) and to the leaf
 * (self). Functions are named as in the sources, with their file.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
}

/** A function's share of the time spent under the root function. */
export interface Hotspot {
  /** `name file`, the file relative to the project. */
  function: string;
  /** Share of the root's samples with this function on the stack (inclusive) or at the top (self), 0–1. */
  inclusive: number;
  self: number;
}

export interface ProfileSummary {
  root: string;
  /** Samples under the root, and their share of all samples. */
  samples: number;
  share: number;
  byInclusive: Hotspot[];
  bySelf: Hotspot[];
}

function label(node: ProfileNode): string {
  const file = node.callFrame.url.replace(/^.*?\/(src|tests|node_modules)\//, '$1/');
  // No line: tsx's transformed modules report lines that do not match the sources (no source maps here).
  return `${node.callFrame.functionName || '(anonymous)'} ${file}`;
}

/**
 * Hotspots under the function named `rootName` defined in a file ending with `rootFile`, top `limit` of each
 * ranking.
 */
export function summarizeProfile(
  path: string,
  rootName: string,
  rootFile: string,
  limit = 15,
): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const isRoot = (n: ProfileNode) =>
    n.callFrame.functionName === rootName && n.callFrame.url.endsWith(rootFile);

  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  let under = 0;
  for (const sample of profile.samples) {
    const stack: ProfileNode[] = [];
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const node = byId.get(id);
      if (node) stack.push(node);
    }
    const rootAt = stack.findIndex(isRoot);
    if (rootAt < 0) continue;
    under++;
    // Only the part of the stack from the root up counts; each function once even when recursive.
    for (const name of new Set(stack.slice(0, rootAt + 1).map(label))) {
      inclusive.set(name, (inclusive.get(name) ?? 0) + 1);
    }
    const leaf = stack[0];
    if (leaf) self.set(label(leaf), (self.get(label(leaf)) ?? 0) + 1);
  }
  const rank = (counts: Map<string, number>): Hotspot[] =>
    [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name]) => ({
        function: name,
        inclusive: (inclusive.get(name) ?? 0) / Math.max(1, under),
        self: (self.get(name) ?? 0) / Math.max(1, under),
      }));
  return {
    root: `${rootName} (${rootFile})`,
    samples: under,
    share: under / Math.max(1, profile.samples.length),
    byInclusive: rank(inclusive),
    bySelf: rank(self),
  };
}
