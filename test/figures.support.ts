/**
 * Reading the figures' SVG back as a viewer sees it: data marks with their pixel positions and
 * colours, axis tick labels with their positions, legend entries, the colour legend's gradient.
 * A small XML reader for the element subset the renderer writes (no external parser).
 */

export interface SvgNode {
  tag: string;
  attrs: Record<string, string>;
  children: SvgNode[];
  /** Text directly inside this element (not its children's). */
  text: string;
  parent?: SvgNode;
}

const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;
const ATTR = /([\w:.-]+)="([^"]*)"/g;

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

export function parseSvg(svg: string): SvgNode {
  const root: SvgNode = { tag: '#root', attrs: {}, children: [], text: '' };
  let open = root;
  for (const m of svg.matchAll(TOKEN)) {
    const [, close, tag, attrText, selfClose, text] = m;
    if (text !== undefined) {
      open.text += unescape(text);
    } else if (tag && close) {
      if (open.tag !== tag) throw new Error(`unbalanced </${tag}> inside <${open.tag}>`);
      open = open.parent!;
    } else if (tag) {
      const attrs = Object.fromEntries([...(attrText ?? '').matchAll(ATTR)].map((a) => [a[1], unescape(a[2])]));
      const node: SvgNode = { tag, attrs, children: [], text: '', parent: open };
      open.children.push(node);
      if (!selfClose) open = node;
    }
  }
  if (open !== root) throw new Error(`unclosed <${open.tag}>`);
  return root;
}

export function findAll(node: SvgNode, pred: (n: SvgNode) => boolean, out: SvgNode[] = []): SvgNode[] {
  for (const c of node.children) {
    if (pred(c)) out.push(c);
    findAll(c, pred, out);
  }
  return out;
}

const hasClass = (n: SvgNode, c: string) => (n.attrs.class ?? '').split(/\s+/).includes(c);

/** All text of an element, its tspans included. */
export function textContent(n: SvgNode): string {
  return n.text + n.children.map(textContent).join('');
}

/** Translation of an element in figure pixels: its own and its ancestors' translate(), up to the first rotate. */
export function position(n: SvgNode): { x: number; y: number } {
  let x = 0;
  let y = 0;
  for (let p: SvgNode | undefined = n; p; p = p.parent) {
    const t = (p.attrs.transform ?? '').split('rotate')[0];
    for (const m of t.matchAll(/translate\(([-\d.e]+),\s*([-\d.e]+)\)/g)) {
      x += Number(m[1]);
      y += Number(m[2]);
    }
  }
  return { x, y };
}

/** A number as the figures print it (Unicode minus, `1e-6`, `0.002`). */
export function labelNumber(s: string): number {
  return Number(s.replace(/\u2212/g, '-'));
}

export interface Figure {
  root: SvgNode;
  /** Plot area in figure pixels. */
  frame: { x: number; y: number; width: number; height: number };
}

export function figure(svg: string): Figure {
  const root = parseSvg(svg);
  const bg = findAll(root, (n) => n.tag === 'path' && hasClass(n, 'background') && /^M0\.5,0\.5h[\d.]+v[\d.]+h/.test(n.attrs.d ?? ''))[0];
  if (!bg) throw new Error('no plot frame');
  const [, w, h] = /^M0\.5,0\.5h([\d.]+)v([\d.]+)/.exec(bg.attrs.d)!;
  const o = position(bg);
  return { root, frame: { x: o.x, y: o.y, width: Number(w), height: Number(h) } };
}

/** Elements inside data-mark groups (`role-mark`) of a kind: `symbol`, `line`, `rect`, `text`, `rule`. */
export function marks(f: Figure, kind: string): SvgNode[] {
  const groups = findAll(f.root, (n) => n.tag === 'g' && hasClass(n, 'role-mark') && hasClass(n, `mark-${kind}`));
  return groups.flatMap((g) => g.children.filter((c) => c.tag !== 'g'));
}

/** Vertices of a path's `d` of M/L commands, in figure pixels. */
export function vertices(n: SvgNode): { x: number; y: number }[] {
  const o = position(n);
  return [...(n.attrs.d ?? '').matchAll(/[ML]([-\d.e]+),([-\d.e]+)/g)].map((m) => ({ x: o.x + Number(m[1]), y: o.y + Number(m[2]) }));
}

/** Labelled ticks of the x or y axis: value and the tick mark's pixel position (x for the x axis, y for the y axis). */
export function ticks(f: Figure, axis: 'X' | 'Y'): { value: number; at: number; text: string }[] {
  const group = findAll(f.root, (n) => n.tag === 'g' && (n.attrs['aria-label'] ?? '').startsWith(`${axis}-axis`))[0];
  if (!group) throw new Error(`no ${axis} axis`);
  const part = (role: string) => findAll(group, (n) => n.tag === 'g' && hasClass(n, role))[0].children;
  const marksAt = part('role-axis-tick').map(position);
  const labels = part('role-axis-label');
  if (marksAt.length !== labels.length) throw new Error(`${axis} axis: ${marksAt.length} ticks, ${labels.length} labels`);
  return labels
    .map((t, i) => ({ value: labelNumber(textContent(t)), at: axis === 'X' ? marksAt[i].x : marksAt[i].y, text: textContent(t), shown: t.attrs.opacity !== '0' }))
    .filter((t) => t.shown && t.text.trim() !== '')
    .map(({ value, at, text }) => ({ value, at, text }));
}

/** Symbol-legend entries: label and the fill (or stroke) of its symbol. */
export function legend(f: Figure): { label: string; colour: string }[] {
  const symbols = findAll(f.root, (n) => n.tag === 'g' && hasClass(n, 'role-legend-symbol')).flatMap((g) => g.children);
  const labels = findAll(f.root, (n) => n.tag === 'g' && hasClass(n, 'role-legend-label')).flatMap((g) => g.children);
  if (symbols.length !== labels.length) throw new Error('legend symbols and labels differ in number');
  return labels.map((l, i) => ({ label: textContent(l), colour: (symbols[i].attrs.fill ?? symbols[i].attrs.stroke).toLowerCase() }));
}

/** A gradient (colour) legend: its labels with positions along the gradient, and its colour stops. */
export function gradientLegend(f: Figure): { labels: { value: number; at: number }[]; stops: { offset: number; colour: string }[]; length: number } {
  const stops = findAll(f.root, (n) => n.tag === 'stop').map((s) => ({ offset: Number(s.attrs.offset), colour: s.attrs['stop-color'] }));
  const bar = findAll(f.root, (n) => n.tag === 'g' && hasClass(n, 'role-legend-gradient'))[0]?.children[0];
  if (!bar || !stops.length) throw new Error('no gradient legend');
  const [, , h] = /^M0,0h([\d.]+)v([\d.]+)/.exec(bar.attrs.d) ?? [];
  const top = position(bar).y;
  const labels = findAll(f.root, (n) => n.tag === 'g' && hasClass(n, 'role-legend-label'))
    .flatMap((g) => g.children)
    .map((t) => ({ value: labelNumber(textContent(t)), at: position(t).y - top }));
  return { labels, stops, length: Number(h) };
}

/** "rgb(r, g, b)" or "#rrggbb" as [r, g, b]. */
export function rgb(colour: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (hex) return [1, 2, 3].map((i) => parseInt(hex[i], 16)) as [number, number, number];
  const m = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(colour);
  if (!m) throw new Error(`colour ${colour}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}
