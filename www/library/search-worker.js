// The search worker: search-host.js's handler on a thread of its own, so that indexing
// thousands of articles never holds up the page.
import { searchHost } from './search-host.js';

const handle = searchHost((reply) => self.postMessage(reply));
self.addEventListener('message', (event) => handle(event.data));
