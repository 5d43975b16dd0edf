/**
 * The content script's one element builder (it carries no UI library): `h(tag, props, ...children)`.
 * Props: `on<event>` (lower case: `onclick`) adds a listener; a name the element has as a property
 * (`value`, `readOnly`, `rows`) is set as that property; any other (`class`, `role`, `aria-*`) is an
 * attribute. A null, undefined or false prop is left out (so `aria-*` values are passed as strings).
 * Children: nodes, and strings as text nodes — never markup; false, null and undefined are skipped,
 * and an array is spread one level.
 */
export type Child = Node | string | false | null | undefined;

export function h(
  tag: string,
  props?: Record<string, unknown> | null,
  ...children: Array<Child | Child[]>
): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props ?? {}))
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v as EventListener);
    else if (v != null && v !== false)
      k in el ? ((el as unknown as Record<string, unknown>)[k] = v) : el.setAttribute(k, v as string);
  for (const c of children.flat()) if (c != null && c !== false) el.append(c);
  return el;
}
