import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { dropEarlyRequests } from './api/early-answers';
import { resetApi } from './test-api';

// The API client captures fetch when it is created: route every call through the replaceable fake of test-api.ts.
globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => (globalThis as unknown as { __fakeFetch: typeof fetch }).__fakeFetch(input, init);

afterEach(() => {
  cleanup();
  resetApi();
  dropEarlyRequests();
  localStorage.clear();
});
