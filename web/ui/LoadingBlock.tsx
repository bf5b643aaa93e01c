import { Center, Loader } from "@mantine/core";

/** A centered spinner with an accessible label while data loads. */
export function LoadingBlock({ label = "Loading" }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-label={label}>
      <Loader size="md" />
    </Center>
  );
}
