// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { indexText } from '@/lib/anchoring/dom-text';
import { createUiHost } from '@/lib/annotator/ui-host';

// The extension's UI lives in a closed shadow root, which the text index never enters: its words
// are not part of the page wherever the page moves the host, and the host has nothing to show.
describe('the UI host', () => {
  it('keeps its text out of the page’s text, even when the page moves it into the body', () => {
    document.body.innerHTML = '<p>Page text</p>';
    const ui = createUiHost(document);
    ui.attach();
    ui.layer.append(document.createTextNode('Save Nasta Loika'));
    expect(indexText(document.body).text).toBe('Page text');
    document.body.append(ui.host);
    expect(indexText(document.body).text).toBe('Page text');
    ui.remove();
  });

  it('is one element without attributes or light children, added only on attach', () => {
    document.body.innerHTML = '<p>Page text</p>';
    const ui = createUiHost(document);
    expect(document.querySelector('source-annotator-ui')).toBeNull();
    ui.attach();
    ui.attach();
    const hosts = document.querySelectorAll('source-annotator-ui');
    expect(hosts).toHaveLength(1);
    expect([...hosts[0]!.attributes]).toEqual([]);
    expect(hosts[0]!.childNodes).toHaveLength(0);
    expect(hosts[0]!.shadowRoot).toBeNull(); // closed
    ui.remove();
  });
});
