import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ManagedSettings } from '../../core/policy/settings.ts';
import { ask } from '../../platform/messaging.ts';
import { t } from '../../platform/i18n.ts';
import { parseSettingsFile } from './validate.ts';

export const EXPORT_FILE = 'takedown-guard-settings.json';

/**
 * The user's own settings as a JSON file, in the policy's shape (an admin can
 * reuse it as a policy). Import goes through the worker's policy parser:
 * a file with any invalid value is refused whole, with the reasons.
 */
export function ImportExport({ user, onImported }: { user: Partial<ManagedSettings>; onImported: () => void }) {
  const href = useMemo(() => URL.createObjectURL(new Blob([`${JSON.stringify(user, null, 2)}\n`], { type: 'application/json' })), [user]);
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  const [message, setMessage] = useState<{ ok: boolean; lines: string[] } | null>(null);

  const load = async (file: File) => {
    const parsed = parseSettingsFile(await file.text());
    if (!parsed.ok) return setMessage({ ok: false, lines: [t('optionsImportNotJson', parsed.error)] });
    const saved = await ask({ type: 'setUserSettings', settings: parsed.value });
    if (!saved.ok) return setMessage({ ok: false, lines: [t('optionsImportRefused'), ...saved.problems] });
    setMessage({ ok: true, lines: [t('optionsImported')] });
    onImported();
  };
  const onChange = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void load(file).catch((err: unknown) => setMessage({ ok: false, lines: [String(err)] }));
  };

  return (
    <section aria-labelledby="file-title">
      <h2 id="file-title">{t('optionsFileTitle')}</h2>
      <p class="hint">{t('optionsFileHelp')}</p>
      <p><a href={href} download={EXPORT_FILE} class="button" data-testid="export">{t('optionsExport')}</a></p>
      <p>
        <label for="import-file">{t('optionsImport')}</label>
        <br />
        <input id="import-file" type="file" accept="application/json,.json" onChange={onChange} data-testid="import" />
      </p>
      <div role={message?.ok === false ? 'alert' : 'status'} data-testid="import-result">
        {message?.lines.map((l) => <p key={l}>{l}</p>)}
      </div>
    </section>
  );
}
