import AxeBuilder from '@axe-core/playwright';
import { Page } from '@playwright/test';
import { test, expect, signInAsGuest, postmortemsApi } from './fixtures';

/**
 * Scans what the page shows with axe-core (WCAG 2.1 A and AA) and fails on
 * a serious or critical violation, listing each with the elements it found.
 */
async function expectNoSeriousViolations(page: Page, screen: string) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = violations.filter(
    v => v.impact === 'serious' || v.impact === 'critical',
  );
  // Soft: every screen is scanned, and the journey lists all that fail.
  expect
    .soft(
      serious.map(
        v =>
          `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.help}\n${v.nodes
            .slice(0, 5)
            .map(n => `    ${n.target.join(' ')}: ${n.failureSummary}`)
            .join('\n')}`,
      ),
      `serious or critical accessibility violations on ${screen}`,
    )
    .toEqual([]);
}

test('the plugin’s screens have no serious or critical accessibility violations', async ({
  page,
}) => {
  await signInAsGuest(page);

  await page.goto('/');
  await expect(page.getByText(/reading session/i).first()).toBeVisible();
  await expectNoSeriousViolations(page, 'the home page card');

  await page.goto('/catalog/default/component/seikyu-kanri-robo/postmortems');
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  await expectNoSeriousViolations(page, 'the entity Postmortems tab');

  await page.goto('/catalog/default/component/seikyu-kanri-robo/action-items');
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  await expectNoSeriousViolations(page, 'the entity Action items tab');

  await page.goto('/catalog/default/group/sre/action-items');
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  await expectNoSeriousViolations(page, 'a group’s Action items tab');

  await page.goto('/postmortems');
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  await expectNoSeriousViolations(page, 'the standalone page');

  const { items } = await postmortemsApi(
    'GET',
    '/postmortems?entityRef=component:default/seikyu-kanri-robo&limit=1',
  );
  await page.goto(`/postmortems/${items[0].id}`);
  await expect(
    page.getByRole('heading', { name: items[0].title }),
  ).toBeVisible();
  await expectNoSeriousViolations(page, 'a postmortem page');
});
