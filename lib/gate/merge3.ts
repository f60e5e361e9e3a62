// Line-based three-way merge where the user always wins.
// base = what we generated last time, mine = the document as the user left it,
// theirs = what we generate now. A region only the generator changed is
// refreshed; a region the user changed keeps the user's lines.
import { diffArrays } from 'diff';

export interface Merge3Result {
  lines: string[];
  /** Regions both sides changed differently (the user's version was kept). */
  conflicts: number;
}

export function merge3(base: string[], mine: string[], theirs: string[]): Merge3Result {
  const mineMatch = matchToBase(base, mine);
  const theirsMatch = matchToBase(base, theirs);
  const lines: string[] = [];
  let conflicts = 0;
  let previousBase = -1;
  let previousMine = -1;
  let previousTheirs = -1;

  const resolveGap = (baseEnd: number, mineEnd: number, theirsEnd: number) => {
    const baseChunk = base.slice(previousBase + 1, baseEnd);
    const mineChunk = mine.slice(previousMine + 1, mineEnd);
    const theirsChunk = theirs.slice(previousTheirs + 1, theirsEnd);
    if (sameLines(mineChunk, baseChunk)) lines.push(...theirsChunk);
    else if (sameLines(theirsChunk, baseChunk) || sameLines(mineChunk, theirsChunk)) lines.push(...mineChunk);
    else {
      conflicts++;
      lines.push(...mineChunk);
    }
  };

  for (let index = 0; index < base.length; index++) {
    const inMine = mineMatch[index];
    const inTheirs = theirsMatch[index];
    // A base line kept by both sides is a stable anchor; gaps between anchors are resolved as a whole.
    if (inMine === -1 || inTheirs === -1) continue;
    resolveGap(index, inMine, inTheirs);
    lines.push(mine[inMine]);
    previousBase = index;
    previousMine = inMine;
    previousTheirs = inTheirs;
  }
  resolveGap(base.length, mine.length, theirs.length);
  return { lines, conflicts };
}

/** For each base line, the index of the same line in `other` (LCS), or -1. */
function matchToBase(base: string[], other: string[]): number[] {
  const match = new Array<number>(base.length).fill(-1);
  let baseIndex = 0;
  let otherIndex = 0;
  for (const change of diffArrays(base, other)) {
    const count = change.value.length;
    if (change.added) otherIndex += count;
    else if (change.removed) baseIndex += count;
    else {
      for (let offset = 0; offset < count; offset++) match[baseIndex + offset] = otherIndex + offset;
      baseIndex += count;
      otherIndex += count;
    }
  }
  return match;
}

function sameLines(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((line, index) => line === b[index]);
}
