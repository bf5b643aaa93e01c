import { Button, Group } from "@mantine/core";
import { IconFileSpreadsheet, IconFileTypeCsv } from "@tabler/icons-react";

/** Plain download links: the server streams the file, however many clients the segment holds. */
export function ExportButtons({
  csvHref,
  xlsxHref,
  disabled,
}: {
  csvHref: string;
  xlsxHref: string;
  disabled: boolean;
}) {
  return (
    <Group gap="xs">
      <Button
        component="a"
        href={csvHref}
        download
        variant="default"
        size="sm"
        leftSection={<IconFileTypeCsv size={16} aria-hidden />}
        disabled={disabled}
      >
        Export CSV
      </Button>
      <Button
        component="a"
        href={xlsxHref}
        download
        variant="default"
        size="sm"
        leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
        disabled={disabled}
      >
        Export Excel
      </Button>
    </Group>
  );
}
