/**
 * Reads a mermaid sequence diagram's source into its steps: who sends what to whom, in order, with
 * mermaid's `autonumber` numbers and its `alt` / `opt` / `loop` / `par` blocks. The site shows these as a
 * list where the drawing would not fit (a phone), so both come from the one source.
 */

export interface Participant {
  readonly id: string;
  readonly label: string;
}

export interface Message {
  readonly kind: 'message';
  /** Mermaid's `autonumber` number, when numbering is on. */
  readonly number: number | null;
  readonly from: Participant;
  readonly to: Participant;
  readonly text: string;
  /** A dashed arrow (`-->>`, `-->`, …): mermaid's notation for an answer. */
  readonly reply: boolean;
}

export interface Note {
  readonly kind: 'note';
  readonly over: readonly Participant[];
  readonly text: string;
}

export interface Block {
  readonly kind: 'block';
  /** `alt`, `opt`, `loop`, `par`, `critical`, `break`, `rect`. */
  readonly keyword: string;
  /** One section per branch: `alt` then each `else`, `par` then each `and`. */
  readonly sections: readonly { readonly label: string; readonly steps: readonly Step[] }[];
}

export type Step = Message | Note | Block;

export interface SequenceSteps {
  readonly participants: readonly Participant[];
  readonly steps: readonly Step[];
}

const PARTICIPANT = /^(?:participant|actor)\s+(\S+)(?:\s+as\s+(.+))?$/;
const ARROW = '<<-->>|<<->>|-->>|->>|-->|->|--x|-x|--\\)|-\\)';
const MESSAGE = new RegExp(`^(.+?)\\s*(${ARROW})\\s*[+-]?\\s*(.+?)\\s*:\\s*(.*)$`);
const NOTE = /^note\s+(?:over|left of|right of)\s+([^:]+?)\s*:\s*(.*)$/i;
const BLOCK_START = /^(alt|opt|loop|par|critical|break|rect)\b\s*(.*)$/;
const BLOCK_BRANCH = /^(else|and|option)\b\s*(.*)$/;
/** Lines that change nothing in the list: accessibility text, activations, boxes, styling. */
const IGNORED = /^(?:accTitle|accDescr|title|activate|deactivate|box|destroy|create|links?|properties|details|%%)\b/;

/** Mermaid label markup as plain text: `<br/>` breaks become spaces, `#59;`-style entities their character. */
export function labelText(label: string): string {
  return label
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The steps of a `sequenceDiagram` source; null for any other kind of diagram. */
export function sequenceSteps(source: string): SequenceSteps | null {
  const lines = source
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (!/^sequenceDiagram\b/.test(lines[0] ?? '')) return null;

  const participants = new Map<string, Participant>();
  const participant = (id: string): Participant => {
    const known = participants.get(id);
    if (known) return known;
    const created = { id, label: id };
    participants.set(id, created);
    return created;
  };
  const root: Step[] = [];
  // Each open block, with the section its steps currently go to.
  const open: { sections: { label: string; steps: Step[] }[]; steps: Step[] }[] = [];
  const current = () => open.at(-1)?.steps ?? root;
  let numbering = false;
  let next = 1;

  for (const line of lines.slice(1)) {
    let match: RegExpExecArray | null;
    if (line === 'autonumber' || line.startsWith('autonumber ')) {
      numbering = true;
      const start = /^autonumber\s+(\d+)/.exec(line);
      if (start) next = Number(start[1]);
    } else if ((match = PARTICIPANT.exec(line))) {
      const [, id = '', label] = match;
      participants.set(id, { id, label: labelText(label ?? id) });
    } else if ((match = BLOCK_START.exec(line))) {
      const section = { label: labelText(match[2] ?? ''), steps: [] as Step[] };
      const sections = [section];
      current().push({ kind: 'block', keyword: match[1] ?? '', sections });
      open.push({ sections, steps: section.steps });
    } else if ((match = BLOCK_BRANCH.exec(line)) && open.length > 0) {
      const top = open.at(-1)!;
      const section = { label: labelText(match[2] ?? ''), steps: [] as Step[] };
      top.sections.push(section);
      top.steps = section.steps;
    } else if (line === 'end') {
      open.pop();
    } else if ((match = NOTE.exec(line))) {
      const over = (match[1] ?? '').split(',').map((id) => participant(id.trim()));
      current().push({ kind: 'note', over, text: labelText(match[2] ?? '') });
    } else if ((match = MESSAGE.exec(line))) {
      const [, from = '', arrow = '', to = '', text = ''] = match;
      current().push({
        kind: 'message',
        number: numbering ? next++ : null,
        from: participant(from),
        to: participant(to),
        text: labelText(text),
        reply: arrow.startsWith('--') || arrow.startsWith('<<--'),
      });
    } else if (!IGNORED.test(line)) {
      throw new Error(`sequence diagram: cannot read the line "${line}"`);
    }
  }
  if (open.length > 0) throw new Error('sequence diagram: a block has no "end"');
  return { participants: [...participants.values()], steps: root };
}
