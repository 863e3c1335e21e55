/**
 * Where the formula editor's suggestion popup goes. It is fixed on the viewport, since the
 * scrolling dialog body would clip it, but kept within that body's visible part (never over the
 * dialog's header or buttons) and moved with the text box whenever anything scrolls.
 */
import { useLayoutEffect, useState } from 'react';
import type { CSSProperties, RefObject } from 'react';

/** A vertical stretch of the viewport, in CSS pixels. */
export interface Band {
  top: number;
  bottom: number;
}

const GAP = 4;
const MAX_HEIGHT = 280;
/** Less room than this (about one suggestion and a half) shows none. */
const MIN_HEIGHT = 48;
/** Below the box when it has this much room there, even if above has more. */
const ROOM_BELOW = 160;

/**
 * The popup's style while `open`, or null when it must not show: the box is scrolled out of
 * sight or has no room beside it. `value` re-places it when the text (and the box) changes.
 */
export function usePopupPlacement(
  boxRef: RefObject<HTMLElement | null>,
  open: boolean,
  value: string,
): CSSProperties | null {
  const [style, setStyle] = useState<CSSProperties | null>(null);
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!open || !box) return;
    const place = () => setStyle(placePopup(box.getBoundingClientRect(), visibleBand(box)));
    place();
    // Scroll events do not bubble; capturing sees the dialog body's (and any ancestor's).
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [boxRef, open, value]);
  return open ? style : null;
}

/** The part of the viewport that the box's nearest scrolling ancestor shows. */
export function visibleBand(el: HTMLElement): Band {
  const viewport = { top: 0, bottom: window.innerHeight };
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if (overflowY === 'auto' || overflowY === 'scroll') {
      const r = p.getBoundingClientRect();
      return { top: Math.max(r.top, viewport.top), bottom: Math.min(r.bottom, viewport.bottom) };
    }
  }
  return viewport;
}

/** Below the box, or above it when there is too little room underneath, inside `band`. */
export function placePopup(
  box: Band & { left: number; width: number },
  band: Band,
): CSSProperties | null {
  if (box.bottom < band.top || box.top > band.bottom) return null;
  const below = band.bottom - box.bottom - GAP;
  const above = box.top - band.top - GAP;
  const base = { left: box.left, width: box.width };
  if (below >= ROOM_BELOW || below >= above) {
    if (below < MIN_HEIGHT) return null;
    return { ...base, top: box.bottom + GAP, maxHeight: Math.min(MAX_HEIGHT, below) };
  }
  if (above < MIN_HEIGHT) return null;
  return {
    ...base,
    bottom: window.innerHeight - box.top + GAP,
    maxHeight: Math.min(MAX_HEIGHT, above),
  };
}
