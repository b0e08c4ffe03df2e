// @vitest-environment happy-dom
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex, visibleText } from '@/lib/page/text-fingerprint';

function page(body: string): Document {
  return new DOMParser().parseFromString(`<html><head><title>t</title></head><body>${body}</body></html>`, 'text/html');
}

// Without layout (jsdom, detached documents) innerText is missing; the fallback must still hide scripts.
function withoutInnerText(doc: Document): Document {
  Object.defineProperty(doc.body, 'innerText', { value: undefined });
  return doc;
}

const HIDDEN_BITS = '<script>var secret = 1;</script><style>p { color: red }</style><template><p>tpl</p></template>';

describe('visibleText', () => {
  // happy-dom's innerText shows <noscript> (it runs without scripting); a browser with scripting hides it,
  // so <noscript> is checked on the fallback path only.
  it.each([
    { name: 'innerText (browsers)', prepare: (doc: Document) => doc, hidden: HIDDEN_BITS },
    {
      name: 'the textContent fallback',
      prepare: withoutInnerText,
      hidden: `${HIDDEN_BITS}<noscript>Enable JS</noscript>`,
    },
  ])('with $name: collapses whitespace and leaves out script, style, noscript and template', ({ prepare, hidden }) => {
    const doc = prepare(page(`\n  <p>Political   prisoners:\n\t1,429</p>${hidden}<p>\u00a0Released  </p>\n`));
    const text = visibleText(doc);
    expect(text).toMatch(/^Political prisoners: 1,429 ?Released$/);
    expect(text).not.toMatch(/secret|color|Enable JS|tpl/);
  });

  it('is empty for a document without a body', () => {
    const doc = document.implementation.createHTMLDocument('');
    doc.documentElement.removeChild(doc.body);
    expect(visibleText(doc)).toBe('');
  });
});

describe('sha256Hex', () => {
  it.each([
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ])('hashes %j to the known digest', async (input, expected) => {
    expect(await sha256Hex(input)).toBe(expected);
  });

  it('hashes non-ASCII text as UTF-8', async () => {
    const text = 'Алесь Бяляцкі — «палітвязень» 😀';
    expect(await sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it.each([
    ['<p>Hello   world</p>\n\n<p>Second\tline</p>', '<p>Hello world</p> <p>Second line</p>'],
    ['<div>\n  <span>One</span>\n  <span>two</span>\n</div>', '<div><span>One</span> <span>two</span></div>'],
  ])('gives the same hash for the same text laid out differently: %j', async (a, b) => {
    for (const prepare of [(doc: Document) => doc, withoutInnerText]) {
      const first = await sha256Hex(visibleText(prepare(page(a))));
      const second = await sha256Hex(visibleText(prepare(page(b))));
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(first).toBe(second);
    }
  });

  it('changes when a word changes', async () => {
    expect(await sha256Hex(visibleText(page('<p>sentenced to 3 years</p>')))).not.toBe(
      await sha256Hex(visibleText(page('<p>sentenced to 5 years</p>'))),
    );
  });
});
