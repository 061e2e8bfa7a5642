// The first screen before the rest of the viewer (the library, the reader, about sixty
// modules) has loaded: the page's own words in the reader's language, and the article of
// `?src=` drawn as soon as viewer/early.js has rendered it: the same view the reader builds,
// with the same language, locale and remote-images setting, but inert (not yet clickable
// nor focusable: its links are followed by the reader). The reader puts its own view in its
// place when it shows the article (viewer/reader.js). Loaded by early.js on demand, so that
// its imports do not delay the article's fetch.

import { switchableTranslator, translatePage } from '../i18n.js';
import { following, translateLibrary } from '../library/strings.js';
import { articleView } from '../view/article.js';
import { datesLocale, localeOf, readRoute } from './route.js';
import { imagesBlockedAtStart } from './settings.js';

/** Marks the first view, which the reader replaces without showing its loading note. */
export const FIRST_VIEW_ATTR = 'data-first-view';

/** Whether app.js has started (it asks `firstViewPainted()` first): from then on the page is its own. */
let appStarted = false;

/**
 * Puts the page's own words (the top bar, the sidebar, the welcome card: English in
 * index.html) in the reader's language as soon as the page is parsed, rather than once
 * app.js is up, which flashed English on a Chinese page for half a second.
 */
export function speakEarly() {
  const route = readRoute(location);
  if (appStarted || route.lang === 'en') return;
  const t = switchableTranslator(route.lang);
  document.documentElement.lang = localeOf(route.lang);
  translatePage(document, t);
  translateLibrary(document, following(t));
}

/**
 * Draws `article` in the page's reading pane if the pane still shows only its welcome
 * card (nothing else has been shown there).
 * @param {import('../folio.js').Article} article
 * @param {{ name: string, baseUrl: string }} from
 * @returns {boolean}  Whether it was drawn.
 */
export function drawFirst(article, { name, baseUrl }) {
  if (appStarted) return false;
  const pane = document.querySelector('[data-testid="viewer"]');
  const only = pane?.children.length === 1 ? pane.firstElementChild : null;
  if (!(pane instanceof HTMLElement) || !only?.matches('[data-testid="welcome"]')) return false;
  const route = readRoute(location);
  const view = articleView(article, { t: switchableTranslator(route.lang), locale: datesLocale(route), name, baseUrl, blockImages: imagesBlockedAtStart(route) });
  view.setAttribute(FIRST_VIEW_ATTR, '');
  view.inert = true;
  pane.replaceChildren(view);
  return true;
}

/**
 * Resolves once the first view's frame is painted, if one is in the pane (at once if not):
 * the viewer's start is one long task, which would otherwise hold that frame back.
 * @returns {Promise<void>}
 */
export function firstViewPainted() {
  appStarted = true;
  if (!document.querySelector(`[${FIRST_VIEW_ATTR}]`)) return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
