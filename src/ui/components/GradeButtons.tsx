import { For } from 'solid-js';
import { GRADES, GRADE_NAMES, type Grade } from '../../domain/types';

/** The four grade buttons, each with the interval it would give ("Good · 10m") and its key. */
export default function GradeButtons(props: {
  intervals: Partial<Record<Grade, string>>;
  disabled: boolean;
  onGrade: (grade: Grade) => void;
}) {
  return (
    <div class="grades" role="group" aria-label="Grade your answer">
      <For each={GRADES}>
        {(grade) => (
          <button
            type="button"
            class={`btn grade grade-${GRADE_NAMES[grade].toLowerCase()}`}
            disabled={props.disabled}
            aria-keyshortcuts={String(grade)}
            onClick={() => props.onGrade(grade)}
          >
            <span>{GRADE_NAMES[grade]}</span>
            <span class="interval">
              <span class="visually-hidden">· </span>
              {props.intervals[grade] ?? ''}
            </span>
          </button>
        )}
      </For>
    </div>
  );
}
