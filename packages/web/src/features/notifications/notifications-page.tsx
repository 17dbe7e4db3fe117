import { Link } from 'wouter';
import { errorMessage } from '../../api/client.js';
import { Avatar } from '../../components/avatar.js';
import { LoadMore } from '../../components/load-more.js';
import { timeAgo } from '../../lib/format.js';
import {
  ACHIEVEMENT_BADGES,
  type AnyNotification,
  notificationLink,
  notificationText,
} from './notification-text.js';
import { useMarkRead, useNotifications, useUnreadCount } from './use-notifications.js';

function Item({ item, onOpen }: { item: AnyNotification; onOpen: () => void }) {
  const badge = ACHIEVEMENT_BADGES[item.kind];
  return (
    <li className={item.read ? 'notification' : 'notification unread'} data-kind={item.kind}>
      <div className="notification-who">
        {badge ? (
          <span className={badge.className}>{badge.text}</span>
        ) : (
          item.actors.map((a) => (
            <Link key={a.id} href={`/athletes/${a.handle}`} aria-label={a.display_name}>
              <Avatar name={a.display_name} id={a.id} size={32} />
            </Link>
          ))
        )}
      </div>
      <div className="notification-body">
        <Link href={notificationLink(item)} onClick={onOpen} className="notification-text">
          {notificationText(item)}
        </Link>
        <div className="muted small">
          <time dateTime={item.updated_at}>{timeAgo(item.updated_at)}</time>
          {!item.read && <span className="sr-only"> · unread</span>}
        </div>
      </div>
    </li>
  );
}

/**
 * Notifications, newest first: kudos and comments grouped per activity, followers together,
 * PRs and KOMs, goals reached; each leads to what it is about. Opening one marks it read;
 * "Mark all read" clears the badge.
 */
export function NotificationsPage() {
  const list = useNotifications();
  const unread = useUnreadCount();
  const mark = useMarkRead();
  // Kinds newer than the client's types (goals, best efforts) arrive in the same list.
  const items: AnyNotification[] = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <main className="page">
      <div className="row">
        <h1 className="grow">Notifications</h1>
        <button
          type="button"
          className="ghost small"
          disabled={!unread || mark.isPending}
          onClick={() => mark.mutate({ all: true })}
        >
          Mark all read
        </button>
      </div>
      {mark.isError && <p role="alert">{errorMessage(mark.error)}</p>}
      {list.isPending ? (
        <p className="muted">Loading…</p>
      ) : list.isError ? (
        <p role="alert">{errorMessage(list.error)}</p>
      ) : items.length ? (
        <ul className="card notifications" aria-label="Notifications">
          {items.map((item) => (
            <Item
              key={item.id}
              item={item}
              onOpen={() => {
                if (!item.read) mark.mutate({ ids: [item.id] });
              }}
            />
          ))}
        </ul>
      ) : (
        <p className="muted">
          Nothing yet. Kudos, comments, new followers, your records and goals reached will show
          here.
        </p>
      )}
      <LoadMore
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />
    </main>
  );
}
