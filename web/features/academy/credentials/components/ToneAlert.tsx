import { Alert, type AlertProps } from "@mantine/core";

/**
 * A pale alert with dark text and a colored edge and icon: the text passes WCAG AA contrast whatever
 * the color (Mantine's light variant puts shade 6-9 text on shade 1, which does not for teal or orange).
 */
export function ToneAlert({ color = "gray", ...props }: AlertProps & { color: "teal" | "orange" | "red" | "gray" }) {
  return (
    <Alert
      variant="light"
      color={color}
      styles={{
        root: {
          backgroundColor: `var(--mantine-color-${color}-0)`,
          borderLeft: `4px solid var(--mantine-color-${color}-7)`,
        },
        title: { color: "var(--mantine-color-dark-8)" },
        message: { color: "var(--mantine-color-dark-7)" },
        icon: { color: `var(--mantine-color-${color}-8)` },
      }}
      {...props}
    />
  );
}
