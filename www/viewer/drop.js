// Drag and drop anywhere on the page: `[dragging]` on the drop zone while files hover,
// and a drop handed over as what it held (library/open.js pickedFromDrop: files, folders
// as directory handles or entries, zips), the one way in it shares with the pickers.

import { pickedFromDrop } from '../library/open.js';

/** @typedef {import('../library/open.js').Picked} Picked */

/**
 * Listens for files dragged over the page and dropped on it.
 * @param {HTMLElement} zone  Gets `[dragging]` while files hover.
 * @param {(picked: Picked[]) => void} onDrop  Called once per drop with what it held.
 */
export function listenForDrops(zone, onDrop) {
  let depth = 0;
  const carriesFiles = (/** @type {DragEvent} */ e) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
  const stop = () => { depth = 0; zone.removeAttribute('dragging'); };
  document.addEventListener('dragenter', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    depth += 1;
    zone.setAttribute('dragging', '');
  });
  document.addEventListener('dragover', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) stop();
  });
  document.addEventListener('drop', (e) => {
    if (!carriesFiles(e) || !e.dataTransfer) return;
    e.preventDefault();
    stop();
    // Read now: the DataTransfer's items are only readable during the event.
    pickedFromDrop(e.dataTransfer).then(onDrop);
  });
}
