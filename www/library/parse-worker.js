// A parse worker: parse-host.js's handler on a thread of its own (the pool starts one per core).
import { parseHost } from './parse-host.js';

const handle = parseHost((reply) => self.postMessage(reply));
self.addEventListener('message', (event) => handle(event.data ?? {}));
