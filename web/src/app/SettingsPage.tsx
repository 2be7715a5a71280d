import { useState, type FormEvent } from 'react';
import { saveSettings, useSettings } from '../shared/settings';

/** The reviewer's name (written into the review log) and the API token, kept in this browser. */
export function SettingsPage() {
  const settings = useSettings();
  const [reviewer, setReviewer] = useState(settings.reviewer);
  const [token, setToken] = useState(settings.token);
  const [saved, setSaved] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    saveSettings({ reviewer, token });
    setSaved(true);
  };
  return (
    <div className="page">
      <header className="page-head"><h1>Settings</h1></header>
      <form className="settings" onSubmit={submit}>
        <label>Your name, as the review log records it<input value={reviewer} onChange={(e) => { setReviewer(e.target.value); setSaved(false); }} required maxLength={120} /></label>
        <label>
          {/* one line of text above the field: a label lays out its children as a column */}
          <span>API token (needed once the server has tokens; create one with <code>pledgewatch token create --role reviewer</code>)</span>
          <input value={token} onChange={(e) => { setToken(e.target.value); setSaved(false); }} type="password" autoComplete="off" />
        </label>
        <button type="submit" className="primary">Save</button>
        {saved && <span role="status"> Saved.</span>}
      </form>
    </div>
  );
}
