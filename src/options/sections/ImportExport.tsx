// Lists in and out: import from a file or pasted JSON (nothing changes unless it is valid, and a
// list with the same id is only replaced when the reader says so), a backup of everything (restored
// only after the reader confirms; what it replaces is set aside, not lost).
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { CommandResult } from '../../shared/messages';
import { backupTooLarge, listFileTooLarge, listTooLarge, MAX_BACKUP_TEXT, MAX_UTF8_BYTES_PER_UNIT } from '../../shared/store/store';
import { saveJson } from '../../shared/ui/download';

interface Props {
  importList: (text: string, name: string, replace: boolean) => Promise<CommandResult>;
  importBackup: (text: string, name: string) => Promise<CommandResult>;
  exportBackup: () => Promise<CommandResult>;
}

export function ImportExport({ importList, importBackup, exportBackup }: Props) {
  const [pasted, setPasted] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [done, setDone] = useState('');
  const [pending, setPending] = useState<{ text: string; name: string } | null>(null);
  const [backup, setBackup] = useState<{ text: string; name: string } | null>(null);

  const restore = async (text: string, name: string) => {
    const result = await importBackup(text, name);
    setBackup(null);
    setErrors(result.ok ? [] : result.errors);
    setDone(result.ok ? t('options_backup_restored') : '');
  };

  // Too large is refused here, before the text is read or sent, with the background's own words:
  // Chromium does not pass a message over 64 MiB on, and its error names neither the file nor the limit.
  const refuse = (error: string) => {
    setDone('');
    setPending(null);
    setBackup(null);
    setErrors([error]);
  };

  const tryImport = async (text: string, name: string, replace: boolean) => {
    setDone('');
    const result = await importList(text, name, replace);
    if (result.ok) {
      setErrors([]);
      setPending(null);
      setPasted('');
      setDone(t('options_imported_ok', name));
    } else if (result.canReplace) {
      setErrors(result.errors);
      setPending({ text, name });
    } else {
      setErrors(result.errors);
      setPending(null);
    }
  };

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">{t('options_import_export')}</h2>
      <div class="grid">
        <div class="field">
          <label for="import-file">{t('options_import_file')}</label>
          <input
            id="import-file"
            type="file"
            accept=".json,application/json"
            onChange={async (event) => {
              // Held before awaiting: the event's currentTarget is null once it has been dispatched.
              const input = event.currentTarget;
              const file = input.files?.[0];
              if (file) {
                // Surely too many characters: not even read. Otherwise read, and its characters counted.
                const unread = listFileTooLarge(file.size, file.name);
                const text = unread === undefined ? await file.text() : '';
                const tooLarge = unread ?? listTooLarge(text.length, file.name);
                if (tooLarge) refuse(tooLarge);
                else await tryImport(text, file.name, false);
              }
              input.value = '';
            }}
          />
        </div>
        <div class="field">
          <label for="import-text">{t('options_import_paste')}</label>
          <textarea id="import-text" rows={3} value={pasted} onInput={(e) => setPasted(e.currentTarget.value)} />
          <button
            type="button"
            disabled={!pasted.trim()}
            onClick={() => {
              const name = t('options_pasted_list');
              const tooLarge = listTooLarge(pasted.length, name);
              return tooLarge ? refuse(tooLarge) : tryImport(pasted, name, false);
            }}
          >
            {t('options_import')}
          </button>
        </div>
      </div>
      {errors.length > 0 && (
        <div class="import-errors" role="alert">
          <p>{pending ? t('options_import_replace_question') : t('options_import_refused')}</p>
          <ul class="errors">
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
          {pending && (
            <div class="actions">
              <button type="button" class="danger" onClick={() => tryImport(pending.text, pending.name, true)}>
                {t('options_replace')}
              </button>
              <button
                type="button"
                onClick={() => {
                  setPending(null);
                  setErrors([]);
                }}
              >
                {t('options_cancel')}
              </button>
            </div>
          )}
        </div>
      )}
      {done && (
        <p class="ok" role="status">
          {done}
        </p>
      )}
      <div class="actions">
        <button
          type="button"
          onClick={async () => {
            const result = await exportBackup();
            if (result.ok) saveJson(`wortlupe-backup-${new Date().toISOString().slice(0, 10)}.json`, result.data);
          }}
        >
          {t('options_export_all')}
        </button>
        <label class="button-like" for="backup-file">
          {t('options_import_backup')}
        </label>
        <input
          id="backup-file"
          class="visually-hidden"
          type="file"
          accept=".json,application/json"
          onChange={async (event) => {
            const input = event.currentTarget; // held before awaiting, as above
            const file = input.files?.[0];
            if (!file) return;
            // As for a list: surely too large, not read; otherwise its characters counted.
            const text = file.size > MAX_BACKUP_TEXT * MAX_UTF8_BYTES_PER_UNIT ? undefined : await file.text();
            const tooLarge = backupTooLarge(text?.length ?? file.size);
            input.value = '';
            if (tooLarge || text === undefined) {
              // Named as the background names the file in its reasons.
              refuse(`${file.name}: ${tooLarge}`);
              return;
            }
            setDone('');
            setErrors([]);
            setBackup({ text, name: file.name });
          }}
        />
      </div>
      {backup && (
        <div class="confirm-backup" role="alertdialog" aria-labelledby="backup-question">
          <p id="backup-question">{t('options_backup_confirm', backup.name)}</p>
          <div class="actions">
            <button type="button" class="danger" onClick={() => void restore(backup.text, backup.name)}>
              {t('options_restore')}
            </button>
            <button type="button" onClick={() => setBackup(null)}>
              {t('options_cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
