import type { Heading, List, ListItem, Nodes, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { anchorOf, ownText, type AnchorData } from '../parse/markdown.ts';
import type { Checklist, Item, Mention, Section, SectionKind } from '../schema.ts';
import { classifySection, cleanTitle } from './classify.ts';
import { collaboratorMentions, dedupeMentions, mentionsInNode } from './mentions.ts';

/**
 * Reads an agent body's structure: its sections (headings, label lines, bold-label list items),
 * the responsibility items, the checklists and the mentions of other agents.
 *
 * Nesting and kinds:
 * - A heading opens a section that lasts until the next heading of the same or a higher level.
 * - A label line (`When invoked:` followed by a list, or a paragraph that is all bold,
 *   `**技術堆疊專業知識**：`) opens a section inside the current heading, until the next label.
 * - An item of a numbered list that starts with a bold label and has its own nested list
 *   (`1. **API 設計與實施**：…`) is a section inside the current one.
 * - A sub-heading is part of its parent's topic: it takes the parent's kind when the parent has one
 *   (`### 1. 系统架构设计` under `## 核心职责`; `### 专属职责` under `## 协作边界` stays collaboration),
 *   except under a level-1 heading, which is usually the document title. Label lines and bold-label
 *   items are the finest grain: their own wording wins (`就緒檢查清單：` under a workflow heading is a
 *   checklist), and only when it says nothing do they take the kind around them.
 */

/** The structure of an agent body; see {@link extractStructure}. */
export interface Structure {
  /** Every section, in document order. */
  sections: Section[];
  /** Items of all responsibilities sections; nested items kept as children. */
  responsibilities: Item[];
  /** One per checklist section that has items, plus GFM task lists found in other sections. */
  checklists: Checklist[];
  /** Mentions of other agents, first evidence kept per (name, kind). */
  mentions: Mention[];
}

interface SectionNode {
  section: Section;
  /** The heading, label paragraph or list item that opens it. */
  node: Heading | Paragraph | ListItem;
  /** The kind its own label says. */
  own: SectionKind;
  /** The kind in effect, possibly taken from the parent. */
  kind: SectionKind;
  parent: SectionNode | null;
  /** Heading depth; 7 for a label line, 8 for a bold-label list item: what closes what. */
  rank: number;
  /** Blocks and child sections, in document order. */
  entries: ({ block: RootContent } | { child: SectionNode })[];
}

const LABEL_RANK = 7;
const ITEM_RANK = 8;
/**
 * Longer "labels" are paragraphs that happen to end in a colon, not section titles. Chinese
 * characters weigh 3 because a Chinese sentence is about a third as long as its English
 * translation: the same label must be a section in every locale.
 */
const MAX_LABEL_WEIGHT = 100;

function labelWeight(text: string): number {
  return [...text].reduce((sum, ch) => sum + (/\p{Script=Han}/u.test(ch) ? 3 : 1), 0);
}

function requireAnchor(node: Nodes): string {
  const id = anchorOf(node);
  if (!id) throw new Error(`extractStructure: a ${node.type} has no anchor; call assignAnchors or transferAnchors first`);
  return id;
}

/** Gives a section's label paragraph or list item its id in the rendered HTML. */
function renderId(node: Paragraph | ListItem, id: string): void {
  const data = (node.data ??= {}) as AnchorData;
  data.hProperties = { ...(data.hProperties ?? {}), id };
}

/** Whether a root-level paragraph is a label line, given the block after it. */
function isLabel(p: Paragraph, next: RootContent | undefined): boolean {
  const text = toString(p).trim();
  if (!text || text.includes('\n') || labelWeight(cleanTitle(text)) > MAX_LABEL_WEIGHT) return false;
  // A sentence followed by more text ("Restate the goal. Identify:") is prose, not a title.
  if (/[.!?]\s+\S|[。！？]\s*\S/u.test(cleanTitle(text))) return false;
  const colon = /[:：]$/.test(text);
  const parts = p.children.filter((c) => !(c.type === 'text' && /^\s*$/.test(c.value)));
  const allBold =
    parts[0]?.type === 'strong' &&
    (parts.length === 1 || (parts.length === 2 && parts[1].type === 'text' && /^\s*[:：]\s*$/.test(parts[1].value)));
  if (allBold) return colon || next?.type === 'list';
  return colon && next?.type === 'list';
}

/** The bold-label list items of a numbered list: `1. **Label**：…` with a nested list. */
function labelItems(list: List): ListItem[] {
  if (!list.ordered) return [];
  return list.children.filter((li) => {
    const first = li.children[0];
    return first?.type === 'paragraph' && first.children[0]?.type === 'strong' && li.children.some((c) => c.type === 'list');
  });
}

/** The kind a section takes from its parent when its own label says nothing (or, for headings, always). */
function effectiveKind(own: SectionKind, parent: SectionNode | null, heading: boolean): SectionKind {
  const inherited = parent && parent.rank > 1 ? parent.kind : 'other';
  if (heading) return inherited !== 'other' ? inherited : own;
  return own !== 'other' ? own : inherited;
}

/** Drops the numbering of a sub-heading used as an item (`1. 系统架构设计` → `系统架构设计`). */
function stripNumbering(title: string): string {
  return title.replace(/^\s*(?:\d+|[a-zA-Z]|[一二三四五六七八九十]+)[.)、．]\s*/u, '').trim() || title;
}

/**
 * Reads the sections, responsibilities, checklists and mentions of an agent body. The tree must
 * carry anchors (`assignAnchors`, or `transferAnchors` for a converted or translated tree): every
 * id comes from them, so ids agree across locales. Label paragraphs and bold-label list items
 * classified as sections get their id as an HTML id (`data.hProperties.id`).
 * @param frontMatter the agent's front matter: `collaborators` adds mentions, `name` is never one.
 */
export function extractStructure(root: Root, frontMatter: Record<string, unknown>): Structure {
  const self = typeof frontMatter.name === 'string' ? frontMatter.name.trim() : undefined;
  const all: SectionNode[] = [];
  const itemSection = new Map<ListItem, SectionNode>();
  const preamble: SectionNode['entries'] = [];
  const stack: SectionNode[] = [];

  const open = (node: Heading | Paragraph | ListItem, title: string, rank: number, level: number) => {
    const own = classifySection(title);
    if (rank !== ITEM_RANK) while (stack.length && stack.at(-1)!.rank >= rank) stack.pop();
    const parent = stack.at(-1) ?? null;
    const id = requireAnchor(node);
    if (node.type !== 'heading') renderId(node, id);
    const s: SectionNode = {
      section: { id, kind: 'other', title: cleanTitle(title), level },
      node,
      own,
      kind: effectiveKind(own, parent, node.type === 'heading'),
      parent,
      rank,
      entries: [],
    };
    s.section.kind = s.kind;
    all.push(s);
    return s;
  };

  root.children.forEach((block, i) => {
    if (block.type === 'heading') {
      const s = open(block, toString(block), block.depth, block.depth);
      (s.parent?.entries ?? preamble).push({ child: s });
      stack.push(s);
    } else if (block.type === 'paragraph' && isLabel(block, root.children[i + 1])) {
      const s = open(block, toString(block), LABEL_RANK, 0);
      (s.parent?.entries ?? preamble).push({ child: s });
      stack.push(s);
    } else {
      (stack.at(-1)?.entries ?? preamble).push({ block });
      if (block.type !== 'list') return;
      for (const li of labelItems(block)) {
        const label = toString((li.children[0] as Paragraph).children[0]);
        const s = open(li, label, ITEM_RANK, 0);
        s.entries = li.children.filter((c): c is List => c.type === 'list').map((l) => ({ block: l }));
        itemSection.set(li, s);
      }
    }
  });

  /** Items of a list for a section of `kind`; bold-label items of another kind belong elsewhere. */
  const listItems = (list: List, kind: SectionKind): Item[] =>
    list.children
      .filter((li) => (itemSection.get(li)?.kind ?? kind) === kind)
      .map((li) => ({
        id: requireAnchor(li),
        text: ownText(li),
        children: li.children.filter((c): c is List => c.type === 'list').flatMap((l) => listItems(l, kind)),
      }));

  /**
   * Responsibilities under a section. A child section that took the kind from this one becomes
   * one item (its title, its items as children): the telegram-bot seed's `### 1. 系统架构设计`
   * sub-headings stay four grouped responsibilities instead of sixteen loose bullets. A child
   * whose own label says responsibilities (`When invoked:`) adds its items flat.
   */
  const collect = (s: SectionNode, kind: SectionKind): Item[] =>
    s.entries.flatMap((e): Item[] => {
      if ('block' in e) return e.block.type === 'list' ? listItems(e.block, kind) : [];
      const c = e.child;
      if (c.kind !== kind) return [];
      if (c.own === kind) return collect(c, kind);
      return [{ id: c.section.id, text: stripNumbering(c.section.title), children: collect(c, kind) }];
    });

  const responsibilities = all
    .filter((s) => s.kind === 'responsibilities' && s.parent?.kind !== 'responsibilities')
    .flatMap((s) => collect(s, 'responsibilities'));

  const checklists: Checklist[] = [];
  const ownLists = (s: SectionNode) =>
    s.entries.flatMap((e) => ('block' in e && e.block.type === 'list' ? [e.block] : []));
  for (const s of all) {
    if (s.kind === 'checklist') {
      // Each checklist section is a named checklist of its own; a bold-label item of a checklist
      // list is already an item of its parent's.
      if (s.rank === ITEM_RANK && s.parent?.kind === 'checklist') continue;
      const items = ownLists(s).flatMap((l) => listItems(l, 'checklist'));
      if (items.length) checklists.push({ id: s.section.id, title: s.section.title, items });
    } else if (s.rank !== ITEM_RANK) {
      const items = ownLists(s).flatMap(taskItems);
      if (items.length) checklists.push({ id: s.section.id, title: s.section.title, items });
    }
  }
  // Task items before any heading or label have no section: the first item's id names them.
  const early = preamble.flatMap((e) => ('block' in e && e.block.type === 'list' ? taskItems(e.block) : []));
  if (early.length) checklists.unshift({ id: early[0].id, title: '', items: early });

  const mentions: Mention[] = [...collaboratorMentions(frontMatter)];
  const scan = (node: Nodes, collaboration: boolean): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableRow') {
      mentions.push(...mentionsInNode(node, collaboration, self));
    } else if (node.type === 'listItem' && itemSection.has(node)) {
      node.children.forEach((c) => scan(c, itemSection.get(node)!.kind === 'collaboration'));
    } else if ('children' in node) {
      // Code and HTML are literals without children: names in code blocks are never mentions.
      for (const c of node.children) scan(c as Nodes, collaboration);
    }
  };
  for (const e of preamble) if ('block' in e) scan(e.block, false);
  for (const s of all) {
    if (s.rank === ITEM_RANK) continue; // scanned with the list that holds it
    const collaboration = s.kind === 'collaboration';
    mentions.push(...mentionsInNode(s.node, collaboration, self));
    for (const e of s.entries) if ('block' in e) scan(e.block, collaboration);
  }

  return {
    sections: all.map((s) => s.section),
    responsibilities,
    checklists,
    mentions: dedupeMentions(mentions),
  };
}

/** GFM task items (`- [ ] x`) of a list, the outermost ones with their nested items. */
function taskItems(list: List): Item[] {
  return list.children.flatMap((li): Item[] => {
    const nested = li.children.filter((c): c is List => c.type === 'list');
    if (typeof li.checked !== 'boolean') return nested.flatMap(taskItems);
    const all = (l: List): Item[] =>
      l.children.map((c) => ({ id: requireAnchor(c), text: ownText(c), children: c.children.filter((x): x is List => x.type === 'list').flatMap(all) }));
    return [{ id: requireAnchor(li), text: ownText(li), children: nested.flatMap(all) }];
  });
}
