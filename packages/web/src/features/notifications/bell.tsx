import { Link, useLocation } from 'wouter';
import { useUnreadCount } from './use-notifications.js';

/** The header's way to notifications, with how many are unread (kept live by the stream). */
export function Bell() {
  const unread = useUnreadCount();
  const [location] = useLocation();
  const label = unread ? `Notifications, ${unread} unread` : 'Notifications';
  return (
    <Link
      href="/notifications"
      className={`bell${location === '/notifications' ? ' current' : ''}`}
      aria-label={label}
      title={label}
      data-testid="notification-bell"
    >
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {unread > 0 && (
        <span className="bell-badge" data-testid="notification-badge" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
