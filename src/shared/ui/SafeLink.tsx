// Links from lists are written by strangers: only http(s) addresses become links, always in a new tab.
import type { ComponentChildren } from 'preact';
import { isWebUrl } from './web-url';

export function SafeLink({ href, children }: { href: string; children: ComponentChildren }) {
  if (!isWebUrl(href)) return <span>{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}
