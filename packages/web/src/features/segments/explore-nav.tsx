import { Link, useLocation } from 'wouter';

const LINKS = [
  { href: '/segments', label: 'Segments' },
  { href: '/segments/starred', label: 'Starred' },
  { href: '/leaderboards', label: 'Leaderboards' },
] as const;

/** The pages under Explore: the segment map, starred segments, athlete leaderboards. */
export function ExploreNav() {
  const [location] = useLocation();
  return (
    <nav className="tabs" aria-label="Explore">
      {LINKS.map((l) => (
        <Link
          key={l.href}
          href={l.href}
          className={location === l.href ? 'tab active' : 'tab'}
          aria-current={location === l.href ? 'page' : undefined}
        >
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
