// The proposals frame end to end: who put what to whom, who answered how, and the status the
// latest answer gives. Sentences are the project's own, but for the founding report the issue quotes.
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../src/pipeline/run-pipeline.js';

const proposalsOf = (text: string) => runPipeline({ text, published: '2025-03-20' }).proposals;

describe('proposals', () => {
  it('reads the founding report: a rejected joint ceasefire proposal, and a condition put as a proposal', () => {
    const [ceasefire, condition, ...rest] = proposalsOf(
      'Russian President Vladimir Putin has rejected a joint US-Ukrainian proposal for a 30-day ceasefire and has suggested removing Ukrainian President Volodymyr Zelensky as part of the peace process.',
    );
    expect(rest).toEqual([]);
    expect(ceasefire).toMatchObject({ proposer: ['US', 'UA'], addressee: 'RU', subject: '30-day ceasefire', status: 'rejected' });
    expect(ceasefire.responses).toMatchObject([{ by: 'RU', response: 'rejected', evidence: 'Russian President Vladimir Putin has rejected' }]);
    expect(ceasefire.evidence.text).toBe('a joint US-Ukrainian proposal for a 30-day ceasefire');
    expect(condition).toMatchObject({ proposer: ['RU'], addressee: 'UA', status: 'proposed', responses: [] });
    expect(condition.subject).toContain('removing Ukrainian President Volodymyr Zelensky');
  });

  it('names the rule behind every field', () => {
    const [p] = proposalsOf('Peru proposed a prisoner exchange with Chile. Chile rejected the offer two days later.');
    expect(p.rules).toEqual({ trigger: 'proposal.trigger.verb-step', proposer: 'proposal.proposer.subject', addressee: 'proposal.addressee.with', status: 'proposal.response.reject' });
    expect(p.responses[0].rule).toBe('proposal.response.reject');
  });

  it('takes an answer in a later sentence through a mention of the proposal', () => {
    const [p, ...rest] = proposalsOf('Peru proposed a prisoner exchange with Chile. Chile rejected the offer two days later.');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ proposer: ['PE'], addressee: 'CL', subject: 'prisoner exchange', status: 'rejected' });
    expect(p.responses).toMatchObject([{ by: 'CL', response: 'rejected' }]);
  });

  it('reads the answering party of a passive from its by-phrase', () => {
    const [p] = proposalsOf('Peru’s ceasefire proposal was dismissed by Chile on Monday.');
    expect(p).toMatchObject({ proposer: ['PE'], addressee: 'CL', status: 'rejected' });
  });

  it('keeps the latest answer as the status, and a proposer may take its offer back', () => {
    const [p] = proposalsOf('Chile offered to start peace talks with Peru. Peru said it was studying the offer. A week later Chile withdrew the offer.');
    expect(p.responses.map((r) => [r.by, r.response])).toEqual([
      ['PE', 'considering'],
      ['CL', 'withdrawn'],
    ]);
    expect(p.status).toBe('withdrawn');
  });

  it('counts no answer given only under a condition', () => {
    const [p] = proposalsOf('Peru put forward a peace plan. If Chile accepts the plan, talks could start in May.');
    expect(p).toMatchObject({ proposer: ['PE'], status: 'proposed', responses: [] });
  });

  it('records no proposal for a call for support, a support pledge or a step nobody proposes', () => {
    expect(proposalsOf('Peru called for more sanctions on Chile.')).toEqual([]);
    expect(proposalsOf('Peru will send troops to Chile after a ceasefire is reached.')).toEqual([]);
    expect(proposalsOf('The ceasefire held through the weekend.')).toEqual([]);
  });
});
