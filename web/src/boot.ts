// The start script: a classic script of its own (vite.config.mts builds it and puts it first in index.html), a few KB,
// run before the app's code has loaded and evaluated. It sends the address's first requests; the app's API client takes their answers over.
import { preloadScreenChunks, sendEarlyRequests } from './app/early-requests';

sendEarlyRequests();
preloadScreenChunks(location.pathname);
