// The start script: an entry of its own (vite.config.mts puts it first in index.html), a few KB, run before the app's
// code has loaded and evaluated. It sends the address's first requests; the app's API client takes their answers over.
import { sendEarlyRequests } from './app/early-requests';

sendEarlyRequests();
