// The words an input's failure is told in, shared by the CLI, the API and the workbench, so that
// one bad record gets one message wherever it is read. Free of any library: the workbench imports it.
export const INPUT_MESSAGES: Readonly<Record<'notJson' | 'recordNeedsText', string>> = {
  notJson: 'not valid JSON',
  recordNeedsText: 'a record needs "text" or "url"',
};
