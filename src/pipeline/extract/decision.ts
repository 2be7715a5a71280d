// A value an extractor chose, with the id of the rule that chose it: every field of a fact says why it is what it is.

export interface Decision<T> {
  value: T;
  rule: string;
}

export const decided = <T>(rule: string, value: T): Decision<T> => ({ value, rule });
