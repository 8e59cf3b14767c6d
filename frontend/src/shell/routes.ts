import { Braces, MessagesSquare, Plug, Settings, Sparkles, Workflow, type LucideIcon } from 'lucide-react';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** Where a page sits in the navigation. */
export type NavGroup = 'build' | 'operate' | 'system' | 'hidden';

/** One top-level page: its hash id, its navigation entry and its lazily loaded component. */
export interface PageRoute {
  /** The first hash segment: `#/flows`. */
  id: string;
  label: string;
  icon: LucideIcon;
  group: NavGroup;
  component: LazyExoticComponent<ComponentType>;
}

/** Every page of the app, in navigation order. Each page folder is owned by its feature. */
export const pages: PageRoute[] = [
  {
    id: 'flows',
    label: 'Flows',
    icon: Workflow,
    group: 'build',
    component: lazy(() => import('../pages/flows/FlowsPage').then((m) => ({ default: m.FlowsPage }))),
  },
  {
    id: 'apis',
    label: 'APIs',
    icon: Plug,
    group: 'build',
    component: lazy(() => import('../pages/apis/ApisPage').then((m) => ({ default: m.ApisPage }))),
  },
  {
    id: 'attributes',
    label: 'Attributes',
    icon: Braces,
    group: 'build',
    component: lazy(() => import('../pages/attributes/AttributesPage').then((m) => ({ default: m.AttributesPage }))),
  },
  {
    id: 'conversations',
    label: 'Conversations',
    icon: MessagesSquare,
    group: 'operate',
    component: lazy(() =>
      import('../pages/conversations/ConversationsPage').then((m) => ({ default: m.ConversationsPage })),
    ),
  },
  {
    id: 'settings',
    label: 'Settings',
    icon: Settings,
    group: 'system',
    component: lazy(() => import('../pages/settings/SettingsPage').then((m) => ({ default: m.SettingsPage }))),
  },
  {
    // Not in the navigation: the shell opens it on an empty database.
    id: 'welcome',
    label: 'Welcome',
    icon: Sparkles,
    group: 'hidden',
    component: lazy(() => import('../pages/welcome/WelcomePage').then((m) => ({ default: m.WelcomePage }))),
  },
];

/** The page shown for an empty or unknown hash. */
export const defaultPageId = 'flows';

/** Finds the page for a hash id, or undefined. */
export function findPage(id: string): PageRoute | undefined {
  return pages.find((p) => p.id === id);
}
