import type { Page } from 'playwright-core';

/** How one control's focus indicator measured up. */
export interface FocusRing {
  /** The control, as a reader would name it: tag and accessible label or text. */
  control: string;
  /** Pixels (CSS pixels squared × device pixels) whose colour changes by ≥ 3:1 on focus. */
  ringPixels: number;
  /** The control's perimeter in the same units: a 1px ring all round, or 2px round half. */
  perimeter: number;
}

interface FocusedControl {
  key: string;
  control: string;
  rect: { x: number; y: number; width: number; height: number };
}

/**
 * The focused control and the box a reader sees it as: itself, or for a visually hidden input
 * (a file input behind its label) the label that stands in for it. Null on the body.
 */
function describeFocus(): FocusedControl | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || active === document.body) return null;
  const own = active.getBoundingClientRect();
  const labels = (active as HTMLInputElement).labels;
  const shown = own.width <= 2 || own.height <= 2 ? (labels?.[0] ?? active) : active;
  const rect = shown.getBoundingClientRect();
  const path: string[] = [];
  for (let el: Element | null = active; el && el !== document.body; el = el.parentElement)
    path.unshift(`${el.tagName}:${Array.from(el.parentElement?.children ?? []).indexOf(el)}`);
  const name = active.getAttribute('aria-label') ?? shown.textContent?.trim().slice(0, 30) ?? '';
  return {
    key: path.join('/'),
    control: `${active.tagName.toLowerCase()} "${name}"`,
    rect: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
  };
}

/**
 * The number of pixels whose colour differs by a contrast ratio of at least 3:1 between two
 * same-sized PNG screenshots: WCAG's measure of a focus indicator (the change of colour between
 * the focused and unfocused states). Runs in the page, whose canvas decodes the PNGs.
 */
async function changedPixels([a, b]: [string, string]): Promise<number> {
  const decode = async (base64: string) => {
    // Decoded from bytes, not fetched from a data: URL, which the page's CSP refuses.
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.drawImage(bitmap, 0, 0);
    return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
  };
  const [one, two] = [await decode(a), await decode(b)];
  const linear = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = (d: Uint8ClampedArray, i: number) =>
    0.2126 * linear(d[i] ?? 0) + 0.7152 * linear(d[i + 1] ?? 0) + 0.0722 * linear(d[i + 2] ?? 0);
  let count = 0;
  for (let i = 0; i < one.length; i += 4) {
    const [x, y] = [luminance(one, i), luminance(two, i)];
    if ((Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05) >= 3) count++;
  }
  return count;
}

// Room round the control for its ring, or for a ring on the box that holds it (a search field).
const MARGIN_PX = 24;

/**
 * Tabs through the page from the top and measures each control's focus indicator: a screenshot
 * of the control and its surroundings focused, and again with focus taken away.
 */
export async function focusRings(page: Page, maxStops = 80): Promise<FocusRing[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const viewport = page.viewportSize() ?? { width: 0, height: 0 };
  const scale = await page.evaluate(() => window.devicePixelRatio);
  const rings: FocusRing[] = [];
  const seen = new Set<string>();
  for (let stop = 0; stop < maxStops; stop++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(describeFocus);
    if (!focused || seen.has(focused.key)) break;
    seen.add(focused.key);
    const { rect } = focused;
    const x = Math.max(0, Math.floor(rect.x - MARGIN_PX));
    const y = Math.max(0, Math.floor(rect.y - MARGIN_PX));
    const clip = {
      x,
      y,
      width: Math.min(viewport.width, Math.ceil(rect.x + rect.width + MARGIN_PX)) - x,
      height: Math.min(viewport.height, Math.ceil(rect.y + rect.height + MARGIN_PX)) - y,
    };
    if (clip.width <= 0 || clip.height <= 0) continue;
    // The part of the control on screen: a ring round a box taller than the window shows only there.
    const visibleWidth = Math.min(viewport.width, rect.x + rect.width) - Math.max(0, rect.x);
    const visibleHeight = Math.min(viewport.height, rect.y + rect.height) - Math.max(0, rect.y);
    const shot = () => page.screenshot({ clip, animations: 'disabled' });
    const withFocus = await shot();
    await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      (window as unknown as { a11yFocused: HTMLElement }).a11yFocused = el;
      el.blur();
    });
    const withoutFocus = await shot();
    // Focus again from script: after keyboard use, the browser shows it as :focus-visible.
    await page.evaluate(() => (window as unknown as { a11yFocused: HTMLElement }).a11yFocused.focus());
    const ringPixels = await page.evaluate(changedPixels, [
      withFocus.toString('base64'),
      withoutFocus.toString('base64'),
    ] as [string, string]);
    rings.push({
      control: focused.control,
      ringPixels,
      perimeter: Math.round(2 * (visibleWidth + visibleHeight) * scale * scale),
    });
  }
  return rings;
}
