/**
 * A release changelog as written by a curator: plain text where lines starting with "- " or "* "
 * are list items. Read into blocks so the page renders it as text, never as HTML.
 */
export type ChangelogBlock = { kind: 'list'; items: string[] } | { kind: 'paragraph'; text: string };

export function changelogBlocks(text: string): ChangelogBlock[] {
  const blocks: ChangelogBlock[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const item = /^[-*•]\s+(.*)$/.exec(line);
    const last = blocks[blocks.length - 1];
    if (item) {
      if (last?.kind === 'list') last.items.push(item[1]);
      else blocks.push({ kind: 'list', items: [item[1]] });
    } else if (last?.kind === 'paragraph') {
      last.text += ` ${line}`;
    } else {
      blocks.push({ kind: 'paragraph', text: line });
    }
  }
  return blocks;
}
