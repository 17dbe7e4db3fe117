import type { ReactNode } from 'react';

/** A titled card: the page's sections, each a landmark named by its heading. */
export function Section({
  id,
  title,
  className = 'card section',
  children,
}: {
  id: string;
  title: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section className={className} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
