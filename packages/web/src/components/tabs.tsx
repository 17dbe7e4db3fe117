export interface TabItem<T extends string> {
  id: T;
  label: string;
}

/**
 * A row of tabs over one panel (WAI-ARIA tabs: the current tab is the one focusable stop, arrow
 * keys move to the next or previous and choose it). The panel carries `id={panelId}` and
 * `aria-labelledby={tabId(panelId, current)}`.
 */
export function Tabs<T extends string>({
  label,
  tabs,
  current,
  onSelect,
  panelId,
  className = 'tabs',
}: {
  label: string;
  tabs: readonly TabItem<T>[];
  current: T;
  onSelect: (id: T) => void;
  panelId: string;
  className?: string;
}) {
  return (
    <div role="tablist" aria-label={label} className={className}>
      {tabs.map((t, i) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={tabId(panelId, t.id)}
          aria-selected={t.id === current}
          aria-controls={panelId}
          tabIndex={t.id === current ? 0 : -1}
          className={t.id === current ? 'tab active' : 'tab'}
          onClick={() => onSelect(t.id)}
          onKeyDown={(e) => {
            const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
            if (!step) return;
            e.preventDefault();
            const next = tabs[(i + step + tabs.length) % tabs.length]!;
            onSelect(next.id);
            document.getElementById(tabId(panelId, next.id))?.focus();
          }}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

export const tabId = (panelId: string, id: string) => `${panelId}-tab-${id}`;
