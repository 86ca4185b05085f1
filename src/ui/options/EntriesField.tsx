import { t } from '../../platform/i18n.ts';
import { Locked } from '../shared/Locked.tsx';

export interface EntriesFieldProps {
  id: string;
  /** Localised heading and help. */
  title: string;
  help: string;
  text: string;
  onInput: (text: string) => void;
  /** The whole value is set by the organisation: shown, not editable. */
  locked: boolean;
  /** Values the organisation adds (additive keys): shown read-only next to the user's. */
  orgValues: readonly string[];
  errors: readonly string[];
}

/** One setting edited as lines of text, with the line errors of the last save. */
export function EntriesField(p: EntriesFieldProps) {
  const helpId = `${p.id}-help`;
  const errorsId = `${p.id}-errors`;
  const describedBy = [helpId, p.locked ? `${p.id}-locked` : '', p.errors.length ? errorsId : ''].filter(Boolean).join(' ');
  return (
    <section aria-labelledby={`${p.id}-title`} data-testid={`field-${p.id}`}>
      <h2 id={`${p.id}-title`}>{p.title}</h2>
      <p id={helpId} class="hint">{p.help}</p>
      {p.locked && <Locked id={`${p.id}-locked`} />}
      {p.orgValues.length > 0 && (
        <div class="org-values">
          <p>{t('optionsOrgAdds')}</p>
          <ul>{p.orgValues.map((v) => <li key={v} dir="ltr">{v}</li>)}</ul>
        </div>
      )}
      <label for={p.id}>{t('optionsYourEntries')}</label>
      <textarea id={p.id} rows={6} dir="ltr" spellcheck={false} value={p.text} readOnly={p.locked} aria-readonly={p.locked}
        aria-describedby={describedBy} aria-invalid={p.errors.length > 0} data-testid={`input-${p.id}`}
        onInput={(e) => p.onInput((e.target as HTMLTextAreaElement).value)} />
      {p.errors.length > 0 && (
        <ul id={errorsId} class="errors" data-testid={`errors-${p.id}`}>
          {p.errors.map((e) => <li key={e} dir="ltr">{e}</li>)}
        </ul>
      )}
    </section>
  );
}
