const CONTEXT = 260;

/** The evidence with the text around it, so a reviewer reads what the sentence really says. */
export function EvidenceInContext({ text, start, end }: { text: string; start: number; end: number }) {
  const from = Math.max(0, text.lastIndexOf('\n', Math.max(0, start - CONTEXT)) + 1, start - CONTEXT);
  const to = Math.min(text.length, end + CONTEXT);
  return (
    <blockquote className="context">
      {from > 0 && '…'}
      {text.slice(from, start)}
      <mark className="evidence">{text.slice(start, end)}</mark>
      {text.slice(end, to)}
      {to < text.length && '…'}
    </blockquote>
  );
}
