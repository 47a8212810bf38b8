import { useState } from "preact/hooks";

/** A tooltip's text and where it stands in the map's frame. */
export interface Tip {
  code: string;
  text: string;
  x: number;
  y: number;
}

const MIN = 1;
const MAX = 12;

/**
 * Zoom and pan of an SVG map of `width` × `height`: buttons, the mouse wheel, dragging, and the
 * keyboard (+, −, 0 and the arrows) while a state on the map has focus. Kept as a scale and an offset that
 * the map's group is transformed by.
 */
export function useZoom(width: number, height: number) {
  const [view, setView] = useState({ k: 1, x: 0, y: 0 });
  const [drag, setDrag] = useState<{ x: number; y: number } | null>(null);
  const clamp = (k: number, x: number, y: number) => {
    const kk = Math.min(MAX, Math.max(MIN, k));
    return {
      k: kk,
      x: Math.min(0, Math.max(width * (1 - kk), x)),
      y: Math.min(0, Math.max(height * (1 - kk), y)),
    };
  };
  // Zooms about a point of the map (its centre by default), keeping that point where it is.
  const by = (factor: number, cx = width / 2, cy = height / 2) =>
    setView((v) => {
      const k = Math.min(MAX, Math.max(MIN, v.k * factor));
      return clamp(k, cx - ((cx - v.x) * k) / v.k, cy - ((cy - v.y) * k) / v.k);
    });
  const pan = (dx: number, dy: number) => setView((v) => clamp(v.k, v.x + dx, v.y + dy));
  const toMap = (svg: SVGSVGElement, clientX: number, clientY: number) => {
    const box = svg.getBoundingClientRect();
    return { x: ((clientX - box.left) * width) / box.width, y: ((clientY - box.top) * height) / box.height };
  };
  const handlers = {
    onWheel: (e: WheelEvent) => {
      e.preventDefault();
      const p = toMap(e.currentTarget as SVGSVGElement, e.clientX, e.clientY);
      by(e.deltaY < 0 ? 1.25 : 0.8, p.x, p.y);
    },
    onPointerDown: (e: PointerEvent) => setDrag({ x: e.clientX, y: e.clientY }),
    onPointerUp: () => setDrag(null),
    onPointerLeave: () => setDrag(null),
    onPointerMove: (e: PointerEvent) => {
      if (!drag || view.k === 1) return;
      const box = (e.currentTarget as SVGSVGElement).getBoundingClientRect();
      pan(((e.clientX - drag.x) * width) / box.width, ((e.clientY - drag.y) * height) / box.height);
      setDrag({ x: e.clientX, y: e.clientY });
    },
    onKeyDown: (e: KeyboardEvent) => {
      const step = 40;
      const keys: Record<string, () => void> = {
        "+": () => by(1.5),
        "=": () => by(1.5),
        "-": () => by(1 / 1.5),
        "0": () => setView({ k: 1, x: 0, y: 0 }),
        ArrowLeft: () => pan(step, 0),
        ArrowRight: () => pan(-step, 0),
        ArrowUp: () => pan(0, step),
        ArrowDown: () => pan(0, -step),
      };
      const act = keys[e.key];
      if (!act) return;
      e.preventDefault();
      act();
    },
  };
  /** A tooltip beside the element an event is on (the pointer's place, or the focused shape's box). */
  const tipAt = (event: Event, code: string, text: string): Tip => {
    const target = event.currentTarget as Element;
    const frame = target.closest(".map-frame")?.getBoundingClientRect();
    const box = target.getBoundingClientRect();
    const mouse = event as MouseEvent;
    const x = "clientX" in mouse && mouse.clientX ? mouse.clientX : box.left + box.width / 2;
    const y = "clientY" in mouse && mouse.clientY ? mouse.clientY : box.top;
    return { code, text, x: x - (frame?.left ?? 0) + 12, y: y - (frame?.top ?? 0) + 12 };
  };
  return {
    scale: view.k,
    transform: `translate(${view.x} ${view.y}) scale(${view.k})`,
    by,
    reset: () => setView({ k: 1, x: 0, y: 0 }),
    handlers,
    tipAt,
  };
}
