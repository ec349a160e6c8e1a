import { Card, Col, Form, Row } from 'antd';
import type { ReactNode } from 'react';

/** A titled block of a part page. */
export function Section(props: { title: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <Card size="small" title={props.title} extra={props.extra} style={{ marginBottom: 16 }}>
      <Form layout="vertical" component="div">
        {props.children}
      </Form>
    </Card>
  );
}

/** A labelled field in a responsive grid cell (span out of 24). */
export function Field(props: { label: string; children: ReactNode; span?: number; help?: string }) {
  return (
    <Col xs={24} md={props.span ?? 8}>
      <Form.Item label={props.label} tooltip={props.help} style={{ marginBottom: 12 }}>
        {props.children}
      </Form.Item>
    </Col>
  );
}

export function Fields(props: { children: ReactNode }) {
  return <Row gutter={16}>{props.children}</Row>;
}
