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
  /**
   * Shows icons only (a 56 px rail), with the names as tooltips and for
   * screen readers: the flow editor gives the width to its canvas.
   */
  collapsed?: boolean;
}

/** The left navigation: brand, then the pages grouped by what the owner is doing. */
export function Sidebar({ current, collapsed = false }: SidebarProps) {
  return (
    <aside className={cx(styles.sidebar, collapsed && styles.collapsed)} data-collapsed={collapsed || undefined}>
      <div className={styles.brand} title={collapsed ? 'Chatflow Studio' : undefined}>
        <img className={styles.logo} src="./favicon.svg" alt="" width={26} height={26} />
        {!collapsed && (
          <div className={styles.brandText}>
            <span className={styles.product}>Chatflow Studio</span>
            <span className={styles.tagline}>WhatsApp chatbot builder</span>
          </div>
        )}
      </div>
      <nav aria-label="Main" className={styles.nav}>
        {groups.map((g) => (
          <div key={g.id} className={cx(styles.group, g.id === 'system' && styles.bottom)}>
            {g.id !== 'system' && !collapsed && <p className={styles.groupLabel}>{g.label}</p>}
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
                        title={collapsed ? p.label : undefined}
                      >
                        <Icon size={collapsed ? 18 : 16} strokeWidth={active ? 2.2 : 1.9} aria-hidden="true" />
                        <span className={collapsed ? 'visually-hidden' : undefined}>{p.label}</span>
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
