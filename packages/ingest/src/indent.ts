/** Leading white space as a column count: spaces and no-break spaces count 1, a tab runs to the next multiple of 4. */
export function splitIndent(raw: string): { indent: number; rest: string } {
  let col = 0;
  let i = 0;
  for (; i < raw.length; i++) {
    const c = raw[i];
    if (c === " " || c === "\u00a0") col++;
    else if (c === "\t") col = col + 4 - (col % 4);
    else break;
  }
  return { indent: col, rest: raw.slice(i) };
}
