// Which element a shadow tree hangs from. closest(), parentElement and the like stop at a shadow
// root; what a reader sees (a language, a scrolling box) goes on past it to the host.

/** The host of the shadow tree `node` is in, or null when it is in no shadow tree. */
export function shadowHostOf(node: Node): Element | null {
  const root = node.getRootNode();
  // nodeType, not instanceof: this also runs on DOM implementations without browser globals (the CLI).
  return root.nodeType === 11 ? ((root as ShadowRoot).host ?? null) : null;
}
