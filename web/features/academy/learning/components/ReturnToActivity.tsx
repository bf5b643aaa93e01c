import { Button, Group, Modal, Text } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { ActivityLock, type ActivityState } from "../activity-lock";

/** Holds the course (module) for this tab while mounted; returns the state and the lock's actions. */
export function useCourseActivity(courseId: string) {
  const [state, setState] = useState<ActivityState>("checking");
  const lock = useRef<ActivityLock | null>(null);
  useEffect(() => {
    const current = new ActivityLock(courseId, setState);
    lock.current = current;
    current.start();
    const onHide = () => current.release();
    window.addEventListener("pagehide", onHide);
    return () => {
      window.removeEventListener("pagehide", onHide);
      current.release();
      lock.current = null;
    };
  }, [courseId]);
  return {
    state,
    takeOver: () => lock.current?.takeOver(),
    release: () => lock.current?.release(),
  };
}

/** The blocking "Return to activity" dialog shown while another tab holds the course. */
export function ReturnToActivityDialog({ opened, onContinueHere }: { opened: boolean; onContinueHere: () => void }) {
  return (
    <Modal
      opened={opened}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      trapFocus
      centered
      title="Return to activity"
    >
      <Text mb="md">
        This course is open in another tab. Go back to that tab to carry on, or continue here: the other tab will pause.
        Your progress is saved either way.
      </Text>
      <Group justify="flex-end">
        <Button onClick={onContinueHere}>Continue here</Button>
      </Group>
    </Modal>
  );
}
