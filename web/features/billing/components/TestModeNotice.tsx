import { Alert } from "@mantine/core";
import { IconFlask } from "@tabler/icons-react";

/** Shown on every billing page while Pulse runs billing in test mode. */
export function TestModeNotice({ testMode }: { testMode: boolean | undefined }) {
  if (!testMode) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconFlask size={18} aria-hidden />}
      title="Test mode: no money moves"
      // The light yellow title is too faint to read (axe: contrast): the title takes the body's text colour.
      styles={{ title: { color: "var(--mantine-color-text)" } }}
      data-testid="billing-test-mode"
    >
      Billing runs in test mode. Checkout completes without a card, renewals are free and no money is charged or paid
      out.
    </Alert>
  );
}
