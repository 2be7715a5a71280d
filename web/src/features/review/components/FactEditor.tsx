import { useState, type FormEvent } from 'react';
import { CATEGORIES, MEETING_KINDS, PERIODS, PROPOSAL_STATUSES, STATUSES, type Fact } from '../../../shared/types';

const CHOICES: Record<string, readonly string[]> = { category: CATEGORIES, status: STATUSES, period: PERIODS, kind: MEETING_KINDS };
/** A field named alike in two types of fact has each type's own choices. */
const TYPE_CHOICES: Record<string, Record<string, readonly string[]>> = { proposal: { status: PROPOSAL_STATUSES } };
const choicesOf = (type: string, field: string): readonly string[] | undefined => TYPE_CHOICES[type]?.[field] ?? CHOICES[field];
const NULLABLE_CHOICES = new Set(['period']);
const REQUIRED_TEXT = new Set(['name', 'text', 'measure', 'code']);

type Draft = Record<string, string | boolean>;

function toDraft(data: Record<string, unknown>): Draft {
  const draft: Draft = {};
  for (const [k, v] of Object.entries(data)) {
    // the evidence and the rules that decided each field are the extractor's record, not fields to edit; a proposal's answers each carry their own evidence
    if (k === 'evidence' || k === 'rules' || k === 'responses') continue;
    draft[k] = typeof v === 'boolean' ? v : Array.isArray(v) ? v.join(', ') : v === null || v === undefined ? '' : String(v);
  }
  return draft;
}

/** Turns the form back into typed fields; returns the changed ones, or the reasons they cannot be saved. */
function fromDraft(draft: Draft, original: Record<string, unknown>): { fields: Record<string, unknown>; errors: Record<string, string> } {
  const fields: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const [k, raw] of Object.entries(draft)) {
    const before = original[k];
    let value: unknown;
    if (typeof raw === 'boolean') value = raw;
    else if (Array.isArray(before)) value = raw.split(',').map((s) => s.trim()).filter(Boolean);
    else if (typeof before === 'number' || k === 'amount' || k === 'count' || k === 'mentions') {
      const text = raw.trim().replace(/,/g, '');
      value = text === '' ? null : Number(text);
      if (value !== null && !Number.isFinite(value)) errors[k] = 'a number';
      else if (k === 'mentions' && (value === null || (value as number) < 1)) errors[k] = 'a whole number of at least 1';
    } else {
      value = raw.trim() === '' ? null : raw.trim();
      if (value === null && REQUIRED_TEXT.has(k)) errors[k] = 'required';
      if (k === 'code' && typeof value === 'string' && !/^[A-Z]{2}$/.test(value)) errors[k] = 'a two-letter country code, like LT';
      if (k === 'date' && typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) errors[k] = 'a date like 2025-03-01';
    }
    if (JSON.stringify(value) !== JSON.stringify(before ?? null)) fields[k] = value;
  }
  return { fields, errors };
}

interface Props {
  fact: Fact;
  onSave: (fields: Record<string, unknown>) => void;
  onCancel: () => void;
  serverErrors?: Array<{ field: string; reason: string }>;
  /** A new fact's fields are saved as they stand; an edit with no change is not. */
  isNew?: boolean;
}

/** Corrects a fact's fields (its evidence stays as extracted), or fills in a new one's. */
export function FactEditor({ fact, onSave, onCancel, serverErrors = [], isNew = false }: Props) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(fact.data));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [unchanged, setUnchanged] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = fromDraft(draft, fact.data);
    setErrors(result.errors);
    setUnchanged(false);
    if (Object.keys(result.errors).length > 0) return;
    if (Object.keys(result.fields).length === 0 && !isNew) return setUnchanged(true);
    onSave(result.fields);
  };

  return (
    <form className="editor" onSubmit={submit} onKeyDown={(e) => { if (e.key === 'Escape') onCancel(); }} aria-label={isNew ? 'New fact' : 'Edit fact'}>
      {Object.entries(draft).map(([k, v], i) => {
        const id = `edit-${fact.id}-${k}`;
        const error = errors[k] ?? serverErrors.find((s) => s.field === `fields.${k}`)?.reason;
        return (
          <div className="field" key={k}>
            <label htmlFor={id}>{k}</label>
            {typeof v === 'boolean' ? (
              <input id={id} type="checkbox" checked={v} autoFocus={i === 0} onChange={(e) => setDraft({ ...draft, [k]: e.target.checked })} />
            ) : choicesOf(fact.type, k) ? (
              <select id={id} value={v} autoFocus={i === 0} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}>
                {NULLABLE_CHOICES.has(k) && <option value="">none</option>}
                {choicesOf(fact.type, k)!.map((o) => <option key={o} value={o}>{o}</option>)}
              </select>
            ) : (
              <input id={id} value={v} autoFocus={i === 0} aria-invalid={Boolean(error)} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} />
            )}
            {error && <span className="field-error" role="alert">{error}</span>}
          </div>
        );
      })}
      {unchanged && <p className="muted">Nothing changed.</p>}
      <div className="actions">
        <button type="submit" className="primary">{isNew ? 'Add fact' : 'Save edit'}</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
