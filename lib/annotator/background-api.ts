import { sendToBackground as request, sendSaveToBackground } from '../messaging/send-to-background';
import { toBackground } from '../messaging/browser-transport';
import type { AnnotatorApi } from './page-annotator';

/** The annotator's requests, sent to the background as typed protocol messages the background validates on arrival. */
export const backgroundApi: AnnotatorApi = {
  load: (canonicalUrl) => request(toBackground, 'annotations/for-page', { canonicalUrl }),
  // The id is chosen here, once, so a retry after a lost answer is the same save.
  create: (input) => sendSaveToBackground(toBackground, 'annotation/create', { ...input, id: crypto.randomUUID() }),
  update: (change) => request(toBackground, 'annotation/update', change),
  remove: (id) => request(toBackground, 'annotation/delete', { id }),
  restore: (annotation) => request(toBackground, 'annotation/restore', { annotation }),
  reportAnchoring: async (changes) => void (await request(toBackground, 'annotations/anchoring', { changes })),
  openPanel: async (annotationId) => (await request(toBackground, 'sidepanel/open', { annotationId })).opened,
};
