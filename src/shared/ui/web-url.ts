// Links from lists are written by strangers: only http(s) addresses ever become links.
export function isWebUrl(href: string): boolean {
  try {
    const { protocol } = new URL(href);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** The host of an http(s) address (shown for a list's website: whose site it is), else undefined. */
export function webHost(href: string): string | undefined {
  return isWebUrl(href) ? new URL(href).host : undefined;
}
