// Type-checked by tests/e2e/embed-dist.test.mjs (tsc --noEmit): the package's
// declarations must describe what a consumer actually writes.
import { init, render, renderWhenReady, FolioError, type Article, type TocEntry } from 'folio-viewer';
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

export function listen(element: FolioArticleElement): ShowPart[] {
  element.addEventListener('folio-rendered', (event) => {
    const tags: string[] = event.detail.tags;
    console.log(tags, event.detail.category_paths);
  });
  return ['title', 'body'];
}
