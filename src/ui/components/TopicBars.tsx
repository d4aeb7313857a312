import { For } from 'solid-js';
import type { TopicScore } from '../../domain/quiz';

/**
 * The score per topic as a horizontal bar chart: each row names the topic and its score in text, so the
 * bars (SVG widths as attributes, no inline styles) only repeat what is read out.
 */
export default function TopicBars(props: { topics: TopicScore[] }) {
  return (
    <ul class="topic-bars" aria-label="Score by topic">
      <For each={props.topics}>
        {(topic) => (
          <li>
            <span class="topic-name">{topic.topic}</span>
            <svg class="topic-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
              <rect class="topic-bar-track" width="100" height="10" rx="3" />
              <rect class="topic-bar-fill" width={topic.percent} height="10" rx="3" />
            </svg>
            <span class="topic-score">
              {topic.correct} / {topic.total} ({topic.percent}%)
            </span>
          </li>
        )}
      </For>
    </ul>
  );
}
