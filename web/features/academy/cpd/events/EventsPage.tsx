import { Anchor, Button, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import type { EventView } from "../../../../../src/features/academy/cpd/events/contract";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { PageHeader } from "../../../../ui/PageHeader";
import { SectionCard } from "../../../../ui/SectionCard";
import { type Tone, ToneBadge } from "../../../../ui/ToneBadge";
import { eventIcsUrl, useCpdEvents, useRegistration } from "./queries";

const KIND: Record<EventView["kind"], string> = {
  live_training: "Live training",
  expert_conversation: "Expert conversation",
  panel_discussion: "Panel discussion",
  workshop: "Workshop",
};
const STATUS: Record<string, { label: string; tone: Tone }> = {
  registered: { label: "Registered", tone: "teal" },
  waitlisted: { label: "On the waiting list", tone: "orange" },
};

function when(e: EventView): string {
  const fmt = new Intl.DateTimeFormat(undefined, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: e.timeZone,
    timeZoneName: "short",
  });
  return `${fmt.format(new Date(e.startsAt))} (${e.minutes} min)`;
}

function EventRow({ event }: { event: EventView }) {
  const registration = useRegistration();
  const placed = event.myStatus === "registered" || event.myStatus === "waitlisted";
  const status = event.myStatus ? STATUS[event.myStatus] : undefined;
  const full = event.capacity !== null && event.registeredCount >= event.capacity;
  return (
    <Stack gap={4} py="sm">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3} fz="md">
            {event.title}
          </Title>
          <Text fz="sm" c="dimmed">
            {KIND[event.kind]} · hosted by {event.host} · {when(event)}
            {event.capacity !== null ? ` · ${event.registeredCount}/${event.capacity} places` : ""}
          </Text>
        </div>
        <Group gap="xs">
          {status ? <ToneBadge tone={status.tone}>{status.label}</ToneBadge> : null}
          <Button
            size="xs"
            variant={placed ? "default" : "filled"}
            loading={registration.isPending}
            onClick={() => registration.mutate({ id: event.id, register: !placed })}
            aria-label={`${placed ? "Cancel registration for" : "Register for"} ${event.title}`}
          >
            {placed ? "Cancel" : full ? "Join waiting list" : "Register"}
          </Button>
          <Anchor href={eventIcsUrl(event.id)} fz="sm" download>
            Add to calendar (.ics)
          </Anchor>
        </Group>
      </Group>
      {event.description ? <Text fz="sm">{event.description}</Text> : null}
      {event.myStatus === "registered" ? (
        <Anchor href={event.joinUrl} fz="sm" target="_blank" rel="noreferrer">
          Join link
        </Anchor>
      ) : null}
      <ErrorAlert message={registration.error?.message} />
    </Stack>
  );
}

/** Live Events Calendar: events by heading (upcoming, or one month), register or cancel in a click. */
export function EventsPage() {
  const [month, setMonth] = useState("");
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : undefined;
  const events = useCpdEvents(valid);
  const headings = events.data?.headings ?? [];
  return (
    <Stack>
      <PageHeader title="Live events" description="Live training, expert conversations, panels and workshops." />
      <TextInput
        label="Month (YYYY-MM, empty for upcoming)"
        value={month}
        onChange={(e) => setMonth(e.currentTarget.value)}
        w={260}
      />
      <ErrorAlert message={events.error?.message} />
      {events.isSuccess && headings.length === 0 ? <Text>No events scheduled.</Text> : null}
      {headings.map((h) => (
        <SectionCard key={h.heading} title={h.heading}>
          {h.events.map((e) => (
            <EventRow key={e.id} event={e} />
          ))}
        </SectionCard>
      ))}
    </Stack>
  );
}
