import { BookOpen, Braces, FileText, MessagesSquare, Plug, Settings, Sparkles, Workflow, type LucideIcon } from 'lucide-react';
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
  /** Fetches the page's code ahead of its first render. */
  preload: () => Promise<unknown>;
}

type PageModule = { default: ComponentType };

/**
 * A page's component, loaded on first use, that renders at once when its
 * code was preloaded.
 *
 * Why: a lazy component always suspends on its first render, and once
 * React has shown a Suspense fallback it holds the page back until 300 ms
 * after that (its fallback throttle). Opening the app on a page (the flow
 * editor, say) spent about 150 ms idle in that wait. main.tsx preloads the
 * first page; for a page already loaded, the loader returns a thenable that
 * answers synchronously, which React.lazy reads without suspending.
 */
export function lazyPage(importer: () => Promise<PageModule>): Pick<PageRoute, 'component' | 'preload'> {
  let loaded: PageModule | undefined;
  let pending: Promise<PageModule> | undefined;
  const load = () =>
    (pending ??= importer().then(
      (m) => (loaded = m),
      (err: unknown) => {
        pending = undefined; // a failed fetch (the app was updated, say) may be tried again
        throw err;
      },
    ));
  const component = lazy(() => {
    const ready = loaded;
    if (ready === undefined) {
      return load();
    }
    // React.lazy only calls then(onFulfilled, onRejected) and checks its
    // state right after: answering inside the call renders the page now.
    const settled = { then: (onFulfilled: (m: PageModule) => unknown) => void onFulfilled(ready) };
    return settled as unknown as Promise<PageModule>;
  });
  return { component, preload: load };
}

/** Every page of the app, in navigation order. Each page folder is owned by its feature. */
export const pages: PageRoute[] = [
  {
    id: 'flows',
    label: 'Flows',
    icon: Workflow,
    group: 'build',
    ...lazyPage(() => import('../pages/flows/FlowsPage').then((m) => ({ default: m.FlowsPage }))),
  },
  {
    id: 'apis',
    label: 'APIs',
    icon: Plug,
    group: 'build',
    ...lazyPage(() => import('../pages/apis/ApisPage').then((m) => ({ default: m.ApisPage }))),
  },
  {
    id: 'attributes',
    label: 'Attributes',
    icon: Braces,
    group: 'build',
    ...lazyPage(() => import('../pages/attributes/AttributesPage').then((m) => ({ default: m.AttributesPage }))),
  },
  {
    id: 'conversations',
    label: 'Conversations',
    icon: MessagesSquare,
    group: 'operate',
    ...lazyPage(() => import('../pages/conversations/ConversationsPage').then((m) => ({ default: m.ConversationsPage }))),
  },
  {
    id: 'templates',
    label: 'Templates',
    icon: FileText,
    group: 'operate',
    ...lazyPage(() => import('../pages/templates/BoundTemplatesPage').then((m) => ({ default: m.BoundTemplatesPage }))),
  },
  {
    id: 'settings',
    label: 'Settings',
    icon: Settings,
    group: 'system',
    ...lazyPage(() => import('../pages/settings/SettingsPage').then((m) => ({ default: m.SettingsPage }))),
  },
  {
    // Not in the navigation: the shell opens it on an empty database.
    id: 'welcome',
    label: 'Welcome',
    icon: Sparkles,
    group: 'hidden',
    ...lazyPage(() => import('../pages/welcome/WelcomePage').then((m) => ({ default: m.WelcomePage }))),
  },
  {
    // Not in the navigation: Settings and the checklist link to it.
    id: 'guide',
    label: 'Setup guide',
    icon: BookOpen,
    group: 'hidden',
    ...lazyPage(() => import('../pages/guide/GuidePage').then((m) => ({ default: m.GuidePage }))),
  },
];

/** The page shown for an empty or unknown hash. */
export const defaultPageId = 'flows';

/** Finds the page for a hash id, or undefined. */
export function findPage(id: string): PageRoute | undefined {
  return pages.find((p) => p.id === id);
}
