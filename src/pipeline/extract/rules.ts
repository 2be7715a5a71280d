// The rule files under src/lexicons/rules/, compiled once when the extractor loads.
import meetingRules from '../../lexicons/rules/meetings.json' with { type: 'json' };
import proposalRules from '../../lexicons/rules/proposals.json' with { type: 'json' };
import sanctionRules from '../../lexicons/rules/sanctions.json' with { type: 'json' };
import { sanctionCountNouns, WEEKDAYS } from '../../lexicons/index.js';
import { compilePatterns, type CompiledPattern, type PatternSpec } from '../match/index.js';

/** The proposals frame's own word sets (the rule file's `sets`), named by its patterns and read by the frame. */
export const proposalSets = Object.fromEntries(Object.entries(proposalRules.sets).map(([name, words]) => [name, new Set(words)])) as unknown as Record<keyof typeof proposalRules.sets, ReadonlySet<string>>;

/** The word sets a pattern may name with `{"set": …}`: shared lexicon lists, and those a rule file keeps under `sets`. */
const WORD_SETS = new Map<string, ReadonlySet<string>>([['sanctionCountNouns', sanctionCountNouns], ['weekdays', WEEKDAYS], ...Object.entries(proposalSets)]);

/** A rule file's pattern, with what its frame reads from it (each rule file's `about` says what its fields mean). */
export interface RuleSpec extends PatternSpec {
  needs?: 'count' | 'count-and-imposer' | 'person-object';
  /** Proposals: where a trigger's subject ends, the status it implies without an answer, and which answer a response pattern is. */
  subject?: 'before-trigger';
  status?: 'pending';
  proposer?: 'subject';
  response?: 'accepted' | 'rejected' | 'conditional' | 'considering' | 'withdrawn';
  measure?: string;
  kind?: string;
  objects?: 'end' | 'with' | 'trigger';
  visit?: boolean;
  between?: boolean;
  gerund?: boolean;
}

export interface RuleFamily {
  /** Every pattern of the family, in the file's order (earlier ones win ties). */
  all: CompiledPattern[];
  spec(id: string): RuleSpec | undefined;
  /** The patterns whose id starts with `prefix` ("sanction.trigger."). */
  role(prefix: string): CompiledPattern[];
}

function family(specs: RuleSpec[]): RuleFamily {
  const compiled = [...compilePatterns(specs, (name) => WORD_SETS.get(name)).values()];
  const byId = new Map(specs.map((s) => [s.id, s]));
  return { all: compiled, spec: (id) => byId.get(id), role: (prefix) => compiled.filter((p) => p.id.startsWith(prefix)) };
}

export const sanctionPatterns = family(sanctionRules.patterns as RuleSpec[]);
export const meetingPatterns = family(meetingRules.patterns as RuleSpec[]);
export const proposalPatterns = family(proposalRules.patterns as RuleSpec[]);
/** Every rule file, for the test that each pattern has a positive and a negative case. */
export const ruleFiles: Record<string, RuleSpec[]> = {
  sanctions: sanctionRules.patterns as RuleSpec[],
  meetings: meetingRules.patterns as RuleSpec[],
  proposals: proposalRules.patterns as RuleSpec[],
};
