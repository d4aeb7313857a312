import { Show } from 'solid-js';
import type { BackupReminder as Reminder } from '../../state/backup-reminder';
import { navigate } from '../router';
import '../styles/backup.css';

/** Home: "Back up your collection", weekly (or before the first backup once there are reviews). */
export default function BackupReminder(props: { reminder: Reminder }) {
  return (
    <Show when={props.reminder.show()}>
      <section class="notice backup-reminder" aria-labelledby="backup-reminder-title">
        <p id="backup-reminder-title">
          <strong>Back up your collection.</strong> A backup file keeps your reviews safe if this device is
          lost or its browser data is cleared.
        </p>
        <div class="button-row">
          <button
            type="button"
            class="btn btn-small btn-primary"
            onClick={() => {
              props.reminder.askForBackup();
              navigate({ name: 'settings' });
            }}
          >
            Back up now
          </button>
          <button type="button" class="btn btn-small" onClick={() => void props.reminder.dismiss()}>
            Not now
          </button>
        </div>
      </section>
    </Show>
  );
}
