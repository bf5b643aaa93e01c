import { Group, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useRef } from "react";
import { useDocumentTitle, useFocusOnNavigation } from "./page-title";

type PageHeaderProps = {
  title: string;
  description?: ReactNode;
  badge?: ReactNode;
  actions?: ReactNode;
};

/** The h1 and short description at the top of each signed-in page; it also names the browser tab after the page
 * and, after a navigation, takes the focus so keyboard and screen-reader users start at the new page. */
export function PageHeader({ title, description, badge, actions }: PageHeaderProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(title);
  useFocusOnNavigation(heading, title);
  return (
    <Group justify="space-between" align="flex-start" gap="md" mb="xl">
      <Stack gap={6} maw={720} miw={0}>
        <Group gap="sm" align="center">
          <Title ref={heading} order={1} fz={28} tabIndex={-1} style={{ outline: "none", overflowWrap: "anywhere" }}>
            {title}
          </Title>
          {badge}
        </Group>
        {description ? <Text c="dimmed">{description}</Text> : null}
      </Stack>
      {actions ? <Group gap="sm">{actions}</Group> : null}
    </Group>
  );
}
