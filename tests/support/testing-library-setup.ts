import { configure } from '@testing-library/preact';

// Component tests wait for the database and live queries to settle. On a loaded machine (CI shares
// two cores between test files) that can take longer than Testing Library's one-second default;
// the wait is for readiness, not a speed assertion, so it may be generous.
configure({ asyncUtilTimeout: 5_000 });
