/**
 * Reading the figures' SVG back as a viewer sees it: data marks with their pixel positions and
 * colours, axis tick labels with their positions, legend entries, the colour legend's gradient.
 * A small XML reader for the element subset src/plot/svg.ts writes (no external parser).
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
  const plot = findAll(root, (n) => n.tag === 'rect' && hasClass(n, 'plot'))[0];
  if (!plot) throw new Error('no plot frame');
  const o = position(plot);
  return { root, frame: { x: o.x, y: o.y, width: Number(plot.attrs.width), height: Number(plot.attrs.height) } };
}

/** Elements of the data-mark group of a kind: `symbol`, `line`, `rect`, `rule`, `guide`, `guide-label`. */
export function marks(f: Figure, kind: string): SvgNode[] {
  return findAll(f.root, (n) => n.tag === 'g' && hasClass(n, 'marks') && hasClass(n, kind)).flatMap((g) => g.children);
}

/** Points of a mark in figure pixels: a path's M/L vertices, a line's ends, a circle's centre, a rect's corners. */
export function vertices(n: SvgNode): { x: number; y: number }[] {
  const o = position(n);
  const num = (k: string) => Number(n.attrs[k] ?? 0);
  const local =
    n.tag === 'path'
      ? [...(n.attrs.d ?? '').matchAll(/[ML]([-\d.e]+),([-\d.e]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }))
      : n.tag === 'line'
        ? [{ x: num('x1'), y: num('y1') }, { x: num('x2'), y: num('y2') }]
        : n.tag === 'circle'
          ? [{ x: num('cx'), y: num('cy') }]
          : [{ x: num('x'), y: num('y') }, { x: num('x') + num('width'), y: num('y') + num('height') }];
  return local.map((p) => ({ x: o.x + p.x, y: o.y + p.y }));
}

/** Where a text is anchored, in figure pixels. */
function anchor(t: SvgNode): { x: number; y: number } {
  const o = position(t);
  return { x: o.x + Number(t.attrs.x ?? 0), y: o.y + Number(t.attrs.y ?? 0) };
}

/** Labelled ticks of the x or y axis: value and pixel position (x for the x axis, y for the y axis). */
export function ticks(f: Figure, axis: 'X' | 'Y'): { value: number; at: number; text: string }[] {
  const group = findAll(f.root, (n) => n.tag === 'g' && hasClass(n, 'axis') && hasClass(n, axis.toLowerCase()))[0];
  if (!group) throw new Error(`no ${axis} axis`);
  return findAll(group, (n) => n.tag === 'text' && hasClass(n, 'tick-label')).map((t) => {
    const p = anchor(t);
    return { value: labelNumber(textContent(t)), at: axis === 'X' ? p.x : p.y, text: textContent(t) };
  });
}

/** Symbol-legend entries: label and the fill of its mark. */
export function legend(f: Figure): { label: string; colour: string }[] {
  return findAll(f.root, (n) => n.tag === 'g' && hasClass(n, 'entry')).map((e) => ({
    label: textContent(e.children.find((c) => c.tag === 'text')!),
    colour: e.children.find((c) => c.tag !== 'text')!.attrs.fill.toLowerCase(),
  }));
}

/** The colour legend: its labels with positions down from the top of the bar, its colour stops, the bar's length. */
export function gradientLegend(f: Figure): { labels: { value: number; at: number }[]; stops: { offset: number; colour: string }[]; length: number } {
  const stops = findAll(f.root, (n) => n.tag === 'stop').map((s) => ({ offset: Number(s.attrs.offset), colour: s.attrs['stop-color'].toLowerCase() }));
  const bar = findAll(f.root, (n) => n.tag === 'rect' && hasClass(n, 'bar'))[0];
  if (!bar || !stops.length) throw new Error('no gradient legend');
  const top = Number(bar.attrs.y);
  const labels = findAll(f.root, (n) => n.tag === 'text' && hasClass(n, 'legend-label')).map((t) => ({ value: labelNumber(textContent(t)), at: Number(t.attrs.y) - top }));
  return { labels, stops, length: Number(bar.attrs.height) };
}

/** "rgb(r, g, b)" or "#rrggbb" as [r, g, b]. */
export function rgb(colour: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (hex) return [1, 2, 3].map((i) => parseInt(hex[i], 16)) as [number, number, number];
  const m = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(colour);
  if (!m) throw new Error(`colour ${colour}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}
