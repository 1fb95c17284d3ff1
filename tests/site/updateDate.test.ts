import { describe, expect, it } from 'vitest';
import { formatUpdateDate } from '../../src/theme/LastUpdated/updateDate';

/** What the theme's own LastUpdated prints for the site's `en` locale. */
const themeFormat = new Intl.DateTimeFormat('en', {
  calendar: 'gregory',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

describe("the pages' last-updated date", () => {
  it('reads as the theme writes it for en, in UTC, on every day of a leap year and around midnight UTC', () => {
    const start = Date.UTC(2024, 0, 1);
    for (let day = 0; day < 366; day++) {
      for (const offsetMs of [0, 1, 23 * 3_600_000 + 59 * 60_000]) {
        const date = new Date(start + day * 86_400_000 + offsetMs);
        expect(formatUpdateDate(date)).toBe(themeFormat.format(date));
      }
    }
  });
});
