/** The guide's screenshots, bundled with the app (docs/images/*.png). */
const images = import.meta.glob<string>('../../../../docs/images/*.png', { eager: true, query: '?url', import: 'default' });

/** Resolves an image path of the guide (images/x.png) to its bundled URL. */
export function guideImage(src: string): string {
  const name = src.split('/').pop() ?? '';
  const hit = Object.entries(images).find(([path]) => path.endsWith('/' + name));
  return hit === undefined ? '' : hit[1];
}

