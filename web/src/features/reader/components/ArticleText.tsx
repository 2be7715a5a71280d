import { useMemo, type CSSProperties } from 'react';
import { describeFact } from '../../../shared/format';
import { FACT_TYPES, type Fact } from '../../../shared/types';

/** Each type of fact has its band under the text, at its own depth, so overlapping facts stay visible. */
const BAND = 3;
const laneOf = (f: Fact) => FACT_TYPES.indexOf(f.type);

/** One band per fact covering the piece, and a bar where a fact starts or ends: every span's bounds show. */
function layers(s: Segment): CSSProperties {
  const lanes = [...new Set(s.covering.map(laneOf))].sort((a, b) => a - b);
  const bands = lanes.map((lane, i) => `inset 0 -${(i + 1) * BAND}px 0 var(--${FACT_TYPES[lane]}-band)`);
  const outermost = (fs: Fact[]) => fs.reduce<Fact | null>((best, f) => (!best || f.end - f.start > best.end - best.start ? f : best), null);
  const opening = outermost(s.covering.filter((f) => f.start === s.start));
  const closing = outermost(s.covering.filter((f) => f.end === s.end));
  return {
    boxShadow: bands.join(', '),
    paddingBottom: `${lanes.length * BAND}px`,
    ...(opening ? { borderLeft: `2px solid var(--${opening.type}-band)` } : {}),
    ...(closing ? { borderRight: `2px solid var(--${closing.type}-band)` } : {}),
  };
}

interface Segment {
  start: number;
  end: number;
  /** The most specific (shortest) fact covering this stretch; null for plain text. */
  fact: Fact | null;
  covering: Fact[];
}

/** Cuts the text at every fact boundary; each piece knows the facts that cover it. */
function segment(text: string, facts: Fact[]): Segment[] {
  const spans = facts.filter((f) => f.start < f.end && f.end <= text.length);
  const cuts = [...new Set([0, text.length, ...spans.flatMap((f) => [f.start, f.end])])].sort((a, b) => a - b);
  const byStart = [...spans].sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let active: Fact[] = [];
  let next = 0;
  for (let i = 0; i < cuts.length - 1; i++) {
    const [start, end] = [cuts[i], cuts[i + 1]];
    while (next < byStart.length && byStart[next].start <= start) active.push(byStart[next++]);
    active = active.filter((f) => f.end > start);
    const covering = active.filter((f) => f.start <= start && f.end >= end);
    const fact = covering.reduce<Fact | null>((best, f) => (!best || f.end - f.start < best.end - best.start ? f : best), null);
    segments.push({ start, end, fact, covering });
  }
  return segments;
}

interface Props {
  text: string;
  facts: Fact[];
  selectedId: number | null;
  onHover: (fact: Fact | null) => void;
  onSelect: (fact: Fact) => void;
}

/**
 * The article as text (never as markup), with each fact's evidence highlighted by type: the most
 * specific fact as the background, every fact covering a piece as a band beneath it (stacked
 * underlines, as displaCy and brat draw spans), and a bar at each fact's start and end.
 */
export function ArticleText({ text, facts, selectedId, onHover, onSelect }: Props) {
  const segments = useMemo(() => segment(text, facts), [text, facts]);
  return (
    <div className="article-text" data-testid="article-text">
      {segments.map((s) => {
        const piece = text.slice(s.start, s.end);
        if (!s.fact) return piece;
        const fact = s.fact;
        const selected = s.covering.some((f) => f.id === selectedId);
        return (
          <mark
            key={s.start}
            className={`hl type-${fact.type}${selected ? ' selected' : ''}`}
            style={layers(s)}
            data-fact-id={fact.id}
            data-layers={[...new Set(s.covering.map((f) => f.type))].join(' ')}
            title={s.covering.map((f) => `${f.type}: ${describeFact(f.type, f.data)}`).join('\n')}
            tabIndex={0}
            role="button"
            aria-label={`${fact.type}: ${describeFact(fact.type, fact.data)}`}
            onMouseEnter={() => onHover(fact)}
            onMouseLeave={() => onHover(null)}
            onFocus={() => onHover(fact)}
            onClick={() => onSelect(fact)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onSelect(fact);
              }
            }}
          >
            {piece}
          </mark>
        );
      })}
    </div>
  );
}
