import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { useNow } from '../../src/composables/useNow';

afterEach(() => vi.useRealTimers());

describe('useNow, the one clock of the app', () => {
  it('runs one timer however many views read it, and stops it with the last one', () => {
    vi.useFakeTimers({ now: Date.parse('2026-03-02T10:00:00.400Z') });
    const started = vi.spyOn(globalThis, 'setInterval');
    const stopped = vi.spyOn(globalThis, 'clearInterval');
    const scopes = Array.from({ length: 50 }, () => effectScope());
    const clocks = scopes.map((scope) => scope.run(() => useNow())!);
    expect(started).toHaveBeenCalledTimes(1);

    vi.advanceTimersByTime(3_000);
    expect(new Set(clocks.map((clock) => clock.value))).toEqual(new Set([Date.parse('2026-03-02T10:00:03.000Z')]));

    scopes.slice(1).forEach((scope) => scope.stop());
    expect(stopped).not.toHaveBeenCalled();
    scopes[0].stop();
    expect(stopped).toHaveBeenCalledTimes(1);
  });

  it('moves a coarse reader on only when its unit changes', () => {
    vi.useFakeTimers({ now: Date.parse('2026-03-02T10:00:00.000Z') });
    const scope = effectScope();
    const minutes = scope.run(() => useNow(60_000))!;
    const seen: number[] = [];
    for (let i = 0; i < 125; i++) {
      vi.advanceTimersByTime(1_000);
      if (seen.at(-1) !== minutes.value) seen.push(minutes.value);
    }
    expect(seen.map((t) => new Date(t).toISOString().slice(11, 16))).toEqual(['10:00', '10:01', '10:02']);
    scope.stop();
  });
});
