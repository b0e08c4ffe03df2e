import type { KindDefinition } from '@/lib/schema/kinds';

const FALLBACK_COLOR = '#d1d5db';

/** A kind as the researcher named and coloured it: a swatch of its highlight colour and its label. */
export function KindBadge({ kinds, id }: { kinds: readonly KindDefinition[]; id: string }) {
  const kind = kinds.find((k) => k.id === id);
  return (
    <span class="kind-badge">
      <span class="kind-swatch" aria-hidden="true" style={{ background: kind?.color ?? FALLBACK_COLOR }} />
      {kind?.label ?? id}
    </span>
  );
}
