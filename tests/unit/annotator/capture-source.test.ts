// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { captureOnce } from '@/lib/annotator/capture-source';

describe('captureOnce', () => {
  it('reads the page once per address and again after the address changes', async () => {
    document.title = 'Freed after serving their terms';
    history.replaceState({}, '', '/release-digest.html');
    const capture = captureOnce(document);
    const first = capture();
    expect(capture()).toBe(first);
    expect(await first).toMatchObject({
      title: 'Freed after serving their terms',
      textSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    history.replaceState({}, '', '/spa.html?story=court');
    const moved = capture();
    expect(moved).not.toBe(first);
    expect((await moved).url).toMatch(/spa\.html\?story=court$/);
  });
});
