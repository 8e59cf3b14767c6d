import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy* and waitFor wait up to 5 s (the library's default is 1 s): the first
// render of a lazily loaded page transforms its modules on demand, which takes
// several seconds when make test runs on a busy 2-core machine. A passing test
// waits no longer; only a failing one takes longer to say so.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  window.location.hash = '';
});
