import { Box, Center, Paper, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useRef } from "react";
import { BrandMark } from "./BrandMark";
import { useDocumentTitle, useFocusOnNavigation } from "./page-title";
import { MAIN_CONTENT_ID, SkipLink } from "./SkipLink";

type PublicLayoutProps = {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
};

/** Centered card used by the signed-out pages (sign in, sign up, reset...). */
export function PublicLayout({ title, subtitle, children, footer }: PublicLayoutProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(title);
  useFocusOnNavigation(heading, title);
  return (
    <>
      <SkipLink />
      <Box
        component="main"
        id={MAIN_CONTENT_ID}
        tabIndex={-1}
        mih="100vh"
        py={48}
        px="md"
        style={{
          background:
            "radial-gradient(1200px 600px at 10% -10%, var(--mantine-color-indigo-1), transparent 60%), radial-gradient(900px 500px at 110% 110%, var(--mantine-color-violet-1), transparent 60%), var(--mantine-color-gray-0)",
        }}
      >
        <Center>
          <Stack w="100%" maw={440} gap="lg">
            <Center>
              <BrandMark size="lg" />
            </Center>
            <Paper withBorder shadow="md" p={{ base: "lg", sm: 32 }}>
              <Stack gap="lg">
                <Stack gap={6}>
                  <Title ref={heading} order={1} fz={24} tabIndex={-1} style={{ outline: "none" }}>
                    {title}
                  </Title>
                  {subtitle ? (
                    <Text c="dimmed" fz="sm">
                      {subtitle}
                    </Text>
                  ) : null}
                </Stack>
                {children}
              </Stack>
            </Paper>
            {footer ? (
              <Text ta="center" fz="sm" c="dimmed">
                {footer}
              </Text>
            ) : null}
          </Stack>
        </Center>
      </Box>
    </>
  );
}
