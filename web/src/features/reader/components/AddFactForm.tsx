import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../../shared/api';
import { ErrorNote } from '../../../shared/ErrorNote';
import { typeLabel } from '../../../shared/format';
import { getSettings } from '../../../shared/settings';
import { FACT_TYPES, type Fact, type FactType } from '../../../shared/types';
import { FactEditor } from '../../review/components/FactEditor';
import { addFact } from '../api';

/** The fields a new fact of each type starts from; names and texts start as the selection. */
function template(type: FactType, selection: string): Record<string, unknown> {
  switch (type) {
    case 'person': return { name: selection, aliases: [], role: null, country: null };
    case 'country': return { code: '', mentions: 1 };
    case 'organization': return { name: selection, acronym: null, kind: null, members: [] };
    case 'quote': return { speaker: null, text: selection, direct: false, cue: null };
    case 'commitment': return { donor: null, recipient: null, amount: null, unit: null, period: null, category: 'military', status: 'pledged', qualifier: null, item: null };
    case 'sanction': return { imposer: null, target: null, measure: selection, count: null };
    case 'meeting': return { participants: [], place: null, date: null, kind: 'meeting', planned: false };
    case 'proposal': return { proposer: [], addressee: null, subject: selection, status: 'proposed', responses: [] };
  }
}

interface Props {
  articleId: number;
  selection: { start: number; end: number; text: string };
  onAdded: (fact: Fact) => void;
  onCancel: () => void;
}

/** Adds a fact the extractor missed, with the selected words as its evidence. */
export function AddFactForm({ articleId, selection, onAdded, onCancel }: Props) {
  const [type, setType] = useState<FactType>('commitment');
  const client = useQueryClient();
  const add = useMutation({
    mutationFn: (fields: Record<string, unknown>) => addFact(articleId, { type, start: selection.start, end: selection.end, actor: getSettings().reviewer, fields }),
    onSuccess: (fact) => {
      void client.invalidateQueries({ queryKey: ['article'] });
      void client.invalidateQueries({ queryKey: ['ledger'] });
      onAdded(fact);
    },
  });
  const fields = template(type, selection.text);
  // the editor starts from a fact of the chosen type that has no id yet
  const draft: Fact = { id: 0, type, data: fields, start: selection.start, end: selection.end, evidence: selection.text, rule: 'reviewer.added', reviewStatus: 'accepted', reviewedBy: null, reviewedAt: null };
  const serverErrors = add.error instanceof ApiError ? add.error.fields : [];
  return (
    <section className="add-fact" aria-label="Add a fact">
      <h2>Add a fact the extractor missed</h2>
      <blockquote className="evidence">{selection.text}</blockquote>
      <label className="field">
        <span>type</span>
        <select value={type} onChange={(e) => { setType(e.target.value as FactType); add.reset(); }} aria-label="Type of the new fact">
          {FACT_TYPES.map((t) => <option key={t} value={t}>{typeLabel[t]}</option>)}
        </select>
      </label>
      <FactEditor key={type} fact={draft} isNew serverErrors={serverErrors} onCancel={onCancel} onSave={(changed) => add.mutate({ ...fields, ...changed })} />
      {add.error !== null && <ErrorNote error={add.error} />}
    </section>
  );
}
