import { Button, Input, Space, message } from 'antd';
import { useState } from 'react';

/** A text box and its button; the text stays when sending fails, so nothing typed is lost. */
export function CommentBox(props: {
  label: string;
  button: string;
  onSend: (body: string) => Promise<void>;
  testId?: string;
}) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    try {
      await props.onSend(text.trim());
      setText('');
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={4} data-testid={props.testId}>
      <Input.TextArea
        aria-label={props.label}
        placeholder={props.label}
        value={text}
        autoSize={{ minRows: 2, maxRows: 6 }}
        onChange={(e) => setText(e.target.value)}
      />
      <Button size="small" type="primary" loading={busy} disabled={text.trim() === ''} onClick={() => void send()}>
        {props.button}
      </Button>
    </Space>
  );
}
