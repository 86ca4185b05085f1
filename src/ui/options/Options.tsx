import { useState } from 'preact/hooks';
import type { StatusResponse, UserSettingsView } from '../../messages/protocol.ts';
import type { SettingKey } from '../../core/policy/settings.ts';
import { ask } from '../../platform/messaging.ts';
import { t } from '../../platform/i18n.ts';
import { useAsync } from '../shared/use-async.ts';
import { ListsInForce } from '../shared/ListsInForce.tsx';
import { UpdateInfo } from '../shared/UpdateInfo.tsx';
import { HostAccess } from '../shared/HostAccess.tsx';
import { Locked } from '../shared/Locked.tsx';
import { EntriesField } from './EntriesField.tsx';
import { SessionAllows } from './SessionAllows.tsx';
import { ImportExport } from './ImportExport.tsx';
import { SecurityPhraseField } from './SecurityPhraseField.tsx';
import { linesOf, parseDomains, parseEntries, parseLogins, type FieldResult } from './validate.ts';
import { PasswordAlertStatusView } from './PasswordAlertStatus.tsx';

type ListKey = 'blockedEntries' | 'allowedEntries' | 'protectedDomains' | 'protectedLogins';

interface Field {
  key: ListKey;
  id: string;
  parse: (text: string, name: string) => FieldResult;
  /** Localised: heading, help, and the name line errors use (`name:line: reason`). */
  title: string;
  help: string;
  name: string;
}

const fields = (): Field[] => [
  { key: 'blockedEntries', id: 'blocked', parse: parseEntries, title: t('optionsBlockedTitle'), help: t('optionsBlockedHelp'), name: t('optionsBlockedName') },
  { key: 'allowedEntries', id: 'allowed', parse: parseEntries, title: t('optionsAllowedTitle'), help: t('optionsAllowedHelp'), name: t('optionsAllowedName') },
  { key: 'protectedDomains', id: 'protected', parse: parseDomains, title: t('optionsProtectedTitle'), help: t('optionsProtectedHelp'), name: t('optionsProtectedName') },
  { key: 'protectedLogins', id: 'logins', parse: parseLogins, title: t('optionsPwLoginsTitle'), help: `${t('optionsPwHelp')} ${t('optionsPwLoginsHelp')}`, name: t('optionsPwLoginsName') },
];

/** Keys where the organisation's values are added to the user's (src/core/policy/merge.ts). */
const ADDITIVE: ReadonlySet<SettingKey> = new Set(['blockedEntries', 'protectedDomains', 'protectedLogins']);

interface Loaded {
  view: UserSettingsView;
  status: StatusResponse;
}

export function Options() {
  const [generation, setGeneration] = useState(0);
  const loaded = useAsync<Loaded & { generation: number }>(
    async () => ({ view: await ask({ type: 'getUserSettings' }), status: await ask({ type: 'status' }), generation }),
    [generation],
  );
  const reload = () => setGeneration((g) => g + 1);
  return (
    <main class="options" aria-labelledby="options-title">
      <h1 id="options-title">{t('optionsTitle')}</h1>
      <HostAccess />
      {loaded.state === 'loading' && <p aria-busy="true">{t('warningLoading')}</p>}
      {loaded.state === 'error' && <p role="alert">{loaded.error}</p>}
      {loaded.state === 'ready' && (
        <>
          {/* Keyed by the data: a reload (after an import) starts the form afresh from what is saved. */}
          <SettingsForm key={loaded.value.generation} {...loaded.value} />
          <PasswordAlertStatusView />
          <SecurityPhraseField />
          <SessionAllows />
          <ImportExport user={loaded.value.view.user} onImported={reload} />
          <ListsInForce lists={loaded.value.status.lists} />
          <UpdateInfo status={loaded.value.status} />
        </>
      )}
    </main>
  );
}

function SettingsForm({ view }: Loaded) {
  const FIELDS = fields();
  const managed = new Set(view.managedKeys);
  // Personal protected logins exist only while the organisation allows them (merge.ts).
  const locked = (k: SettingKey) => (managed.has(k) && !ADDITIVE.has(k)) || (k === 'protectedLogins' && !view.effective.passwordAlertUserLogins);
  const mine = (k: ListKey) => (locked(k) ? view.effective[k] : view.user[k] ?? []);
  const [texts, setTexts] = useState<Record<ListKey, string>>(() => ({
    blockedEntries: linesOf(mine('blockedEntries')), allowedEntries: linesOf(mine('allowedEntries')), protectedDomains: linesOf(mine('protectedDomains')),
    protectedLogins: linesOf(mine('protectedLogins')),
  }));
  const [bundled, setBundled] = useState(view.effective.bundledListsEnabled);
  const [errors, setErrors] = useState<Partial<Record<ListKey, string[]>>>({});
  const [saved, setSaved] = useState<{ ok: boolean; text: string } | null>(null);

  const save = async (e: Event) => {
    e.preventDefault();
    const next: Record<string, unknown> = { ...view.user };
    const found: Partial<Record<ListKey, string[]>> = {};
    for (const f of FIELDS) {
      if (locked(f.key)) continue;
      const r = f.parse(texts[f.key], f.name);
      next[f.key] = r.values;
      if (r.errors.length) found[f.key] = r.errors;
    }
    if (!locked('bundledListsEnabled')) next.bundledListsEnabled = bundled;
    setErrors(found);
    setSaved(null);
    // A worker that fails to apply them (e.g. the browser refused the rules) must say so, not leave the status empty.
    const r = await ask({ type: 'setUserSettings', settings: next }).catch((err: Error) => ({ ok: false as const, problems: [err.message] }));
    const skipped = Object.keys(found).length > 0;
    setSaved(r.ok ? { ok: !skipped, text: skipped ? t('optionsSavedWithErrors') : t('optionsSaved') } : { ok: false, text: r.problems.join(' ') });
  };

  return (
    <form onSubmit={(e) => void save(e)} aria-labelledby="options-title">
        <section aria-labelledby="lists-switch-title">
          <h2 id="lists-switch-title">{t('optionsListsTitle')}</h2>
          <p>
            <input id="bundled" type="checkbox" checked={bundled} disabled={locked('bundledListsEnabled')}
              aria-describedby={locked('bundledListsEnabled') ? 'bundled-locked' : undefined}
              onChange={(e) => setBundled((e.target as HTMLInputElement).checked)} data-testid="bundled" />
            <label for="bundled">{t('optionsBundledLabel')}</label>
          </p>
          {locked('bundledListsEnabled') && <Locked id="bundled-locked" />}
        </section>
        {FIELDS.map((f) => (
          <EntriesField key={f.key} id={f.id} title={f.title} help={f.help}
            text={texts[f.key]} onInput={(v) => setTexts((all) => ({ ...all, [f.key]: v }))} locked={locked(f.key)}
            orgValues={managed.has(f.key) && ADDITIVE.has(f.key) ? view.effective[f.key].filter((v) => !(view.user[f.key] ?? []).includes(v)) : []}
            errors={errors[f.key] ?? []} />
        ))}
        <div class="actions">
          <button type="submit" class="primary" data-testid="save">{t('optionsSave')}</button>
        </div>
        <p role="status" data-testid="save-result" class={saved && !saved.ok ? 'problem' : ''}>{saved?.text ?? ''}</p>
    </form>
  );
}
