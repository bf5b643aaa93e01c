import { Paper, Tabs, Textarea, Typography } from "@mantine/core";
import ReactMarkdown from "react-markdown";

/** A Markdown textarea with a Preview tab (rendered as the lesson player renders it). */
export function MarkdownEditor({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  return (
    <Tabs defaultValue="write" keepMounted={false}>
      <Tabs.List aria-label={`${label}: write or preview`}>
        <Tabs.Tab value="write">Write</Tabs.Tab>
        <Tabs.Tab value="preview">Preview</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="write" pt="xs">
        <Textarea
          label={label}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          autosize
          minRows={6}
          maxRows={24}
          error={error}
          styles={{ input: { fontFamily: "monospace" } }}
        />
      </Tabs.Panel>
      <Tabs.Panel value="preview" pt="xs">
        <Paper withBorder p="md" aria-label={`${label} preview`}>
          <Typography>
            <ReactMarkdown>{value}</ReactMarkdown>
          </Typography>
        </Paper>
      </Tabs.Panel>
    </Tabs>
  );
}
