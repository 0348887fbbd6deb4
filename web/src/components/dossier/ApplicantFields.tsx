// The applicant's fields (inside an antd Form, under the name `applicant`): họ tên, CCCD,
// điện thoại, thư điện tử, địa chỉ. Two columns on wide screens, one on a phone.
import type { Ref } from 'react';
import { Col, Form, Input, Row, type InputRef } from 'antd';

import { applicantRules } from './applicant';

export function ApplicantFields({ firstFieldRef }: { firstFieldRef?: Ref<InputRef> }) {
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name={['applicant', 'full_name']} label="Họ và tên người nộp" rules={applicantRules.full_name}>
          <Input ref={firstFieldRef} autoComplete="name" maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['applicant', 'id_number']} label="Số CCCD (định danh cá nhân)" rules={applicantRules.id_number}>
          <Input inputMode="numeric" autoComplete="off" maxLength={12} placeholder="12 chữ số" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['applicant', 'phone']} label="Số điện thoại" rules={applicantRules.phone}>
          <Input type="tel" inputMode="tel" autoComplete="tel" maxLength={20} placeholder="Ví dụ: 0905 123 456" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['applicant', 'email']} label="Thư điện tử" rules={applicantRules.email}>
          <Input type="email" inputMode="email" autoComplete="email" maxLength={254} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name={['applicant', 'address']} label="Địa chỉ" rules={applicantRules.address}>
          <Input autoComplete="street-address" maxLength={300} placeholder="Số nhà, thôn/tổ, xã/phường, huyện, tỉnh" />
        </Form.Item>
      </Col>
    </Row>
  );
}
