import { hrefFor } from '../lib/router';
import { cx } from '../lib/cx';
import { pages, type NavGroup } from './routes';
import styles from './Sidebar.module.css';

const groups: { id: NavGroup; label: string }[] = [
  { id: 'build', label: 'Build' },
  { id: 'operate', label: 'Operate' },
  { id: 'system', label: 'System' },
];

/** Props of Sidebar. */
export interface SidebarProps {
  /** Id of the current page, marked aria-current. */
  current: string;
}

/** The left navigation: brand, then the pages grouped by what the owner is doing. */
export function Sidebar({ current }: SidebarProps) {
  return (
    <aside className={styles.sidebar}>
      <div className={styles.brand}>
        <img className={styles.logo} src="./favicon.svg" alt="" width={26} height={26} />
        <div className={styles.brandText}>
          <span className={styles.product}>Chatflow Studio</span>
          <span className={styles.tagline}>WhatsApp chatbot builder</span>
        </div>
      </div>
      <nav aria-label="Main" className={styles.nav}>
        {groups.map((g) => (
          <div key={g.id} className={cx(styles.group, g.id === 'system' && styles.bottom)}>
            {g.id !== 'system' && <p className={styles.groupLabel}>{g.label}</p>}
            <ul className={styles.list}>
              {pages
                .filter((p) => p.group === g.id)
                .map((p) => {
                  const Icon = p.icon;
                  const active = p.id === current;
                  return (
                    <li key={p.id}>
                      <a
                        href={hrefFor(p.id)}
                        className={cx(styles.link, active && styles.active)}
                        aria-current={active ? 'page' : undefined}
                      >
                        <Icon size={16} strokeWidth={active ? 2.2 : 1.9} aria-hidden="true" />
                        <span>{p.label}</span>
                      </a>
                    </li>
                  );
                })}
            </ul>
          </div>
        ))}
      </nav>
    </aside>
  );
}
