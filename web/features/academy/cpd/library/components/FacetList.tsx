import { Button, Stack, Text } from "@mantine/core";

type Facet = { value: string; count: number };

/** A filter group: one toggle per value with its count; the pressed one is the active filter. */
export function FacetList({
  title,
  facets,
  active,
  label,
  onSelect,
}: {
  title: string;
  facets: Facet[];
  active: string | undefined;
  label?: (value: string) => string;
  onSelect: (value: string | undefined) => void;
}) {
  const id = `facet-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <Stack gap={4} role="group" aria-labelledby={id}>
      <Text id={id} fw={600} size="sm">
        {title}
      </Text>
      {facets.map((f) => {
        const pressed = active === f.value;
        return (
          <Button
            key={f.value}
            variant={pressed ? "light" : "subtle"}
            color={pressed ? "teal" : "gray"}
            c={f.count === 0 && !pressed ? "dimmed" : undefined}
            justify="space-between"
            size="compact-sm"
            fullWidth
            aria-pressed={pressed}
            onClick={() => onSelect(pressed ? undefined : f.value)}
            rightSection={<span>{f.count}</span>}
            styles={{ label: { fontWeight: pressed ? 600 : 400 } }}
          >
            {label ? label(f.value) : f.value}
          </Button>
        );
      })}
    </Stack>
  );
}
