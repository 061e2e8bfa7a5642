// Type-checked by tests/e2e/embed-dist.test.mjs (tsc --noEmit): the package's
// declarations must describe what a consumer actually writes.
import { init, render, renderWhenReady, compiledModules, FolioError, type Article, type ModuleName, type TocEntry } from 'folio-viewer';
import type { FolioArticleElement, ShowPart } from 'folio-viewer/element';

export async function titleOf(bytes: Uint8Array): Promise<string | null> {
  await init({ wasm: bytes });
  try {
    const article: Article = render(bytes, { fileName: 'post.md', baseUrl: 'https://example.com/' });
    const headings: TocEntry[] = article.toc;
    const minutes: number = article.stats.reading_minutes;
    return `${article.title ?? ''} ${headings.length} ${minutes}`;
  } catch (e) {
    if (e instanceof FolioError && e.code === 'trap') return null;
    throw e;
  }
}

export const later: Promise<Article> = renderWhenReady('# Title', { fileName: 'a.md' });

/** One .wasm per module, and the full one at once; a worker gets the compiled modules. */
export async function both(light: Uint8Array, full: Uint8Array, worker: Worker): Promise<ModuleName[]> {
  await init({ wasm: { light, full }, preload: ['full'] });
  worker.postMessage({ core: compiledModules().full });
  return Object.keys(compiledModules()) as ModuleName[];
}

export function listen(element: FolioArticleElement): ShowPart[] {
  element.addEventListener('folio-rendered', (event) => {
    const tags: string[] = event.detail.tags;
    console.log(tags, event.detail.category_paths);
  });
  return ['title', 'body'];
}
