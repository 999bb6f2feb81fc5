// lookups that cross open shadow roots: linkedin renders its messaging bubbles and invitation box
// inside a shadow root under #interop-outlet (sites.md), where closest() and document queries stop
(() => {
  /** The shadow root of a host: open ones directly, closed ones through the extension-only apis. */
  gracious.shadowRootOf = (host) => host?.shadowRoot
    ?? globalThis.chrome?.dom?.openOrClosedShadowRoot?.(host)
    ?? host?.openOrClosedShadowRoot
    ?? null;

  /** The nearest ancestor matching a selector, climbing out of shadow roots to their hosts. */
  gracious.closestAcross = (element, selector) => {
    let node = element;
    while (node) {
      const found = node.closest?.(selector);
      if (found) return found;
      const root = node.getRootNode?.();
      node = root instanceof ShadowRoot ? root.host : null;
    }
    return null;
  };

  /** The nearest ancestor matching a selector that also holds a match of every inner selector:
   *  pages nest their containers differently, and the nearest may hold only part of a compose. */
  gracious.closestHolding = (element, selector, ...inner) => {
    for (let node = gracious.closestAcross(element, selector); node; ) {
      if (inner.every((part) => node.querySelector(part))) return node;
      const parent = node.parentElement ?? node.getRootNode?.().host;
      node = parent ? gracious.closestAcross(parent, selector) : null;
    }
    return null;
  };

  /** The nearest ancestor of an element, up to root, that holds a match: what sits closest to an
   *  editor belongs to its compose, rather than to the conversation around it. */
  gracious.nearestAround = (element, root, selector) => {
    for (let node = element.parentElement; node && root.contains(node); node = node.parentElement) {
      if (node.querySelector(selector)) return node;
    }
    return null;
  };

  /** The selection that holds nodes inside this node's tree (a shadow root's own where it has one). */
  gracious.selectionFor = (node) => {
    const root = node?.getRootNode?.();
    return (root instanceof ShadowRoot && root.getSelection?.()) || document.getSelection();
  };

  /** The user's current range inside an editor, read from its shadow root where it lives in one. */
  gracious.rangeIn = (editor) => {
    const root = editor.getRootNode();
    const selection = gracious.selectionFor(editor);
    let range = null;
    if (root instanceof ShadowRoot && !root.getSelection && selection.getComposedRanges) {
      // the standard way: ask for ranges that may point into this shadow root
      const [composed] = selection.getComposedRanges({ shadowRoots: [root] });
      if (composed) {
        range = document.createRange();
        range.setStart(composed.startContainer, composed.startOffset);
        range.setEnd(composed.endContainer, composed.endOffset);
      }
    } else if (selection.rangeCount) {
      range = selection.getRangeAt(0).cloneRange();
    }
    return range && editor.contains(range.startContainer) ? range : null;
  };

  /** Put the caret or selection at a range, in the editor's own tree. */
  gracious.select = (editor, range) => {
    const selection = gracious.selectionFor(editor);
    selection.removeAllRanges();
    selection.addRange(range);
    return selection;
  };
})();
