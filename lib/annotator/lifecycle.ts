import type { Lifecycle } from './page-annotator';

// The content script's own lifecycle: listeners and timers tied to one AbortController, so they all
// end together when the extension is reloaded or updated (the old script's `runtime.id` is gone).
// It replaces WXT's ContentScriptContext, which announces itself to the page: it posts
// `<id>:content:wxt:content-script-started` to `window`, fires a custom event on `document`, and
// listens to `wxt:` events that any page script can fire (one stops the content script, another
// asks for a rescan). This one posts nothing and listens to nothing the page can send.

/** A lifecycle with a way to end it; `alive()` is false once the extension context is gone. */
export interface ContentLifecycle extends Lifecycle {
  setInterval(handler: () => void, ms: number): number;
  alive(): boolean;
  invalidate(): void;
}

/** Creates the lifecycle; `runtimeId` reads the extension's id, which becomes undefined when it is reloaded. */
export function createLifecycle(view: Window, runtimeId: () => string | undefined): ContentLifecycle {
  const controller = new AbortController();
  const alive = () => {
    if (!controller.signal.aborted && runtimeId() == null) controller.abort();
    return !controller.signal.aborted;
  };
  const life: ContentLifecycle = {
    alive,
    invalidate: () => controller.abort(),
    onInvalidated(callback) {
      controller.signal.addEventListener('abort', callback, { once: true });
    },
    addEventListener(target, type, listener, options) {
      target.addEventListener(type, listener, { ...options, signal: controller.signal });
    },
    setTimeout(handler, ms) {
      const id = view.setTimeout(() => alive() && handler(), ms);
      life.onInvalidated(() => view.clearTimeout(id));
      return id;
    },
    setInterval(handler, ms) {
      const id = view.setInterval(() => alive() && handler(), ms);
      life.onInvalidated(() => view.clearInterval(id));
      return id;
    },
  };
  return life;
}
