import { expect } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { baseUrl } from './helpers';

/** A phone of the size the app is laid out for (iPhone 12–15): a touch screen that honours the viewport meta tag. */
export const PHONE = { width: 390, height: 844 };

export async function newPhoneContext(browser: Browser, locale = 'en-US'): Promise<BrowserContext> {
  return browser.newContext({ baseURL: baseUrl(), locale, viewport: PHONE, isMobile: true, hasTouch: true, reducedMotion: 'reduce' });
}

/**
 * Nothing scrolls sideways. A mobile browser widens the layout viewport to fit a page that is too
 * wide, so the viewport must still be the phone's width, and the page no wider than it.
 */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(innerWidth).toBe(PHONE.width);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/** Height of an element on screen, in CSS pixels. */
export async function heightOf(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`not visible: ${locator}`);
  return box.height;
}

/** A finger's target: at least 44 px tall. */
export async function expectTouchTarget(locator: Locator): Promise<void> {
  expect(await heightOf(locator)).toBeGreaterThanOrEqual(44);
}

/** Scores, names and tiers of the cards currently in the DOM, top to bottom. */
export async function visibleCards(page: Page): Promise<Array<{ id: string; score: number; tier: string; name: string }>> {
  return page.$$eval('[role=listitem][data-lead-id]', (cards) =>
    cards
      .map((card) => ({
        top: card.getBoundingClientRect().top,
        id: card.getAttribute('data-lead-id') ?? '',
        score: Number(card.querySelector('.score')?.textContent),
        tier: card.querySelector('.tier')?.textContent?.trim() ?? '',
        name: card.querySelector('.name')?.textContent?.trim() ?? '',
      }))
      .sort((a, b) => a.top - b.top)
      .map(({ top: _top, ...rest }) => rest),
  );
}
