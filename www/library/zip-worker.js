// The zip worker: zip-host.js's handler on a thread of its own.
import { zipHost } from './zip-host.js';

const handle = zipHost((reply) => self.postMessage(reply));
self.addEventListener('message', (event) => handle(event.data ?? {}));
