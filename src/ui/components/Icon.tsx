/** A decorative line icon (24x24 path), hidden from screen readers: the text next to it names the action. */
export default function Icon(props: { d: string; class?: string }) {
  return (
    <svg
      class={props.class}
      viewBox="0 0 24 24"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      <path d={props.d} />
    </svg>
  );
}
