/**
 * "Reschedule due dates": whether a replay of every card under new settings also moves their due dates
 * (on) or changes only their memory states (off), as Anki's "Reschedule cards on change".
 */
export default function RescheduleChoice(props: {
  id: string;
  checked: boolean;
  /** What is replayed with what, in one sentence. */
  what: string;
  onChange: (checked: boolean) => void;
}) {
  return (
    <>
      <label class="check-row">
        <input
          type="checkbox"
          checked={props.checked}
          aria-describedby={props.id}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />
        Reschedule due dates
      </label>
      <p class="hint" id={props.id}>
        {props.what} Off: cards keep their due dates. On: they get the due dates the new settings give.
      </p>
    </>
  );
}
