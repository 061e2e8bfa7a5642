// The viewer's remembered settings that the first screen already needs.

/** Where the remote-images setting is remembered: "block" or "load". */
export const IMAGES_KEY = 'folio.images';

/**
 * The remote-images setting: `?images=` if given, else the remembered choice, else load.
 * @param {{ images: 'block' | 'load' | null }} route
 * @returns {boolean}  Whether remote images are blocked.
 */
export function imagesBlockedAtStart(route) {
  if (route.images) return route.images === 'block';
  try {
    return localStorage.getItem(IMAGES_KEY) === 'block';
  } catch {
    return false; // Storage is off (private mode, sandbox): the default.
  }
}
