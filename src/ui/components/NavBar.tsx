import { For } from 'solid-js';
import Icon from './Icon';

export type NavName = 'home' | 'decks' | 'quiz' | 'stats' | 'settings';

interface NavItem {
  name: NavName;
  label: string;
  href: string;
  /** SVG path of the item's icon. */
  icon: string;
}

const ITEMS: NavItem[] = [
  { name: 'home', label: 'Home', href: '#/', icon: 'M3 11l9-8 9 8M5 10v10h5v-6h4v6h5V10' },
  { name: 'decks', label: 'Decks', href: '#/decks', icon: 'M4 6h16M4 12h16M4 18h10' },
  {
    name: 'quiz',
    label: 'Quiz',
    href: '#/quiz',
    icon: 'M9 11l2 2 4-4M5 4h14v16H5zM8 17h8',
  },
  { name: 'stats', label: 'Stats', href: '#/stats', icon: 'M4 20h16M7 16v-5M12 16V6M17 16v-8' },
  {
    name: 'settings',
    label: 'Settings',
    href: '#/settings',
    icon: 'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM4 12h2M18 12h2M12 4v2M12 18v2M6.3 6.3l1.4 1.4M16.3 16.3l1.4 1.4M6.3 17.7l1.4-1.4M16.3 7.7l1.4-1.4',
  },
];

/** The bottom navigation bar. */
export default function NavBar(props: { current: NavName | null }) {
  return (
    <nav class="nav" aria-label="Main">
      <ul>
        <For each={ITEMS}>
          {(item) => (
            <li>
              <a href={item.href} aria-current={props.current === item.name ? 'page' : undefined}>
                <Icon d={item.icon} />
                <span>{item.label}</span>
              </a>
            </li>
          )}
        </For>
      </ul>
    </nav>
  );
}
